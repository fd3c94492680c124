using System;
using System.Collections.Generic;
using System.Linq;
using Amplify.DataStore.Schema;

namespace Amplify.DataStore.LocalBackend.Auth;

/// <summary>
/// A model's <c>@auth</c> rules as AppSync enforces them. API-key callers are granted by <c>public</c> rules (provider
/// apiKey); JWT callers by <c>private</c> rules, static <c>groups</c> rules they belong to, and item by item by
/// <c>owner</c> rules (the stored owner equals <c>sub::username</c>, <c>sub</c> or <c>username</c>) and dynamic
/// <c>groupsField</c> rules. A model without rules is open to every authenticated caller (a local backend is for
/// development; AppSync would limit it to the default mode).
/// </summary>
internal sealed class ModelAuthorization
{
    private readonly ModelDefinition _model;

    public ModelAuthorization(ModelDefinition model)
    {
        _model = model;
        OwnerRules = model.AuthRules.Where(r => r.Allow == "owner").ToArray();
        GroupFieldRules = model.AuthRules.Where(r => r.Allow == "groups" && r.GroupsField is not null).ToArray();
        ImplicitOwnerField = OwnerRules.Select(r => r.OwnerField ?? "owner").FirstOrDefault(f => model.FindField(f) is null);
    }

    /// <summary>The owner rules.</summary>
    public IReadOnlyList<AuthRule> OwnerRules { get; }

    /// <summary>The dynamic group rules.</summary>
    public IReadOnlyList<AuthRule> GroupFieldRules { get; }

    /// <summary>The owner field the transformer adds to the type because the schema does not declare it.</summary>
    public string? ImplicitOwnerField { get; }

    /// <summary>Every owner field (declared or implicit), whose values are shown reduced to the user name.</summary>
    public IEnumerable<string> OwnerFields => OwnerRules.Select(r => r.OwnerField ?? "owner").Distinct(StringComparer.Ordinal);

    /// <summary>What <paramref name="caller"/> may do for <paramref name="operation"/>.</summary>
    public AccessDecision Decide(CallerIdentity caller, ModelOperation operation)
    {
        if (_model.AuthRules.Count == 0) return AccessDecision.AllItems;
        bool itemLevel = false;
        foreach (var rule in _model.AuthRules)
        {
            if (!Covers(rule, operation)) continue;
            switch (rule.Allow)
            {
                case "public" when caller.Mode == AuthMode.ApiKey && (rule.Provider ?? "apiKey") == "apiKey":
                    return AccessDecision.AllItems;
                case "private" when caller.Mode == AuthMode.Jwt && (rule.Provider ?? "userPools") is "userPools" or "oidc":
                    return AccessDecision.AllItems;
                case "groups" when caller.Mode == AuthMode.Jwt && rule.GroupsField is null && rule.Groups.Any(g => caller.Groups.Contains(g)):
                    return AccessDecision.AllItems;
                case "owner" when caller.Mode == AuthMode.Jwt:
                case "groups" when caller.Mode == AuthMode.Jwt && rule.GroupsField is not null:
                    itemLevel = true;
                    break;
            }
        }
        return itemLevel ? AccessDecision.OwnItems : AccessDecision.Deny;
    }

    /// <summary>True when an item-level rule covering <paramref name="operation"/> grants <paramref name="caller"/> this item.</summary>
    public bool OwnsItem(CallerIdentity caller, IReadOnlyDictionary<string, object?> item, ModelOperation operation)
    {
        if (caller.Mode != AuthMode.Jwt) return false;
        foreach (var rule in OwnerRules)
        {
            if (Covers(rule, operation) && Values(item, rule.OwnerField ?? "owner").Any(v => IsCaller(caller, v))) return true;
        }
        foreach (var rule in GroupFieldRules)
        {
            if (Covers(rule, operation) && Values(item, rule.GroupsField!).Any(caller.Groups.Contains)) return true;
        }
        return false;
    }

    /// <summary>The value an owner field gets on create when the caller leaves it out: <c>sub::username</c>.</summary>
    public static string OwnerValue(CallerIdentity caller)
        => caller.Subject is { } sub && caller.Username is { } user ? sub + "::" + user : caller.Subject ?? caller.Username ?? "";

    /// <summary>True when a stored owner value names <paramref name="caller"/>.</summary>
    public static bool IsCaller(CallerIdentity caller, string value)
        => value.Length > 0 && (value == OwnerValue(caller) || value == caller.Subject || value == caller.Username);

    /// <summary>How AppSync shows an owner value: the part after the last <c>::</c>.</summary>
    public static string DisplayOwner(string value)
    {
        int at = value.LastIndexOf("::", StringComparison.Ordinal);
        return at < 0 ? value : value[(at + 2)..];
    }

    private static IEnumerable<string> Values(IReadOnlyDictionary<string, object?> item, string field)
    {
        if (!item.TryGetValue(field, out var value)) yield break;
        switch (value)
        {
            case string s:
                yield return s;
                break;
            case IReadOnlyList<object?> list:
                foreach (var v in list) if (v is string s2) yield return s2;
                break;
        }
    }

    private static bool Covers(AuthRule rule, ModelOperation operation)
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
}
