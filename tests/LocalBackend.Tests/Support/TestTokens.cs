using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Amplify.DataStore.LocalBackend.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Amplify.DataStore.LocalBackend.Tests.Support;

/// <summary>
/// Issues HS256 JWTs shaped like Cognito user-pool tokens (<c>sub</c>, <c>username</c> or <c>cognito:username</c>,
/// <c>cognito:groups</c>) for tests that need a signed-in caller, plus the <see cref="JwtAuthOptions"/> that accept them.
/// </summary>
internal static class TestTokens
{
    /// <summary>The HS256 secret tokens are signed with (HS256 needs at least 32 bytes).</summary>
    public const string Secret = "local-backend-tests-hs256-shared-secret-0123456789";

    /// <summary>The <c>iss</c> tokens carry and <see cref="Options"/> requires.</summary>
    public const string Issuer = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_LocalTest";

    /// <summary>Options that accept the tokens issued here (issuer checked, audience not).</summary>
    public static JwtAuthOptions Options()
    {
        var options = new JwtAuthOptions { Issuer = Issuer };
        options.HmacSecrets.Add(Secret);
        return options;
    }

    /// <summary>Issues a token for one user.</summary>
    /// <param name="sub">The <c>sub</c> claim.</param>
    /// <param name="username">The user name, or <see langword="null"/> for none.</param>
    /// <param name="groups">The <c>cognito:groups</c> claim (written as an array), or <see langword="null"/> for none.</param>
    /// <param name="issuedAt">The <c>iat</c>/<c>nbf</c> time; defaults to the real current time.</param>
    /// <param name="lifetime">From <paramref name="issuedAt"/> to <c>exp</c>; defaults to one hour.</param>
    /// <param name="usernameClaim"><c>username</c> (access-token style) or <c>cognito:username</c> (ID-token style).</param>
    /// <param name="secret">The HS256 secret to sign with.</param>
    /// <param name="issuer">The <c>iss</c> claim, or <see langword="null"/> for none.</param>
    /// <param name="audience">The <c>aud</c> claim, or <see langword="null"/> for none.</param>
    /// <param name="extraClaims">More payload claims (strings, numbers, booleans, arrays).</param>
    public static string Issue(
        string sub = "sub-alice",
        string? username = "alice",
        IEnumerable<string>? groups = null,
        DateTimeOffset? issuedAt = null,
        TimeSpan? lifetime = null,
        string usernameClaim = "username",
        string secret = Secret,
        string? issuer = Issuer,
        string? audience = null,
        IDictionary<string, object>? extraClaims = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = sub, ["token_use"] = "access" };
        if (username is not null)
        {
            claims[usernameClaim] = username;
        }

        if (groups is not null)
        {
            claims["cognito:groups"] = groups.ToArray();
        }

        foreach (KeyValuePair<string, object> extra in extraClaims ?? new Dictionary<string, object>())
        {
            claims[extra.Key] = extra.Value;
        }

        DateTimeOffset start = issuedAt ?? DateTimeOffset.UtcNow;
        return Sign(
            new SecurityTokenDescriptor
            {
                Claims = claims,
                Issuer = issuer,
                Audience = audience,
                IssuedAt = start.UtcDateTime,
                NotBefore = start.UtcDateTime,
                Expires = (start + (lifetime ?? TimeSpan.FromHours(1))).UtcDateTime,
            },
            new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256));
    }

    /// <summary>
    /// A valid token's payload as JSON (the claims <see cref="Issue"/> writes, times from <paramref name="issuedAt"/>),
    /// for tests that then change a claim's JSON type before signing it with <see cref="SignPayload"/>.
    /// </summary>
    /// <param name="issuedAt">The <c>iat</c>/<c>nbf</c> time; <c>exp</c> is one hour later.</param>
    public static JsonObject Payload(DateTimeOffset issuedAt) => new()
    {
        ["sub"] = "sub-alice",
        ["token_use"] = "access",
        ["username"] = "alice",
        ["iss"] = Issuer,
        ["iat"] = issuedAt.ToUnixTimeSeconds(),
        ["nbf"] = issuedAt.ToUnixTimeSeconds(),
        ["exp"] = issuedAt.AddHours(1).ToUnixTimeSeconds(),
    };

    /// <summary>
    /// Signs <paramref name="payload"/> exactly as given with HS256: no library rewrites a claim, so a test can send
    /// claims of any JSON type (a string <c>exp</c>, an array <c>iss</c>) in a correctly signed token.
    /// </summary>
    /// <param name="payload">The payload JSON.</param>
    /// <param name="secret">The HS256 secret to sign with.</param>
    public static string SignPayload(JsonObject payload, string secret = Secret)
    {
        string header = Base64UrlEncoder.Encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        string signingInput = header + "." + Base64UrlEncoder.Encode(payload.ToJsonString());
        byte[] signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64UrlEncoder.Encode(signature);
    }

    /// <summary>Signs an arbitrary descriptor (for RS256/ES256 or unusual claims).</summary>
    public static string Sign(SecurityTokenDescriptor descriptor, SigningCredentials credentials)
    {
        descriptor.SigningCredentials = credentials;
        // Keep the handler from adding its own exp/iat/nbf from the real clock.
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(descriptor);
    }
}
