using System.Collections.Generic;
using System.Linq;
using Amplify.DataStore.Schema;

namespace Amplify.DataStore.LocalBackend.Auth;

/// <summary>
/// One list of <c>@auth</c> rules (a model's, or one field's) and what it grants. API-key callers are granted by
/// <c>public</c> rules with provider apiKey; JWT callers by <c>private</c> rules (userPools/oidc), static <c>groups</c>
/// rules naming one of their groups (read from the rule's <c>groupClaim</c>), and item by item by <c>owner</c> rules (the
/// item's owner field holds the rule's <c>identityClaim</c> value) and dynamic <c>groupsField</c> rules. Rules for
/// providers the local backend cannot verify (iam, identityPool, function) grant nothing. An empty list grants all.
/// </summary>
internal sealed class AuthRuleSet
{
    /// <summary>Wraps <paramref name="rules"/>.</summary>
    public AuthRuleSet(IReadOnlyList<AuthRule> rules) => Rules = rules;

    /// <summary>The rules, in schema order.</summary>
    public IReadOnlyList<AuthRule> Rules { get; }

    /// <summary>What <paramref name="caller"/> may do for <paramref name="operation"/> before looking at any item.</summary>
    public AccessDecision Decide(CallerIdentity caller, ModelOperation operation)
    {
        if (Rules.Count == 0) return AccessDecision.AllItems;
        bool itemLevel = false;
        foreach (var rule in Rules)
        {
            if (!Covers(rule, operation)) continue;
            if (GrantsEveryItem(rule, caller)) return AccessDecision.AllItems;
            itemLevel |= caller.Mode == AuthMode.Jwt && IsItemLevel(rule);
        }
        return itemLevel ? AccessDecision.OwnItems : AccessDecision.Deny;
    }

    /// <summary>True when an item-level rule covering <paramref name="operation"/> grants <paramref name="caller"/> this item.</summary>
    public bool GrantsItem(CallerIdentity caller, IReadOnlyDictionary<string, object?> item, ModelOperation operation)
    {
        if (caller.Mode != AuthMode.Jwt) return false;
        foreach (var rule in Rules)
        {
            if (!Covers(rule, operation) || !IsItemLevel(rule)) continue;
            if (rule.Allow == "owner")
            {
                var matches = RuleClaims.OwnerMatches(rule, caller);
                if (matches.Count > 0 && Values(item, rule.OwnerField ?? "owner").Any(matches.Contains)) return true;
            }
            else
            {
                var groups = RuleClaims.Groups(rule, caller);
                if (groups.Count > 0 && Values(item, rule.GroupsField!).Any(groups.Contains)) return true;
            }
        }
        return false;
    }

    /// <summary>True when <paramref name="caller"/> may do <paramref name="operation"/> on <paramref name="item"/>.</summary>
    public bool Allows(CallerIdentity caller, IReadOnlyDictionary<string, object?> item, ModelOperation operation)
        => Decide(caller, operation) switch
        {
            AccessDecision.AllItems => true,
            AccessDecision.OwnItems => GrantsItem(caller, item, operation),
            _ => false,
        };

    /// <summary>True for rules decided item by item: owner rules and dynamic (<c>groupsField</c>) group rules.</summary>
    public static bool IsItemLevel(AuthRule rule)
        => rule.Allow == "owner" || (rule.Allow == "groups" && rule.GroupsField is not null);

    /// <summary>True when <paramref name="rule"/> lists <paramref name="operation"/> (fine-grained read operations count as read).</summary>
    public static bool Covers(AuthRule rule, ModelOperation operation)
    {
        if (rule.Operations.Count == 0) return true;
        foreach (var op in rule.Operations)
        {
            bool match = op switch
            {
                "create" => operation == ModelOperation.Create,
                "update" => operation == ModelOperation.Update,
                "delete" => operation == ModelOperation.Delete,
                "read" or "get" or "list" or "sync" or "listen" or "search" => operation == ModelOperation.Read,
                _ => false,
            };
            if (match) return true;
        }
        return false;
    }

    private static bool GrantsEveryItem(AuthRule rule, CallerIdentity caller) => rule.Allow switch
    {
        "public" => caller.Mode == AuthMode.ApiKey && (rule.Provider ?? "apiKey") == "apiKey",
        "private" => caller.Mode == AuthMode.Jwt && (rule.Provider ?? "userPools") is "userPools" or "oidc",
        "groups" when rule.GroupsField is null => caller.Mode == AuthMode.Jwt && JwtProvider(rule) && RuleClaims.Groups(rule, caller).Any(rule.Groups.Contains),
        _ => false,
    };

    private static bool JwtProvider(AuthRule rule) => (rule.Provider ?? "userPools") is "userPools" or "oidc";

    private static IEnumerable<string> Values(IReadOnlyDictionary<string, object?> item, string field)
    {
        if (!item.TryGetValue(field, out var value)) yield break;
        switch (value)
        {
            case string single:
                yield return single;
                break;
            case IReadOnlyList<object?> list:
                foreach (var entry in list)
                {
                    if (entry is string text) yield return text;
                }
                break;
        }
    }
}
