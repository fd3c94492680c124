namespace Amplify.DataStore.AwsScalars;

/// <summary>
/// AppSync's <c>AWSEmail</c> (documented only as RFC 822 <c>local-part@domain-part</c>), shared by the runtime, the
/// local backend and the schema's <c>@default</c> check. The rule is the strict common core every validator accepts:
/// ASCII only; a local part of 1–64 characters of letters, digits and <c>!#$%&amp;'*+/=?^_`{|}~-</c> in dot-separated
/// atoms (no leading, trailing or doubled dot); a domain of dot-separated labels of letters, digits and inner hyphens
/// (1–63 characters each, 253 in all). Non-ASCII addresses, quoted local parts and IP-literal domains are refused:
/// RFC 822 has none of the first, and the service's acceptance of the others is not documented.
/// </summary>
internal static class AwsEmailRule
{
    private const string LocalSymbols = "!#$%&'*+/=?^_`{|}~-";

    /// <summary>Whether <paramref name="value"/> is a valid AWSEmail.</summary>
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length == 0) return false;
        int at = value.IndexOf('@');
        if (at <= 0 || at > 64 || at == value.Length - 1) return false;
        return IsLocalPart(value, 0, at) && AwsHostName.IsValid(value, at + 1, value.Length);
    }

    private static bool IsLocalPart(string s, int start, int end)
    {
        if (s[start] == '.' || s[end - 1] == '.') return false;
        for (int i = start; i < end; i++)
        {
            char c = s[i];
            if (c == '.')
            {
                if (s[i - 1] == '.') return false;
            }
            else if (!AwsHostName.IsAsciiLetterOrDigit(c) && LocalSymbols.IndexOf(c) < 0)
            {
                return false;
            }
        }
        return true;
    }
}
