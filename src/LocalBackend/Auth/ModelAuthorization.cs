using System;
using System.Collections.Generic;
using System.Linq;
using Amplify.DataStore.Schema;

namespace Amplify.DataStore.LocalBackend.Auth;

/// <summary>
/// A model's <c>@auth</c> rules and its fields' rules as AppSync enforces them (see <see cref="AuthRuleSet"/> for what
/// one rule grants). A field with rules is governed by them alone: they decide who reads it and who may set it on
/// create and update; deletes are decided by the model's rules (AppSync does not apply field rules to deletes). A model
/// without rules is open to every authenticated caller (a local backend is for development; AppSync would limit it to
/// the default mode).
/// </summary>
internal sealed class ModelAuthorization
{
    private readonly AuthRuleSet _model;
    private readonly Dictionary<string, AuthRuleSet> _fields;

    public ModelAuthorization(ModelDefinition model)
    {
        _model = new AuthRuleSet(model.AuthRules);
        _fields = model.Fields.Where(f => f.AuthRules.Count > 0).ToDictionary(f => f.Name, f => new AuthRuleSet(f.AuthRules), StringComparer.Ordinal);
        OwnerRules = model.AuthRules.Where(r => r.Allow == "owner").ToArray();
        ImplicitOwnerField = OwnerRules.Select(r => r.OwnerField ?? "owner").FirstOrDefault(f => model.FindField(f) is null);
    }

    /// <summary>The model-level owner rules.</summary>
    public IReadOnlyList<AuthRule> OwnerRules { get; }

    /// <summary>The owner field the transformer adds to the type because the schema does not declare it.</summary>
    public string? ImplicitOwnerField { get; }

    /// <summary>Every owner field (declared or implicit), whose values are shown reduced to the user name.</summary>
    public IEnumerable<string> OwnerFields => OwnerRules.Select(r => r.OwnerField ?? "owner").Distinct(StringComparer.Ordinal);

    /// <summary>The fields that carry their own <c>@auth</c> rules.</summary>
    public IEnumerable<string> ProtectedFields => _fields.Keys;

    /// <summary>What <paramref name="caller"/> may do for <paramref name="operation"/> under the model's rules.</summary>
    public AccessDecision Decide(CallerIdentity caller, ModelOperation operation) => _model.Decide(caller, operation);

    /// <summary>True when a model-level item rule covering <paramref name="operation"/> grants <paramref name="caller"/> this item.</summary>
    public bool OwnsItem(CallerIdentity caller, IReadOnlyDictionary<string, object?> item, ModelOperation operation)
        => _model.GrantsItem(caller, item, operation);

    /// <summary>True when the model's rules let <paramref name="caller"/> read <paramref name="item"/>.</summary>
    public bool CanRead(CallerIdentity caller, IReadOnlyDictionary<string, object?> item) => _model.Allows(caller, item, ModelOperation.Read);

    /// <summary>True when <paramref name="field"/> has no rules of its own or they let <paramref name="caller"/> read it on <paramref name="item"/>.</summary>
    public bool CanReadField(CallerIdentity caller, IReadOnlyDictionary<string, object?> item, string field)
        => !_fields.TryGetValue(field, out var rules) || rules.Allows(caller, item, ModelOperation.Read);

    /// <summary>
    /// The first of <paramref name="written"/> whose own rules do not let <paramref name="caller"/> write it for
    /// <paramref name="operation"/> (create: judged on the new item; update: on the stored item), or <see langword="null"/>.
    /// </summary>
    public string? FirstUnwritableField(CallerIdentity caller, IReadOnlyDictionary<string, object?> item, IEnumerable<string> written, ModelOperation operation)
    {
        foreach (var field in written)
        {
            if (_fields.TryGetValue(field, out var rules) && !rules.Allows(caller, item, operation)) return field;
        }
        return null;
    }

    /// <summary>
    /// <paramref name="item"/> without the protected fields <paramref name="caller"/> may not read, for evaluating the
    /// caller's filters and conditions (so they cannot probe those fields); the item itself when nothing is withheld.
    /// </summary>
    public IReadOnlyDictionary<string, object?> VisibleTo(CallerIdentity caller, IReadOnlyDictionary<string, object?> item)
    {
        Dictionary<string, object?>? visible = null;
        foreach (var field in _fields.Keys)
        {
            if (!item.ContainsKey(field) || CanReadField(caller, item, field)) continue;
            visible ??= new Dictionary<string, object?>(item, StringComparer.Ordinal);
            visible.Remove(field);
        }
        return visible ?? item;
    }

    /// <summary>
    /// <paramref name="payload"/> with the protected fields <paramref name="caller"/> may not read on the full stored
    /// <paramref name="item"/> withheld; the payload itself when the model has no protected fields. The field resolvers
    /// trust a <see cref="RedactedItem"/>, since the payload may lack the owner and group fields the rules read.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Redact(CallerIdentity caller, IReadOnlyDictionary<string, object?> item, IReadOnlyDictionary<string, object?> payload)
    {
        if (_fields.Count == 0) return payload;
        return new RedactedItem(payload, _fields.Keys.Where(f => !CanReadField(caller, item, f)).ToArray());
    }

    /// <summary>True when a stored owner value names <paramref name="caller"/> under one of the model's owner rules.</summary>
    public bool IsCaller(CallerIdentity caller, string value)
        => value.Length > 0 && OwnerRules.Any(rule => RuleClaims.OwnerMatches(rule, caller).Contains(value));

    /// <summary>How AppSync shows an owner value: the part after the last <c>::</c>.</summary>
    public static string DisplayOwner(string value)
    {
        int at = value.LastIndexOf("::", StringComparison.Ordinal);
        return at < 0 ? value : value[(at + 2)..];
    }
}
