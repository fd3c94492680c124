namespace Amplify.DataStore.Predicates;

/// <summary>How a group combines its children.</summary>
public enum GroupKind
{
    /// <summary>All children match.</summary>
    And,
    /// <summary>At least one child matches.</summary>
    Or,
    /// <summary>The single child does not match.</summary>
    Not,
}
