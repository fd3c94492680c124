using System;
using System.Globalization;
using GraphQLParser.AST;

namespace Amplify.DataStore.LocalBackend.Scalars;

/// <summary>Builds the parse-failure exceptions of the AWS scalars, so every scalar words them the same way.</summary>
internal static class AwsScalarErrors
{
    /// <summary>A value of the right shape whose text (or number) the scalar rejects.</summary>
    public static FormatException Invalid(string scalarName, object value, string? reason = null)
        => new(FormattableString.Invariant($"'{Describe(value)}' is not a valid {scalarName}") + (reason == null ? "" : ": " + reason));

    /// <summary>A variable or resolver value of a CLR type the scalar never accepts.</summary>
    public static FormatException WrongType(string scalarName, object value, string expected)
        => new($"'{Describe(value)}' ({value.GetType().Name}) is not a valid {scalarName}: expected {expected}");

    /// <summary>A literal of a GraphQL kind the scalar never accepts (an object literal for AWSDate, a float for AWSTimestamp...).</summary>
    public static FormatException WrongLiteral(string scalarName, GraphQLValue literal, string expected)
    {
        // Literals with text (numbers, strings, enums) are shown as written; lists and objects only by kind.
        string shown = literal switch
        {
            IHasValueNode node => node.Value.ToString(),
            _ => literal.Kind.ToString(),
        };
        return new FormatException($"'{shown}' ({literal.Kind}) is not a valid {scalarName}: expected {expected}");
    }

    private static string Describe(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
