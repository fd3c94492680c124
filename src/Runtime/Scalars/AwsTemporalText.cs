using System;
using System.Globalization;
using Amplify.DataStore.AwsScalars;

namespace Amplify.DataStore;

/// <summary>
/// Parsing and formatting pieces shared by <see cref="AwsDate"/>, <see cref="AwsTime"/> and <see cref="AwsDateTime"/>.
/// Parsing is the shared <see cref="AwsTemporalGrammar"/> (the same rule the local backend and the schema check use);
/// parsers report a reason instead of throwing so the JSON reader can build its own error without an exception round trip.
/// </summary>
internal static class AwsTemporalText
{
    /// <summary>The largest accepted offset: ±18:00 (see <see cref="AwsTemporalGrammar"/>).</summary>
    public const int MaxOffsetSeconds = AwsTemporalGrammar.MaxOffsetSeconds;

    /// <summary>Nanoseconds in one second.</summary>
    public const long NanosPerSecond = AwsTemporalGrammar.NanosPerSecond;

    /// <summary>Nanoseconds in one day.</summary>
    public const long NanosPerDay = 86_400 * NanosPerSecond;

    /// <summary>Smallest and largest accepted year (four digits, 0000–9999, as AppSync's YYYY).</summary>
    public const int MinYear = AwsTemporalGrammar.MinYear, MaxYear = AwsTemporalGrammar.MaxYear;

    /// <summary>Parses <c>YYYY-MM-DD</c> at <paramref name="pos"/> (the shared rule).</summary>
    public static bool TryParseDate(string s, ref int pos, out int year, out int month, out int day, out string? error)
        => AwsTemporalGrammar.TryParseDate(s, ref pos, out year, out month, out day, out error);

    /// <summary>Parses <c>hh:mm[:ss[.f{1,9}]]</c> at <paramref name="pos"/> (the shared rule).</summary>
    public static bool TryParseTime(string s, ref int pos, out long nanosOfDay, out string? error)
        => AwsTemporalGrammar.TryParseTime(s, ref pos, out nanosOfDay, out error);

    /// <summary>Parses <c>Z</c> or <c>±hh:mm[:ss]</c> at <paramref name="pos"/> (the shared rule).</summary>
    public static bool TryParseOffset(string s, ref int pos, out int offsetSeconds, out string? error)
        => AwsTemporalGrammar.TryParseOffset(s, ref pos, out offsetSeconds, out error);

    /// <summary>Fails when anything follows the parsed value.</summary>
    public static bool ExpectEnd(string s, int pos, out string? error) => AwsTemporalGrammar.ExpectEnd(s, pos, out error);

    /// <summary>The year as written: four digits (years are 0000 to 9999 under the shared AWS scalar rules).</summary>
    public static string FormatYear(int year)
        => year.ToString("D4", CultureInfo.InvariantCulture);

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
}
