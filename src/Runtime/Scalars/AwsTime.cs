using System;
using System.Globalization;

namespace Amplify.DataStore;

/// <summary>
/// An AppSync <c>AWSTime</c>: <c>hh:mm</c>, <c>hh:mm:ss</c> or <c>hh:mm:ss.f</c> with 1–9 fraction digits, and an
/// optional offset <c>Z</c>, <c>±hh:mm</c> or <c>±hh:mm:ss</c> (up to ±18:00), e.g. <c>12:30</c> or <c>12:30:24.500+05:30</c>.
/// </summary>
/// <remarks>
/// <para>The wire text is kept exactly (fraction digits, offset spelling), so <c>Parse(s).ToString() == s</c>.</para>
/// <para>
/// Equality is by that text: <c>12:30</c> and <c>12:30:00</c> are not equal. Ordering is by the instant the time
/// denotes on a shared reference day (time minus offset, without wrapping at midnight; no offset counts as UTC),
/// then ordinally by text, so <see cref="CompareTo"/> returns 0 exactly when <see cref="Equals(AwsTime)"/> is true.
/// </para>
/// <para><c>default(AwsTime)</c> is <c>00:00:00.000</c>.</para>
/// </remarks>
public readonly struct AwsTime : IEquatable<AwsTime>, IComparable<AwsTime>
{
    private const string DefaultText = "00:00:00.000";
    private const string ExpectedFormat = "hh:mm[:ss[.f…]] (up to 9 fraction digits) with an optional Z or ±hh:mm[:ss] offset, e.g. 12:30 or 12:30:24.500-07:00";

    private readonly string? _text;
    private readonly long _nanosOfDay;
    private readonly int _offsetSeconds;
    private readonly bool _hasOffset;

    private AwsTime(string text, long nanosOfDay, int offsetSeconds, bool hasOffset)
    {
        _text = text;
        _nanosOfDay = nanosOfDay;
        _offsetSeconds = offsetSeconds;
        _hasOffset = hasOffset;
    }

    /// <summary>The hour, 0–23.</summary>
    public int Hour => (int)(_nanosOfDay / (3600 * AwsTemporalText.NanosPerSecond));

    /// <summary>The minute, 0–59.</summary>
    public int Minute => (int)(_nanosOfDay / (60 * AwsTemporalText.NanosPerSecond) % 60);

    /// <summary>The second, 0–59 (0 when the text has no seconds).</summary>
    public int Second => (int)(_nanosOfDay / AwsTemporalText.NanosPerSecond % 60);

    /// <summary>The fraction of the second in nanoseconds, 0–999 999 999.</summary>
    public int Nanosecond => (int)(_nanosOfDay % AwsTemporalText.NanosPerSecond);

    /// <summary>The offset, or <see langword="null"/> when the text has none.</summary>
    public TimeSpan? Offset => _hasOffset ? AwsTemporalText.ToTimeSpan(_offsetSeconds) : null;

    /// <summary>
    /// The time of a <see cref="TimeOnly"/>, without an offset, as <c>hh:mm:ss.fff</c>; more fraction digits
    /// (up to 7) are written only when the value has sub-millisecond precision.
    /// </summary>
    public static AwsTime FromTimeOnly(TimeOnly time)
    {
        long ticks = time.Ticks;
        string text = string.Create(CultureInfo.InvariantCulture, $"{time.Hour:D2}:{time.Minute:D2}:{time.Second:D2}")
            + AwsTemporalText.FormatFraction(ticks % TimeSpan.TicksPerSecond);
        return new AwsTime(text, ticks * 100, 0, hasOffset: false);
    }

    /// <summary>
    /// The clock time as a <see cref="TimeOnly"/>; the offset, if any, is dropped and digits below
    /// 100 nanoseconds (a tick) are truncated.
    /// </summary>
    public TimeOnly ToTimeOnly() => new(_nanosOfDay / 100);

    /// <summary>Parses AppSync <c>AWSTime</c> text.</summary>
    /// <exception cref="FormatException">The text is not a valid AWSTime; the message quotes it and says why.</exception>
    public static AwsTime Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParse(s, out var result, out var error) ? result : throw new FormatException(FormatError(s, error!));
    }

    /// <summary>Parses AppSync <c>AWSTime</c> text, returning false when it is null or not valid.</summary>
    public static bool TryParse(string? s, out AwsTime result)
    {
        if (s is null)
        {
            result = default;
            return false;
        }
        return TryParse(s, out result, out _);
    }

    internal static bool TryParse(string s, out AwsTime result, out string? error)
    {
        result = default;
        int pos = 0;
        if (!AwsTemporalText.TryParseTime(s, ref pos, out long nanos, out error)) return false;
        int offset = 0;
        bool hasOffset = pos < s.Length;
        if (hasOffset && !AwsTemporalText.TryParseOffset(s, ref pos, out offset, out error)) return false;
        if (!AwsTemporalText.ExpectEnd(s, pos, out error)) return false;
        result = new AwsTime(s, nanos, offset, hasOffset);
        return true;
    }

    internal static string FormatError(string s, string error) => AwsFormatError.Message("AWSTime", s, error, ExpectedFormat);

    // Time minus offset on a shared reference day; may fall outside 0..24h, which keeps the order linear.
    private long SortKey => _nanosOfDay - (_offsetSeconds * AwsTemporalText.NanosPerSecond);

    /// <summary>True when both have the same wire text.</summary>
    public bool Equals(AwsTime other) => string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AwsTime other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    /// <summary>Orders by time minus offset (no offset = UTC), then ordinally by text.</summary>
    public int CompareTo(AwsTime other)
    {
        int byInstant = SortKey.CompareTo(other.SortKey);
        return byInstant != 0 ? byInstant : string.CompareOrdinal(ToString(), other.ToString());
    }

    /// <summary>The exact wire text.</summary>
    public override string ToString() => _text ?? DefaultText;

    /// <summary>Same wire text.</summary>
    public static bool operator ==(AwsTime left, AwsTime right) => left.Equals(right);

    /// <summary>Different wire text.</summary>
    public static bool operator !=(AwsTime left, AwsTime right) => !left.Equals(right);
}
