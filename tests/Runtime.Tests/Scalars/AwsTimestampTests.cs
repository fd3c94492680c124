namespace Amplify.DataStore.Runtime.Tests.Scalars;

public class AwsTimestampTests
{
    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("1700000000")]
    [TestCase("9223372036854775807")]
    [TestCase("-9223372036854775808")]
    public void Parse_RoundTrips(string text)
    {
        Assert.That(AwsTimestamp.Parse(text).ToString(), Is.EqualTo(text));
    }

    [TestCase("")]
    [TestCase("-")]
    [TestCase("+1")]
    [TestCase("01")]
    [TestCase("-0")]
    [TestCase("-01")]
    [TestCase("1.5")]
    [TestCase(" 1")]
    [TestCase("1 ")]
    [TestCase("1e3")]
    [TestCase("9223372036854775808")]
    [TestCase("٣")]
    public void Parse_RejectsNonCanonicalIntegers(string text)
    {
        var ex = Assert.Throws<FormatException>(() => AwsTimestamp.Parse(text));

        Assert.That(ex!.Message, Does.StartWith($"'{text}' is not a valid AWSTimestamp. Expected whole seconds since the Unix epoch"));
        Assert.That(AwsTimestamp.TryParse(text, out _), Is.False);
    }

    [Test]
    public void Conversions()
    {
        var instant = new DateTimeOffset(2023, 11, 14, 22, 13, 20, TimeSpan.Zero);

        Assert.That(AwsTimestamp.FromDateTimeOffset(instant).UnixTimeSeconds, Is.EqualTo(1_700_000_000));
        Assert.That(AwsTimestamp.FromDateTimeOffset(instant.ToOffset(TimeSpan.FromHours(9)).AddMilliseconds(999)).UnixTimeSeconds, Is.EqualTo(1_700_000_000));
        Assert.That(AwsTimestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddMilliseconds(-1)).UnixTimeSeconds, Is.EqualTo(-1));
        Assert.That(AwsTimestamp.FromUnixTimeSeconds(1_700_000_000).ToDateTimeOffset(), Is.EqualTo(instant));
        Assert.That(AwsTimestamp.FromUnixTimeSeconds(1_700_000_000).ToDateTimeOffset().Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => AwsTimestamp.FromUnixTimeSeconds(long.MaxValue).ToDateTimeOffset());
        Assert.That(default(AwsTimestamp).ToDateTimeOffset(), Is.EqualTo(DateTimeOffset.UnixEpoch));
    }

    [Test]
    public void Now_IsCurrent()
    {
        long before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        long now = AwsTimestamp.Now.UnixTimeSeconds;
        long after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        Assert.That(now, Is.InRange(before, after));
    }

    [Test]
    public void EqualityAndOrdering()
    {
        var a = AwsTimestamp.FromUnixTimeSeconds(1);
        var b = AwsTimestamp.FromUnixTimeSeconds(2);

        Assert.That(a == AwsTimestamp.FromUnixTimeSeconds(1), Is.True);
        Assert.That(a != b, Is.True);
        Assert.That(a < b && b > a && a <= b && b >= a && !(a > b) && !(b <= a), Is.True);
        Assert.That(a <= AwsTimestamp.FromUnixTimeSeconds(1) && a >= AwsTimestamp.FromUnixTimeSeconds(1), Is.True);
        Assert.That(a.CompareTo(b), Is.LessThan(0));
        Assert.That(a.GetHashCode(), Is.EqualTo(AwsTimestamp.FromUnixTimeSeconds(1).GetHashCode()));
        Assert.That(FieldValue.From(b).AsInteger(), Is.EqualTo(2));
    }
}
