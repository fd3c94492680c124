using GraphQL.Types;
using GraphQLParser.AST;

namespace Amplify.DataStore.LocalBackend.Scalars;

/// <summary>
/// Base of the AWS scalars that travel as strings (AWSDate, AWSEmail, ...): accepts only string literals and
/// string variables, validates the text, and keeps it exactly as given. AppSync stores and returns these values
/// verbatim, so normalizing (say, <c>+05:30</c> to <c>Z</c>) would make the local backend disagree with it.
/// </summary>
internal abstract class AwsStringScalarGraphType : ScalarGraphType
{
    /// <summary>Names and describes the scalar.</summary>
    protected AwsStringScalarGraphType(string name, string description)
    {
        Name = name;
        Description = description;
    }

    /// <summary>Whether <paramref name="value"/> is valid text for this scalar.</summary>
    protected abstract bool IsValid(string value);

    /// <summary>Why a text failed <see cref="IsValid"/>, added to the error message when it helps; null for none.</summary>
    protected virtual string? Rule => null;

    /// <inheritdoc/>
    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue text => Check((string)text.Value),
        GraphQLNullValue => null,
        _ => throw AwsScalarErrors.WrongLiteral(Name, value, "a string"),
    };

    /// <inheritdoc/>
    public override object? ParseValue(object? value) => value switch
    {
        string text => Check(text),
        null => null,
        _ => throw AwsScalarErrors.WrongType(Name, value, "a string"),
    };

    /// <inheritdoc/>
    // Output goes through the same check: AppSync also refuses to return a malformed value of these types.
    public override object? Serialize(object? value) => ParseValue(value);

    /// <inheritdoc/>
    public override bool CanParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue text => IsValid((string)text.Value),
        GraphQLNullValue => true,
        _ => false,
    };

    /// <inheritdoc/>
    public override bool CanParseValue(object? value) => value switch
    {
        string text => IsValid(text),
        null => true,
        _ => false,
    };

    private string Check(string text) => IsValid(text) ? text : throw AwsScalarErrors.Invalid(Name, text, Rule);
}
