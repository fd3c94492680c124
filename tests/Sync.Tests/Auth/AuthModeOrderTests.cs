using Amplify.DataStore.Metadata;
using Amplify.DataStore.Sync.Auth;
using static Amplify.DataStore.Sync.Tests.Auth.AuthTestModels;

namespace Amplify.DataStore.Sync.Tests.Auth;

/// <summary>
/// The modes the engine tries per model and operation: amplify-js's MULTI_AUTH order (custom, owner, groups, private,
/// public; then function, userPools, oidc, iam, apiKey), limited to what the API accepts, the operation and the sign-in.
/// </summary>
public class AuthModeOrderTests
{
    private static readonly AuthorizationType[] AllModes =
    {
        AuthorizationType.ApiKey, AuthorizationType.AwsIam, AuthorizationType.AmazonCognitoUserPools,
        AuthorizationType.OpenIdConnect, AuthorizationType.AwsLambda,
    };

    private static AmplifyConfig Config(AuthorizationType defaultMode, params AuthorizationType[] additional) => new()
    {
        GraphQLEndpoint = new Uri("https://example.com/graphql"),
        DefaultAuthorization = defaultMode,
        AdditionalAuthorizations = additional,
    };

    private static AmplifyConfig EveryMode(AuthorizationType defaultMode = AuthorizationType.ApiKey)
        => Config(defaultMode, AllModes.Where(m => m != defaultMode).ToArray());

    private static IReadOnlyList<AuthorizationType> Order(ModelMetadata model, AmplifyConfig config, bool signedIn = true, AuthOperation operation = AuthOperation.Read)
        => AuthModeOrder.For(model, operation, AuthModeStrategy.MultiAuth, config, signedIn);

    [Test]
    public void A_model_without_rules_uses_the_default_mode()
    {
        var order = Order(Model(), EveryMode(AuthorizationType.AwsIam));

        Assert.That(order, Is.EqualTo(new[] { AuthorizationType.AwsIam }));
    }

    [Test]
    public void The_default_strategy_uses_the_default_mode_whatever_the_rules()
    {
        var model = Model(Rule("owner", "userPools"), Rule("public", "apiKey"));

        var order = AuthModeOrder.For(model, AuthOperation.Create, AuthModeStrategy.Default, EveryMode(AuthorizationType.OpenIdConnect), signedIn: true);

        Assert.That(order, Is.EqualTo(new[] { AuthorizationType.OpenIdConnect }));
    }

    [Test]
    public void Private_user_pools_comes_before_public_api_key()
    {
        var model = Model(Rule("public", "apiKey"), Rule("private", "userPools"));

        var order = Order(model, Config(AuthorizationType.ApiKey, AuthorizationType.AmazonCognitoUserPools));

        Assert.That(order, Is.EqualTo(new[] { AuthorizationType.AmazonCognitoUserPools, AuthorizationType.ApiKey }));
    }

    [Test]
    public void Without_sign_in_only_public_rules_are_tried()
    {
        var model = Model(Rule("public", "apiKey"), Rule("private", "userPools"), Rule("owner", "userPools"));

        var order = Order(model, Config(AuthorizationType.ApiKey, AuthorizationType.AmazonCognitoUserPools), signedIn: false);

        Assert.That(order, Is.EqualTo(new[] { AuthorizationType.ApiKey }));
    }

    [Test]
    public void Rules_without_a_provider_take_the_transformer_defaults()
    {
        // private → userPools, public → apiKey, custom → function
        var model = Model(Rule("public"), Rule("private"), Rule("custom"));

        var order = Order(model, EveryMode());

        Assert.That(order, Is.EqualTo(new[] { AuthorizationType.AwsLambda, AuthorizationType.AmazonCognitoUserPools, AuthorizationType.ApiKey }));
    }

    [Test]
    public void A_mix_orders_by_allow_first_then_by_provider()
    {
        // Schema order is the reverse of the expected one, so a result in schema order fails.
        var model = Model(
            Rule("public", "apiKey"),
            Rule("public", "iam"),
            Rule("private", "iam"),
            Rule("private", "userPools"),
            new AuthRuleMetadata { Allow = "groups", Provider = "oidc", Groups = new[] { "Admin" }, GroupClaim = "groups" },
            new AuthRuleMetadata { Allow = "owner", Provider = "oidc", OwnerField = "owner", IdentityClaim = "sub" });

        var order = Order(model, EveryMode());

        // owner and groups (oidc) outrank private (userPools) although userPools outranks oidc: allow decides first.
        // Within private, userPools outranks iam although iam is listed first.
        Assert.That(order, Is.EqualTo(new[]
        {
            AuthorizationType.OpenIdConnect, AuthorizationType.AmazonCognitoUserPools, AuthorizationType.AwsIam, AuthorizationType.ApiKey,
        }));
    }

    [Test]
    public void A_mix_without_sign_in_keeps_only_the_public_modes_in_order()
    {
        var model = Model(Rule("public", "apiKey"), Rule("owner", "userPools"), Rule("public", "iam"), Rule("private", "iam"));

        var order = Order(model, EveryMode(), signedIn: false);

        Assert.That(order, Is.EqualTo(new[] { AuthorizationType.AwsIam, AuthorizationType.ApiKey }));
    }

    [Test]
    public void A_custom_rule_comes_first()
    {
        var model = Model(Rule("owner", "userPools"), Rule("custom", "function"));

        var order = Order(model, EveryMode());

        Assert.That(order, Is.EqualTo(new[] { AuthorizationType.AwsLambda, AuthorizationType.AmazonCognitoUserPools }));
    }

    [Test]
    public void Modes_the_api_does_not_accept_are_skipped()
    {
        var model = Model(Rule("owner", "oidc"), Rule("private", "userPools"), Rule("public", "iam"), Rule("public", "apiKey"));

        // The API has user pools (default) and API key; no OIDC, no IAM.
        var order = Order(model, Config(AuthorizationType.AmazonCognitoUserPools, AuthorizationType.ApiKey));

        Assert.That(order, Is.EqualTo(new[] { AuthorizationType.AmazonCognitoUserPools, AuthorizationType.ApiKey }));
    }

    [Test]
    public void When_no_rule_offers_a_usable_mode_the_default_mode_is_used()
    {
        var model = Model(Rule("owner", "userPools"), Rule("public", "iam"));

        var order = Order(model, Config(AuthorizationType.ApiKey, AuthorizationType.AmazonCognitoUserPools), signedIn: false);

        Assert.That(order, Is.EqualTo(new[] { AuthorizationType.ApiKey }));
    }

    [Test]
    public void A_rule_without_the_operation_offers_no_mode_for_it()
    {
        var model = Model(Rule("public", "apiKey", "read"), Rule("owner", "userPools", "create", "update", "delete", "read"));
        var config = Config(AuthorizationType.ApiKey, AuthorizationType.AmazonCognitoUserPools);

        Assert.Multiple(() =>
        {
            Assert.That(Order(model, config, operation: AuthOperation.Create), Is.EqualTo(new[] { AuthorizationType.AmazonCognitoUserPools }));
            Assert.That(Order(model, config, operation: AuthOperation.Read), Is.EqualTo(new[] { AuthorizationType.AmazonCognitoUserPools, AuthorizationType.ApiKey }));
        });
    }

    [Test]
    public void Each_mutation_is_filtered_by_its_own_operation()
    {
        var model = Model(Rule("owner", "userPools", "update", "delete", "read"), Rule("private", "iam", "create", "read"));
        var config = EveryMode();

        Assert.Multiple(() =>
        {
            Assert.That(Order(model, config, operation: AuthOperation.Create), Is.EqualTo(new[] { AuthorizationType.AwsIam }));
            Assert.That(Order(model, config, operation: AuthOperation.Update), Is.EqualTo(new[] { AuthorizationType.AmazonCognitoUserPools }));
            Assert.That(Order(model, config, operation: AuthOperation.Delete), Is.EqualTo(new[] { AuthorizationType.AmazonCognitoUserPools }));
            Assert.That(Order(model, config, operation: AuthOperation.Read), Is.EqualTo(new[] { AuthorizationType.AmazonCognitoUserPools, AuthorizationType.AwsIam }));
        });
    }

    [Test]
    public void Fine_grained_read_operations_count_as_read()
    {
        var model = Model(Rule("public", "apiKey", "sync", "listen"), Rule("private", "userPools", "create"));

        var order = Order(model, EveryMode(AuthorizationType.AmazonCognitoUserPools));

        Assert.That(order, Is.EqualTo(new[] { AuthorizationType.ApiKey }));
    }

    [Test]
    public void Private_oidc_and_identity_pool_rules_offer_their_modes()
    {
        var model = Model(Rule("public", "identityPool"), Rule("private", "oidc"));

        var order = Order(model, EveryMode(AuthorizationType.AmazonCognitoUserPools));

        Assert.That(order, Is.EqualTo(new[] { AuthorizationType.OpenIdConnect, AuthorizationType.AwsIam }));
    }

    [Test]
    public void The_api_modes_can_be_given_without_a_configuration()
    {
        var model = Model(Rule("private", "userPools"), Rule("public", "apiKey"));

        var order = AuthModeOrder.For(model, AuthOperation.Read, AuthModeStrategy.MultiAuth, AuthorizationType.ApiKey, Array.Empty<AuthorizationType>(), signedIn: true);

        Assert.That(order, Is.EqualTo(new[] { AuthorizationType.ApiKey }));
    }
}
