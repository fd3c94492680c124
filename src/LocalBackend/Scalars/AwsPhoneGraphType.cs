using Amplify.DataStore.AwsScalars;

namespace Amplify.DataStore.LocalBackend.Scalars;

/// <summary>
/// AppSync's <c>AWSPhone</c>, checked by the rule the client and the schema check share (<see cref="AwsPhoneRule"/>):
/// an optional leading <c>+</c>, then 4–15 digits in groups separated by single spaces, hyphens or dots, with at most
/// one pair of parentheses around a group.
/// </summary>
internal sealed class AwsPhoneGraphType : AwsStringScalarGraphType
{
    /// <summary>Creates the scalar, named <c>AWSPhone</c>.</summary>
    public AwsPhoneGraphType()
        : base("AWSPhone", "A phone number: an optional +, then 4 to 15 digits in groups separated by spaces, hyphens, dots or parentheses.")
    {
    }

    /// <inheritdoc/>
    protected override string Rule => "expected an optional '+' and 4-15 digits separated by spaces, hyphens, dots or parentheses";

    /// <inheritdoc/>
    protected override bool IsValid(string value) => AwsPhoneRule.IsValid(value);
}
