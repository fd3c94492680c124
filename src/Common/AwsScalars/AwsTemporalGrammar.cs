namespace Amplify.DataStore.AwsScalars;

/// <summary>
/// The extended ISO 8601 grammar of AppSync's <c>AWSDate</c>, <c>AWSTime</c> and <c>AWSDateTime</c>, shared by the
/// runtime, the local backend and the schema's <c>@default</c> check so all three accept the same text:
/// date <c>YYYY-MM-DD</c> (a real proleptic Gregorian day, years 0000–9999: the documented format has four digits
/// and no sign), time <c>hh:mm</c>, <c>hh:mm:ss</c> or <c>hh:mm:ss.f</c> with 1–9 fraction digits (the documented
/// nanosecond field), offset <c>Z</c>, <c>±hh:mm</c> or <c>±hh:mm:ss</c> (seconds are documented as accepted) up to
/// ±18:00, the widest offset ISO 8601 implementations accept. Parsers report a reason instead of throwing.
/// </summary>
/// <remarks>Plain string indexing, no spans or newer BCL APIs: this file also compiles for netstandard2.0.</remarks>
internal static class AwsTemporalGrammar
{
    /// <summary>The largest accepted offset in seconds: ±18:00.</summary>
    public const int MaxOffsetSeconds = 18 * 3600;

    /// <summary>Nanoseconds in one second.</summary>
    public const long NanosPerSecond = 1_000_000_000;

    /// <summary>Smallest and largest accepted year (always four digits, never signed).</summary>
    public const int MinYear = 0, MaxYear = 9999;

    /// <summary>Whether <paramref name="text"/> is an AWSDate: a date with an optional offset.</summary>
    public static bool IsDate(string text) => TryValidateDate(text, out _);

    /// <summary>Whether <paramref name="text"/> is an AWSTime: a time with an optional offset.</summary>
    public static bool IsTime(string text) => TryValidateTime(text, out _);

    /// <summary>Whether <paramref name="text"/> is an AWSDateTime: date, <c>T</c>, time and a required offset.</summary>
    public static bool IsDateTime(string text) => TryValidateDateTime(text, out _);

    /// <summary>Checks a whole AWSDate text; <paramref name="error"/> says why it is not one.</summary>
    public static bool TryValidateDate(string text, out string? error)
    {
        int pos = 0;
        return TryParseDate(text, ref pos, out _, out _, out _, out error)
            && (pos == text.Length || TryParseOffset(text, ref pos, out _, out error))
            && ExpectEnd(text, pos, out error);
    }

    /// <summary>Checks a whole AWSTime text; <paramref name="error"/> says why it is not one.</summary>
    public static bool TryValidateTime(string text, out string? error)
    {
        int pos = 0;
        return TryParseTime(text, ref pos, out _, out error)
            && (pos == text.Length || TryParseOffset(text, ref pos, out _, out error))
            && ExpectEnd(text, pos, out error);
    }

    /// <summary>Checks a whole AWSDateTime text; <paramref name="error"/> says why it is not one.</summary>
    public static bool TryValidateDateTime(string text, out string? error)
    {
        int pos = 0;
        return TryParseDate(text, ref pos, out _, out _, out _, out error)
            && Expect(text, ref pos, 'T', "between the date and the time", out error)
            && TryParseTime(text, ref pos, out _, out error)
            && TryParseOffset(text, ref pos, out _, out error)
            && ExpectEnd(text, pos, out error);
    }

    /// <summary>Parses <c>YYYY-MM-DD</c> at <paramref name="pos"/>.</summary>
    public static bool TryParseDate(string s, ref int pos, out int year, out int month, out int day, out string? error)
    {
        year = month = day = 0;
        if (!TryDigits(s, ref pos, 4, out year))
        {
            error = pos < s.Length && s[pos] is '-' or '+'
                ? $"expected a four-digit year at position {pos}; signed years are not valid, the year is 0000-9999"
                : $"expected a four-digit year at position {pos}";
            return false;
        }
        if (!Expect(s, ref pos, '-', "after the year", out error)) return false;
        if (!TryDigits(s, ref pos, 2, out month))
        {
            error = $"expected a two-digit month at position {pos}";
            return false;
        }
        if (month < 1 || month > 12)
        {
            error = $"month {month:D2} is out of range 01-12";
            return false;
        }
        if (!Expect(s, ref pos, '-', "after the month", out error)) return false;
        if (!TryDigits(s, ref pos, 2, out day))
        {
            error = $"expected a two-digit day at position {pos}";
            return false;
        }
        int daysInMonth = DaysInMonth(year, month);
        if (day < 1 || day > daysInMonth)
        {
            error = day == 0 || day > 31
                ? $"day {day:D2} is out of range 01-31"
                : $"day {day:D2} does not exist in {year:D4}-{month:D2}, which has {daysInMonth} days";
            return false;
        }
        error = null;
        return true;
    }

    /// <summary>Parses <c>hh:mm[:ss[.f{1,9}]]</c> at <paramref name="pos"/>.</summary>
    public static bool TryParseTime(string s, ref int pos, out long nanosOfDay, out string? error)
    {
        nanosOfDay = 0;
        if (!TryDigits(s, ref pos, 2, out int hour))
        {
            error = $"expected a two-digit hour at position {pos}";
            return false;
        }
        if (hour > 23)
        {
            error = $"hour {hour:D2} is out of range 00-23";
            return false;
        }
        if (!Expect(s, ref pos, ':', "after the hour", out error)) return false;
        if (!TryDigits(s, ref pos, 2, out int minute))
        {
            error = $"expected two-digit minutes at position {pos}";
            return false;
        }
        if (minute > 59)
        {
            error = $"minute {minute:D2} is out of range 00-59";
            return false;
        }
        int second = 0;
        long fraction = 0;
        if (pos < s.Length && s[pos] == ':')
        {
            pos++;
            if (!TryDigits(s, ref pos, 2, out second))
            {
                error = $"expected two-digit seconds at position {pos}";
                return false;
            }
            if (second > 59)
            {
                // Leap seconds (":60") are refused, as java.time and DateTimeOffset refuse them.
                error = $"second {second:D2} is out of range 00-59";
                return false;
            }
            if (pos < s.Length && s[pos] == '.')
            {
                pos++;
                int start = pos;
                while (pos < s.Length && IsDigit(s[pos]))
                {
                    if (pos - start == 9)
                    {
                        error = "at most 9 fraction digits (nanoseconds) are allowed";
                        return false;
                    }
                    fraction = (fraction * 10) + (s[pos] - '0');
                    pos++;
                }
                int digits = pos - start;
                if (digits == 0)
                {
                    error = $"expected fraction digits after '.' at position {pos}";
                    return false;
                }
                for (int i = digits; i < 9; i++) fraction *= 10;
            }
        }
        nanosOfDay = ((((hour * 60L) + minute) * 60) + second) * NanosPerSecond + fraction;
        error = null;
        return true;
    }

    /// <summary>Parses <c>Z</c> or <c>±hh:mm[:ss]</c> at <paramref name="pos"/>.</summary>
    public static bool TryParseOffset(string s, ref int pos, out int offsetSeconds, out string? error)
    {
        offsetSeconds = 0;
        if (pos >= s.Length)
        {
            error = "a time-zone offset (Z or ±hh:mm[:ss]) is required";
            return false;
        }
        char sign = s[pos];
        if (sign == 'Z')
        {
            pos++;
            error = null;
            return true;
        }
        if (sign != '+' && sign != '-')
        {
            error = $"expected a time-zone offset (Z or ±hh:mm[:ss]) at position {pos} but found '{sign}'";
            return false;
        }
        int offsetStart = pos;
        pos++;
        if (!TryDigits(s, ref pos, 2, out int hours)
            || !Expect(s, ref pos, ':', "in the offset", out _)
            || !TryDigits(s, ref pos, 2, out int minutes))
        {
            error = $"the offset at position {offsetStart} must be Z or ±hh:mm[:ss]";
            return false;
        }
        int seconds = 0;
        if (pos < s.Length && s[pos] == ':')
        {
            pos++;
            if (!TryDigits(s, ref pos, 2, out seconds))
            {
                error = $"the offset at position {offsetStart} must be Z or ±hh:mm[:ss]";
                return false;
            }
        }
        string written = s.Substring(offsetStart, pos - offsetStart);
        if (minutes > 59 || seconds > 59)
        {
            error = $"offset {written} has minutes or seconds out of range 00-59";
            return false;
        }
        int total = (((hours * 60) + minutes) * 60) + seconds;
        if (total > MaxOffsetSeconds)
        {
            error = $"offset {written} is outside the supported range -18:00 to +18:00";
            return false;
        }
        offsetSeconds = sign == '-' ? -total : total;
        error = null;
        return true;
    }

    /// <summary>Fails when anything follows the parsed value.</summary>
    public static bool ExpectEnd(string s, int pos, out string? error)
    {
        if (pos == s.Length)
        {
            error = null;
            return true;
        }
        error = $"unexpected '{s[pos]}' at position {pos}";
        return false;
    }

    /// <summary>Whether <paramref name="year"/> has a 29 February on the proleptic Gregorian calendar (year 0 does).</summary>
    public static bool IsLeapYear(int year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    /// <summary>The number of days in a month (1–12) of a year.</summary>
    public static int DaysInMonth(int year, int month) => month switch
    {
        2 => IsLeapYear(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    private static bool Expect(string s, ref int pos, char expected, string where, out string? error)
    {
        if (pos < s.Length && s[pos] == expected)
        {
            pos++;
            error = null;
            return true;
        }
        error = pos < s.Length
            ? $"expected '{expected}' {where} at position {pos} but found '{s[pos]}'"
            : $"expected '{expected}' {where} at position {pos} but the text ended";
        return false;
    }

    private static bool TryDigits(string s, ref int pos, int count, out int value)
    {
        value = 0;
        if (pos + count > s.Length) return false;
        for (int i = 0; i < count; i++)
        {
            char c = s[pos + i];
            if (!IsDigit(c)) return false;
            value = (value * 10) + (c - '0');
        }
        pos += count;
        return true;
    }

    // char.IsDigit accepts non-ASCII digits; the wire format does not.
    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}
