using System;

namespace Amplify.DataStore.AwsScalars;

/// <summary>
/// AppSync's <c>AWSURL</c> (documented as an RFC 1738 URL that must have a scheme, such as <c>https</c> or
/// <c>mailto</c>, and no two forward slashes in its path), shared by the runtime, the local backend and the schema's
/// <c>@default</c> check: a scheme of at least two characters (so <c>C:\path</c> is not a URL) followed by
/// <c>:</c>; no white space or control characters (<see cref="Uri"/> would quietly trim or escape them); an
/// authority with a host when the text has <c>//</c> after the scheme; and no <c>//</c> in the path.
/// A text without a scheme (<c>www.example.com</c>, <c>/path</c>) is refused.
/// </summary>
internal static class AwsUrlRule
{
    /// <summary>Whether <paramref name="value"/> is a valid AWSURL.</summary>
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length == 0) return false;
        foreach (char c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c)) return false;
        }
        int colon = SchemeLength(value);
        if (colon < 2 || colon == value.Length - 1) return false;
        // Uri also takes "/x" as file:///x; the scheme check above ruled that out, this one makes sure it read the same scheme.
        if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? uri)
            || !string.Equals(uri.Scheme, value.Substring(0, colon), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // The path starts after "scheme:" and, when there is one, the "//authority" part.
        int pathStart = colon + 1;
        if (string.CompareOrdinal(value, pathStart, "//", 0, 2) == 0)
        {
            if (uri.Host.Length == 0 && !uri.IsFile) return false;
            int authorityEnd = value.IndexOfAny(AuthorityEnd, pathStart + 2);
            pathStart = authorityEnd < 0 ? value.Length : authorityEnd;
        }
        int pathEnd = value.IndexOfAny(PathEnd, pathStart);
        int length = (pathEnd < 0 ? value.Length : pathEnd) - pathStart;
        return value.IndexOf("//", pathStart, length, StringComparison.Ordinal) < 0;
    }

    private static readonly char[] AuthorityEnd = { '/', '?', '#' };
    private static readonly char[] PathEnd = { '?', '#' };

    // Length of an RFC 3986 scheme followed by ':', or 0.
    private static int SchemeLength(string value)
    {
        if (!IsAsciiLetter(value[0])) return 0;
        int i = 1;
        while (i < value.Length && (AwsHostName.IsAsciiLetterOrDigit(value[i]) || value[i] is '+' or '-' or '.')) i++;
        return i < value.Length && value[i] == ':' ? i : 0;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
