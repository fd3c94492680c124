namespace Amplify.DataStore.LocalBackend.Auth;

/// <summary>What a caller may do with an operation on a model.</summary>
internal enum AccessDecision
{
    /// <summary>No rule grants it.</summary>
    Deny,

    /// <summary>Granted on every item (public/private/static-group rules, or a model without rules).</summary>
    AllItems,

    /// <summary>Granted only on items the caller owns or whose group field names one of the caller's groups.</summary>
    OwnItems,
}
