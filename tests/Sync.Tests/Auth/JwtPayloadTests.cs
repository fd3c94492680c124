using Amplify.DataStore.Sync.Auth;
using static Amplify.DataStore.Sync.Tests.Auth.TestTokens;

namespace Amplify.DataStore.Sync.Tests.Auth;

/// <summary>The JWT payload decoder: base64url without padding, no signature check, clear errors that never echo the token.</summary>
public class JwtPayloadTests
{
    [Test]
    public void Decodes_a_payload_that_uses_the_url_safe_alphabet()
    {
        // Encodes to "...Pz8-Pz_Dvy...": both base64url substitutions occur.
        const string json = "{\"sub\":\"u-1\",\"note\":\"??>??\u00ff\"}";
        Assume.That(Base64Url(json), Does.Contain("-").Or.Contain("_"));

        var claims = JwtPayload.Decode(Jwt(json));

        Assert.That((string?)claims["note"], Is.EqualTo("??>??\u00ff"));
    }

    [TestCase("{\"a\":1}")]
    [TestCase("{\"ab\":1}")]
    [TestCase("{\"abc\":1}")]
    public void Decodes_payloads_of_every_padding_length(string json)
    {
        var claims = JwtPayload.Decode(Jwt(json));

        Assert.That(claims.ToJsonString(), Is.EqualTo(json));
    }

    [TestCase("not-a-token")]
    [TestCase("a.b")]
    [TestCase("a.b.c.d")]
    public void A_token_without_three_parts_is_refused(string token)
    {
        var error = Assert.Throws<FormatException>(() => JwtPayload.Decode(token));

        Assert.That(error!.Message, Does.Contain("not a JWT").And.Not.Contain(token));
    }

    [Test]
    public void A_payload_that_is_not_base64url_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => JwtPayload.Decode("eyJhbGciOiJub25lIn0.!!!!.sig"));

        Assert.That(error!.Message, Does.Contain("base64url"));
    }

    [TestCase("[1,2]", "not a JSON object")]
    [TestCase("{\"sub\":", "not JSON")]
    public void A_payload_that_is_not_a_json_object_is_refused(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => JwtPayload.Decode(Jwt(json)));

        Assert.That(error!.Message, Does.Contain(expected));
    }
}
