using System;

namespace Amplify.DataStore.LocalBackend.Scalars;

/// <summary>
/// AppSync's <c>AWSURL</c>: an absolute URL that starts with a scheme (<c>https://host/path</c>,
/// <c>mailto:someone@example.com</c>) and, as AppSync documents, has no <c>//</c> inside its path.
/// No whitespace or control characters anywhere, since <see cref="Uri"/> would quietly trim or escape them.
/// </summary>
internal sealed class AwsUrlGraphType : AwsStringScalarGraphType
{
    /// <summary>Creates the scalar, named <c>AWSURL</c>.</summary>
    public AwsUrlGraphType()
        : base("AWSURL", "A URL as defined by RFC 1738, with a scheme, for example https://example.com/path or mailto:someone@example.com.")
    {
    }

    /// <inheritdoc/>
    protected override string Rule => "expected an absolute URL with a scheme and no '//' in its path";

    /// <inheritdoc/>
    protected override bool IsValid(string value)
    {
        foreach (char c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
                return false;
        }

        int schemeEnd = SchemeLength(value);
        if (schemeEnd == 0 || !Uri.TryCreate(value, UriKind.Absolute, out _))
            return false;

        // The path starts after "scheme:" and, when there is one, the "//authority" part.
        int pathStart = schemeEnd + 1;
        if (string.CompareOrdinal(value, pathStart, "//", 0, 2) == 0)
        {
            int authorityEnd = value.IndexOfAny(['/', '?', '#'], pathStart + 2);
            pathStart = authorityEnd < 0 ? value.Length : authorityEnd;
        }

        int pathEnd = value.IndexOfAny(['?', '#'], pathStart);
        string path = value[pathStart..(pathEnd < 0 ? value.Length : pathEnd)];
        return !path.Contains("//", StringComparison.Ordinal);
    }

    // Length of an RFC 3986 scheme followed by ':', or 0. Checked by hand because Uri would take "/x" as file:///x.
    private static int SchemeLength(string value)
    {
        if (value.Length == 0 || !char.IsAsciiLetter(value[0]))
            return 0;
        int i = 1;
        while (i < value.Length && (char.IsAsciiLetterOrDigit(value[i]) || value[i] is '+' or '-' or '.'))
            i++;
        return i < value.Length && value[i] == ':' ? i : 0;
    }
}
