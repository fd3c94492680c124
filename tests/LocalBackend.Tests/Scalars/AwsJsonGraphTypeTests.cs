using System.Text.Json;
using Amplify.DataStore.LocalBackend.Scalars;
using GraphQLParser.AST;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Scalars;

public class AwsJsonGraphTypeTests
{
    private static readonly string[] ValidTexts =
    [
        "{\"upvotes\": 10}",
        "{\"a\":{\"b\":[1,2.5,-3e10,true,false,null,\"x\"]}}",
        "[1,2,3]",
        "[]",
        "{}",
        "\"AWSJSON example string\"",
        "1",
        "-0.5",
        "true",
        "null",
        "  { \"spaced\" : 1 }  ",
        "{\"unicode\":\"\\u00e9\u00e9\"}",
    ];

    private static readonly string[] InvalidTexts =
    [
        "{a: 1}",
        "{'a': 1}",
        "{\"a\": 1,}",
        "[1, 2",
        "unquoted",
        "",
        "   ",
        "// comment\n1",
        "1 2",
        "{\"a\":1}}",
        "NaN",
        "\"\ud800\"",
    ];

    [TestCaseSource(nameof(ValidTexts))]
    public void Valid_json_text_is_kept_exactly(string text)
    {
        var scalar = new AwsJsonGraphType();

        Assert.Multiple(() =>
        {
            Assert.That(scalar.ParseValue(text), Is.SameAs(text));
            Assert.That(scalar.ParseLiteral(new GraphQLStringValue(text)), Is.EqualTo(text));
            Assert.That(scalar.Serialize(text), Is.SameAs(text));
            Assert.That(scalar.CanParseValue(text), Is.True);
            Assert.That(scalar.CanParseLiteral(new GraphQLStringValue(text)), Is.True);
        });
    }

    [TestCaseSource(nameof(InvalidTexts))]
    public void Invalid_json_text_is_rejected(string text)
    {
        var scalar = new AwsJsonGraphType();
        string expected = $"'{text}' is not a valid AWSJSON";

        Assert.Multiple(() =>
        {
            Assert.That(() => scalar.ParseValue(text), Throws.TypeOf<FormatException>().With.Message.StartsWith(expected));
            Assert.That(() => scalar.ParseLiteral(new GraphQLStringValue(text)), Throws.TypeOf<FormatException>().With.Message.StartsWith(expected));
            Assert.That(scalar.CanParseValue(text), Is.False);
            Assert.That(scalar.CanParseLiteral(new GraphQLStringValue(text)), Is.False);
        });
    }

    [Test]
    public void Parsed_object_from_variables_becomes_its_json_text()
    {
        var scalar = new AwsJsonGraphType();
        var value = new Dictionary<string, object?>
        {
            ["name"] = "Ada",
            ["age"] = 36,
            ["big"] = 1_700_000_000_000L,
            ["huge"] = System.Numerics.BigInteger.Pow(10, 20),
            ["ratio"] = 0.5,
            ["price"] = 9.99m,
            ["ok"] = true,
            ["none"] = null,
            ["tags"] = new List<object?> { "a", 1, new Dictionary<string, object?> { ["x"] = false } },
        };

        object? parsed = scalar.ParseValue(value);

        Assert.That(parsed, Is.EqualTo("{\"name\":\"Ada\",\"age\":36,\"big\":1700000000000,\"huge\":100000000000000000000,\"ratio\":0.5,\"price\":9.99,\"ok\":true,\"none\":null,\"tags\":[\"a\",1,{\"x\":false}]}"));
        Assert.That(scalar.CanParseValue(value), Is.True);
    }

    [Test]
    public void Parsed_array_from_variables_becomes_its_json_text()
    {
        var scalar = new AwsJsonGraphType();

        Assert.Multiple(() =>
        {
            Assert.That(scalar.ParseValue(new List<object?> { 1, "two", null }), Is.EqualTo("[1,\"two\",null]"));
            Assert.That(scalar.ParseValue(new object?[] { }), Is.EqualTo("[]"));
            Assert.That(scalar.ParseValue(new Dictionary<string, object?>()), Is.EqualTo("{}"));
        });
    }

    [Test]
    public void JsonElement_becomes_its_raw_text()
    {
        var scalar = new AwsJsonGraphType();
        using JsonDocument document = JsonDocument.Parse("{\"a\": [1, 2]}");

        Assert.That(scalar.ParseValue(document.RootElement), Is.EqualTo("{\"a\": [1, 2]}"));
    }

    [Test]
    public void Non_json_variable_values_are_rejected()
    {
        var scalar = new AwsJsonGraphType();
        object[] values = [5, 5L, 1.5, true, new Dictionary<string, object?> { ["when"] = DateTime.UnixEpoch }, new List<object?> { double.NaN }];

        Assert.Multiple(() =>
        {
            foreach (object value in values)
            {
                Assert.That(() => scalar.ParseValue(value), Throws.TypeOf<FormatException>().With.Message.Contains("is not a valid AWSJSON"), value.GetType().Name);
                Assert.That(scalar.CanParseValue(value), Is.False, value.GetType().Name);
            }
        });
    }

    [Test]
    public void Non_string_literals_are_rejected()
    {
        var scalar = new AwsJsonGraphType();
        GraphQLValue[] literals =
        [
            new GraphQLObjectValue { Fields = [new GraphQLObjectField(new GraphQLName("a"), new GraphQLIntValue(1))] },
            new GraphQLListValue { Values = [new GraphQLIntValue(1)] },
            new GraphQLIntValue(1),
            new GraphQLTrueBooleanValue(),
        ];

        Assert.Multiple(() =>
        {
            foreach (GraphQLValue literal in literals)
            {
                Assert.That(() => scalar.ParseLiteral(literal), Throws.TypeOf<FormatException>().With.Message.Contains("is not a valid AWSJSON"), literal.Kind.ToString());
                Assert.That(scalar.CanParseLiteral(literal), Is.False, literal.Kind.ToString());
            }

            Assert.That(scalar.ParseLiteral(new GraphQLNullValue()), Is.Null);
            Assert.That(scalar.ParseValue(null), Is.Null);
        });
    }
}
