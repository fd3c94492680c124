using System;
using System.Globalization;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// Strings whose ordinal order is the order of <see cref="AwsDate.CompareTo"/>, <see cref="AwsTime.CompareTo"/> and
/// <see cref="AwsDateTime.CompareTo"/>: a fixed-width, biased decimal instant followed by the wire text (the tie-breaker).
/// Because the text is included, equal keys mean equal values, so equality can use the key as well.
/// </summary>
/// <remarks>
/// The instants are recomputed from the wire text with the same parsing helpers the scalars use, so the order cannot
/// drift from theirs.
/// </remarks>
internal static class TemporalSortKey
{
    // Biases make every supported instant positive: years 0000-9999 are within ±3.2e11 s, AWSTime within ±1.6e14 ns.
    private const long SecondsBias = 1_000_000_000_000;
    private const long TimeNanosBias = 1_000_000_000_000_000;

    /// <summary>The key of a date: the instant its day starts (no offset = UTC), then the text.</summary>
    public static string For(AwsDate value)
    {
        string text = value.ToString();
        int pos = 0;
        if (!AwsTemporalText.TryParseDate(text, ref pos, out int year, out int month, out int day, out _)) throw Invalid(text);
        int offset = 0;
        if (pos < text.Length && !AwsTemporalText.TryParseOffset(text, ref pos, out offset, out _)) throw Invalid(text);
        long seconds = ((long)ProlepticGregorian.DaysFromCivil(year, month, day) * ProlepticGregorian.SecondsPerDay) - offset;
        return string.Create(CultureInfo.InvariantCulture, $"{seconds + SecondsBias:D13} {text}");
    }

    /// <summary>The key of a time: time minus offset on a shared day (no offset = UTC), then the text.</summary>
    public static string For(AwsTime value)
    {
        string text = value.ToString();
        int pos = 0;
        if (!AwsTemporalText.TryParseTime(text, ref pos, out long nanosOfDay, out _)) throw Invalid(text);
        int offset = 0;
        if (pos < text.Length && !AwsTemporalText.TryParseOffset(text, ref pos, out offset, out _)) throw Invalid(text);
        long nanos = nanosOfDay - (offset * AwsTemporalText.NanosPerSecond);
        return string.Create(CultureInfo.InvariantCulture, $"{nanos + TimeNanosBias:D16} {text}");
    }

    /// <summary>The key of a date-time: its instant (seconds, then nanoseconds), then the text.</summary>
    public static string For(AwsDateTime value)
    {
        string text = value.ToString();
        int pos = 0;
        if (!AwsTemporalText.TryParseDate(text, ref pos, out int year, out int month, out int day, out _)
            || pos >= text.Length || text[pos++] != 'T'
            || !AwsTemporalText.TryParseTime(text, ref pos, out long nanosOfDay, out _)
            || !AwsTemporalText.TryParseOffset(text, ref pos, out int offset, out _))
        {
            throw Invalid(text);
        }
        long local = ((long)ProlepticGregorian.DaysFromCivil(year, month, day) * ProlepticGregorian.SecondsPerDay) + (nanosOfDay / AwsTemporalText.NanosPerSecond);
        long nanos = nanosOfDay % AwsTemporalText.NanosPerSecond;
        return string.Create(CultureInfo.InvariantCulture, $"{local - offset + SecondsBias:D13}{nanos:D9} {text}");
    }

    /// <summary>The key of a temporal <see cref="FieldValue"/>, or null for any other kind.</summary>
    public static string? For(FieldValue value) => value.Kind switch
    {
        FieldValueKind.Date => For((AwsDate)value.AsObject()!),
        FieldValueKind.Time => For((AwsTime)value.AsObject()!),
        FieldValueKind.DateTime => For((AwsDateTime)value.AsObject()!),
        _ => null,
    };

    private static InvalidOperationException Invalid(string text) => new($"'{text}' is not valid temporal text.");
}
