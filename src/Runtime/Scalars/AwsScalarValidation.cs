using System;
using Amplify.DataStore.AwsScalars;
using Amplify.DataStore.Metadata;

namespace Amplify.DataStore;

/// <summary>
/// Checks for the AppSync scalars that generated models hold as plain strings: <c>AWSEmail</c>, <c>AWSURL</c>,
/// <c>AWSPhone</c> and <c>AWSIPAddress</c>. The rules follow what AppSync accepts, so a value that passes here is not
/// rejected by the service for its format.
/// </summary>
public static class AwsScalarValidation
{
    /// <summary>
    /// An e-mail address <c>local-part@domain</c>: the local part is 1–64 characters of letters, digits and
    /// <c>!#$%&amp;'*+/=?^_`{|}~-</c> in dot-separated atoms; the domain is one or more dot-separated labels of
    /// letters, digits and inner hyphens (1–63 characters each, 253 in all). ASCII only: non-ASCII addresses,
    /// quoted local parts and IP-literal domains are refused.
    /// </summary>
    public static bool IsValidEmail(string? value) => AwsEmailRule.IsValid(value);

    /// <summary>
    /// An absolute URL with a scheme (RFC 1738), e.g. <c>https://www.amazon.com/dp/B000NZW3KC/</c> or
    /// <c>mailto:example@example.com</c>, as AppSync's <c>AWSURL</c> accepts: the scheme is at least two characters
    /// (so <c>C:\path</c> is not a URL), there is no white space, and the path has no empty segment (<c>//</c>).
    /// </summary>
    public static bool IsValidUrl(string? value) => AwsUrlRule.IsValid(value);

    /// <summary>
    /// A phone number: an optional leading <c>+</c>, then digits separated by spaces, hyphens, dots or one pair
    /// of parentheses around a digit group, e.g. <c>+1 (206) 555-0100</c> or <c>206.555.0100</c>. It must hold
    /// 4–15 digits (15 is E.164's maximum) and end with a digit.
    /// </summary>
    public static bool IsValidPhone(string? value) => AwsPhoneRule.IsValid(value);

    /// <summary>
    /// An IPv4 address in dotted-quad form (<c>123.12.34.56</c>, no leading zeros) or an IPv6 address without
    /// brackets or zone (<c>1a2b:3c4b::1234:4567</c>), each with an optional CIDR suffix: <c>/0</c>–<c>/32</c> for
    /// IPv4, <c>/0</c>–<c>/128</c> for IPv6.
    /// </summary>
    public static bool IsValidIPAddress(string? value) => AwsIPAddressRule.IsValid(value);

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
                : AwsFormatError.Message("AWSPhone", value, null, "4-15 digits with an optional leading '+', grouped by spaces, hyphens, dots or parentheses, e.g. +1 206-555-0100"),
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
}
