using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Amplify.DataStore.LocalBackend.Auth;

/// <summary>
/// Checks the JWT a client sends in <c>Authorization</c> (raw or <c>Bearer</c>) against the configured keys, issuer,
/// audience and lifetime, and turns an accepted token into a <see cref="CallerIdentity"/>.
/// </summary>
internal sealed class JwtValidator
{
    private const string BearerPrefix = "Bearer ";

    private readonly JwtAuthOptions options;
    private readonly TimeProvider clock;
    private readonly JsonWebTokenHandler handler = new();
    private readonly IReadOnlyList<SecurityKey> keys;
    private readonly ILogger logger;

    /// <summary>Builds the signing keys once; a PEM that holds no RSA or EC public key fails here, at startup.</summary>
    /// <param name="options">The keys and checks to apply.</param>
    /// <param name="clock">The time lifetimes are checked against.</param>
    /// <param name="logger">Gets why each token was refused (Debug), since the client only sees AppSync's message.</param>
    public JwtValidator(JwtAuthOptions options, TimeProvider clock, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        this.options = options;
        this.clock = clock;
        this.logger = logger ?? NullLogger.Instance;
        keys = BuildKeys(options);
    }

    /// <summary>Validates the value of an <c>Authorization</c> header (or the WebSocket header object's field).</summary>
    /// <param name="authorizationHeaderValue">The raw token or <c>Bearer &lt;token&gt;</c>.</param>
    /// <returns>The caller, or AppSync's error message.</returns>
    public async Task<JwtValidationResult> ValidateAsync(string? authorizationHeaderValue)
    {
        string token = StripBearer(authorizationHeaderValue);
        // Claim types first, on the raw payload: the verdict depends on the token alone (no key is involved), and the
        // token library would call some mistyped claims unparseable while reading others as valid.
        IReadOnlyDictionary<string, object?>? claims = TryReadPayload(token);
        if (claims is not null && JwtClaimTypes.FindMistyped(claims, options.GroupsClaim) is { } mistyped)
        {
            return Refuse(JwtValidationResult.UnparseableMessage, mistyped);
        }

        JsonWebToken? jwt = TryParse(token);
        if (jwt is null || claims is null)
        {
            return Refuse(JwtValidationResult.UnparseableMessage, "The token is not a signed JWT (three base64url parts: JSON header, JSON payload, signature).");
        }

        if (keys.Count == 0)
        {
            return Refuse(JwtValidationResult.NotAuthorizedMessage, "No JWT signing key is configured.");
        }

        TokenValidationResult result = await handler.ValidateTokenAsync(jwt, CreateParameters()).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return Refuse(
                result.Exception is SecurityTokenExpiredException ? JwtValidationResult.ExpiredMessage : JwtValidationResult.NotAuthorizedMessage,
                result.Exception?.Message ?? "The token library refused the token without saying why.");
        }

        return JwtValidationResult.Success(new CallerIdentity(
            AuthMode.Jwt,
            claims.TryGetValue("sub", out object? sub) ? sub as string : null,
            ReadUsername(claims),
            ReadGroups(claims),
            claims));
    }

    private JwtValidationResult Refuse(string message, string detail)
    {
        logger.LogDebug("Refused a JWT ({Message}): {Detail}", message, detail);
        return JwtValidationResult.Failure(message, detail);
    }

    private static string StripBearer(string? value)
    {
        string trimmed = value?.Trim() ?? string.Empty;
        return trimmed.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? trimmed[BearerPrefix.Length..].Trim()
            : trimmed;
    }

    private static JsonWebToken? TryParse(string token)
    {
        // Parse up front so only a token that is not a JWT at all gets AppSync's "unable to parse" message.
        if (token.Length == 0)
        {
            return null;
        }

        try
        {
            return new JsonWebToken(token);
        }
        catch (Exception e) when (e is ArgumentException or SecurityTokenMalformedException)
        {
            return null;
        }
    }

    private TokenValidationParameters CreateParameters() => new()
    {
        IssuerSigningKeys = keys,
        ValidateIssuerSigningKey = true,
        RequireSignedTokens = true,
        ValidateIssuer = options.Issuer is not null,
        ValidIssuer = options.Issuer,
        ValidateAudience = options.Audience is not null,
        ValidAudience = options.Audience,
        ValidateLifetime = true,
        ClockSkew = options.ClockSkew,
        // The built-in lifetime check reads the system clock; this one reads the injected clock (tests fake it).
        LifetimeValidator = ValidateLifetime,
    };

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        // Throw the handler's own exception types so ValidateAsync can tell "expired" from other refusals.
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no 'exp' claim.");
        }

        DateTime now = clock.GetUtcNow().UtcDateTime;
        if (notBefore is { } start && now + options.ClockSkew < start)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = start };
        }

        if (now - options.ClockSkew >= expires.Value)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        }

        return true;
    }

    private string? ReadUsername(IReadOnlyDictionary<string, object?> claims)
    {
        // AppSync's owner rules take `username`, falling back to `cognito:username` (ID tokens have only the latter).
        if (claims.TryGetValue(options.UsernameClaim, out object? name) && name is string configured)
        {
            return configured;
        }

        return claims.TryGetValue("cognito:username", out object? fallback) ? fallback as string : null;
    }

    private IReadOnlyList<string> ReadGroups(IReadOnlyDictionary<string, object?> claims)
    {
        if (!claims.TryGetValue(options.GroupsClaim, out object? value))
        {
            return Array.Empty<string>();
        }

        return value switch
        {
            string single => new[] { single },
            IReadOnlyList<object?> many => ToStrings(many),
            _ => Array.Empty<string>(),
        };
    }

    private static string[] ToStrings(IReadOnlyList<object?> values)
    {
        var strings = new List<string>(values.Count);
        foreach (object? item in values)
        {
            if (item is string text)
            {
                strings.Add(text);
            }
        }

        return strings.ToArray();
    }

    private static IReadOnlyDictionary<string, object?>? TryReadPayload(string token)
    {
        // Read the payload JSON directly: the handler's Claim list flattens arrays and stringifies numbers.
        string[] parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(parts[1]));
            return document.RootElement.ValueKind == JsonValueKind.Object ? ReadObject(document.RootElement) : null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or JsonException)
        {
            return null;
        }
    }

    private static Dictionary<string, object?> ReadObject(JsonElement element)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            result[property.Name] = ReadValue(property.Value);
        }

        return result;
    }

    private static object? ReadValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out long whole) ? (object)whole : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => ReadArray(element),
        JsonValueKind.Object => ReadObject(element),
        _ => null,
    };

    private static List<object?> ReadArray(JsonElement element)
    {
        var items = new List<object?>(element.GetArrayLength());
        foreach (JsonElement item in element.EnumerateArray())
        {
            items.Add(ReadValue(item));
        }

        return items;
    }

    private static List<SecurityKey> BuildKeys(JwtAuthOptions options)
    {
        var result = new List<SecurityKey>();
        foreach (string secret in options.HmacSecrets)
        {
            result.Add(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)));
        }

        foreach (string pem in options.PublicKeyPems)
        {
            result.Add(ImportPublicKey(pem));
        }

        return result;
    }

    private static SecurityKey ImportPublicKey(string pem)
    {
        // A SubjectPublicKeyInfo PEM does not say whether it is RSA or EC, so try RSA first and fall back to EC.
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return new RsaSecurityKey(rsa);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
        }

        var ec = ECDsa.Create();
        try
        {
            ec.ImportFromPem(pem);
            return new ECDsaSecurityKey(ec);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            ec.Dispose();
            throw new ArgumentException("A JWT public key PEM holds neither an RSA nor an EC public key.", nameof(pem), e);
        }
    }
}
