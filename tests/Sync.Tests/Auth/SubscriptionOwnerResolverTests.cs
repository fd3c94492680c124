using System.Text.Json.Nodes;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Sync.Auth;
using static Amplify.DataStore.Sync.Tests.Auth.AuthTestModels;

namespace Amplify.DataStore.Sync.Tests.Auth;

/// <summary>
/// Whether <c>onCreate</c>/<c>onUpdate</c>/<c>onDelete</c> pass an owner argument, as amplify-js's subscription processor
/// decides: owner rules of the mode's provider need one unless private or group rules already grant every event, the
/// owner field is a list, or the rule leaves reads unprotected.
/// </summary>
public class SubscriptionOwnerResolverTests
{
    private static readonly JsonObject Alice = new() { ["sub"] = "s-1", ["cognito:username"] = "alice", ["email"] = "alice@example.com" };

    private static AuthRuleMetadata Owner(string? ownerField = null, string? identityClaim = null, string provider = "userPools", params string[] operations)
        => new() { Allow = "owner", Provider = provider, OwnerField = ownerField, IdentityClaim = identityClaim, Operations = operations };

    private static AuthRuleMetadata Groups(string provider, params string[] groups)
        => new() { Allow = "groups", Provider = provider, Groups = groups, GroupClaim = "cognito:groups" };

    private static SubscriptionOwnerArgument Resolve(ModelMetadata model, JsonObject? claims, AuthorizationType mode = AuthorizationType.AmazonCognitoUserPools)
        => SubscriptionOwnerResolver.Resolve(model, mode, claims);

    private static JsonObject WithGroups(JsonNode groups)
    {
        var claims = (JsonObject)Alice.DeepClone();
        claims["cognito:groups"] = groups;
        return claims;
    }

    [Test]
    public void A_plain_owner_rule_passes_the_user_name_as_owner()
    {
        var argument = Resolve(Model(Owner()), Alice);

        Assert.That((argument.IsNeeded, argument.Name, argument.Value), Is.EqualTo((true, "owner", "alice")));
    }

    [Test]
    public void A_custom_owner_field_names_the_argument_and_the_identity_claim_gives_the_value()
    {
        var argument = Resolve(Model(Owner(ownerField: "author", identityClaim: "sub")), Alice);

        Assert.That((argument.Name, argument.Value), Is.EqualTo(("author", "s-1")));
    }

    [Test]
    public void The_username_alias_reads_cognito_username()
    {
        var argument = Resolve(Model(Owner(identityClaim: "username")), new JsonObject { ["cognito:username"] = "bob" });

        Assert.That(argument.Value, Is.EqualTo("bob"));
    }

    [Test]
    public void A_member_of_a_static_group_needs_no_owner_argument()
    {
        var model = Model(Groups("userPools", "Admin"), Owner());

        Assert.Multiple(() =>
        {
            Assert.That(Resolve(model, WithGroups(new JsonArray("Admin"))), Is.SameAs(SubscriptionOwnerArgument.NotNeeded));
            Assert.That(Resolve(model, WithGroups(JsonValue.Create("[\"Readers\",\"Admin\"]"))), Is.SameAs(SubscriptionOwnerArgument.NotNeeded));
        });
    }

    [Test]
    public void A_user_outside_the_groups_still_needs_the_owner_argument()
    {
        var argument = Resolve(Model(Groups("userPools", "Admin"), Owner()), WithGroups(new JsonArray("Readers")));

        Assert.That(argument.Value, Is.EqualTo("alice"));
    }

    [Test]
    public void A_group_rule_for_another_provider_gives_no_precedence()
    {
        var argument = Resolve(Model(Groups("oidc", "Admin"), Owner()), WithGroups(new JsonArray("Admin")));

        Assert.That(argument.Value, Is.EqualTo("alice"));
    }

    [Test]
    public void A_group_rule_without_read_gives_no_precedence()
    {
        var writers = new AuthRuleMetadata { Allow = "groups", Provider = "userPools", Groups = new[] { "Admin" }, Operations = new[] { "create", "update" } };

        var argument = Resolve(Model(writers, Owner()), WithGroups(new JsonArray("Admin")));

        Assert.That(argument.Value, Is.EqualTo("alice"));
    }

    [Test]
    public void A_private_rule_for_the_mode_grants_every_event_so_no_owner_argument()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Resolve(Model(Rule("private", "userPools"), Owner()), Alice).IsNeeded, Is.False);
            Assert.That(Resolve(Model(Rule("private", "iam"), Owner()), Alice).IsNeeded, Is.True);
        });
    }

    [Test]
    public void A_list_owner_field_needs_no_argument()
    {
        var editors = StringField("editors", isList: true);

        var argument = Resolve(Model(new[] { editors }, Owner(ownerField: "editors")), Alice);

        Assert.That(argument.IsNeeded, Is.False);
    }

    [Test]
    public void A_declared_single_owner_field_needs_the_argument()
    {
        var author = StringField("author");

        var argument = Resolve(Model(new[] { author }, Owner(ownerField: "author")), Alice);

        Assert.That((argument.Name, argument.Value), Is.EqualTo(("author", "alice")));
    }

    [Test]
    public void A_missing_claim_is_an_error_naming_the_model_and_claim()
    {
        var error = Assert.Throws<OwnerClaimMissingException>(() => Resolve(Model(Owner(identityClaim: "email")), new JsonObject { ["sub"] = "s-1" }));

        Assert.That(error!.Message, Does.StartWith("Owner field required, sign in is needed").And.Contain("'Post'").And.Contain("'email'"));
    }

    [Test]
    public void No_token_is_an_error_when_the_argument_is_needed()
    {
        var error = Assert.Throws<OwnerClaimMissingException>(() => Resolve(Model(Owner()), claims: null));

        Assert.That((error!.Model, error.OwnerField, error.IdentityClaim), Is.EqualTo(("Post", "owner", "cognito:username")));
    }

    [Test]
    public void An_owner_rule_without_read_leaves_subscriptions_public()
    {
        var model = Model(Owner(operations: new[] { "create", "update", "delete" }), Rule("public", "apiKey", "read"));

        Assert.Multiple(() =>
        {
            Assert.That(Resolve(model, Alice).IsNeeded, Is.False);
            Assert.That(Resolve(model, claims: null).IsNeeded, Is.False, "no claim is needed either");
        });
    }

    [Test]
    public void An_owner_rule_with_listen_protects_subscriptions()
    {
        var argument = Resolve(Model(Owner(operations: new[] { "create", "listen" })), Alice);

        Assert.That(argument.Value, Is.EqualTo("alice"));
    }

    [TestCase(AuthorizationType.ApiKey)]
    [TestCase(AuthorizationType.AwsIam)]
    [TestCase(AuthorizationType.AwsLambda)]
    public void Public_and_other_non_jwt_modes_subscribe_without_an_owner(AuthorizationType mode)
    {
        var model = Model(Owner(), Rule("public", "apiKey"), Rule("public", "iam"), Rule("custom", "function"));

        Assert.That(Resolve(model, Alice, mode).IsNeeded, Is.False);
    }

    [Test]
    public void Oidc_mode_uses_the_oidc_owner_rule_only()
    {
        var model = Model(Owner(), Owner(ownerField: "author", identityClaim: "sub", provider: "oidc"));

        var argument = Resolve(model, Alice, AuthorizationType.OpenIdConnect);

        Assert.That((argument.Name, argument.Value), Is.EqualTo(("author", "s-1")));
    }

    [Test]
    public void With_several_owner_rules_the_last_one_the_token_has_a_value_for_decides()
    {
        var bothKnown = Model(Owner(ownerField: "author", identityClaim: "sub"), Owner(ownerField: "reviewer", identityClaim: "email"));
        var lastUnknown = Model(Owner(ownerField: "author", identityClaim: "sub"), Owner(ownerField: "reviewer", identityClaim: "custom:team"));

        Assert.Multiple(() =>
        {
            Assert.That(Resolve(bothKnown, Alice).ToString(), Is.EqualTo("reviewer: \"alice@example.com\""));
            Assert.That(Resolve(lastUnknown, Alice).ToString(), Is.EqualTo("author: \"s-1\""));
        });
    }

    [Test]
    public void A_needed_argument_is_shown_with_its_value()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SubscriptionOwnerArgument.Needed("owner", "alice").ToString(), Is.EqualTo("owner: \"alice\""));
            Assert.That(SubscriptionOwnerArgument.NotNeeded.ToString(), Is.EqualTo("no owner argument"));
        });
    }
}
