namespace Amplify.DataStore.Predicates;

/// <summary>A comparison in a field condition. Which operators a field offers depends on its type.</summary>
public enum PredicateOperator
{
    /// <summary>Equal.</summary>
    Eq,
    /// <summary>Not equal.</summary>
    Ne,
    /// <summary>Less than or equal.</summary>
    Le,
    /// <summary>Less than.</summary>
    Lt,
    /// <summary>Greater than or equal.</summary>
    Ge,
    /// <summary>Greater than.</summary>
    Gt,
    /// <summary>Substring (strings) or element (lists) is contained.</summary>
    Contains,
    /// <summary>Substring or element is not contained.</summary>
    NotContains,
    /// <summary>String starts with the value.</summary>
    BeginsWith,
    /// <summary>Inclusive range: two values.</summary>
    Between,
    /// <summary>Equal to any of the values.</summary>
    In,
    /// <summary>Equal to none of the values.</summary>
    NotIn,
}
