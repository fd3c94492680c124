using System;
using Amplify.DataStore.Metadata;

namespace Amplify.DataStore.Sync.Auth;

/// <summary>
/// Reads an <see cref="AuthRuleMetadata"/> with the Amplify transformer's defaults for what it leaves out, so metadata
/// built by hand (without the schema library's defaults) means what the same rule means on the server.
/// </summary>
internal static class AuthRuleDefaults
{
    public const string ApiKey = "apiKey";
    public const string Iam = "iam";
    public const string IdentityPool = "identityPool";
    public const string UserPools = "userPools";
    public const string Oidc = "oidc";
    public const string Function = "function";

    public const string DefaultOwnerField = "owner";
    public const string DefaultIdentityClaim = "cognito:username";
    public const string DefaultGroupClaim = "cognito:groups";

    /// <summary>The rule's provider: its own, else <c>apiKey</c> for public, <c>function</c> for custom and <c>userPools</c> for the rest.</summary>
    public static string ProviderOf(AuthRuleMetadata rule) => rule.Provider ?? rule.Allow switch
    {
        "public" => ApiKey,
        "custom" => Function,
        _ => UserPools,
    };

    public static string OwnerFieldOf(AuthRuleMetadata rule) => rule.OwnerField ?? DefaultOwnerField;

    /// <summary>The identity claim; <c>username</c> is the transformer's alias for <c>cognito:username</c>.</summary>
    public static string IdentityClaimOf(AuthRuleMetadata rule)
        => rule.IdentityClaim is null or "username" ? DefaultIdentityClaim : rule.IdentityClaim;

    public static string GroupClaimOf(AuthRuleMetadata rule) => rule.GroupClaim ?? DefaultGroupClaim;

    /// <summary>
    /// True when the rule grants <paramref name="operation"/>. No operations means all (the transformer's default); the
    /// fine-grained read operations (<c>get</c>, <c>list</c>, <c>sync</c>, <c>listen</c>, <c>search</c>) count as read,
    /// as the local backend counts them, so a mode that can serve part of a read is still tried.
    /// </summary>
    public static bool Covers(AuthRuleMetadata rule, AuthOperation operation)
    {
        if (rule.Operations.Count == 0) return true;
        foreach (var granted in rule.Operations)
        {
            bool match = granted switch
            {
                "create" => operation == AuthOperation.Create,
                "update" => operation == AuthOperation.Update,
                "delete" => operation == AuthOperation.Delete,
                "read" or "get" or "list" or "sync" or "listen" or "search" => operation == AuthOperation.Read,
                _ => false,
            };
            if (match) return true;
        }
        return false;
    }

    /// <summary>True when the rule protects subscriptions: it grants <c>read</c> or <c>listen</c>.</summary>
    public static bool ProtectsSubscriptions(AuthRuleMetadata rule)
        => rule.Operations.Count == 0 || Contains(rule, "read") || Contains(rule, "listen");

    private static bool Contains(AuthRuleMetadata rule, string operation)
    {
        foreach (var granted in rule.Operations)
        {
            if (string.Equals(granted, operation, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
