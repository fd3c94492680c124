using System;
using System.Collections.Generic;
using System.Linq;
using Amplify.DataStore.Metadata;

namespace Amplify.DataStore.Sync.Auth;

/// <summary>
/// The authorization modes the sync engine tries, in order, for one model and operation; the engine moves to the next
/// mode when the server answers Unauthorized. Follows amplify-js's <c>MULTI_AUTH</c> strategy
/// (<c>packages/datastore/src/authModeStrategies/multiAuthStrategy.ts</c>):
/// <list type="number">
/// <item>Rules are ordered by <c>allow</c>: custom, owner, groups, private, public — most specific first, so a caller
/// who may use a narrower rule is not served (and filtered) by a broader one.</item>
/// <item>Rules with the same <c>allow</c> are ordered by provider: function, userPools, oidc, iam (and identityPool), apiKey —
/// the same idea: identified callers before anonymous ones. The sort is stable, so equal rules keep schema order.</item>
/// <item>Each rule gives one mode: custom → AWS_LAMBDA; owner and groups → AMAZON_COGNITO_USER_POOLS (userPools) or
/// OPENID_CONNECT (oidc); private → AMAZON_COGNITO_USER_POOLS (userPools or none), AWS_IAM (iam); public → API_KEY
/// (apiKey or none), AWS_IAM (iam). Repeats are dropped, keeping the first.</item>
/// <item>Owner, groups and private rules give nothing unless the user is signed in: without a token they cannot
/// succeed, and trying them only delays the modes that can.</item>
/// </list>
/// Beyond amplify-js, because the engine knows more than its strategy callback does:
/// <list type="bullet">
/// <item>A rule that does not grant the operation gives no mode for it, so a read-only public rule is not tried for a
/// create (amplify-js tries every rule's mode for every operation).</item>
/// <item>Modes the API does not accept (neither the default nor an additional mode in the configuration) are dropped,
/// since every request in them would fail.</item>
/// <item>private with oidc gives OPENID_CONNECT, and the Gen 2 identityPool provider gives AWS_IAM (amplify-js gives
/// nothing for these, which the transformer allows).</item>
/// </list>
/// When nothing is left, and for models without rules or under <see cref="AuthModeStrategy.Default"/>, the list is just
/// the API's default mode, as amplify-js falls back to it.
/// </summary>
internal static class AuthModeOrder
{
    private static readonly string[] AllowPriority = { "custom", "owner", "groups", "private", "public" };

    private static readonly string[] ProviderPriority =
    {
        AuthRuleDefaults.Function, AuthRuleDefaults.UserPools, AuthRuleDefaults.Oidc, AuthRuleDefaults.Iam, AuthRuleDefaults.ApiKey,
    };

    /// <summary>The modes to try for <paramref name="operation"/> on <paramref name="model"/>, with the API's modes from <paramref name="config"/>.</summary>
    /// <param name="model">The model whose <c>@auth</c> rules decide.</param>
    /// <param name="operation">What the engine is about to do.</param>
    /// <param name="strategy">Default: only the API's default mode; MultiAuth: the rules decide.</param>
    /// <param name="config">The API's default and additional modes.</param>
    /// <param name="signedIn">True when the user has a token (the engine's <see cref="IAuthTokenProvider"/> can give one);
    /// amplify-js checks for a Cognito session here.</param>
    public static IReadOnlyList<AuthorizationType> For(ModelMetadata model, AuthOperation operation, AuthModeStrategy strategy, AmplifyConfig config, bool signedIn)
    {
        ArgumentNullException.ThrowIfNull(config);
        return For(model, operation, strategy, config.DefaultAuthorization, config.AdditionalAuthorizations, signedIn);
    }

    /// <summary>The modes to try for <paramref name="operation"/> on <paramref name="model"/>, given the API's modes.</summary>
    public static IReadOnlyList<AuthorizationType> For(
        ModelMetadata model,
        AuthOperation operation,
        AuthModeStrategy strategy,
        AuthorizationType defaultMode,
        IReadOnlyList<AuthorizationType> additionalModes,
        bool signedIn)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(additionalModes);
        if (strategy == AuthModeStrategy.Default || model.AuthRules.Count == 0) return new[] { defaultMode };

        var modes = new List<AuthorizationType>();
        var ordered = model.AuthRules
            .OrderBy(rule => Rank(AllowPriority, rule.Allow))
            .ThenBy(rule => Rank(ProviderPriority, SortProvider(rule)));
        foreach (var rule in ordered)
        {
            if (!AuthRuleDefaults.Covers(rule, operation)) continue;
            if (ModeOf(rule, signedIn) is not { } mode) continue;
            if (mode != defaultMode && !additionalModes.Contains(mode)) continue;
            if (!modes.Contains(mode)) modes.Add(mode);
        }
        return modes.Count > 0 ? modes : new[] { defaultMode };
    }

    /// <summary>The mode one rule offers, or <see langword="null"/> when it offers none to this caller.</summary>
    private static AuthorizationType? ModeOf(AuthRuleMetadata rule, bool signedIn)
    {
        string provider = AuthRuleDefaults.ProviderOf(rule);
        return rule.Allow switch
        {
            "custom" when provider == AuthRuleDefaults.Function => AuthorizationType.AwsLambda,
            "owner" or "groups" when signedIn => provider switch
            {
                AuthRuleDefaults.UserPools => AuthorizationType.AmazonCognitoUserPools,
                AuthRuleDefaults.Oidc => AuthorizationType.OpenIdConnect,
                _ => null,
            },
            "private" when signedIn => provider switch
            {
                AuthRuleDefaults.UserPools => AuthorizationType.AmazonCognitoUserPools,
                AuthRuleDefaults.Oidc => AuthorizationType.OpenIdConnect,
                AuthRuleDefaults.Iam or AuthRuleDefaults.IdentityPool => AuthorizationType.AwsIam,
                _ => null,
            },
            "public" => provider switch
            {
                AuthRuleDefaults.ApiKey => AuthorizationType.ApiKey,
                AuthRuleDefaults.Iam or AuthRuleDefaults.IdentityPool => AuthorizationType.AwsIam,
                _ => null,
            },
            _ => null,
        };
    }

    // identityPool is IAM through a Cognito identity pool, so it sorts where iam does.
    private static string SortProvider(AuthRuleMetadata rule)
    {
        string provider = AuthRuleDefaults.ProviderOf(rule);
        return provider == AuthRuleDefaults.IdentityPool ? AuthRuleDefaults.Iam : provider;
    }

    // Unknown names sort last, so a rule this version does not understand cannot push known ones back.
    private static int Rank(string[] priority, string value)
    {
        int index = Array.IndexOf(priority, value);
        return index < 0 ? priority.Length : index;
    }
}
