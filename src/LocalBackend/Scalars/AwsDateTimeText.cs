namespace Amplify.DataStore.LocalBackend.Scalars;

/// <summary>
/// The extended ISO 8601 grammar shared by AWSDate, AWSTime and AWSDateTime, as AppSync documents it:
/// date <c>YYYY-MM-DD</c> (a real calendar day, years 0000–9999), time <c>hh:mm</c> or <c>hh:mm:ss</c> with an
/// optional fraction of 1–9 digits after the seconds, offset <c>Z</c>, <c>±hh:mm</c> or <c>±hh:mm:ss</c>
/// (AppSync accepts seconds in the offset although ISO 8601 does not). Hand-written rather than a regex so that
/// field ranges and month lengths are checked in one pass.
/// </summary>
internal static class AwsDateTimeText
{
    /// <summary>A date with an optional offset.</summary>
    public static bool IsDate(string text)
    {
        int pos = 0;
        return ReadDate(text, ref pos) && ReadOptionalOffset(text, ref pos) && pos == text.Length;
    }

    /// <summary>A time with an optional offset.</summary>
    public static bool IsTime(string text)
    {
        int pos = 0;
        return ReadTime(text, ref pos) && ReadOptionalOffset(text, ref pos) && pos == text.Length;
    }

    /// <summary>A date, <c>T</c>, a time, and a required offset.</summary>
    public static bool IsDateTime(string text)
    {
        int pos = 0;
        return ReadDate(text, ref pos)
            && ReadChar(text, ref pos, 'T')
            && ReadTime(text, ref pos)
            && pos < text.Length // the offset is required here
            && ReadOptionalOffset(text, ref pos)
            && pos == text.Length;
    }

    private static bool ReadDate(string text, ref int pos)
    {
        if (!ReadNumber(text, ref pos, 4, 0, 9999, out int year)
            || !ReadChar(text, ref pos, '-')
            || !ReadNumber(text, ref pos, 2, 1, 12, out int month)
            || !ReadChar(text, ref pos, '-'))
        {
            return false;
        }

        return ReadNumber(text, ref pos, 2, 1, DaysInMonth(year, month), out _);
    }

    private static bool ReadTime(string text, ref int pos)
    {
        if (!ReadNumber(text, ref pos, 2, 0, 23, out _)
            || !ReadChar(text, ref pos, ':')
            || !ReadNumber(text, ref pos, 2, 0, 59, out _))
        {
            return false;
        }

        if (pos < text.Length && text[pos] == ':')
        {
            pos++;
            if (!ReadNumber(text, ref pos, 2, 0, 59, out _))
                return false;
            if (pos < text.Length && text[pos] == '.')
            {
                pos++;
                int digits = CountDigits(text, pos);
                if (digits is < 1 or > 9)
                    return false;
                pos += digits;
            }
        }

        return true;
    }

    // Succeeds without consuming anything when no offset follows; the callers check that the text ends.
    private static bool ReadOptionalOffset(string text, ref int pos)
    {
        if (pos == text.Length)
            return true;
        if (text[pos] == 'Z')
        {
            pos++;
            return true;
        }

        if (text[pos] is not ('+' or '-'))
            return false;
        pos++;
        if (!ReadNumber(text, ref pos, 2, 0, 23, out _)
            || !ReadChar(text, ref pos, ':')
            || !ReadNumber(text, ref pos, 2, 0, 59, out _))
        {
            return false;
        }

        if (pos < text.Length && text[pos] == ':')
        {
            pos++;
            return ReadNumber(text, ref pos, 2, 0, 59, out _);
        }

        return true;
    }

    private static bool ReadChar(string text, ref int pos, char expected)
    {
        if (pos >= text.Length || text[pos] != expected)
            return false;
        pos++;
        return true;
    }

    private static bool ReadNumber(string text, ref int pos, int width, int min, int max, out int value)
    {
        value = 0;
        if (CountDigits(text, pos) < width)
            return false;
        for (int i = 0; i < width; i++)
            value = (value * 10) + (text[pos + i] - '0');
        pos += width;
        return value >= min && value <= max;
    }

    private static int CountDigits(string text, int pos)
    {
        int count = 0;
        while (pos + count < text.Length && char.IsAsciiDigit(text[pos + count]))
            count++;
        return count;
    }

    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => IsLeapYear(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    // Proleptic Gregorian rule; DateTime.IsLeapYear would reject year 0.
    private static bool IsLeapYear(int year) => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}
