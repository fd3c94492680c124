using System;
using System.Globalization;

namespace Amplify.DataStore;

/// <summary>
/// An AppSync <c>AWSDateTime</c>: <c>YYYY-MM-DDThh:mm[:ss[.f…]]</c> (1–9 fraction digits) followed by a required
/// offset <c>Z</c>, <c>±hh:mm</c> or <c>±hh:mm:ss</c> (up to ±18:00), e.g. <c>1970-01-01T12:00:00.2Z</c> or
/// <c>1930-01-01T16:00-08:00</c>. Years run from 0000 to 9999.
/// </summary>
/// <remarks>
/// <para>The wire text is kept exactly (fraction digits, offset spelling), so <c>Parse(s).ToString() == s</c>.</para>
/// <para>
/// Equality is by that text, so the same instant written with different offsets (<c>…T12:00Z</c> and
/// <c>…T13:00+01:00</c>) is <em>not</em> equal. Ordering is by instant, then ordinally by text for equal instants,
/// so <see cref="CompareTo"/> returns 0 exactly when <see cref="Equals(AwsDateTime)"/> is true.
/// </para>
/// <para><c>default(AwsDateTime)</c> is <c>1970-01-01T00:00:00.000Z</c>.</para>
/// </remarks>
public readonly struct AwsDateTime : IEquatable<AwsDateTime>, IComparable<AwsDateTime>
{
    private const string DefaultText = "1970-01-01T00:00:00.000Z";
    private const string ExpectedFormat = "YYYY-MM-DDThh:mm[:ss[.f…]] followed by Z or ±hh:mm[:ss], e.g. 1970-01-01T12:00:00.000Z or 1930-01-01T16:00-08:00";

    // DateTimeOffset's supported UTC range, in seconds from the Unix epoch.
    private const long MinDateTimeOffsetSeconds = -62_135_596_800;
    private const long MaxDateTimeOffsetSeconds = 253_402_300_799;
    private const long UnixEpochTicks = 621_355_968_000_000_000;

    private readonly string? _text;
    private readonly long _epochSeconds;
    private readonly int _nanos;
    private readonly int _offsetSeconds;

    private AwsDateTime(string text, long epochSeconds, int nanos, int offsetSeconds)
    {
        _text = text;
        _epochSeconds = epochSeconds;
        _nanos = nanos;
        _offsetSeconds = offsetSeconds;
    }

    /// <summary>The offset from UTC written in the text (<c>Z</c> is zero).</summary>
    public TimeSpan Offset => AwsTemporalText.ToTimeSpan(_offsetSeconds);

    /// <summary>The current time in UTC, truncated to milliseconds (e.g. <c>2026-01-01T12:00:00.123Z</c>), as AppSync's <c>$util.time.nowISO8601()</c> writes it.</summary>
    public static AwsDateTime UtcNow
    {
        get
        {
            long ticks = DateTimeOffset.UtcNow.UtcTicks;
            return FromDateTimeOffset(new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero));
        }
    }

    /// <summary>
    /// The same instant and offset as <paramref name="value"/>, written <c>yyyy-MM-ddTHH:mm:ss.fff</c> followed by
    /// <c>Z</c> for a zero offset or <c>±hh:mm</c> otherwise. More fraction digits (up to 7, trailing zeros trimmed)
    /// are written only when the value has sub-millisecond precision, so the conversion is lossless.
    /// </summary>
    public static AwsDateTime FromDateTimeOffset(DateTimeOffset value)
    {
        var local = value.DateTime;
        string text = string.Create(CultureInfo.InvariantCulture, $"{local.Year:D4}-{local.Month:D2}-{local.Day:D2}T{local.Hour:D2}:{local.Minute:D2}:{local.Second:D2}")
            + AwsTemporalText.FormatFraction(local.Ticks % TimeSpan.TicksPerSecond)
            + AwsTemporalText.FormatOffset(value.Offset);
        long utcTicks = value.UtcTicks - UnixEpochTicks;
        long epochSeconds = ProlepticGregorian.FloorDiv(utcTicks, TimeSpan.TicksPerSecond);
        int nanos = (int)((utcTicks - (epochSeconds * TimeSpan.TicksPerSecond)) * 100);
        return new AwsDateTime(text, epochSeconds, nanos, (int)(value.Offset.Ticks / TimeSpan.TicksPerSecond));
    }

    /// <summary>
    /// The same instant as a <see cref="DateTimeOffset"/>, digits below 100 nanoseconds truncated. The offset is kept
    /// when <see cref="DateTimeOffset"/> can hold it (whole minutes within ±14:00); otherwise the result is in UTC.
    /// </summary>
    /// <exception cref="InvalidOperationException">The instant is outside the years 1–9999 (UTC) that <see cref="DateTimeOffset"/> supports.</exception>
    public DateTimeOffset ToDateTimeOffset()
    {
        if (_epochSeconds is < MinDateTimeOffsetSeconds or > MaxDateTimeOffsetSeconds)
        {
            throw new InvalidOperationException($"The AWSDateTime {ToString()} is outside the range DateTimeOffset supports (years 1-9999 UTC).");
        }
        long utcTicks = UnixEpochTicks + (_epochSeconds * TimeSpan.TicksPerSecond) + (_nanos / 100);
        var utc = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        var offset = Offset;
        bool representable = _offsetSeconds % 60 == 0 && Math.Abs(_offsetSeconds) <= 14 * 3600;
        long localTicks = utcTicks + offset.Ticks;
        return representable && localTicks >= DateTime.MinValue.Ticks && localTicks <= DateTime.MaxValue.Ticks
            ? utc.ToOffset(offset)
            : utc;
    }

    /// <summary>Parses AppSync <c>AWSDateTime</c> text.</summary>
    /// <exception cref="FormatException">The text is not a valid AWSDateTime; the message quotes it and says why.</exception>
    public static AwsDateTime Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParse(s, out var result, out var error) ? result : throw new FormatException(FormatError(s, error!));
    }

    /// <summary>Parses AppSync <c>AWSDateTime</c> text, returning false when it is null or not valid.</summary>
    public static bool TryParse(string? s, out AwsDateTime result)
    {
        if (s is null)
        {
            result = default;
            return false;
        }
        return TryParse(s, out result, out _);
    }

    internal static bool TryParse(string s, out AwsDateTime result, out string? error)
    {
        result = default;
        int pos = 0;
        if (!AwsTemporalText.TryParseDate(s, ref pos, out int year, out int month, out int day, out error)) return false;
        if (pos >= s.Length || s[pos] != 'T')
        {
            error = pos < s.Length
                ? $"expected 'T' between the date and the time at position {pos} but found '{s[pos]}'"
                : $"expected 'T' and a time at position {pos} but the text ended";
            return false;
        }
        pos++;
        if (!AwsTemporalText.TryParseTime(s, ref pos, out long nanosOfDay, out error)) return false;
        if (!AwsTemporalText.TryParseOffset(s, ref pos, out int offset, out error)) return false;
        if (!AwsTemporalText.ExpectEnd(s, pos, out error)) return false;
        long localSeconds = (ProlepticGregorian.DaysFromCivil(year, month, day) * ProlepticGregorian.SecondsPerDay) + (nanosOfDay / AwsTemporalText.NanosPerSecond);
        result = new AwsDateTime(s, localSeconds - offset, (int)(nanosOfDay % AwsTemporalText.NanosPerSecond), offset);
        return true;
    }

    internal static string FormatError(string s, string error) => AwsFormatError.Message("AWSDateTime", s, error, ExpectedFormat);

    /// <summary>True when both have the same wire text (not merely the same instant).</summary>
    public bool Equals(AwsDateTime other) => string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AwsDateTime other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    /// <summary>Orders by instant, then ordinally by text for the same instant written differently.</summary>
    public int CompareTo(AwsDateTime other)
    {
        int c = _epochSeconds.CompareTo(other._epochSeconds);
        if (c == 0) c = _nanos.CompareTo(other._nanos);
        return c != 0 ? c : string.CompareOrdinal(ToString(), other.ToString());
    }

    /// <summary>The exact wire text.</summary>
    public override string ToString() => _text ?? DefaultText;

    /// <summary>Same wire text.</summary>
    public static bool operator ==(AwsDateTime left, AwsDateTime right) => left.Equals(right);

    /// <summary>Different wire text.</summary>
    public static bool operator !=(AwsDateTime left, AwsDateTime right) => !left.Equals(right);
}
