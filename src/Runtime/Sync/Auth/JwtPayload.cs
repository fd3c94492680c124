using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Amplify.DataStore.Sync.Auth;

/// <summary>
/// Reads the claims of a JWT (its base64url-encoded middle part) without checking the signature: the client only needs
/// the claims to build its requests, and the server checks the token itself.
/// </summary>
internal static class JwtPayload
{
    /// <summary>The claims of <paramref name="token"/>.</summary>
    /// <exception cref="FormatException">The token is not a JWT whose payload is a JSON object. The message does not
    /// repeat the token, which is a credential.</exception>
    public static JsonObject Decode(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Split('.');
        if (parts.Length != 3) throw new FormatException($"The token is not a JWT: it has {parts.Length} dot-separated parts, not 3.");

        byte[] json;
        try
        {
            json = Convert.FromBase64String(ToBase64(parts[1]));
        }
        catch (FormatException)
        {
            throw new FormatException("The token is not a JWT: its payload is not base64url.");
        }

        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new FormatException("The token is not a JWT: its payload is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The token is not a JWT: its payload is not JSON ({ex.Message}).", ex);
        }
    }

    // base64url drops the padding and uses '-' and '_' for '+' and '/'; Base64Url is not in .NET 8.
    private static string ToBase64(string base64Url)
    {
        var builder = new StringBuilder(base64Url.Length + 3);
        builder.Append(base64Url).Replace('-', '+').Replace('_', '/');
        switch (base64Url.Length % 4)
        {
            case 2: builder.Append("=="); break;
            case 3: builder.Append('='); break;
            case 1: throw new FormatException("The token is not a JWT: its payload is not base64url.");
        }
        return builder.ToString();
    }
}
