using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Amplify.DataStore.LocalBackend.Realtime;

/// <summary>
/// The auth "header" object of AppSync's realtime protocol (reference §4.2–4.3): from a <c>header-&lt;base64url&gt;</c>
/// subprotocol entry (amplify-js ≥ 6.6), the <c>?header=&lt;base64&gt;</c> query parameter (older clients), or a
/// start message's <c>extensions.authorization</c> object.
/// </summary>
internal sealed record RealtimeAuthHeader(string? ApiKey, string? Authorization)
{
    public const string SubprotocolPrefix = "header-";

    /// <summary>Decodes base64 or base64url JSON; null when it is not a JSON object.</summary>
    public static RealtimeAuthHeader? FromEncoded(string encoded)
    {
        try
        {
            var text = encoded.Replace('-', '+').Replace('_', '/');
            text = text.PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(text)));
            return FromJson(doc.RootElement);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads the auth fields of a header object (names are case-insensitive, as HTTP headers).</summary>
    public static RealtimeAuthHeader? FromJson(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        string? apiKey = null, authorization = null;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String) continue;
            if (property.Name.Equals("x-api-key", StringComparison.OrdinalIgnoreCase)) apiKey = property.Value.GetString();
            else if (property.Name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)) authorization = property.Value.GetString();
        }
        return new RealtimeAuthHeader(apiKey, authorization);
    }

    /// <summary>The header from the subprotocol list, if a <c>header-</c> entry is there.</summary>
    public static RealtimeAuthHeader? FromSubprotocols(IEnumerable<string> protocols)
        => protocols.FirstOrDefault(p => p.StartsWith(SubprotocolPrefix, StringComparison.Ordinal)) is { } entry
            ? FromEncoded(entry[SubprotocolPrefix.Length..])
            : null;
}
