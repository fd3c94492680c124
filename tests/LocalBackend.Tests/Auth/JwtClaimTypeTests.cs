using System.Text.Json.Nodes;
using Amplify.DataStore.LocalBackend.Auth;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Auth;

/// <summary>
/// Correctly signed tokens whose claims have the wrong JSON type (RFC 7519 §4.1: <c>exp</c>/<c>nbf</c>/<c>iat</c> are
/// numbers, <c>iss</c>/<c>sub</c>/<c>jti</c> strings, <c>aud</c> a string or an array of strings; Cognito's
/// <c>cognito:groups</c> an array of strings) are refused as unparseable, whatever the token library would make of
/// them.
/// </summary>
public sealed class JwtClaimTypeTests
{
    private static readonly DateTimeOffset IssuedAt = new(2020, 1, 1, 12, 0, 0, TimeSpan.Zero);

    // Inside the token's lifetime, so only the claim's type can make it fail.
    private static readonly DateTimeOffset Now = IssuedAt.AddMinutes(10);

    private static long Exp => IssuedAt.AddHours(1).ToUnixTimeSeconds();

    private static long Iat => IssuedAt.ToUnixTimeSeconds();

    private static JwtValidator Validator(JwtAuthOptions? options = null) => new(options ?? TestTokens.Options(), new ManualClock(Now));

    private static string TokenWith(string claim, JsonNode? value)
    {
        JsonObject payload = TestTokens.Payload(IssuedAt);
        payload[claim] = value;
        return TestTokens.SignPayload(payload);
    }

    private static IEnumerable<TestCaseData> MistypedClaims()
    {
        TestCaseData Case(string claim, JsonNode? value, string kind) =>
            new TestCaseData(claim, value?.ToJsonString() ?? "null", kind).SetArgDisplayNames(claim, value?.ToJsonString() ?? "null");

        // The example: the right time, as a string. The library would parse it and accept the token.
        yield return Case("exp", JsonValue.Create(Exp.ToString(System.Globalization.CultureInfo.InvariantCulture)), "a string");
        yield return Case("exp", "soon", "a string");
        yield return Case("exp", true, "a boolean");
        yield return Case("exp", null, "null");
        yield return Case("exp", new JsonArray(Exp), "an array");
        yield return Case("exp", new JsonObject { ["seconds"] = Exp }, "an object");
        yield return Case("nbf", JsonValue.Create(Iat.ToString(System.Globalization.CultureInfo.InvariantCulture)), "a string");
        yield return Case("nbf", new JsonArray(Iat), "an array");
        yield return Case("iat", JsonValue.Create(Iat.ToString(System.Globalization.CultureInfo.InvariantCulture)), "a string");
        yield return Case("iat", false, "a boolean");
        yield return Case("iss", new JsonArray(TestTokens.Issuer), "an array");
        yield return Case("iss", 42, "a number");
        yield return Case("sub", 42, "a number");
        yield return Case("sub", new JsonArray("sub-alice"), "an array");
        yield return Case("jti", new JsonObject(), "an object");
        yield return Case("aud", 42, "a number");
        yield return Case("aud", new JsonObject { ["client"] = "client-123" }, "an object");
        yield return Case("aud", new JsonArray("client-123", 7), "an array holding a number");
        yield return Case("aud", new JsonArray("client-123", null), "an array holding null");
        yield return Case("cognito:groups", 42, "a number");
        yield return Case("cognito:groups", new JsonObject { ["Admins"] = true }, "an object");
        yield return Case("cognito:groups", new JsonArray("Admins", 1), "an array holding a number");
        yield return Case("cognito:groups", new JsonArray("Admins", null), "an array holding null");
        yield return Case("cognito:groups", new JsonArray("Admins", new JsonArray("Editors")), "an array holding an array");
    }

    [TestCaseSource(nameof(MistypedClaims))]
    public async Task AClaimOfTheWrongJsonTypeIsRefused(string claim, string json, string kind)
    {
        JwtValidationResult result = await Validator().ValidateAsync(TokenWith(claim, JsonNode.Parse(json)));

        Assert.That(result.IsValid, Is.False, $"{claim}: {json} was accepted");
        Assert.That(result.ErrorMessage, Is.EqualTo(JwtValidationResult.UnparseableMessage));
        Assert.That(result.Detail, Does.Contain($"'{claim}'").And.Contain(kind), "the log detail names the claim and what it was");
    }

    [Test]
    public async Task AnExpiredStringExpIsRefusedForItsTypeNotAsExpired()
    {
        // A mistyped exp is not a lifetime: "expired" would tell the client to refresh a token that will never work.
        var validator = new JwtValidator(TestTokens.Options(), new ManualClock(IssuedAt.AddDays(1)));

        JwtValidationResult result = await validator.ValidateAsync(TokenWith("exp", JsonValue.Create(Exp.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        Assert.That(result.ErrorMessage, Is.EqualTo(JwtValidationResult.UnparseableMessage));
    }

    [Test]
    public async Task AnArrayIssuerIsRefusedEvenWhenNoIssuerIsRequired()
    {
        JwtAuthOptions options = TestTokens.Options();
        options.Issuer = null;

        JwtValidationResult result = await Validator(options).ValidateAsync(TokenWith("iss", new JsonArray(TestTokens.Issuer)));

        Assert.That(result.ErrorMessage, Is.EqualTo(JwtValidationResult.UnparseableMessage));
        Assert.That(result.Detail, Does.Contain("'iss'"));
    }

    [Test]
    public async Task AConfiguredGroupsClaimIsCheckedInsteadOfCognitoGroups()
    {
        JwtAuthOptions options = TestTokens.Options();
        options.GroupsClaim = "roles";
        JsonObject payload = TestTokens.Payload(IssuedAt);
        payload["roles"] = new JsonArray("r1", 2);

        JwtValidationResult result = await Validator(options).ValidateAsync(TestTokens.SignPayload(payload));

        Assert.That(result.ErrorMessage, Is.EqualTo(JwtValidationResult.UnparseableMessage));
        Assert.That(result.Detail, Does.Contain("'roles'"));
    }

    [Test]
    public async Task AFractionalNumericDateIsAccepted()
    {
        // RFC 7519 §2: a NumericDate is a JSON number and may have a fraction.
        JwtValidationResult result = await Validator().ValidateAsync(TokenWith("exp", Exp + 0.5));

        Assert.That(result.IsValid, Is.True, result.ErrorMessage);
    }

    [Test]
    public async Task AudienceMayBeAStringOrAnArrayOfStrings()
    {
        JwtAuthOptions options = TestTokens.Options();
        options.Audience = "client-123";
        JwtValidator validator = Validator(options);

        JwtValidationResult single = await validator.ValidateAsync(TokenWith("aud", "client-123"));
        JwtValidationResult several = await validator.ValidateAsync(TokenWith("aud", new JsonArray("other-client", "client-123")));
        JwtValidationResult othersOnly = await validator.ValidateAsync(TokenWith("aud", new JsonArray("other-client")));

        Assert.Multiple(() =>
        {
            Assert.That(single.IsValid, Is.True, single.ErrorMessage);
            Assert.That(several.IsValid, Is.True, several.ErrorMessage);
            Assert.That(othersOnly.ErrorMessage, Is.EqualTo(JwtValidationResult.NotAuthorizedMessage));
        });
    }

    [Test]
    public async Task AnArrayAudienceIsAcceptedWhenNoAudienceIsRequired()
    {
        JwtValidationResult result = await Validator().ValidateAsync(TokenWith("aud", new JsonArray("client-1", "client-2")));

        Assert.That(result.IsValid, Is.True, result.ErrorMessage);
    }

    [Test]
    public async Task GroupsAsAnArrayOfStringsOrASingleStringAreAccepted()
    {
        // Amplify's group-rule resolvers also take a single string (OIDC providers that send one group that way).
        JwtValidationResult list = await Validator().ValidateAsync(TokenWith("cognito:groups", new JsonArray("Admins", "Editors")));
        JwtValidationResult single = await Validator().ValidateAsync(TokenWith("cognito:groups", "Admins"));
        JwtValidationResult empty = await Validator().ValidateAsync(TokenWith("cognito:groups", new JsonArray()));

        Assert.Multiple(() =>
        {
            Assert.That(list.Identity?.Groups, Is.EqualTo(new[] { "Admins", "Editors" }), list.ErrorMessage);
            Assert.That(single.Identity?.Groups, Is.EqualTo(new[] { "Admins" }), single.ErrorMessage);
            Assert.That(empty.Identity?.Groups, Is.Empty, empty.ErrorMessage);
        });
    }

    [Test]
    public async Task AMistypedClaimIsRefusedTheSameWayWhoeverSignedTheToken()
    {
        // The type check needs no key, so answering it before the signature tells a forger nothing it did not know.
        JsonObject payload = TestTokens.Payload(IssuedAt);
        payload["exp"] = "soon";

        JwtValidationResult result = await Validator().ValidateAsync(TestTokens.SignPayload(payload, "some-other-secret-that-is-also-32-bytes-or-more"));

        Assert.That(result.ErrorMessage, Is.EqualTo(JwtValidationResult.UnparseableMessage));
        Assert.That(result.Detail, Does.Contain("'exp'"));
    }

    [Test]
    public async Task AWellTypedPayloadSignedByAnotherKeyIsStillRefusedAsUnauthorized()
    {
        JwtValidationResult result = await Validator().ValidateAsync(
            TestTokens.SignPayload(TestTokens.Payload(IssuedAt), "some-other-secret-that-is-also-32-bytes-or-more"));

        Assert.That(result.ErrorMessage, Is.EqualTo(JwtValidationResult.NotAuthorizedMessage));
    }

    [Test]
    public async Task TheHandSignedPayloadIsAcceptedAsIs()
    {
        // Guards the helper the other tests rely on: with every claim well typed, the same token is valid.
        JwtValidationResult result = await Validator().ValidateAsync(TestTokens.SignPayload(TestTokens.Payload(IssuedAt)));

        Assert.That(result.IsValid, Is.True, result.ErrorMessage + " " + result.Detail);
        Assert.That(result.Identity!.Username, Is.EqualTo("alice"));
    }
}
