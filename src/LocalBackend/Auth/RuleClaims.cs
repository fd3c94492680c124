using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Amplify.DataStore.Schema;

namespace Amplify.DataStore.LocalBackend.Auth;

/// <summary>
/// Reads the token claims one <c>@auth</c> rule names: an owner rule's <c>identityClaim</c> and a group rule's
/// <c>groupClaim</c>. Each rule reads its own claims, so two rules of one model may identify the same caller differently.
/// </summary>
internal static class RuleClaims
{
    /// <summary>
    /// The identity claim the schema parser gives an owner rule that leaves it out or names <c>username</c>. AppSync then
    /// stores <c>sub::username</c> and also matches items stored under the bare <c>sub</c> or user name.
    /// </summary>
    private const string DefaultIdentityClaim = "cognito:username";

    private const string DefaultGroupClaim = "cognito:groups";

    private const string ClaimSeparator = "::";

    /// <summary>
    /// The value an owner rule stores for <paramref name="caller"/> on create, or <see langword="null"/> when the
    /// token lacks a claim the rule needs.
    /// </summary>
    public static string? OwnerValue(AuthRule rule, CallerIdentity caller)
    {
        if (caller.Mode != AuthMode.Jwt) return null;
        string claim = rule.IdentityClaim ?? DefaultIdentityClaim;
        if (claim == DefaultIdentityClaim)
        {
            return caller.Subject is { } sub && caller.Username is { } user ? sub + ClaimSeparator + user : caller.Subject ?? caller.Username;
        }

        // "a::b" joins the values of claims a and b, as AppSync's sub::username does.
        var parts = claim.Split(ClaimSeparator);
        var values = new string[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (ClaimText(caller, parts[i]) is not { Length: > 0 } value) return null;
            values[i] = value;
        }
        return string.Join(ClaimSeparator, values);
    }

    /// <summary>The stored owner values that name <paramref name="caller"/> under <paramref name="rule"/>.</summary>
    public static IReadOnlyList<string> OwnerMatches(AuthRule rule, CallerIdentity caller)
    {
        if (OwnerValue(rule, caller) is not { } value) return Array.Empty<string>();
        if ((rule.IdentityClaim ?? DefaultIdentityClaim) != DefaultIdentityClaim) return new[] { value };
        var matches = new List<string>(3) { value };
        if (caller.Subject is { Length: > 0 } sub && sub != value) matches.Add(sub);
        if (caller.Username is { Length: > 0 } user && user != value) matches.Add(user);
        return matches;
    }

    /// <summary>
    /// The caller's groups as <paramref name="rule"/> reads them: its <c>groupClaim</c> (default <c>cognito:groups</c>),
    /// an array of strings, a JSON array in a string (Cognito custom attributes are strings), or one group name.
    /// </summary>
    public static IReadOnlyList<string> Groups(AuthRule rule, CallerIdentity caller)
    {
        if (caller.Mode != AuthMode.Jwt || !caller.Claims.TryGetValue(rule.GroupClaim ?? DefaultGroupClaim, out var value)) return Array.Empty<string>();
        return value switch
        {
            IReadOnlyList<object?> list => Strings(list),
            string text => ParseGroupText(text),
            _ => Array.Empty<string>(),
        };
    }

    private static string? ClaimText(CallerIdentity caller, string claim) => claim switch
    {
        "sub" => caller.Subject,
        "username" or DefaultIdentityClaim => caller.Username,
        _ => caller.Claims.TryGetValue(claim, out var value) ? value switch
        {
            string text => text,
            long number => number.ToString(CultureInfo.InvariantCulture),
            _ => null, // lists, objects and booleans name no one
        } : null,
    };

    private static IReadOnlyList<string> ParseGroupText(string text)
    {
        if (text.TrimStart().StartsWith('['))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                var groups = new List<string>();
                foreach (var element in document.RootElement.EnumerateArray())
                {
                    if (element.ValueKind == JsonValueKind.String) groups.Add(element.GetString()!);
                }
                return groups;
            }
            catch (JsonException)
            {
                // Not JSON after all: the whole text is one group name, as AppSync treats a non-list string.
            }
        }
        return text.Length == 0 ? Array.Empty<string>() : new[] { text };
    }

    private static string[] Strings(IReadOnlyList<object?> values)
    {
        var strings = new List<string>(values.Count);
        foreach (var item in values)
        {
            if (item is string text) strings.Add(text);
        }
        return strings.ToArray();
    }
}
