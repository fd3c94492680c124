using System;
using System.Collections.Generic;
using System.Linq;
using Amplify.DataStore.Schema;

namespace Amplify.DataStore.LocalBackend.Auth;

/// <summary>
/// A model's <c>@auth</c> rules as AppSync enforces them (see <see cref="AuthRuleSet"/> for what one rule grants). A
/// model without rules is open to every authenticated caller (a local backend is for development; AppSync would limit
/// it to the default mode).
/// </summary>
internal sealed class ModelAuthorization
{
    private readonly AuthRuleSet _model;

    public ModelAuthorization(ModelDefinition model)
    {
        _model = new AuthRuleSet(model.AuthRules);
        OwnerRules = model.AuthRules.Where(r => r.Allow == "owner").ToArray();
        ImplicitOwnerField = OwnerRules.Select(r => r.OwnerField ?? "owner").FirstOrDefault(f => model.FindField(f) is null);
    }

    /// <summary>The model-level owner rules.</summary>
    public IReadOnlyList<AuthRule> OwnerRules { get; }

    /// <summary>The owner field the transformer adds to the type because the schema does not declare it.</summary>
    public string? ImplicitOwnerField { get; }

    /// <summary>Every owner field (declared or implicit), whose values are shown reduced to the user name.</summary>
    public IEnumerable<string> OwnerFields => OwnerRules.Select(r => r.OwnerField ?? "owner").Distinct(StringComparer.Ordinal);

    /// <summary>What <paramref name="caller"/> may do for <paramref name="operation"/> under the model's rules.</summary>
    public AccessDecision Decide(CallerIdentity caller, ModelOperation operation) => _model.Decide(caller, operation);

    /// <summary>True when a model-level item rule covering <paramref name="operation"/> grants <paramref name="caller"/> this item.</summary>
    public bool OwnsItem(CallerIdentity caller, IReadOnlyDictionary<string, object?> item, ModelOperation operation)
        => _model.GrantsItem(caller, item, operation);

    /// <summary>True when the model's rules let <paramref name="caller"/> read <paramref name="item"/>.</summary>
    public bool CanRead(CallerIdentity caller, IReadOnlyDictionary<string, object?> item) => _model.Allows(caller, item, ModelOperation.Read);

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
