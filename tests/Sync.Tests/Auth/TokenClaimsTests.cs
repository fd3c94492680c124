using System.Text.Json.Nodes;
using Amplify.DataStore.Sync.Auth;

namespace Amplify.DataStore.Sync.Tests.Auth;

/// <summary>Reading owner values and groups from token claims the way AppSync and the local backend read them.</summary>
public class TokenClaimsTests
{
    [Test]
    public void An_owner_value_is_the_named_claim()
    {
        var claims = new JsonObject { ["cognito:username"] = "alice", ["sub"] = "s-1" };

        Assert.That(TokenClaims.OwnerValue(claims, "sub"), Is.EqualTo("s-1"));
    }

    [Test]
    public void A_compound_claim_joins_its_parts()
    {
        var claims = new JsonObject { ["sub"] = "s-1", ["cognito:username"] = "alice" };

        Assert.That(TokenClaims.OwnerValue(claims, "sub::username"), Is.EqualTo("s-1::alice"));
    }

    [Test]
    public void A_compound_claim_with_a_missing_part_has_no_value()
    {
        var claims = new JsonObject { ["sub"] = "s-1" };

        Assert.That(TokenClaims.OwnerValue(claims, "sub::email"), Is.Null);
    }

    [Test]
    public void Cognito_username_falls_back_to_the_access_tokens_username()
    {
        var claims = new JsonObject { ["username"] = "alice" };

        Assert.That(TokenClaims.OwnerValue(claims, "cognito:username"), Is.EqualTo("alice"));
    }

    [Test]
    public void A_numeric_claim_is_written_as_text()
    {
        var claims = JsonNode.Parse("{\"tenant\":42}")!.AsObject();

        Assert.That(TokenClaims.OwnerValue(claims, "tenant"), Is.EqualTo("42"));
    }

    [TestCase("{}")]
    [TestCase("{\"owner\":\"\"}")]
    [TestCase("{\"owner\":[\"a\"]}")]
    [TestCase("{\"owner\":true}")]
    public void Missing_empty_list_and_boolean_claims_name_no_one(string json)
    {
        var claims = JsonNode.Parse(json)!.AsObject();

        Assert.That(TokenClaims.OwnerValue(claims, "owner"), Is.Null);
    }

    [TestCase("{\"cognito:groups\":[\"Admin\",\"Editors\"]}")]
    [TestCase("{\"cognito:groups\":\"[\\\"Admin\\\",\\\"Editors\\\"]\"}")]
    public void Groups_are_a_list_or_a_json_list_in_a_string(string json)
    {
        var claims = JsonNode.Parse(json)!.AsObject();

        Assert.That(TokenClaims.Groups(claims, "cognito:groups"), Is.EqualTo(new[] { "Admin", "Editors" }));
    }

    [Test]
    public void A_plain_string_is_one_group()
    {
        var claims = new JsonObject { ["groups"] = "Admin" };

        Assert.That(TokenClaims.Groups(claims, "groups"), Is.EqualTo(new[] { "Admin" }));
    }

    [Test]
    public void A_missing_group_claim_is_no_groups()
    {
        var claims = new JsonObject { ["cognito:groups"] = new JsonArray("Admin") };

        Assert.That(TokenClaims.Groups(claims, "groups"), Is.Empty);
    }
}
