namespace Amplify.DataStore.Schema;

/// <summary>Which predicate operators a field supports, by its GraphQL type (the typed builders follow the same split).</summary>
public enum PredicateFieldCategory
{
    /// <summary>No predicates: relationships, non-model (embedded) types and <c>AWSJSON</c>.</summary>
    None,

    /// <summary>Text (<c>ID</c>, <c>String</c>, <c>AWSEmail</c>, <c>AWSURL</c>, <c>AWSPhone</c>, <c>AWSIPAddress</c>).</summary>
    Text,

    /// <summary>Ordered values (<c>Int</c>, <c>Float</c>, <c>AWSDate</c>, <c>AWSTime</c>, <c>AWSDateTime</c>, <c>AWSTimestamp</c>).</summary>
    Ordered,

    /// <summary>Equality only (<c>Boolean</c>, enums).</summary>
    Equality,

    /// <summary>Lists (element containment only).</summary>
    List,
}
