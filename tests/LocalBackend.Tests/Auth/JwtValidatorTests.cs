using System.Security.Cryptography;
using System.Text;
using Amplify.DataStore.LocalBackend.Auth;
using Amplify.DataStore.LocalBackend.Tests.Support;
using Microsoft.IdentityModel.Tokens;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Auth;

public sealed class JwtValidatorTests
{
    // Years before the real clock, so a token valid "now" by this clock is long expired by the system clock.
    private static readonly DateTimeOffset IssuedAt = new(2020, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static JwtValidator Validator(JwtAuthOptions? options = null, DateTimeOffset? now = null) =>
        new(options ?? TestTokens.Options(), new ManualClock(now ?? IssuedAt.AddMinutes(10)));

    private static string Token(
        string? username = "alice",
        IEnumerable<string>? groups = null,
        string usernameClaim = "username",
        string secret = TestTokens.Secret,
        string? issuer = TestTokens.Issuer,
        string? audience = null,
        IDictionary<string, object>? extraClaims = null) =>
        TestTokens.Issue(
            username: username,
            groups: groups,
            issuedAt: IssuedAt,
            usernameClaim: usernameClaim,
            secret: secret,
            issuer: issuer,
            audience: audience,
            extraClaims: extraClaims);

    [Test]
    public async Task Hs256TokenIsAcceptedAndMappedToAJwtCaller()
    {
        JwtValidationResult result = await Validator().ValidateAsync(Token(groups: ["Admins", "Editors"]));

        Assert.That(result.IsValid, Is.True, result.ErrorMessage);
        CallerIdentity identity = result.Identity!;
        Assert.Multiple(() =>
        {
            Assert.That(identity.Mode, Is.EqualTo(AuthMode.Jwt));
            Assert.That(identity.Subject, Is.EqualTo("sub-alice"));
            Assert.That(identity.Username, Is.EqualTo("alice"));
            Assert.That(identity.Groups, Is.EqualTo(new[] { "Admins", "Editors" }));
            Assert.That(identity.Claims["iss"], Is.EqualTo(TestTokens.Issuer));
            Assert.That(identity.Claims["exp"], Is.EqualTo(IssuedAt.AddHours(1).ToUnixTimeSeconds()));
            Assert.That(identity.Claims["cognito:groups"], Is.EqualTo(new object?[] { "Admins", "Editors" }));
            Assert.That(result.ErrorMessage, Is.Null);
        });
    }

    [TestCase(SecurityAlgorithms.RsaSha256, false)]
    [TestCase(SecurityAlgorithms.RsaSsaPssSha256, false)]
    [TestCase(SecurityAlgorithms.RsaSha256, true)]
    public async Task RsaTokenIsAcceptedAgainstAPublicKeyPem(string algorithm, bool pkcs1Pem)
    {
        using RSA rsa = RSA.Create(2048);
        var options = new JwtAuthOptions { Issuer = TestTokens.Issuer };
        options.PublicKeyPems.Add(pkcs1Pem ? rsa.ExportRSAPublicKeyPem() : rsa.ExportSubjectPublicKeyInfoPem());
        string token = SignAsymmetric(new SigningCredentials(new RsaSecurityKey(rsa), algorithm));

        JwtValidationResult result = await Validator(options).ValidateAsync(token);

        Assert.That(result.IsValid, Is.True, result.ErrorMessage);
        Assert.That(result.Identity!.Subject, Is.EqualTo("sub-rsa"));
    }

    [Test]
    public async Task Es256TokenIsAcceptedAgainstAnEcPublicKeyPem()
    {
        using ECDsa ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var options = new JwtAuthOptions { Issuer = TestTokens.Issuer };
        options.PublicKeyPems.Add(ec.ExportSubjectPublicKeyInfoPem());
        string token = SignAsymmetric(new SigningCredentials(new ECDsaSecurityKey(ec), SecurityAlgorithms.EcdsaSha256));

        JwtValidationResult result = await Validator(options).ValidateAsync(token);

        Assert.That(result.IsValid, Is.True, result.ErrorMessage);
    }

    [Test]
    public async Task Rs256TokenSignedByAnotherKeyIsRefused()
    {
        using RSA trusted = RSA.Create(2048);
        using RSA other = RSA.Create(2048);
        var options = new JwtAuthOptions { Issuer = TestTokens.Issuer };
        options.PublicKeyPems.Add(trusted.ExportSubjectPublicKeyInfoPem());
        string token = SignAsymmetric(new SigningCredentials(new RsaSecurityKey(other), SecurityAlgorithms.RsaSha256));

        JwtValidationResult result = await Validator(options).ValidateAsync(token);

        Assert.That(result.ErrorMessage, Is.EqualTo(JwtValidationResult.NotAuthorizedMessage));
    }

    [Test]
    public void PemWithoutAPublicKeyFailsAtConstruction()
    {
        var options = new JwtAuthOptions();
        options.PublicKeyPems.Add("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----");

        Assert.Throws<ArgumentException>(() => _ = Validator(options));
    }

    [Test]
    public async Task LifetimeFollowsTheInjectedClockNotTheSystemClock()
    {
        // By the system clock this 2020 token expired long ago; by the injected clock it is ten minutes old.
        JwtValidationResult result = await Validator(now: IssuedAt.AddMinutes(10)).ValidateAsync(Token());

        Assert.That(result.IsValid, Is.True, result.ErrorMessage);
    }

    [Test]
    public async Task ExpiredTokenIsRefusedWithTokenHasExpired()
    {
        JwtValidationResult result = await Validator(now: IssuedAt.AddHours(1).AddMinutes(6)).ValidateAsync(Token());

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.ErrorMessage, Is.EqualTo("Token has expired."));
    }

    [Test]
    public async Task ClockSkewIsToleratedAfterExpiry()
    {
        var clock = new ManualClock(IssuedAt.AddHours(1).AddMinutes(4));
        var validator = new JwtValidator(TestTokens.Options(), clock);
        string token = Token();

        Assert.That((await validator.ValidateAsync(token)).IsValid, Is.True, "within the 5 minute skew");
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.That((await validator.ValidateAsync(token)).ErrorMessage, Is.EqualTo(JwtValidationResult.ExpiredMessage));
    }

    [Test]
    public async Task NotYetValidTokenIsRefused()
    {
        JwtValidationResult result = await Validator(now: IssuedAt.AddMinutes(-6)).ValidateAsync(Token());

        Assert.That(result.ErrorMessage, Is.EqualTo(JwtValidationResult.NotAuthorizedMessage));
    }

    [Test]
    public async Task TokenWithoutExpiryIsRefused()
    {
        string token = TestTokens.Sign(
            new SecurityTokenDescriptor { Claims = new Dictionary<string, object> { ["sub"] = "x" }, Issuer = TestTokens.Issuer },
            new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestTokens.Secret)), SecurityAlgorithms.HmacSha256));

        JwtValidationResult result = await Validator().ValidateAsync(token);

        Assert.That(result.ErrorMessage, Is.EqualTo(JwtValidationResult.NotAuthorizedMessage));
    }

    [Test]
    public async Task BadSignatureIsRefused()
    {
        JwtValidationResult result = await Validator().ValidateAsync(Token(secret: "some-other-secret-that-is-also-32-bytes-or-more"));

        Assert.That(result.ErrorMessage, Is.EqualTo("You are not authorized to make this call."));
    }

    [Test]
    public async Task ForgedExpiredTokenIsRefusedAsUnauthorizedNotExpired()
    {
        // The signature is checked before the lifetime, so a forged token learns nothing about its claims.
        JwtValidationResult result = await Validator(now: IssuedAt.AddDays(1))
            .ValidateAsync(Token(secret: "some-other-secret-that-is-also-32-bytes-or-more"));

        Assert.That(result.ErrorMessage, Is.EqualTo(JwtValidationResult.NotAuthorizedMessage));
    }

    [Test]
    public async Task TamperedPayloadIsRefused()
    {
        string[] parts = Token().Split('.');
        string forged = Base64UrlEncoder.Encode(
            Base64UrlEncoder.Decode(parts[1]).Replace("sub-alice", "sub-mallory", StringComparison.Ordinal));

        JwtValidationResult result = await Validator().ValidateAsync($"{parts[0]}.{forged}.{parts[2]}");

        Assert.That(result.ErrorMessage, Is.EqualTo(JwtValidationResult.NotAuthorizedMessage));
    }

    [Test]
    public async Task UnsignedTokenIsRefused()
    {
        string[] parts = Token().Split('.');
        string header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");

        JwtValidationResult result = await Validator().ValidateAsync($"{header}.{parts[1]}.");

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.ErrorMessage, Is.EqualTo(JwtValidationResult.NotAuthorizedMessage));
    }

    [Test]
    public async Task WrongIssuerIsRefused()
    {
        JwtValidationResult result = await Validator().ValidateAsync(Token(issuer: "https://elsewhere.example"));

        Assert.That(result.ErrorMessage, Is.EqualTo(JwtValidationResult.NotAuthorizedMessage));
    }

    [Test]
    public async Task IssuerIsNotCheckedWhenNotConfigured()
    {
        JwtAuthOptions options = TestTokens.Options();
        options.Issuer = null;

        JwtValidationResult result = await Validator(options).ValidateAsync(Token(issuer: "https://elsewhere.example"));

        Assert.That(result.IsValid, Is.True, result.ErrorMessage);
    }

    [Test]
    public async Task AudienceIsCheckedWhenConfigured()
    {
        JwtAuthOptions options = TestTokens.Options();
        options.Audience = "client-123";
        JwtValidator validator = Validator(options);

        Assert.Multiple(async () =>
        {
            Assert.That((await validator.ValidateAsync(Token(audience: "client-123"))).IsValid, Is.True);
            Assert.That(
                (await validator.ValidateAsync(Token(audience: "client-999"))).ErrorMessage,
                Is.EqualTo(JwtValidationResult.NotAuthorizedMessage));
            Assert.That(
                (await validator.ValidateAsync(Token(audience: null))).ErrorMessage,
                Is.EqualTo(JwtValidationResult.NotAuthorizedMessage));
        });
    }

    [TestCase("not-a-jwt")]
    [TestCase("a.b.c")]
    [TestCase("")]
    [TestCase("Bearer ")]
    [TestCase(null)]
    public async Task GarbageIsRefusedAsUnparseable(string? value)
    {
        JwtValidationResult result = await Validator().ValidateAsync(value);

        Assert.That(result.ErrorMessage, Is.EqualTo("Unable to parse JWT token."));
    }

    [TestCase("Bearer ")]
    [TestCase("bearer ")]
    [TestCase("  Bearer   ")]
    public async Task BearerPrefixIsAccepted(string prefix)
    {
        JwtValidationResult result = await Validator().ValidateAsync(prefix + Token());

        Assert.That(result.IsValid, Is.True, result.ErrorMessage);
    }

    [Test]
    public async Task NoConfiguredKeysRefusesEveryToken()
    {
        var options = new JwtAuthOptions();
        Assert.That(options.IsConfigured, Is.False);

        JwtValidationResult result = await Validator(options).ValidateAsync(Token());

        Assert.That(result.ErrorMessage, Is.EqualTo(JwtValidationResult.NotAuthorizedMessage));
    }

    [Test]
    public async Task UsernameFallsBackToCognitoUsername()
    {
        JwtValidationResult result = await Validator().ValidateAsync(Token(usernameClaim: "cognito:username"));

        Assert.That(result.Identity!.Username, Is.EqualTo("alice"));
    }

    [Test]
    public async Task UsernameClaimWinsOverCognitoUsername()
    {
        string token = Token(username: "alice", extraClaims: new Dictionary<string, object> { ["cognito:username"] = "other" });

        JwtValidationResult result = await Validator().ValidateAsync(token);

        Assert.That(result.Identity!.Username, Is.EqualTo("alice"));
    }

    [Test]
    public async Task ConfiguredUsernameAndGroupsClaimsAreUsed()
    {
        JwtAuthOptions options = TestTokens.Options();
        options.UsernameClaim = "email";
        options.GroupsClaim = "roles";
        string token = Token(extraClaims: new Dictionary<string, object> { ["email"] = "a@example.com", ["roles"] = new[] { "r1" } });

        CallerIdentity identity = (await Validator(options).ValidateAsync(token)).Identity!;

        Assert.That(identity.Username, Is.EqualTo("a@example.com"));
        Assert.That(identity.Groups, Is.EqualTo(new[] { "r1" }));
    }

    [Test]
    public async Task NoUsernameClaimGivesNullUsername()
    {
        JwtValidationResult result = await Validator().ValidateAsync(Token(username: null));

        Assert.That(result.IsValid, Is.True);
        Assert.That(result.Identity!.Username, Is.Null);
    }

    [Test]
    public async Task GroupsAsASingleStringBecomeAOneItemList()
    {
        string token = Token(extraClaims: new Dictionary<string, object> { ["cognito:groups"] = "Admins" });

        JwtValidationResult result = await Validator().ValidateAsync(token);

        Assert.That(result.Identity!.Groups, Is.EqualTo(new[] { "Admins" }));
    }

    [Test]
    public async Task MissingGroupsGiveAnEmptyList()
    {
        JwtValidationResult result = await Validator().ValidateAsync(Token());

        Assert.That(result.Identity!.Groups, Is.Empty);
    }

    [Test]
    public async Task ClaimValuesKeepTheirJsonTypes()
    {
        string token = Token(extraClaims: new Dictionary<string, object>
        {
            ["flag"] = true,
            ["ratio"] = 0.5,
            ["count"] = 42L,
            ["mixed"] = new object[] { "a", 1L, false },
        });

        IReadOnlyDictionary<string, object?> claims = (await Validator().ValidateAsync(token)).Identity!.Claims;

        Assert.Multiple(() =>
        {
            Assert.That(claims["sub"], Is.TypeOf<string>().And.EqualTo("sub-alice"));
            Assert.That(claims["flag"], Is.TypeOf<bool>().And.EqualTo(true));
            Assert.That(claims["ratio"], Is.TypeOf<double>().And.EqualTo(0.5));
            Assert.That(claims["count"], Is.TypeOf<long>().And.EqualTo(42L));
            Assert.That(claims["iat"], Is.TypeOf<long>());
            Assert.That(claims["mixed"], Is.InstanceOf<IReadOnlyList<object?>>().And.EqualTo(new object?[] { "a", 1L, false }));
        });
    }

    private static string SignAsymmetric(SigningCredentials credentials) => TestTokens.Sign(
        new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["sub"] = "sub-rsa" },
            Issuer = TestTokens.Issuer,
            IssuedAt = IssuedAt.UtcDateTime,
            NotBefore = IssuedAt.UtcDateTime,
            Expires = IssuedAt.AddHours(1).UtcDateTime,
        },
        credentials);
}
