using System.Globalization;

namespace Amplify.DataStore.Runtime.Tests.Scalars;

public class AwsDateTimeTests
{
    [TestCase("1930-01-01T16:00-08:00")]
    [TestCase("1970-01-01T12:00:00.2Z")]
    [TestCase("2026-11-25T01:02:03.123456789+05:30")]
    [TestCase("1970-01-01T00:00Z")]
    [TestCase("1970-01-01T00:00:00Z")]
    [TestCase("1970-01-01T00:00:00+00:00")]
    [TestCase("1970-01-01T00:00:00-00:00")]
    [TestCase("1970-01-01T00:00:00+05:30:15")]
    [TestCase("1970-01-01T00:00:00+18:00")]
    [TestCase("1970-01-01T00:00:00-18:00")]
    [TestCase("2024-02-29T12:00Z")]
    [TestCase("0001-01-01T00:00:00Z")]
    [TestCase("0000-01-01T00:00:00Z")]
    [TestCase("0100-03-01T00:00-01:00")]
    [TestCase("0000-01-01T00:00:00.000000001+18:00")]
    [TestCase("9999-12-31T23:59:59.999999999Z")]
    [TestCase("9999-12-31T23:59:59.999999999-18:00")]
    public void Parse_RoundTripsExactly(string text)
    {
        var value = AwsDateTime.Parse(text);

        Assert.That(value.ToString(), Is.EqualTo(text));
        Assert.That(AwsDateTime.TryParse(text, out var parsed) && parsed == value, Is.True);
    }

    [Test]
    public void Parse_RoundTripsEveryFractionLengthAndOffsetForm([Range(1, 9)] int digits)
    {
        string fraction = "987654321"[..digits];
        foreach (var offset in new[] { "Z", "+00:00", "-00:00", "+05:30", "-08:00", "+05:30:15", "-14:00", "+14:00" })
        {
            string text = $"2026-11-25T01:02:03.{fraction}{offset}";
            Assert.That(AwsDateTime.Parse(text).ToString(), Is.EqualTo(text));
        }
    }

    [TestCase("1970-01-01T12:00:00", "a time-zone offset (Z or ±hh:mm[:ss]) is required")]
    [TestCase("1970-01-01", "expected 'T' and a time at position 10 but the text ended")]
    [TestCase("1970-01-01 12:00Z", "expected 'T' between the date and the time at position 10 but found ' '")]
    [TestCase("1970-01-01t12:00Z", "expected 'T' between the date and the time")]
    [TestCase("1970-01-01T12:00z", "expected a time-zone offset")]
    [TestCase("1970-01-01T24:00Z", "hour 24 is out of range 00-23")]
    [TestCase("1970-01-01T23:59:60Z", "second 60 is out of range 00-59")]
    [TestCase("2023-02-29T00:00Z", "day 29 does not exist in 2023-02")]
    [TestCase("1970-01-01T12:00:00.Z", "expected fraction digits after '.'")]
    [TestCase("1970-01-01T12:00:00.1234567891Z", "at most 9 fraction digits")]
    [TestCase("1970-01-01T12Z", "expected ':' after the hour")]
    [TestCase("1970-01-01TZ", "two-digit hour")]
    [TestCase("1970-01-01T12:00+19:00", "outside the supported range")]
    [TestCase("1970-01-01T12:00+01", "must be Z or ±hh:mm[:ss]")]
    [TestCase("1970-01-01T12:00Z[UTC]", "unexpected '['")]
    public void Parse_RejectsInvalidText_WithReason(string text, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => AwsDateTime.Parse(text));

        Assert.That(ex!.Message, Does.StartWith($"'{text}' is not a valid AWSDateTime: "));
        Assert.That(ex.Message, Does.Contain(reason));
        Assert.That(ex.Message, Does.Contain("Expected YYYY-MM-DDThh:mm[:ss[.f…]] followed by Z or ±hh:mm[:ss]"));
        Assert.That(AwsDateTime.TryParse(text, out _), Is.False);
    }

    [Test]
    public void LongInvalidInput_IsShortenedInTheMessage()
    {
        string text = new('9', 500);

        var ex = Assert.Throws<FormatException>(() => AwsDateTime.Parse(text));

        Assert.That(ex!.Message, Does.Contain("(500 characters)"));
        Assert.That(ex.Message.Length, Is.LessThan(400));
    }

    [Test]
    public void Offset_IsExposed()
    {
        Assert.That(AwsDateTime.Parse("1970-01-01T00:00Z").Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(AwsDateTime.Parse("1970-01-01T00:00-08:00").Offset, Is.EqualTo(TimeSpan.FromHours(-8)));
        Assert.That(AwsDateTime.Parse("1970-01-01T00:00+05:30:15").Offset, Is.EqualTo(new TimeSpan(5, 30, 15)));
    }

    [Test]
    public void ToDateTimeOffset_KeepsInstantAndOffset()
    {
        Assert.That(
            Exact(AwsDateTime.Parse("1930-01-01T16:00-08:00").ToDateTimeOffset()),
            Is.EqualTo(Exact(new DateTimeOffset(1930, 1, 1, 16, 0, 0, TimeSpan.FromHours(-8)))));
        Assert.That(Exact(AwsDateTime.Parse("2026-11-25T01:02:03.123456789+05:30").ToDateTimeOffset()), Is.EqualTo(Exact(new DateTimeOffset(2026, 11, 25, 1, 2, 3, TimeSpan.FromHours(5.5)).AddTicks(1_234_567))));
        Assert.That(Exact(AwsDateTime.Parse("0001-01-01T00:00Z").ToDateTimeOffset()), Is.EqualTo(Exact(DateTimeOffset.MinValue)));
        Assert.That(Exact(AwsDateTime.Parse("9999-12-31T23:59:59.9999999Z").ToDateTimeOffset()), Is.EqualTo(Exact(DateTimeOffset.MaxValue)));
    }

    [TestCase("1970-01-01T05:30:15+05:30:15")]
    [TestCase("1970-01-01T18:00+18:00")]
    [TestCase("1969-12-31T09:00-15:00")]
    public void ToDateTimeOffset_FallsBackToUtc_WhenTheOffsetDoesNotFit(string text)
    {
        var result = AwsDateTime.Parse(text).ToDateTimeOffset();

        Assert.That(Exact(result), Is.EqualTo(Exact(DateTimeOffset.UnixEpoch)));
    }

    [TestCase("0000-12-31T23:59:59Z")]
    [TestCase("0001-01-01T00:30+01:00")]
    [TestCase("0000-06-01T00:00Z")]
    public void ToDateTimeOffset_Throws_OutsideItsRange(string text)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => AwsDateTime.Parse(text).ToDateTimeOffset());

        Assert.That(ex!.Message, Does.Contain(text));
    }

    [Test]
    public void FromDateTimeOffset_WritesMillisecondsAndZForUtc()
    {
        var utc = new DateTimeOffset(2026, 11, 25, 1, 2, 3, TimeSpan.Zero);

        Assert.That(AwsDateTime.FromDateTimeOffset(utc).ToString(), Is.EqualTo("2026-11-25T01:02:03.000Z"));
        Assert.That(AwsDateTime.FromDateTimeOffset(utc.AddMilliseconds(123)).ToString(), Is.EqualTo("2026-11-25T01:02:03.123Z"));
        Assert.That(AwsDateTime.FromDateTimeOffset(utc.AddTicks(1_234_567)).ToString(), Is.EqualTo("2026-11-25T01:02:03.1234567Z"));
        Assert.That(AwsDateTime.FromDateTimeOffset(utc.AddTicks(1_234_500)).ToString(), Is.EqualTo("2026-11-25T01:02:03.12345Z"));
        Assert.That(AwsDateTime.FromDateTimeOffset(utc.ToOffset(TimeSpan.FromHours(5.5))).ToString(), Is.EqualTo("2026-11-25T06:32:03.000+05:30"));
        Assert.That(AwsDateTime.FromDateTimeOffset(utc.ToOffset(TimeSpan.FromHours(-8))).ToString(), Is.EqualTo("2026-11-24T17:02:03.000-08:00"));
        Assert.That(AwsDateTime.FromDateTimeOffset(DateTimeOffset.MinValue).ToString(), Is.EqualTo("0001-01-01T00:00:00.000Z"));
        Assert.That(AwsDateTime.FromDateTimeOffset(DateTimeOffset.MaxValue).ToString(), Is.EqualTo("9999-12-31T23:59:59.9999999Z"));
    }

    [Test]
    public void FromDateTimeOffset_ThenBack_IsLossless()
    {
        var random = new Random(1234);
        for (int i = 0; i < 2000; i++)
        {
            long ticks = random.NextInt64(DateTimeOffset.MinValue.Ticks + TimeSpan.TicksPerDay, DateTimeOffset.MaxValue.Ticks - TimeSpan.TicksPerDay);
            var offset = TimeSpan.FromMinutes(random.Next(-14 * 60, 14 * 60 + 1));
            var value = new DateTimeOffset(ticks, offset);

            var aws = AwsDateTime.FromDateTimeOffset(value);
            var back = aws.ToDateTimeOffset();

            if (back.UtcTicks != value.UtcTicks || back.Offset != value.Offset || AwsDateTime.Parse(aws.ToString()) != aws)
            {
                Assert.Fail($"{value:O} -> {aws} -> {back:O}");
            }
        }
    }

    [Test]
    public void UtcNow_IsUtcMilliseconds()
    {
        var before = DateTimeOffset.UtcNow.AddMilliseconds(-1);
        var now = AwsDateTime.UtcNow;
        var after = DateTimeOffset.UtcNow;

        Assert.That(now.ToString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$"));
        Assert.That(now.ToDateTimeOffset(), Is.InRange(before, after));
    }

    [Test]
    public void Default_IsTheEpoch()
    {
        Assert.That(default(AwsDateTime).ToString(), Is.EqualTo("1970-01-01T00:00:00.000Z"));
        Assert.That(default(AwsDateTime), Is.EqualTo(AwsDateTime.FromDateTimeOffset(DateTimeOffset.UnixEpoch)));
        Assert.That(default(AwsDateTime).ToDateTimeOffset(), Is.EqualTo(DateTimeOffset.UnixEpoch));
    }

    [Test]
    public void SameInstantDifferentOffsets_AreNotEqual_ButOrderNextToEachOther()
    {
        var utc = AwsDateTime.Parse("1970-01-01T12:00Z");
        var paris = AwsDateTime.Parse("1970-01-01T13:00+01:00");
        var later = AwsDateTime.Parse("1970-01-01T12:00:00.000000001Z");
        var earlier = AwsDateTime.Parse("1970-01-01T12:59:59.999999999+01:00");

        Assert.That(utc == paris, Is.False);
        Assert.That(utc.ToDateTimeOffset(), Is.EqualTo(paris.ToDateTimeOffset()));
        Assert.That(utc.CompareTo(paris), Is.Not.Zero);
        Assert.That(new[] { later, paris, earlier, utc }.Order(), Is.EqualTo(new[] { earlier, utc, paris, later }));
    }

    [Test]
    public void Ordering_IsByInstant_AcrossOffsetsAndYears()
    {
        string[] expected =
        [
            "0000-01-01T00:00+18:00",
            "0000-01-01T00:00Z",
            "1930-01-01T16:00-08:00",           // 1930-01-02T00:00Z
            "1970-01-01T12:00+01:00",           // 11:00Z
            "1970-01-01T11:30Z",
            "1970-01-01T12:00:00.2Z",
            "1970-01-01T12:00:00.20000001Z",
            "1970-01-01T05:00:00.3-07:00",      // 12:00:00.3Z
            "9999-12-31T23:59:59.999999999-18:00",
        ];
        var sorted = expected.Reverse().Select(AwsDateTime.Parse).Order().Select(v => v.ToString());

        Assert.That(sorted, Is.EqualTo(expected));
    }

    [Test]
    public void Ordering_MatchesDateTimeOffset_ForDistinctInstants()
    {
        var random = new Random(42);
        for (int i = 0; i < 2000; i++)
        {
            var a = RandomValue(random);
            var b = RandomValue(random);
            int expected = Math.Sign(a.UtcTicks.CompareTo(b.UtcTicks));
            int actual = Math.Sign(AwsDateTime.FromDateTimeOffset(a).CompareTo(AwsDateTime.FromDateTimeOffset(b)));
            if (expected != 0 && expected != actual) Assert.Fail($"{a:O} vs {b:O}");
        }

        static DateTimeOffset RandomValue(Random random) => new(
            random.NextInt64(DateTimeOffset.MinValue.Ticks + TimeSpan.TicksPerDay, DateTimeOffset.MaxValue.Ticks - TimeSpan.TicksPerDay),
            TimeSpan.FromMinutes(random.Next(-14 * 60, 14 * 60 + 1)));
    }

    [Test]
    public void FieldValue_UsesInstantOrdering()
    {
        var a = FieldValue.From(AwsDateTime.Parse("1970-01-01T12:00+01:00"));
        var b = FieldValue.From(AwsDateTime.Parse("1970-01-01T11:30Z"));

        Assert.That(a.CompareTo(b), Is.LessThan(0));
        Assert.That(FieldValue.From((AwsDateTime?)null).IsNull, Is.True);
    }

    // DateTimeOffset equality ignores the offset; these tests care about both.
    private static (long UtcTicks, TimeSpan Offset) Exact(DateTimeOffset value) => (value.UtcTicks, value.Offset);

    [Test]
    public void Format_IsCultureInvariant()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
            Assert.That(AwsDateTime.FromDateTimeOffset(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(-3))).ToString(), Is.EqualTo("2026-01-02T03:04:05.000-03:00"));
            Assert.That(AwsDate.FromDateOnly(new DateOnly(2026, 1, 2)).ToString(), Is.EqualTo("2026-01-02"));
            Assert.That(AwsTime.FromTimeOnly(new TimeOnly(3, 4, 5)).ToString(), Is.EqualTo("03:04:05.000"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
