using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Amplify.DataStore.Metadata;

namespace Amplify.DataStore.Sync.Auth;

/// <summary>
/// Decides whether a model's <c>onCreate</c>/<c>onUpdate</c>/<c>onDelete</c> subscriptions pass an owner argument, and
/// its value, as amplify-js's subscription processor does (<c>getAuthorizationInfo</c> in
/// <c>packages/datastore/src/sync/processors/subscription.ts</c>, rules read by <c>getAuthorizationRules</c> in
/// <c>sync/utils.ts</c>). AppSync authorizes an owner-protected subscription only for the owner it names, so the
/// argument both proves and limits who listens; it is left out wherever another rule already grants every event:
/// <list type="number">
/// <item>Only the JWT modes (userPools, oidc) carry owners; other modes subscribe without the argument.</item>
/// <item>Only rules for the provider of the mode in use count: a userPools rule does not authorize an OIDC caller
/// (amplify-js looks at userPools and oidc rules alike).</item>
/// <item>Private precedence: a private rule granting read to the mode in use means no argument, since the server
/// grants every event and the argument would only hide other users' items (amplify-js does not check this).</item>
/// <item>Group precedence: when the token's groups (the rule's group claim, default <c>cognito:groups</c>, a list or a
/// JSON list in a string) meet a static groups rule granting read, no argument.</item>
/// <item>Owner rules: the value is the token's identity claim (default <c>cognito:username</c>; <c>a::b</c> joins
/// claims); the argument is named after the owner field. An owner field that is a list, and a rule that does not
/// protect reads (no <c>read</c> or <c>listen</c> in its operations), need no argument. With several owner rules the
/// last one the token has a value for decides, as in amplify-js.</item>
/// </list>
/// When an owner rule needs the argument and the token has no value for any such rule, <see cref="Resolve"/> throws
/// <see cref="OwnerClaimMissingException"/>: amplify-js subscribes without it and AppSync refuses, with a less useful error.
/// </summary>
internal static class SubscriptionOwnerResolver
{
    /// <summary>The owner argument for <paramref name="model"/>'s subscriptions in <paramref name="mode"/>.</summary>
    /// <param name="model">The model whose <c>@auth</c> rules decide.</param>
    /// <param name="mode">The mode the subscription is made in (see <see cref="AuthModeOrder"/>).</param>
    /// <param name="claims">The payload of the caller's token for <paramref name="mode"/> (<see cref="JwtPayload.Decode"/>),
    /// or <see langword="null"/> when there is none.</param>
    /// <exception cref="OwnerClaimMissingException">An owner argument is needed but the token has no value for it.</exception>
    public static SubscriptionOwnerArgument Resolve(ModelMetadata model, AuthorizationType mode, JsonObject? claims)
    {
        ArgumentNullException.ThrowIfNull(model);
        string? provider = mode switch
        {
            AuthorizationType.AmazonCognitoUserPools => AuthRuleDefaults.UserPools,
            AuthorizationType.OpenIdConnect => AuthRuleDefaults.Oidc,
            _ => null,
        };
        if (provider is null) return SubscriptionOwnerArgument.NotNeeded;

        var rules = model.AuthRules.Where(rule => AuthRuleDefaults.ProviderOf(rule) == provider).ToArray();
        if (rules.Any(rule => rule.Allow == "private" && AuthRuleDefaults.Covers(rule, AuthOperation.Read))) return SubscriptionOwnerArgument.NotNeeded;
        if (claims is not null && rules.Any(rule => InStaticGroup(rule, claims))) return SubscriptionOwnerArgument.NotNeeded;

        SubscriptionOwnerArgument? chosen = null;
        AuthRuleMetadata? unmet = null;
        foreach (var rule in rules.Where(rule => rule.Allow == "owner"))
        {
            string ownerField = AuthRuleDefaults.OwnerFieldOf(rule);
            bool required = AuthRuleDefaults.ProtectsSubscriptions(rule) && model.FindField(ownerField) is not { IsList: true };
            string? value = claims is null ? null : TokenClaims.OwnerValue(claims, AuthRuleDefaults.IdentityClaimOf(rule));
            if (value is not null) chosen = required ? SubscriptionOwnerArgument.Needed(ownerField, value) : SubscriptionOwnerArgument.NotNeeded;
            else if (required) unmet ??= rule;
        }

        if (chosen is not null) return chosen;
        if (unmet is not null)
        {
            throw new OwnerClaimMissingException(model.Name, AuthRuleDefaults.OwnerFieldOf(unmet), AuthRuleDefaults.IdentityClaimOf(unmet), mode, claims is not null);
        }
        return SubscriptionOwnerArgument.NotNeeded;
    }

    private static bool InStaticGroup(AuthRuleMetadata rule, JsonObject claims)
    {
        if (rule.Allow != "groups" || rule.Groups.Count == 0 || !AuthRuleDefaults.Covers(rule, AuthOperation.Read)) return false;
        IReadOnlyList<string> groups = TokenClaims.Groups(claims, AuthRuleDefaults.GroupClaimOf(rule));
        return groups.Any(rule.Groups.Contains);
    }
}
