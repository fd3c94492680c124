using System;
using System.Globalization;

namespace Amplify.DataStore;

/// <summary>
/// An AppSync <c>AWSTimestamp</c>: whole seconds since 1970-01-01T00:00:00Z, sent as a JSON number.
/// <c>default(AwsTimestamp)</c> is the epoch.
/// </summary>
public readonly struct AwsTimestamp : IEquatable<AwsTimestamp>, IComparable<AwsTimestamp>
{
    private const string ExpectedFormat = "whole seconds since the Unix epoch as a plain integer (optional '-', no '+', spaces or leading zeros), e.g. 1700000000";

    private AwsTimestamp(long unixTimeSeconds) => UnixTimeSeconds = unixTimeSeconds;

    /// <summary>Seconds since the Unix epoch (negative before 1970).</summary>
    public long UnixTimeSeconds { get; }

    /// <summary>The current time, truncated to whole seconds.</summary>
    public static AwsTimestamp Now => FromDateTimeOffset(DateTimeOffset.UtcNow);

    /// <summary>The timestamp <paramref name="seconds"/> seconds after the Unix epoch.</summary>
    public static AwsTimestamp FromUnixTimeSeconds(long seconds) => new(seconds);

    /// <summary>The instant of <paramref name="value"/>, rounded down to whole seconds.</summary>
    public static AwsTimestamp FromDateTimeOffset(DateTimeOffset value) => new(value.ToUnixTimeSeconds());

    /// <summary>The instant as a UTC <see cref="DateTimeOffset"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside the years 1–9999.</exception>
    public DateTimeOffset ToDateTimeOffset() => DateTimeOffset.FromUnixTimeSeconds(UnixTimeSeconds);

    /// <summary>Parses the decimal text <see cref="ToString"/> writes (optional '-', no '+', spaces or leading zeros).</summary>
    /// <exception cref="FormatException">The text is not such an integer in the range of <see cref="long"/>.</exception>
    public static AwsTimestamp Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParse(s, out var result)
            ? result
            : throw new FormatException(FormatError(s));
    }

    internal static string FormatError(string s) => AwsFormatError.Message("AWSTimestamp", s, null, ExpectedFormat);

    /// <summary>Parses the decimal text <see cref="ToString"/> writes, returning false when it is null or not valid.</summary>
    public static bool TryParse(string? s, out AwsTimestamp result)
    {
        result = default;
        // Only the canonical spelling is accepted so that Parse(s).ToString() == s (the shared rule).
        if (!AwsScalars.AwsTimestampRule.TryParse(s, out long seconds)) return false;
        result = new AwsTimestamp(seconds);
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(AwsTimestamp other) => UnixTimeSeconds == other.UnixTimeSeconds;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AwsTimestamp other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => UnixTimeSeconds.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(AwsTimestamp other) => UnixTimeSeconds.CompareTo(other.UnixTimeSeconds);

    /// <summary>The seconds as an invariant-culture integer.</summary>
    public override string ToString() => UnixTimeSeconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>Same instant.</summary>
    public static bool operator ==(AwsTimestamp left, AwsTimestamp right) => left.Equals(right);

    /// <summary>Different instants.</summary>
    public static bool operator !=(AwsTimestamp left, AwsTimestamp right) => !left.Equals(right);

    /// <summary>Earlier.</summary>
    public static bool operator <(AwsTimestamp left, AwsTimestamp right) => left.UnixTimeSeconds < right.UnixTimeSeconds;

    /// <summary>Later.</summary>
    public static bool operator >(AwsTimestamp left, AwsTimestamp right) => left.UnixTimeSeconds > right.UnixTimeSeconds;

    /// <summary>Earlier or the same.</summary>
    public static bool operator <=(AwsTimestamp left, AwsTimestamp right) => left.UnixTimeSeconds <= right.UnixTimeSeconds;

    /// <summary>Later or the same.</summary>
    public static bool operator >=(AwsTimestamp left, AwsTimestamp right) => left.UnixTimeSeconds >= right.UnixTimeSeconds;
}
