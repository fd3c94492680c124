namespace Amplify.DataStore.AwsScalars;

/// <summary>
/// An ASCII DNS host name: dot-separated labels of letters, digits and inner hyphens, 1–63 characters each and 253 in
/// all. Used for the domain of an <c>AWSEmail</c>.
/// </summary>
internal static class AwsHostName
{
    /// <summary>Whether <c>s[start..end)</c> is a host name.</summary>
    public static bool IsValid(string s, int start, int end)
    {
        if (end <= start || end - start > 253) return false;
        int labelStart = start;
        for (int i = start; i <= end; i++)
        {
            if (i < end && s[i] != '.') continue;
            int length = i - labelStart;
            if (length == 0 || length > 63 || s[labelStart] == '-' || s[i - 1] == '-') return false;
            for (int j = labelStart; j < i; j++)
            {
                if (!IsAsciiLetterOrDigit(s[j]) && s[j] != '-') return false;
            }
            labelStart = i + 1;
        }
        return true;
    }

    /// <summary>ASCII letters and digits only (char.IsLetterOrDigit also takes other scripts).</summary>
    public static bool IsAsciiLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
