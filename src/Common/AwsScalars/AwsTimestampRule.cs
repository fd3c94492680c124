using System.Globalization;

namespace Amplify.DataStore.AwsScalars;

/// <summary>
/// The text of AppSync's <c>AWSTimestamp</c> (an integer number of seconds before or after the Unix epoch; on the wire
/// a JSON number), shared by the runtime and the schema's <c>@default</c> check: a 64-bit integer written as plain
/// decimal digits with an optional <c>-</c>, no <c>+</c>, spaces, fraction, exponent or leading zeros, so each value
/// has one spelling. The backend takes the same range as a JSON integer.
/// </summary>
internal static class AwsTimestampRule
{
    /// <summary>Parses <paramref name="text"/>; false when it is not such an integer in the range of <see cref="long"/>.</summary>
    public static bool TryParse(string? text, out long seconds)
    {
        seconds = 0;
        if (text is null || text.Length == 0) return false;
        int digitsStart = text[0] == '-' ? 1 : 0;
        if (digitsStart == text.Length) return false;
        if (text[digitsStart] == '0' && (text.Length - digitsStart > 1 || digitsStart == 1)) return false;
        for (int i = digitsStart; i < text.Length; i++)
        {
            if (text[i] < '0' || text[i] > '9') return false;
        }
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seconds);
    }
}
