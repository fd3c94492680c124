namespace Amplify.DataStore.Runtime.Tests.Scalars;

public class AwsTimeTests
{
    [TestCase("12:30")]
    [TestCase("12:30Z")]
    [TestCase("12:30:24")]
    [TestCase("12:30:24-07:00")]
    [TestCase("12:30:24.500+05:30")]
    [TestCase("12:30:24.5+05:30:00")]
    [TestCase("12:30:24.5-00:00")]
    [TestCase("00:00")]
    [TestCase("00:00:00.000")]
    [TestCase("23:59")]
    [TestCase("23:59:59")]
    [TestCase("23:59:59.999999999")]
    [TestCase("23:59:59.999999999+18:00")]
    [TestCase("00:00:00.000000001-18:00")]
    [TestCase("12:30+14:00")]
    [TestCase("12:30-12:00")]
    public void Parse_RoundTripsExactly(string text)
    {
        Assert.That(AwsTime.Parse(text).ToString(), Is.EqualTo(text));
    }

    [Test]
    public void Parse_RoundTripsEveryFractionLength([Range(1, 9)] int digits)
    {
        string fraction = "123456789"[..digits];
        foreach (var offset in new[] { "", "Z", "+00:00", "-07:00", "+05:30:15" })
        {
            string text = $"08:09:10.{fraction}{offset}";
            var time = AwsTime.Parse(text);

            Assert.That(time.ToString(), Is.EqualTo(text));
            Assert.That(time.Nanosecond, Is.EqualTo(int.Parse(fraction.PadRight(9, '0'), System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Test]
    public void TrailingZeroFractions_AreDistinctTextButSameInstant()
    {
        var a = AwsTime.Parse("12:30:24.5");
        var b = AwsTime.Parse("12:30:24.500");

        Assert.That(a, Is.Not.EqualTo(b));
        Assert.That(a.Nanosecond, Is.EqualTo(b.Nanosecond));
        Assert.That(a.CompareTo(b), Is.Not.Zero);
    }

    [TestCase("24:00", "hour 24 is out of range 00-23")]
    [TestCase("24:00:00", "hour 24 is out of range 00-23")]
    [TestCase("12:60", "minute 60 is out of range 00-59")]
    [TestCase("12:30:60", "second 60 is out of range 00-59")]
    [TestCase("12:30:24.", "expected fraction digits after '.'")]
    [TestCase("12:30:24.1234567890", "at most 9 fraction digits")]
    [TestCase("12", "expected ':' after the hour")]
    [TestCase("12:3", "two-digit minutes")]
    [TestCase("1:30", "two-digit hour")]
    [TestCase("12:30.5", "expected a time-zone offset")]
    [TestCase("12:30:24,5", "expected a time-zone offset")]
    [TestCase("12:30:", "two-digit seconds")]
    [TestCase("12:30+14:00:60", "out of range 00-59")]
    [TestCase("12:30+18:30", "outside the supported range")]
    [TestCase("12:30Z ", "unexpected ' '")]
    [TestCase("T12:30", "two-digit hour")]
    [TestCase("", "two-digit hour")]
    public void Parse_RejectsInvalidText_WithReason(string text, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => AwsTime.Parse(text));

        Assert.That(ex!.Message, Does.StartWith($"'{text}' is not a valid AWSTime: "));
        Assert.That(ex.Message, Does.Contain(reason));
        Assert.That(ex.Message, Does.Contain("Expected hh:mm[:ss[.f…]]"));
        Assert.That(AwsTime.TryParse(text, out _), Is.False);
    }

    [Test]
    public void Components_AndOffset()
    {
        var time = AwsTime.Parse("23:59:59.999999999-07:00");

        Assert.That(time.Hour, Is.EqualTo(23));
        Assert.That(time.Minute, Is.EqualTo(59));
        Assert.That(time.Second, Is.EqualTo(59));
        Assert.That(time.Nanosecond, Is.EqualTo(999_999_999));
        Assert.That(time.Offset, Is.EqualTo(TimeSpan.FromHours(-7)));
        Assert.That(AwsTime.Parse("12:30").Offset, Is.Null);
        Assert.That(AwsTime.Parse("12:30").Second, Is.Zero);
        Assert.That(AwsTime.Parse("12:30-05:30:15").Offset, Is.EqualTo(-new TimeSpan(5, 30, 15)));
    }

    [Test]
    public void ToTimeOnly_TruncatesBelowOneTick_AndDropsOffset()
    {
        Assert.That(AwsTime.Parse("23:59:59.999999999Z").ToTimeOnly(), Is.EqualTo(new TimeOnly(TimeOnly.MaxValue.Ticks)));
        Assert.That(AwsTime.Parse("12:30:24.12345678+05:30").ToTimeOnly(), Is.EqualTo(new TimeOnly(12, 30, 24).Add(TimeSpan.FromTicks(1_234_567))));
        Assert.That(AwsTime.Parse("12:30").ToTimeOnly(), Is.EqualTo(new TimeOnly(12, 30)));
    }

    [Test]
    public void FromTimeOnly_WritesMillisecondsOrMoreWhenNeeded()
    {
        Assert.That(AwsTime.FromTimeOnly(new TimeOnly(12, 30)).ToString(), Is.EqualTo("12:30:00.000"));
        Assert.That(AwsTime.FromTimeOnly(new TimeOnly(12, 30, 24, 500)).ToString(), Is.EqualTo("12:30:24.500"));
        Assert.That(AwsTime.FromTimeOnly(new TimeOnly(12, 30).Add(TimeSpan.FromTicks(1))).ToString(), Is.EqualTo("12:30:00.0000001"));
        Assert.That(AwsTime.FromTimeOnly(new TimeOnly(12, 30).Add(TimeSpan.FromTicks(1_234_500))).ToString(), Is.EqualTo("12:30:00.12345"));
        Assert.That(AwsTime.FromTimeOnly(TimeOnly.MaxValue).ToString(), Is.EqualTo("23:59:59.9999999"));
        Assert.That(AwsTime.FromTimeOnly(TimeOnly.MaxValue).ToTimeOnly(), Is.EqualTo(TimeOnly.MaxValue));
        Assert.That(AwsTime.FromTimeOnly(new TimeOnly(1, 2, 3)), Is.EqualTo(AwsTime.Parse("01:02:03.000")));
        Assert.That(AwsTime.FromTimeOnly(new TimeOnly(1, 2, 3)).Offset, Is.Null);
    }

    [Test]
    public void Default_IsMidnight()
    {
        Assert.That(default(AwsTime).ToString(), Is.EqualTo("00:00:00.000"));
        Assert.That(default(AwsTime), Is.EqualTo(AwsTime.FromTimeOnly(TimeOnly.MinValue)));
        Assert.That(default(AwsTime).CompareTo(AwsTime.Parse("00:00:00.000")), Is.Zero);
    }

    [Test]
    public void Ordering_IsByTimeMinusOffset_ThenText()
    {
        string[] expected =
        [
            "01:00+05:30",     // 19:30 the previous day, UTC: the order does not wrap
            "12:30+05:30",     // 07:00Z
            "08:00",           // 08:00Z (no offset counts as UTC)
            "08:00:00",        // same instant: ordinal text order
            "08:00Z",
            "08:00:00.000000001",
            "09:00Z",
            "05:00-07:00",     // 12:00Z
            "23:59:59.999999999",
        ];
        var sorted = expected.Reverse().Select(AwsTime.Parse).Order().Select(t => t.ToString());

        Assert.That(sorted, Is.EqualTo(expected));
    }

    [Test]
    public void CompareTo_IsZeroExactlyWhenEqual()
    {
        var values = new[] { "12:00", "12:00Z", "12:00:00", "12:00:00.0", "13:00+01:00", "11:00-01:00" }.Select(AwsTime.Parse).ToArray();
        foreach (var a in values)
        {
            foreach (var b in values)
            {
                Assert.That(a.CompareTo(b) == 0, Is.EqualTo(a == b), $"{a} vs {b}");
                Assert.That(a.GetHashCode() == b.GetHashCode() || a != b, Is.True);
            }
        }
    }
}
