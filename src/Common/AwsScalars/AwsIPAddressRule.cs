using System.Net;
using System.Net.Sockets;

namespace Amplify.DataStore.AwsScalars;

/// <summary>
/// AppSync's <c>AWSIPAddress</c> (documented as IPv4 in quad-dotted notation or IPv6 in non-bracketed
/// colon-separated notation, optionally with a CIDR <c>/prefix</c>), shared by the runtime, the local backend and the
/// schema's <c>@default</c> check: four decimal parts 0–255 without leading zeros (<see cref="IPAddress"/> would also
/// take <c>1.2</c>, <c>0x7f.1</c> or <c>010.0.0.1</c>), or an IPv6 address without brackets, zone or port; a prefix of
/// 0–32 (IPv4) or 0–128 (IPv6) without leading zeros.
/// </summary>
internal static class AwsIPAddressRule
{
    /// <summary>Whether <paramref name="value"/> is a valid AWSIPAddress.</summary>
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length == 0) return false;
        int slash = value.IndexOf('/');
        int end = slash < 0 ? value.Length : slash;
        int maxPrefix;
        if (value.IndexOf(':', 0, end) >= 0)
        {
            if (value.IndexOfAny(Excluded, 0, end) >= 0) return false;
            if (!IPAddress.TryParse(value.Substring(0, end), out IPAddress? address) || address.AddressFamily != AddressFamily.InterNetworkV6) return false;
            maxPrefix = 128;
        }
        else
        {
            if (!IsDottedQuad(value, end)) return false;
            maxPrefix = 32;
        }
        return slash < 0 || (TryParseSmallDecimal(value, slash + 1, value.Length, out int prefix) && prefix <= maxPrefix);
    }

    private static readonly char[] Excluded = { '[', ']', '%' };

    private static bool IsDottedQuad(string s, int end)
    {
        int parts = 0;
        int start = 0;
        for (int i = 0; i <= end; i++)
        {
            if (i < end && s[i] != '.') continue;
            if (++parts > 4 || !TryParseSmallDecimal(s, start, i, out int octet) || octet > 255) return false;
            start = i + 1;
        }
        return parts == 4;
    }

    // 1–3 ASCII digits without leading zeros ("0" itself is fine).
    private static bool TryParseSmallDecimal(string s, int start, int end, out int value)
    {
        value = 0;
        int length = end - start;
        if (length < 1 || length > 3 || (s[start] == '0' && length > 1)) return false;
        for (int i = start; i < end; i++)
        {
            char c = s[i];
            if (c < '0' || c > '9') return false;
            value = (value * 10) + (c - '0');
        }
        return true;
    }
}
