using System;
using System.Net;
using System.Net.Sockets;
using Amplify.DataStore.Metadata;

namespace Amplify.DataStore;

/// <summary>
/// Checks for the AppSync scalars that generated models hold as plain strings: <c>AWSEmail</c>, <c>AWSURL</c>,
/// <c>AWSPhone</c> and <c>AWSIPAddress</c>. The rules follow what AppSync accepts, so a value that passes here is not
/// rejected by the service for its format.
/// </summary>
public static class AwsScalarValidation
{
    private const int MinPhoneDigits = 4;
    private const int MaxPhoneDigits = 17;

    /// <summary>
    /// An e-mail address <c>local-part@domain</c>: the local part is 1–64 characters of letters, digits and
    /// <c>!#$%&amp;'*+/=?^_`{|}~-</c> in dot-separated atoms; the domain is one or more dot-separated labels of
    /// letters, digits and inner hyphens (1–63 characters each, 253 in all). Non-ASCII letters are allowed
    /// (internationalised addresses); quoted local parts and IP-literal domains are not.
    /// </summary>
    public static bool IsValidEmail(string? value)
    {
        if (string.IsNullOrEmpty(value)) return false;
        int at = value.LastIndexOf('@');
        if (at <= 0 || at > 64 || at == value.Length - 1) return false;
        return IsValidLocalPart(value.AsSpan(0, at)) && IsValidHostName(value.AsSpan(at + 1));
    }

    /// <summary>
    /// An absolute URL with a scheme (RFC 1738), e.g. <c>https://www.amazon.com/dp/B000NZW3KC/</c> or
    /// <c>mailto:example@example.com</c>, as AppSync's <c>AWSURL</c> accepts: the scheme is at least two characters
    /// (so <c>C:\path</c> is not a URL), there is no white space, and the path has no empty segment (<c>//</c>).
    /// </summary>
    public static bool IsValidUrl(string? value)
    {
        if (string.IsNullOrEmpty(value)) return false;
        int colon = value.IndexOf(':');
        if (colon < 2 || colon == value.Length - 1 || !char.IsAsciiLetter(value[0])) return false;
        for (int i = 1; i < colon; i++)
        {
            char c = value[i];
            if (!(char.IsAsciiLetter(c) || char.IsAsciiDigit(c) || c is '+' or '-' or '.')) return false;
        }
        foreach (char c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c)) return false;
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)) return false;
        // Uri also accepts file paths; make sure the text's own scheme is what it parsed.
        if (!uri.Scheme.Equals(value[..colon], StringComparison.OrdinalIgnoreCase)) return false;
        bool hierarchical = value.AsSpan(colon + 1).StartsWith("//", StringComparison.Ordinal);
        if (hierarchical && string.IsNullOrEmpty(uri.Host) && !uri.IsFile) return false;
        return !uri.AbsolutePath.Contains("//", StringComparison.Ordinal);
    }

    /// <summary>
    /// A phone number: an optional leading <c>+</c>, then digits separated by spaces, hyphens, dots or one pair
    /// of parentheses around a digit group, e.g. <c>+1 (206) 555-0100</c> or <c>206.555.0100</c>. It must hold
    /// 4–17 digits (E.164's 15 plus a two-digit international call prefix) and end with a digit.
    /// </summary>
    public static bool IsValidPhone(string? value)
    {
        if (string.IsNullOrEmpty(value)) return false;
        int digits = 0;
        bool inParentheses = false, sawParentheses = false, parenthesisHasDigit = false;
        char previous = '\0';
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
                parenthesisHasDigit |= inParentheses;
            }
            else if (c == '+')
            {
                if (i != 0) return false;
            }
            else if (c == '(')
            {
                if (sawParentheses) return false;
                inParentheses = sawParentheses = true;
                parenthesisHasDigit = false;
            }
            else if (c == ')')
            {
                if (!inParentheses || !parenthesisHasDigit) return false;
                inParentheses = false;
            }
            else if (c is ' ' or '-' or '.')
            {
                // Separators go between digit groups, one at a time (a space may follow ')' or precede '(').
                if (inParentheses || previous is '\0' or '+' or ' ' or '-' or '.' or '(') return false;
            }
            else
            {
                return false;
            }
            previous = c;
        }
        return !inParentheses && char.IsAsciiDigit(previous) && digits is >= MinPhoneDigits and <= MaxPhoneDigits;
    }

    /// <summary>
    /// An IPv4 address in dotted-quad form (<c>123.12.34.56</c>, no leading zeros) or an IPv6 address without
    /// brackets or zone (<c>1a2b:3c4b::1234:4567</c>), each with an optional CIDR suffix: <c>/0</c>–<c>/32</c> for
    /// IPv4, <c>/0</c>–<c>/128</c> for IPv6.
    /// </summary>
    public static bool IsValidIPAddress(string? value)
    {
        if (string.IsNullOrEmpty(value)) return false;
        var text = value.AsSpan();
        int prefix = -1;
        int slash = text.IndexOf('/');
        if (slash >= 0)
        {
            if (!TryParseSmallDecimal(text[(slash + 1)..], out prefix)) return false;
            text = text[..slash];
        }
        if (text.Contains(':'))
        {
            // IPAddress also accepts brackets, zones and ports; AppSync's form has none of them.
            if (text.IndexOfAny('[', ']', '%') >= 0) return false;
            return IPAddress.TryParse(text, out var address)
                && address.AddressFamily == AddressFamily.InterNetworkV6
                && prefix <= 128;
        }
        return IsDottedQuad(text) && prefix <= 32;
    }

    /// <summary>
    /// Whether <paramref name="value"/> is valid for <paramref name="type"/>. AWSEmail, AWSURL, AWSPhone and
    /// AWSIPAddress use the checks above; AWSDate, AWSTime, AWSDateTime, AWSTimestamp and AWSJSON their parsers;
    /// every other scalar accepts any string.
    /// </summary>
    public static bool IsValid(ScalarType type, string value) => GetValidationError(type, value) is null;

    /// <summary>
    /// Throws when <paramref name="value"/> is not valid for <paramref name="type"/> (see <see cref="IsValid"/>).
    /// </summary>
    /// <param name="type">The field's scalar.</param>
    /// <param name="value">The value to check.</param>
    /// <param name="typeName">The model or embedded type, for the message.</param>
    /// <param name="fieldName">The field, for the message.</param>
    /// <exception cref="FormatException">
    /// The value is not valid; the message names <c>typeName.fieldName</c>, quotes the value and says what was expected.
    /// </exception>
    public static void Validate(ScalarType type, string value, string typeName, string fieldName)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (GetValidationError(type, value) is { } error) throw new FormatException($"{typeName}.{fieldName}: {error}");
    }

    /// <summary>
    /// Why <paramref name="value"/> is not valid for <paramref name="type"/> (the value quoted, the reason and the
    /// expected form), or <see langword="null"/> when it is valid. For callers that add the type and field themselves.
    /// </summary>
    public static string? GetValidationError(ScalarType type, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string? error = null;
        return type switch
        {
            ScalarType.AWSEmail => IsValidEmail(value) ? null
                : AwsFormatError.Message("AWSEmail", value, null, "an address local-part@domain, e.g. user@example.com"),
            ScalarType.AWSURL => IsValidUrl(value) ? null
                : AwsFormatError.Message("AWSURL", value, null, "an absolute URL with a scheme, e.g. https://example.com/path or mailto:user@example.com"),
            ScalarType.AWSPhone => IsValidPhone(value) ? null
                : AwsFormatError.Message("AWSPhone", value, null, "4-17 digits with an optional leading '+', grouped by spaces, hyphens, dots or parentheses, e.g. +1 206-555-0100"),
            ScalarType.AWSIPAddress => IsValidIPAddress(value) ? null
                : AwsFormatError.Message("AWSIPAddress", value, null, "IPv4 like 123.12.34.56 or IPv6 like 1a2b:3c4b::1234:4567, optionally with a CIDR /prefix"),
            ScalarType.AWSDate => AwsDate.TryParse(value, out _, out error) ? null : AwsDate.FormatError(value, error!),
            ScalarType.AWSTime => AwsTime.TryParse(value, out _, out error) ? null : AwsTime.FormatError(value, error!),
            ScalarType.AWSDateTime => AwsDateTime.TryParse(value, out _, out error) ? null : AwsDateTime.FormatError(value, error!),
            ScalarType.AWSTimestamp => AwsTimestamp.TryParse(value, out _) ? null : AwsTimestamp.FormatError(value),
            ScalarType.AWSJSON => AwsJson.TryParse(value, out _, out error) ? null : AwsJson.FormatError(value, error!),
            _ => null,
        };
    }

    private static bool IsValidLocalPart(ReadOnlySpan<char> local)
    {
        if (local.IsEmpty || local[0] == '.' || local[^1] == '.') return false;
        for (int i = 0; i < local.Length; i++)
        {
            char c = local[i];
            if (c == '.')
            {
                if (local[i - 1] == '.') return false;
            }
            else if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~-".Contains(c) || (c > 0x7F && char.IsLetterOrDigit(c))))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsValidHostName(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty || host.Length > 253) return false;
        int start = 0;
        while (NextSegment(host, ref start, out var label))
        {
            if (label.IsEmpty || label.Length > 63 || label[0] == '-' || label[^1] == '-') return false;
            foreach (char c in label)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || (c > 0x7F && char.IsLetterOrDigit(c)))) return false;
            }
        }
        return true;
    }

    private static bool IsDottedQuad(ReadOnlySpan<char> text)
    {
        int parts = 0;
        int start = 0;
        while (NextSegment(text, ref start, out var part))
        {
            if (++parts > 4 || !TryParseSmallDecimal(part, out int octet) || octet > 255) return false;
        }
        return parts == 4;
    }

    // Yields the dot-separated segments of text, including empty ones (span Split is not available on .NET 8).
    private static bool NextSegment(ReadOnlySpan<char> text, ref int start, out ReadOnlySpan<char> segment)
    {
        if (start > text.Length)
        {
            segment = default;
            return false;
        }
        int dot = text[start..].IndexOf('.');
        int end = dot < 0 ? text.Length : start + dot;
        segment = text[start..end];
        start = end + 1;
        return true;
    }

    // 1–3 ASCII digits without leading zeros ("0" itself is fine).
    private static bool TryParseSmallDecimal(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 3 || (text[0] == '0' && text.Length > 1)) return false;
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = (value * 10) + (c - '0');
        }
        return true;
    }
}
