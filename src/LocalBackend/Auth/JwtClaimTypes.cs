using System.Collections.Generic;

namespace Amplify.DataStore.LocalBackend.Auth;

/// <summary>
/// The JSON types a token's claims must have: RFC 7519 §4.1 for the registered claims (<c>exp</c>, <c>nbf</c>,
/// <c>iat</c> numbers; <c>iss</c>, <c>sub</c>, <c>jti</c> strings; <c>aud</c> a string or an array of strings) and
/// the groups claim as Amplify's group rules read it (an array of strings, or one string for a single group).
/// </summary>
/// <remarks>
/// Checked on the raw payload because the token library is lenient in places: it reads <c>"exp": "1767225600"</c> as
/// a time and accepts a numeric <c>sub</c>.
/// </remarks>
internal static class JwtClaimTypes
{
    private static readonly string[] NumericDates = ["exp", "nbf", "iat"];
    private static readonly string[] Strings = ["iss", "sub", "jti"];

    /// <summary>Finds the first claim of the wrong type.</summary>
    /// <param name="claims">The payload as <see cref="JwtValidator"/> reads it (JSON strings, numbers as
    /// <see cref="long"/> or <see cref="double"/>, booleans, lists, dictionaries, null).</param>
    /// <param name="groupsClaim">The claim that lists the caller's groups.</param>
    /// <returns>What is wrong, naming the claim, or <see langword="null"/> when every claim has its type.</returns>
    public static string? FindMistyped(IReadOnlyDictionary<string, object?> claims, string groupsClaim)
    {
        foreach (string name in NumericDates)
        {
            if (claims.TryGetValue(name, out object? value) && value is not (long or double))
            {
                return Describe(name, value, "a number (an RFC 7519 NumericDate, seconds since the epoch)");
            }
        }

        foreach (string name in Strings)
        {
            if (claims.TryGetValue(name, out object? value) && value is not string)
            {
                return Describe(name, value, "a string");
            }
        }

        if (claims.TryGetValue("aud", out object? audience) && !IsStringOrStrings(audience))
        {
            return Describe("aud", audience, "a string or an array of strings");
        }

        if (claims.TryGetValue(groupsClaim, out object? groups) && !IsStringOrStrings(groups))
        {
            return Describe(groupsClaim, groups, "an array of strings (or one string)");
        }

        return null;
    }

    private static bool IsStringOrStrings(object? value) => value switch
    {
        string => true,
        IReadOnlyList<object?> items => AllStrings(items),
        _ => false,
    };

    private static bool AllStrings(IReadOnlyList<object?> items)
    {
        foreach (object? item in items)
        {
            if (item is not string)
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(string claim, object? value, string expected)
    {
        string actual = KindOf(value);
        if (value is IReadOnlyList<object?> items)
        {
            foreach (object? item in items)
            {
                if (item is not string)
                {
                    actual += " holding " + KindOf(item);
                    break;
                }
            }
        }

        return $"The JWT claim '{claim}' is {actual}; it must be {expected}.";
    }

    private static string KindOf(object? value) => value switch
    {
        null => "null",
        string => "a string",
        long or double => "a number",
        bool => "a boolean",
        IReadOnlyList<object?> => "an array",
        _ => "an object",
    };
}
