using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Amplify.DataStore.Sync.Auth;

/// <summary>Reads the claims an <c>@auth</c> rule names from a token's payload, as AppSync and the local backend read them.</summary>
internal static class TokenClaims
{
    private const string ClaimSeparator = "::";

    /// <summary>
    /// The caller's value for an owner rule's <paramref name="identityClaim"/>, or <see langword="null"/> when the token
    /// lacks it. A compound claim <c>a::b</c> (e.g. <c>sub::username</c>) joins the parts' values, as AppSync stores them.
    /// <c>cognito:username</c> and <c>username</c> stand in for each other: ID tokens carry the first, access tokens the second.
    /// </summary>
    public static string? OwnerValue(JsonObject claims, string identityClaim)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(identityClaim);
        var parts = identityClaim.Split(ClaimSeparator);
        var values = new string[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (ClaimText(claims, parts[i]) is not { } value) return null;
            values[i] = value;
        }
        return string.Join(ClaimSeparator, values);
    }

    /// <summary>
    /// The caller's groups under <paramref name="groupClaim"/>: an array of strings, a string holding a JSON array
    /// (Cognito custom attributes are strings), or one group name.
    /// </summary>
    public static IReadOnlyList<string> Groups(JsonObject claims, string groupClaim)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(groupClaim);
        return claims[groupClaim] switch
        {
            JsonArray array => Strings(array),
            JsonValue value when value.TryGetValue(out string? text) => ParseGroupText(text),
            _ => Array.Empty<string>(),
        };
    }

    private static string? ClaimText(JsonObject claims, string claim)
    {
        if (Text(claims[claim]) is { } text) return text;
        return claim switch
        {
            AuthRuleDefaults.DefaultIdentityClaim => Text(claims["username"]),
            "username" => Text(claims[AuthRuleDefaults.DefaultIdentityClaim]),
            _ => null,
        };
    }

    // Strings and numbers name a caller; lists, objects and booleans name no one.
    private static string? Text(JsonNode? node)
    {
        if (node is not JsonValue value) return null;
        if (value.TryGetValue(out string? text)) return text.Length > 0 ? text : null;
        if (value.GetValueKind() == JsonValueKind.Number) return value.ToJsonString();
        return null;
    }

    private static IReadOnlyList<string> ParseGroupText(string text)
    {
        if (text.TrimStart().StartsWith('['))
        {
            try
            {
                if (JsonNode.Parse(text) is JsonArray array) return Strings(array);
            }
            catch (JsonException)
            {
                // Not JSON after all: the whole text is one group name.
            }
        }
        return text.Length == 0 ? Array.Empty<string>() : new[] { text };
    }

    private static string[] Strings(JsonArray array)
    {
        var strings = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is JsonValue value && value.TryGetValue(out string? text)) strings.Add(text);
        }
        return strings.ToArray();
    }
}
