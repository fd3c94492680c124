using System.Text.Json;

namespace Amplify.DataStore.Runtime.Tests.Scalars;

public class AwsJsonTests
{
    [TestCase("{\"a\": 1}", "{\"a\":1}")]
    [TestCase(" { \"b\" : 1 , \"a\" : [ 1 , 2.0 , -3e2 , { } , [ ] ] } ", "{\"b\":1,\"a\":[1,2.0,-3e2,{},[]]}")]
    [TestCase("[1, [2, [3, {\"x\": null}]]]", "[1,[2,[3,{\"x\":null}]]]")]
    [TestCase("\"text\"", "\"text\"")]
    [TestCase("\"\\u0041\\n\\\"\"", "\"A\\n\\\"\"")]
    [TestCase("\"é 中 <&>'\"", "\"é 中 <&>'\"")]
    [TestCase("\"😀\"", "\"\\uD83D\\uDE00\"")]
    [TestCase("{\"\\u0061\": 1}", "{\"a\":1}")]
    [TestCase("42", "42")]
    [TestCase("-0.5E+10", "-0.5E+10")]
    [TestCase("true", "true")]
    [TestCase("false", "false")]
    [TestCase("null", "null")]
    [TestCase("\r\n\t[]\r\n", "[]")]
    public void Parse_StoresCanonicalMinifiedText(string input, string canonical)
    {
        var json = AwsJson.Parse(input);

        Assert.That(json.ToString(), Is.EqualTo(canonical));
        Assert.That(json.RawText, Is.EqualTo(canonical));
        Assert.That(AwsJson.Parse(canonical).ToString(), Is.EqualTo(canonical), "canonical text is a fixed point");
        Assert.That(json, Is.EqualTo(AwsJson.Parse(canonical)));
    }

    [Test]
    public void Parse_ReturnsTheInputItself_WhenAlreadyCanonical()
    {
        string text = "{\"a\":[1,2]}";

        Assert.That(AwsJson.Parse(text).RawText, Is.SameAs(text));
    }

    [Test]
    public void Equality_IgnoresWhitespace_ButNotPropertyOrderOrNumberSpelling()
    {
        Assert.That(AwsJson.Parse("{\"a\": 1}"), Is.EqualTo(AwsJson.Parse("{\"a\":1}")));
        Assert.That(AwsJson.Parse("{\"a\": 1}") == AwsJson.Parse("{ \"a\":1 }"), Is.True);
        Assert.That(AwsJson.Parse("{\"a\": 1}").GetHashCode(), Is.EqualTo(AwsJson.Parse("{ \"a\":1 }").GetHashCode()));
        Assert.That(AwsJson.Parse("{\"a\":1,\"b\":2}") != AwsJson.Parse("{\"b\":2,\"a\":1}"), Is.True);
        Assert.That(AwsJson.Parse("1.0"), Is.Not.EqualTo(AwsJson.Parse("1")));
        Assert.That(AwsJson.Parse("\"\\u00e9\""), Is.EqualTo(AwsJson.Parse("\"é\"")));
    }

    [TestCase("", "the text is empty")]
    [TestCase("   ", "the text is empty")]
    [TestCase("{", "")]
    [TestCase("{\"a\":1} x", "'x' is invalid after a single JSON value")]
    [TestCase("{\"a\":1}{}", "")]
    [TestCase("{'a':1}", "")]
    [TestCase("[1,]", "")]
    [TestCase("// comment\n1", "")]
    [TestCase("NaN", "")]
    [TestCase("01", "")]
    [TestCase("{\"a\":}", "'}' is an invalid start of a value")]
    [TestCase("undefined", "")]
    public void Parse_RejectsInvalidJson_WithReason(string input, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => AwsJson.Parse(input));

        Assert.That(ex!.Message, Does.StartWith($"'{input}' is not a valid AWSJSON: "));
        Assert.That(ex.Message, Does.Contain(reason));
        Assert.That(ex.Message, Does.EndWith("Expected exactly one JSON value (object, array, string, number, true, false or null)."));
        Assert.That(AwsJson.TryParse(input, out _), Is.False);
    }

    // Attribute arguments cannot carry lone surrogates (they are stored as UTF-8), so the cases name the code units.
    [TestCase(new[] { '"', 0xD800, '"' }, 1)]
    [TestCase(new[] { '"', 0xD83D, 0xDE00, 0xD83D, '"' }, 3)]
    [TestCase(new[] { '{', '"', 0xDC00, '"', ':', ' ', '1', '}' }, 2)]
    public void Parse_RejectsLoneSurrogates_InsteadOfReplacingThem(int[] codeUnits, int index)
    {
        var input = new string(codeUnits.Select(c => (char)c).ToArray());

        var ex = Assert.Throws<FormatException>(() => AwsJson.Parse(input));

        Assert.That(ex!.Message, Does.Contain($"is not a valid AWSJSON: the text contains a lone UTF-16 surrogate (\\u{codeUnits[index]:X4} at index {index})"));
        Assert.That(AwsJson.TryParse(input, out _), Is.False);
        Assert.That(AwsJson.Parse("\"\uD83D\uDE00\"").ToElement().GetString(), Is.EqualTo("\uD83D\uDE00"), "a surrogate pair is fine");
    }

    [Test]
    public void Parse_RejectsNestingDeeperThan64()
    {
        string deep = new string('[', 65) + new string(']', 65);

        Assert.That(AwsJson.TryParse(deep, out _), Is.False);
        Assert.That(AwsJson.TryParse(new string('[', 64) + new string(']', 64), out _), Is.True);
    }

    [Test]
    public void NullInput()
    {
        Assert.Throws<ArgumentNullException>(() => AwsJson.Parse(null!));
        Assert.That(AwsJson.TryParse(null, out _), Is.False);
    }

    [Test]
    public void Default_IsJsonNull()
    {
        Assert.That(default(AwsJson).ToString(), Is.EqualTo("null"));
        Assert.That(default(AwsJson), Is.EqualTo(AwsJson.Parse("null")));
        Assert.That(AwsJson.Null, Is.EqualTo(default(AwsJson)));
        Assert.That(default(AwsJson).ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [TestCase("{}", JsonValueKind.Object)]
    [TestCase("[]", JsonValueKind.Array)]
    [TestCase("\"s\"", JsonValueKind.String)]
    [TestCase("-1", JsonValueKind.Number)]
    [TestCase("1", JsonValueKind.Number)]
    [TestCase("true", JsonValueKind.True)]
    [TestCase("false", JsonValueKind.False)]
    [TestCase("null", JsonValueKind.Null)]
    public void ValueKind(string text, JsonValueKind kind)
    {
        Assert.That(AwsJson.Parse(text).ValueKind, Is.EqualTo(kind));
        Assert.That(AwsJson.Parse(text).ToElement().ValueKind, Is.EqualTo(kind));
    }

    [Test]
    public void Elements_ConvertBothWays()
    {
        string text = "{ \"name\": \"é\\u0041\", \"items\": [1, 2.50, {\"deep\": [true, null]}] }";
        using var document = JsonDocument.Parse(text);

        var fromElement = AwsJson.FromElement(document.RootElement);
        var element = AwsJson.Parse(text).ToElement();

        Assert.That(fromElement, Is.EqualTo(AwsJson.Parse(text)));
        Assert.That(fromElement.ToString(), Is.EqualTo("{\"name\":\"éA\",\"items\":[1,2.50,{\"deep\":[true,null]}]}"));
        Assert.That(element.GetProperty("items")[1].GetRawText(), Is.EqualTo("2.50"));
        Assert.That(AwsJson.FromElement(element), Is.EqualTo(fromElement));
        Assert.That(AwsJson.FromElement(document.RootElement.GetProperty("items")).ToString(), Is.EqualTo("[1,2.50,{\"deep\":[true,null]}]"));
        Assert.Throws<ArgumentException>(() => AwsJson.FromElement(default));
    }

    [Test]
    public void LargeValues_RoundTrip()
    {
        string big = "[" + string.Join(",", Enumerable.Range(0, 50_000).Select(i => $"{{\"i\":{i},\"s\":\"v{i}\"}}")) + "]";

        var json = AwsJson.Parse(big);

        Assert.That(json.ToString(), Is.SameAs(big));
        Assert.That(AwsJson.Parse("[1, 2]").ToString(), Is.EqualTo("[1,2]"), "works after a large value");
    }

    [Test]
    public void Ordering_IsOrdinalOnCanonicalText()
    {
        Assert.That(AwsJson.Parse("[1]").CompareTo(AwsJson.Parse("[2]")), Is.LessThan(0));
        Assert.That(AwsJson.Parse(" [1] ").CompareTo(AwsJson.Parse("[1]")), Is.Zero);
    }
}
