using System;
using System.Globalization;

namespace Amplify.DataStore;

/// <summary>
/// An AppSync <c>AWSDate</c>: <c>YYYY-MM-DD</c> (years 0000 to 9999, year 0 being 1 BC) with an optional
/// offset <c>Z</c>, <c>±hh:mm</c> or <c>±hh:mm:ss</c> (up to ±18:00), e.g. <c>1970-01-01</c> or <c>1970-01-01-07:00</c>.
/// </summary>
/// <remarks>
/// <para>The wire text is kept exactly, so <c>Parse(s).ToString() == s</c> for every valid <c>s</c>.</para>
/// <para>
/// Equality is by that text: <c>1970-01-01Z</c> and <c>1970-01-01+00:00</c> are not equal. Ordering is by the instant
/// the day starts (a missing offset counts as UTC), then ordinally by text, so <see cref="CompareTo"/> returns 0
/// exactly when <see cref="Equals(AwsDate)"/> is true. Without offsets this is plain calendar order.
/// </para>
/// <para><c>default(AwsDate)</c> is <c>1970-01-01</c>.</para>
/// </remarks>
public readonly struct AwsDate : IEquatable<AwsDate>, IComparable<AwsDate>
{
    private const string DefaultText = "1970-01-01";
    private const string ExpectedFormat = "YYYY-MM-DD with an optional Z or ±hh:mm[:ss] offset, e.g. 1970-01-01 or 1970-01-01-07:00";

    private readonly string? _text;
    private readonly int _dayNumber;
    private readonly int _offsetSeconds;
    private readonly bool _hasOffset;

    private AwsDate(string text, int dayNumber, int offsetSeconds, bool hasOffset)
    {
        _text = text;
        _dayNumber = dayNumber;
        _offsetSeconds = offsetSeconds;
        _hasOffset = hasOffset;
    }

    /// <summary>Creates a date without an offset.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 0 to 9999, or the month or day does not exist.</exception>
    public AwsDate(int year, int month, int day)
    {
        if (year is < AwsTemporalText.MinYear or > AwsTemporalText.MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "AWSDate years must be between 0 and 9999 (four digits, as AppSync's YYYY).");
        }
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "The month must be between 1 and 12.");
        if (day < 1 || day > ProlepticGregorian.DaysInMonth(year, month))
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"The day does not exist in {AwsTemporalText.FormatYear(year)}-{month:D2}.");
        }
        _text = string.Create(CultureInfo.InvariantCulture, $"{AwsTemporalText.FormatYear(year)}-{month:D2}-{day:D2}");
        _dayNumber = ProlepticGregorian.DaysFromCivil(year, month, day);
        _offsetSeconds = 0;
        _hasOffset = false;
    }

    /// <summary>The year, 0–9999 (0 is 1 BC).</summary>
    public int Year => ProlepticGregorian.CivilFromDays(_dayNumber).Year;

    /// <summary>The month, 1–12.</summary>
    public int Month => ProlepticGregorian.CivilFromDays(_dayNumber).Month;

    /// <summary>The day of the month, 1–31.</summary>
    public int Day => ProlepticGregorian.CivilFromDays(_dayNumber).Day;

    /// <summary>The offset, or <see langword="null"/> when the text has none.</summary>
    public TimeSpan? Offset => _hasOffset ? AwsTemporalText.ToTimeSpan(_offsetSeconds) : null;

    /// <summary>The date of a <see cref="DateOnly"/>, without an offset.</summary>
    public static AwsDate FromDateOnly(DateOnly date) => new(date.Year, date.Month, date.Day);

    /// <summary>The calendar date as a <see cref="DateOnly"/>; the offset, if any, is dropped.</summary>
    /// <exception cref="InvalidOperationException">The year is below 1, which <see cref="DateOnly"/> cannot hold.</exception>
    public DateOnly ToDateOnly()
    {
        var (year, month, day) = ProlepticGregorian.CivilFromDays(_dayNumber);
        if (year < 1) throw new InvalidOperationException($"The AWSDate {ToString()} is before year 1, which DateOnly cannot represent.");
        return new DateOnly(year, month, day);
    }

    /// <summary>Parses AppSync <c>AWSDate</c> text.</summary>
    /// <exception cref="FormatException">The text is not a valid AWSDate; the message quotes it and says why.</exception>
    public static AwsDate Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParse(s, out var result, out var error) ? result : throw new FormatException(FormatError(s, error!));
    }

    /// <summary>Parses AppSync <c>AWSDate</c> text, returning false when it is null or not valid.</summary>
    public static bool TryParse(string? s, out AwsDate result)
    {
        if (s is null)
        {
            result = default;
            return false;
        }
        return TryParse(s, out result, out _);
    }

    internal static bool TryParse(string s, out AwsDate result, out string? error)
    {
        result = default;
        int pos = 0;
        if (!AwsTemporalText.TryParseDate(s, ref pos, out int year, out int month, out int day, out error)) return false;
        int offset = 0;
        bool hasOffset = pos < s.Length;
        if (hasOffset && !AwsTemporalText.TryParseOffset(s, ref pos, out offset, out error)) return false;
        if (!AwsTemporalText.ExpectEnd(s, pos, out error)) return false;
        result = new AwsDate(s, ProlepticGregorian.DaysFromCivil(year, month, day), offset, hasOffset);
        return true;
    }

    internal static string FormatError(string s, string error) => AwsFormatError.Message("AWSDate", s, error, ExpectedFormat);

    // The instant the day starts; a date without an offset is read as UTC.
    private long SortKey => (_dayNumber * ProlepticGregorian.SecondsPerDay) - _offsetSeconds;

    /// <summary>True when both have the same wire text.</summary>
    public bool Equals(AwsDate other) => string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AwsDate other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    /// <summary>Orders by the instant the day starts (no offset = UTC), then ordinally by text.</summary>
    public int CompareTo(AwsDate other)
    {
        int byInstant = SortKey.CompareTo(other.SortKey);
        return byInstant != 0 ? byInstant : string.CompareOrdinal(ToString(), other.ToString());
    }

    /// <summary>The exact wire text.</summary>
    public override string ToString() => _text ?? DefaultText;

    /// <summary>Same wire text.</summary>
    public static bool operator ==(AwsDate left, AwsDate right) => left.Equals(right);

    /// <summary>Different wire text.</summary>
    public static bool operator !=(AwsDate left, AwsDate right) => !left.Equals(right);
}
