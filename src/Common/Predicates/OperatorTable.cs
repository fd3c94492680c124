namespace Amplify.DataStore.PredicateOperators;

/// <summary>The kinds of field as far as predicates go; each accepts one row of <see cref="OperatorTable"/>.</summary>
internal enum OperatorCategory
{
    /// <summary>No predicates: relationships, non-model (embedded) types and <c>AWSJSON</c>.</summary>
    None,

    /// <summary>Text (<c>ID</c>, <c>String</c>, <c>AWSEmail</c>, <c>AWSURL</c>, <c>AWSPhone</c>, <c>AWSIPAddress</c>).</summary>
    Text,

    /// <summary>Ordered values (<c>Int</c>, <c>Float</c>, <c>AWSDate</c>, <c>AWSTime</c>, <c>AWSDateTime</c>, <c>AWSTimestamp</c>).</summary>
    Ordered,

    /// <summary>Equality only (enums and <c>Boolean</c>).</summary>
    Equality,

    /// <summary>Lists (membership only).</summary>
    List,
}

/// <summary>
/// The predicate operators (AppSync's names) and which of them each kind of field accepts: one source compiled into
/// the schema library (and through it the analyzers' rules), the runtime's dynamic predicate API, the generator's
/// typed builders and the analyzers' operator-name mappings.
/// </summary>
internal static class OperatorTable
{
    /// <summary>Every operator, in AppSync's order.</summary>
    public static readonly string[] All = { "eq", "ne", "le", "lt", "ge", "gt", "contains", "notContains", "beginsWith", "between", "in", "notIn" };

    private static readonly string[] TextOperators = { "eq", "ne", "le", "lt", "ge", "gt", "contains", "notContains", "beginsWith", "between", "in", "notIn" };
    private static readonly string[] OrderedOperators = { "eq", "ne", "le", "lt", "ge", "gt", "between", "in", "notIn" };
    private static readonly string[] EqualityOperators = { "eq", "ne", "in", "notIn" };
    private static readonly string[] ListOperators = { "contains", "notContains" };
    private static readonly string[] NoOperators = { };

    /// <summary>The scalars (by GraphQL name) whose fields are text.</summary>
    public static readonly string[] TextScalars = { "ID", "String", "AWSEmail", "AWSURL", "AWSPhone", "AWSIPAddress" };

    /// <summary>
    /// The category of a field: <paramref name="predicable"/> is false for relationships, non-model and model types;
    /// <paramref name="scalar"/> is the GraphQL scalar name (as the consumer's scalar enum spells it).
    /// </summary>
    public static OperatorCategory Categorize(bool predicable, bool isList, bool isEnum, string scalar)
    {
        if (!predicable || scalar == "AWSJSON") return OperatorCategory.None;
        if (isList) return OperatorCategory.List;
        if (isEnum || scalar == "Boolean") return OperatorCategory.Equality;
        return System.Array.IndexOf(TextScalars, scalar) >= 0 ? OperatorCategory.Text : OperatorCategory.Ordered;
    }

    /// <summary>The operators <paramref name="category"/> accepts (never to be modified).</summary>
    public static string[] OperatorsFor(OperatorCategory category) => category switch
    {
        OperatorCategory.Text => TextOperators,
        OperatorCategory.Ordered => OrderedOperators,
        OperatorCategory.Equality => EqualityOperators,
        OperatorCategory.List => ListOperators,
        _ => NoOperators,
    };

    /// <summary>True when <paramref name="category"/> accepts <paramref name="operatorName"/>.</summary>
    public static bool Allows(OperatorCategory category, string operatorName) => System.Array.IndexOf(OperatorsFor(category), operatorName) >= 0;

    /// <summary>The runtime's typed field handle (in <c>Amplify.DataStore.Predicates</c>) for a category, or null.</summary>
    public static string? HandleTypeName(OperatorCategory category) => category switch
    {
        OperatorCategory.Text => "StringField",
        OperatorCategory.Ordered => "ComparableField",
        OperatorCategory.Equality => "EqualityField",
        OperatorCategory.List => "ListField",
        _ => null,
    };

    /// <summary>The typed builders' method for an operator (<c>notIn</c> → <c>NotIn</c>).</summary>
    public static string MethodName(string operatorName) => char.ToUpperInvariant(operatorName[0]) + operatorName.Substring(1);

    /// <summary>The operator a typed builder method applies (<c>NotIn</c> → <c>notIn</c>), or null.</summary>
    public static string? OperatorOfMethod(string methodName)
    {
        foreach (var op in All)
        {
            if (MethodName(op) == methodName) return op;
        }
        return null;
    }

    /// <summary>The operator a LINQ <see cref="string"/> method expresses (<c>StartsWith</c> → <c>beginsWith</c>), or null.</summary>
    public static string? OperatorOfStringMethod(string methodName) => methodName switch
    {
        "StartsWith" => "beginsWith",
        "Contains" => "contains",
        _ => null,
    };
}
