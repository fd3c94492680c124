using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.LocalBackend.Auth;

/// <summary>
/// Decides who a request (or WebSocket operation) is from: a bearer JWT in <c>Authorization</c> when JWT validation is
/// configured, else the <c>x-api-key</c> header. Failures carry AppSync's <c>UnauthorizedException</c> messages.
/// </summary>
internal sealed class RequestAuthenticator
{
    private readonly byte[] _apiKey;
    private readonly JwtValidator? _jwt;

    public RequestAuthenticator(string apiKey, JwtAuthOptions jwt, TimeProvider clock, ILogger? logger = null)
    {
        _apiKey = Encoding.UTF8.GetBytes(apiKey);
        _jwt = jwt.IsConfigured ? new JwtValidator(jwt, clock, logger) : null;
    }

    /// <summary>The caller, or the reason it is refused.</summary>
    public async Task<(CallerIdentity? Identity, string? Error)> AuthenticateAsync(string? apiKey, string? authorization)
    {
        if (!string.IsNullOrEmpty(authorization) && _jwt is not null)
        {
            var result = await _jwt.ValidateAsync(authorization).ConfigureAwait(false);
            return result.Identity is { } identity ? (identity, null) : (null, result.ErrorMessage ?? "You are not authorized to make this call.");
        }
        if (!string.IsNullOrEmpty(apiKey))
        {
            // Constant-time: the key is a secret.
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(apiKey), _apiKey)
                ? (CallerIdentity.ApiKey, null)
                : (null, "You are not authorized to make this call.");
        }
        if (!string.IsNullOrEmpty(authorization)) return (null, "You are not authorized to make this call.");
        return (null, "Valid authorization header not provided.");
    }
}
