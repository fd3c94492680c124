namespace Amplify.DataStore.Runtime.Tests.Scalars;

public class AwsDateTests
{
    [TestCase("1970-01-01")]
    [TestCase("1970-01-01Z")]
    [TestCase("1970-01-01-07:00")]
    [TestCase("1970-01-01+05:30")]
    [TestCase("1970-01-01+05:30:15")]
    [TestCase("1970-01-01+00:00")]
    [TestCase("1970-01-01-00:00")]
    [TestCase("1970-01-01+18:00")]
    [TestCase("1970-01-01-18:00")]
    [TestCase("2024-02-29")]
    [TestCase("2000-02-29")]
    [TestCase("0000-01-01")]
    [TestCase("0000-02-29")]
    [TestCase("0004-02-29")]
    [TestCase("0000-01-01Z")]
    [TestCase("9999-12-31+14:00")]
    public void Parse_RoundTripsExactly(string text)
    {
        var date = AwsDate.Parse(text);

        Assert.That(date.ToString(), Is.EqualTo(text));
        Assert.That(AwsDate.TryParse(text, out var parsed), Is.True);
        Assert.That(parsed, Is.EqualTo(date));
    }

    [TestCase("", "four-digit year")]
    [TestCase("1970-1-01", "two-digit month")]
    [TestCase("70-01-01", "four-digit year")]
    [TestCase("10000-01-01", "expected '-' after the year")]
    [TestCase("+1970-01-01", "four-digit year")]
    [TestCase("1970-13-01", "month 13 is out of range")]
    [TestCase("1970-00-10", "month 00 is out of range")]
    [TestCase("1970-01-00", "day 00 is out of range")]
    [TestCase("1970-01-32", "day 32 is out of range")]
    [TestCase("1970-04-31", "day 31 does not exist in 1970-04")]
    [TestCase("2023-02-29", "day 29 does not exist in 2023-02, which has 28 days")]
    [TestCase("1900-02-29", "day 29 does not exist in 1900-02")]
    [TestCase("0001-02-29", "day 29 does not exist in 0001-02")]
    [TestCase("-0001-01-01", "signed years are not valid")]
    [TestCase("-0000-01-01", "signed years are not valid")]
    [TestCase("1970-01-01T", "expected a time-zone offset")]
    [TestCase("1970-01-01z", "expected a time-zone offset")]
    [TestCase("1970-01-01 ", "expected a time-zone offset")]
    [TestCase(" 1970-01-01", "four-digit year")]
    [TestCase("1970-01-01+5:30", "must be Z or ±hh:mm[:ss]")]
    [TestCase("1970-01-01+0530", "must be Z or ±hh:mm[:ss]")]
    [TestCase("1970-01-01+05", "must be Z or ±hh:mm[:ss]")]
    [TestCase("1970-01-01+05:60", "out of range 00-59")]
    [TestCase("1970-01-01+05:30:60", "out of range 00-59")]
    [TestCase("1970-01-01+18:00:01", "outside the supported range -18:00 to +18:00")]
    [TestCase("1970-01-01-19:00", "outside the supported range")]
    [TestCase("1970-01-01ZZ", "unexpected 'Z' at position 11")]
    [TestCase("１９７０-01-01", "four-digit year")]
    public void Parse_RejectsInvalidText_WithReason(string text, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => AwsDate.Parse(text));

        Assert.That(ex!.Message, Does.StartWith($"'{text}' is not a valid AWSDate: "));
        Assert.That(ex.Message, Does.Contain(reason));
        Assert.That(ex.Message, Does.Contain("Expected YYYY-MM-DD"));
        Assert.That(AwsDate.TryParse(text, out _), Is.False);
    }

    [Test]
    public void Parse_Null_Throws_AndTryParseReturnsFalse()
    {
        Assert.Throws<ArgumentNullException>(() => AwsDate.Parse(null!));
        Assert.That(AwsDate.TryParse(null, out var value), Is.False);
        Assert.That(value, Is.EqualTo(default(AwsDate)));
    }

    [Test]
    public void Components_AreExposed_IncludingYearZero()
    {
        var date = AwsDate.Parse("0044-03-15+05:30:15");

        Assert.That(date.Year, Is.EqualTo(44));
        Assert.That(AwsDate.Parse("0000-03-15").Year, Is.EqualTo(0));
        Assert.That(date.Month, Is.EqualTo(3));
        Assert.That(date.Day, Is.EqualTo(15));
        Assert.That(date.Offset, Is.EqualTo(new TimeSpan(5, 30, 15)));
        Assert.That(AwsDate.Parse("1970-01-01").Offset, Is.Null);
        Assert.That(AwsDate.Parse("1970-01-01Z").Offset, Is.EqualTo(TimeSpan.Zero));
        Assert.That(AwsDate.Parse("1970-01-01-07:00").Offset, Is.EqualTo(TimeSpan.FromHours(-7)));
    }

    [Test]
    public void Constructor_FormatsAndValidates()
    {
        Assert.That(new AwsDate(2024, 2, 29).ToString(), Is.EqualTo("2024-02-29"));
        Assert.That(new AwsDate(0, 1, 2).ToString(), Is.EqualTo("0000-01-02"));
        Assert.That(new AwsDate(5, 6, 7).ToString(), Is.EqualTo("0005-06-07"));
        Assert.That(new AwsDate(2024, 2, 29), Is.EqualTo(AwsDate.Parse("2024-02-29")));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new AwsDate(2023, 2, 29));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new AwsDate(2023, 13, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new AwsDate(10000, 1, 1));
        // AppSync's YYYY has no sign, so the year 1 BC (0) is the earliest.
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new AwsDate(-1, 1, 1));
    }

    [Test]
    public void DateOnly_Conversions()
    {
        var d = new DateOnly(2024, 2, 29);

        Assert.That(AwsDate.FromDateOnly(d).ToString(), Is.EqualTo("2024-02-29"));
        Assert.That(AwsDate.FromDateOnly(DateOnly.MinValue).ToString(), Is.EqualTo("0001-01-01"));
        Assert.That(AwsDate.FromDateOnly(DateOnly.MaxValue).ToString(), Is.EqualTo("9999-12-31"));
        Assert.That(AwsDate.Parse("2024-02-29-07:00").ToDateOnly(), Is.EqualTo(d));
        var ex = Assert.Throws<InvalidOperationException>(() => AwsDate.Parse("0000-12-31").ToDateOnly());
        Assert.That(ex!.Message, Does.Contain("0000-12-31"));
    }

    [Test]
    public void CalendarMath_MatchesDateOnly_AcrossItsWholeRange()
    {
        var epoch = DateOnly.FromDayNumber(719_162); // 1970-01-01
        Assert.That(epoch, Is.EqualTo(new DateOnly(1970, 1, 1)));
        for (int dayNumber = DateOnly.MinValue.DayNumber; dayNumber <= DateOnly.MaxValue.DayNumber; dayNumber += 37)
        {
            var d = DateOnly.FromDayNumber(dayNumber);
            var date = AwsDate.Parse(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            if (date.Year != d.Year || date.Month != d.Month || date.Day != d.Day || date.ToDateOnly() != d)
            {
                Assert.Fail($"Mismatch for {d:O}: {date.Year}-{date.Month}-{date.Day}");
            }
        }
    }

    [Test]
    public void EarlyYears_RoundTripThroughComponents()
    {
        for (int year = 0; year <= 400; year += 7)
        {
            foreach (var (month, day) in new[] { (1, 1), (2, 28), (3, 1), (12, 31) })
            {
                var date = new AwsDate(year, month, day);
                Assert.That((date.Year, date.Month, date.Day), Is.EqualTo((year, month, day)), date.ToString());
            }
        }
        Assert.That(AwsDate.Parse("0000-12-31").CompareTo(AwsDate.Parse("0001-01-01")), Is.LessThan(0));
    }

    [Test]
    public void Default_IsTheEpoch()
    {
        Assert.That(default(AwsDate).ToString(), Is.EqualTo("1970-01-01"));
        Assert.That(default(AwsDate), Is.EqualTo(AwsDate.Parse("1970-01-01")));
        Assert.That(default(AwsDate).GetHashCode(), Is.EqualTo(AwsDate.Parse("1970-01-01").GetHashCode()));
        Assert.That(default(AwsDate).CompareTo(AwsDate.Parse("1970-01-01")), Is.Zero);
    }

    [Test]
    public void Equality_IsByWireText()
    {
        var a = AwsDate.Parse("1970-01-01Z");
        var b = AwsDate.Parse("1970-01-01+00:00");

        Assert.That(a == AwsDate.Parse("1970-01-01Z"), Is.True);
        Assert.That(a != b, Is.True);
        Assert.That(a.Equals((object)AwsDate.Parse("1970-01-01Z")), Is.True);
        Assert.That(a.Equals((object)"1970-01-01Z"), Is.False);
        Assert.That(a.GetHashCode(), Is.EqualTo(AwsDate.Parse("1970-01-01Z").GetHashCode()));
    }

    [Test]
    public void Ordering_IsByStartOfDayInstant_ThenText()
    {
        string[] expected =
        [
            "0000-06-01",
            "1969-12-31",
            "1970-01-01+05:30",   // starts 1969-12-31T18:30Z
            "1970-01-01",         // 00:00Z (no offset counts as UTC)
            "1970-01-01+00:00",   // same instant: ordinal text order
            "1970-01-01Z",
            "1970-01-01-07:00",   // starts 07:00Z
            "1970-01-02+14:00",   // starts 1970-01-01T10:00Z
            "1970-01-02",
        ];
        var shuffled = expected.Reverse().Select(AwsDate.Parse).ToList();

        shuffled.Sort();

        Assert.That(shuffled.Select(d => d.ToString()), Is.EqualTo(expected));
    }

    [Test]
    public void CompareTo_IsZeroExactlyWhenEqual()
    {
        var values = new[] { "1970-01-01", "1970-01-01Z", "1970-01-01+00:00", "1970-01-01-00:00", "1969-12-31-18:00", "1970-01-01+18:00" }
            .Select(AwsDate.Parse).ToArray();
        foreach (var a in values)
        {
            foreach (var b in values)
            {
                Assert.That(a.CompareTo(b) == 0, Is.EqualTo(a.Equals(b)), $"{a} vs {b}");
                Assert.That(Math.Sign(a.CompareTo(b)), Is.EqualTo(-Math.Sign(b.CompareTo(a))), $"{a} vs {b}");
            }
        }
    }

    [Test]
    public void FieldValue_ComparesAndEqualsConsistently()
    {
        var a = FieldValue.From(AwsDate.Parse("2024-01-01"));
        var b = FieldValue.From(AwsDate.Parse("2024-01-02"));

        Assert.That(a.CompareTo(b), Is.LessThan(0));
        Assert.That(a, Is.EqualTo(FieldValue.From(AwsDate.Parse("2024-01-01"))));
        Assert.That(a.ToString(), Is.EqualTo("2024-01-01"));
    }
}
