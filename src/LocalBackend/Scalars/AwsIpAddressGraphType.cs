using System;
using System.Net;
using System.Net.Sockets;

namespace Amplify.DataStore.LocalBackend.Scalars;

/// <summary>
/// AppSync's <c>AWSIPAddress</c>: IPv4 in quad-dotted notation (four decimal parts 0–255, no leading zeros) or
/// IPv6 in colon-separated notation without brackets or zone id, either with an optional CIDR suffix
/// <c>/n</c> (0–32 for IPv4, 0–128 for IPv6).
/// </summary>
internal sealed class AwsIpAddressGraphType : AwsStringScalarGraphType
{
    /// <summary>Creates the scalar, named <c>AWSIPAddress</c>.</summary>
    public AwsIpAddressGraphType()
        : base("AWSIPAddress", "An IPv4 address in quad-dotted notation or an IPv6 address in colon-separated notation, with an optional /prefix CIDR suffix.")
    {
    }

    /// <inheritdoc/>
    protected override string Rule => "expected an IPv4 or IPv6 address with an optional /prefix";

    /// <inheritdoc/>
    protected override bool IsValid(string value)
    {
        int slash = value.IndexOf('/', StringComparison.Ordinal);
        string address = slash < 0 ? value : value[..slash];
        int maxPrefix;
        if (IsIPv4(address))
            maxPrefix = 32;
        else if (IsIPv6(address))
            maxPrefix = 128;
        else
            return false;

        return slash < 0 || IsPrefix(value.AsSpan(slash + 1), maxPrefix);
    }

    // Written out because IPAddress.TryParse also takes "1", "1.2" and "0x7f.1", which are not quad-dotted.
    private static bool IsIPv4(string address)
    {
        string[] parts = address.Split('.');
        if (parts.Length != 4)
            return false;
        foreach (string part in parts)
        {
            if (!IsDecimal(part, 3, 255))
                return false;
        }

        return true;
    }

    // IPAddress does the real IPv6 grammar work (:: compression, embedded IPv4); what it would also tolerate
    // but AppSync's "non-bracketed" format excludes (brackets, zone ids, ports) is refused first.
    private static bool IsIPv6(string address)
        => address.Contains(':', StringComparison.Ordinal)
            && address.IndexOfAny(['[', ']', '%']) < 0
            && IPAddress.TryParse(address, out IPAddress? parsed)
            && parsed.AddressFamily == AddressFamily.InterNetworkV6;

    private static bool IsPrefix(ReadOnlySpan<char> text, int max) => IsDecimal(text, 3, max);

    private static bool IsDecimal(ReadOnlySpan<char> text, int maxDigits, int max)
    {
        if (text.Length == 0 || text.Length > maxDigits || (text.Length > 1 && text[0] == '0'))
            return false;
        int value = 0;
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
            value = (value * 10) + (c - '0');
        }

        return value <= max;
    }
}
