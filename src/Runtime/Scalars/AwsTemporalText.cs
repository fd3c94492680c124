using System;
using System.Globalization;

namespace Amplify.DataStore;

/// <summary>
/// Parsing and formatting pieces shared by <see cref="AwsDate"/>, <see cref="AwsTime"/> and <see cref="AwsDateTime"/>.
/// Parsers report a reason instead of throwing so the JSON reader can build its own error without an exception round trip.
/// </summary>
internal static class AwsTemporalText
{
    /// <summary>The largest accepted offset: ±18:00, the range ISO 8601 implementations such as java.time accept.</summary>
    public const int MaxOffsetSeconds = 18 * 3600;

    /// <summary>Nanoseconds in one second.</summary>
    public const long NanosPerSecond = 1_000_000_000;

    /// <summary>Nanoseconds in one day.</summary>
    public const long NanosPerDay = 86_400 * NanosPerSecond;

    /// <summary>Smallest and largest supported year (four digits, optionally negative).</summary>
    public const int MinYear = -9999, MaxYear = 9999;

    /// <summary>Parses <c>[-]YYYY-MM-DD</c> at <paramref name="pos"/>.</summary>
    public static bool TryParseDate(ReadOnlySpan<char> s, ref int pos, out int year, out int month, out int day, out string? error)
    {
        year = month = day = 0;
        bool negative = pos < s.Length && s[pos] == '-';
        if (negative) pos++;
        if (!TryDigits(s, ref pos, 4, out year))
        {
            error = $"expected a four-digit year at position {pos}";
            return false;
        }
        if (negative)
        {
            // "-0000" would be a second spelling of year 0 and break the one-text-per-value rule.
            if (year == 0)
            {
                error = "year -0000 is not valid; write 0000";
                return false;
            }
            year = -year;
        }
        if (!Expect(s, ref pos, '-', "after the year", out error)) return false;
        if (!TryDigits(s, ref pos, 2, out month))
        {
            error = $"expected a two-digit month at position {pos}";
            return false;
        }
        if (month is < 1 or > 12)
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
        int daysInMonth = ProlepticGregorian.DaysInMonth(year, month);
        if (day < 1 || day > daysInMonth)
        {
            error = day == 0 || day > 31
                ? $"day {day:D2} is out of range 01-31"
                : $"day {day:D2} does not exist in {FormatYear(year)}-{month:D2}, which has {daysInMonth} days";
            return false;
        }
        error = null;
        return true;
    }

    /// <summary>Parses <c>hh:mm[:ss[.f{1,9}]]</c> at <paramref name="pos"/>.</summary>
    public static bool TryParseTime(ReadOnlySpan<char> s, ref int pos, out long nanosOfDay, out string? error)
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
                // Leap seconds (":60") are rejected, as java.time and DateTimeOffset do.
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
        nanosOfDay = (((hour * 60L) + minute) * 60 + second) * NanosPerSecond + fraction;
        error = null;
        return true;
    }

    /// <summary>Parses <c>Z</c> or <c>±hh:mm[:ss]</c> at <paramref name="pos"/>.</summary>
    public static bool TryParseOffset(ReadOnlySpan<char> s, ref int pos, out int offsetSeconds, out string? error)
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
        if (sign is not ('+' or '-'))
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
        if (minutes > 59 || seconds > 59)
        {
            error = $"offset {s[offsetStart..pos].ToString()} has minutes or seconds out of range 00-59";
            return false;
        }
        int total = (((hours * 60) + minutes) * 60) + seconds;
        if (total > MaxOffsetSeconds)
        {
            error = $"offset {s[offsetStart..pos].ToString()} is outside the supported range -18:00 to +18:00";
            return false;
        }
        offsetSeconds = sign == '-' ? -total : total;
        error = null;
        return true;
    }

    /// <summary>Fails when anything follows the parsed value.</summary>
    public static bool ExpectEnd(ReadOnlySpan<char> s, int pos, out string? error)
    {
        if (pos == s.Length)
        {
            error = null;
            return true;
        }
        error = $"unexpected '{s[pos]}' at position {pos}";
        return false;
    }

    /// <summary>The year as written: four digits, with a leading '-' when negative.</summary>
    public static string FormatYear(int year)
        => year < 0 ? "-" + (-year).ToString("D4", CultureInfo.InvariantCulture) : year.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>
    /// The fraction of a second for text made from .NET values: milliseconds (<c>.fff</c>) when the value is whole
    /// milliseconds, otherwise up to the 7 digits a tick can carry, never fewer than 3.
    /// </summary>
    public static string FormatFraction(long ticksWithinSecond)
    {
        if (ticksWithinSecond % TimeSpan.TicksPerMillisecond == 0)
        {
            return "." + (ticksWithinSecond / TimeSpan.TicksPerMillisecond).ToString("D3", CultureInfo.InvariantCulture);
        }
        return "." + ticksWithinSecond.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    /// <summary>An offset as <c>Z</c> (zero) or <c>±hh:mm</c>, the form used for text made from .NET values.</summary>
    public static string FormatOffset(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero) return "Z";
        var abs = offset.Duration();
        return string.Create(CultureInfo.InvariantCulture, $"{(offset < TimeSpan.Zero ? '-' : '+')}{abs.Hours:D2}:{abs.Minutes:D2}");
    }

    /// <summary>The offset as a <see cref="TimeSpan"/>.</summary>
    public static TimeSpan ToTimeSpan(int offsetSeconds) => TimeSpan.FromTicks(offsetSeconds * TimeSpan.TicksPerSecond);

    private static bool Expect(ReadOnlySpan<char> s, ref int pos, char expected, string where, out string? error)
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

    private static bool TryDigits(ReadOnlySpan<char> s, ref int pos, int count, out int value)
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
    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
