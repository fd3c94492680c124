using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Auth;

/// <summary>The backend refuses to start on field-level rules it cannot enforce, naming the field and the rule.</summary>
public sealed class FieldRuleCheckTests
{
    [Test]
    public void A_field_rule_on_a_type_without_model_is_refused()
    {
        var error = RefusedStart("""
            type Address {
              street: String @auth(rules: [{ allow: owner }])
            }
            type Customer @model @auth(rules: [{ allow: owner }]) {
              id: ID!
              address: Address
            }
            """);
        Assert.That(error.Message, Does.Contain("Address.street: @auth(rules: [{allow: owner}])"));
        Assert.That(error.Message, Does.Contain("type without @model"));
    }

    [Test]
    public void A_field_rule_on_a_non_null_field_is_refused()
    {
        var error = RefusedStart("""
            type Account @model @auth(rules: [{ allow: private }]) {
              id: ID!
              balance: Int! @auth(rules: [{ allow: groups, groups: ["Tellers"] }])
            }
            """);
        Assert.That(error.Message, Does.Contain("Account.balance: @auth rule { allow: groups, provider: userPools, groups: [\"Tellers\"]"));
        Assert.That(error.Message, Does.Contain("make the field nullable"));
    }

    [Test]
    public void A_field_owner_or_groupsField_rule_reading_an_undeclared_field_is_refused()
    {
        var error = RefusedStart("""
            type Account @model @auth(rules: [{ allow: private }]) {
              id: ID!
              balance: Int @auth(rules: [{ allow: owner, ownerField: "holder" }])
              notes: String @auth(rules: [{ allow: groups, groupsField: "auditors" }])
            }
            """);
        Assert.That(error.Message, Does.Contain("Account.balance: @auth rule { allow: owner, provider: userPools, ownerField: \"holder\""));
        Assert.That(error.Message, Does.Contain("reads the field 'holder', which Account does not declare"));
        Assert.That(error.Message, Does.Contain("Account.notes: @auth rule { allow: groups, provider: userPools, groupsField: \"auditors\""));
    }

    [Test]
    public async Task A_field_owner_rule_on_the_implicit_owner_field_of_a_model_owner_rule_is_served()
    {
        await using var backend = await Backend.StartAsync("""
            type Account @model @auth(rules: [{ allow: owner }, { allow: private, operations: [read] }]) {
              id: ID!
              balance: Int @auth(rules: [{ allow: owner }])
            }
            """, o =>
        {
            o.Jwt.HmacSecrets.Add(TestTokens.Secret);
            o.Jwt.Issuer = TestTokens.Issuer;
        });
        var data = await backend.DataAsync("mutation { createAccount(input: { balance: 10 }) { balance } }", jwt: TestTokens.Issue());
        Assert.That((int)data["createAccount"]!["balance"]!, Is.EqualTo(10));
        var (_, other) = await backend.PostAsync("{ listAccounts { items { balance } } }", apiKey: null, jwt: TestTokens.Issue(sub: "sub-bob", username: "bob"));
        Assert.That((string)other["errors"]![0]!["message"]!, Is.EqualTo("Not Authorized to access balance on type Account"));
    }

    private static LocalBackendException RefusedStart(string schema)
    {
        var directory = Path.Combine(Path.GetTempPath(), "amplify-local-backend-tests", Guid.NewGuid().ToString("N"));
        var options = new LocalBackendOptions { SchemaText = schema, Port = 0, InMemory = true, UseTls = false, DataDirectory = directory, WriteClientConfig = false, ApiKey = "da2-testkey" };
        return Assert.ThrowsAsync<LocalBackendException>(async () => await LocalBackend.StartAsync(options))!;
    }
}
