using Amplify.DataStore.LocalBackend.Scalars;
using GraphQL.Types;
using GraphQLParser.AST;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Scalars;

/// <summary>Valid and invalid texts for the string-like AWS scalars, through both ParseValue and ParseLiteral.</summary>
public class StringScalarTests
{
    private static readonly (string Scalar, string Text)[] Valid =
    [
        ("AWSDate", "2024-01-31"),
        ("AWSDate", "2024-02-29"),
        ("AWSDate", "2000-02-29"),
        ("AWSDate", "0000-01-01"),
        ("AWSDate", "9999-12-31"),
        ("AWSDate", "1970-01-01Z"),
        ("AWSDate", "1970-01-01-07:00"),
        ("AWSDate", "1970-01-01+05:30"),
        ("AWSDate", "1970-01-01+05:30:15"),

        ("AWSTime", "12:30"),
        ("AWSTime", "00:00:00"),
        ("AWSTime", "23:59:59"),
        ("AWSTime", "12:30:45.1"),
        ("AWSTime", "12:30:45.123456789"),
        ("AWSTime", "12:30Z"),
        ("AWSTime", "12:30:45.123Z"),
        ("AWSTime", "12:30:45-08:00"),
        ("AWSTime", "12:30:45+05:30:15"),

        ("AWSDateTime", "2024-01-31T12:30:45.123Z"),
        ("AWSDateTime", "2024-01-31T12:30:45Z"),
        ("AWSDateTime", "2024-01-31T12:30Z"),
        ("AWSDateTime", "2024-01-31T12:30:45.123456789+05:30"),
        ("AWSDateTime", "2024-01-31T12:30:45-07:00:30"),

        ("AWSEmail", "someone@example.com"),
        ("AWSEmail", "first.last+tag@sub.example.co.uk"),
        ("AWSEmail", "o'hara!#$%&*=?^_`{|}~-@example-domain.org"),
        ("AWSEmail", "user@localhost"),

        ("AWSURL", "https://www.amazon.com/dp/B000NZW3KC/"),
        ("AWSURL", "http://example.com"),
        ("AWSURL", "http://user:pass@example.com:8080/a/b?q=1&r=//x#frag//y"),
        ("AWSURL", "mailto:example@example.com"),
        ("AWSURL", "ftp://files.example.com/pub/file.txt"),
        ("AWSURL", "urn:isbn:0451450523"),

        ("AWSPhone", "+1 555 123 4567"),
        ("AWSPhone", "555-123-4567"),
        ("AWSPhone", "(555) 123-4567"),
        ("AWSPhone", "+1 (555) 123-4567"),
        ("AWSPhone", "+1(555)123-4567"),
        ("AWSPhone", "555.123.4567"),
        ("AWSPhone", "+442071838750"),
        ("AWSPhone", "123456789012345"),

        ("AWSIPAddress", "123.12.34.56"),
        ("AWSIPAddress", "0.0.0.0"),
        ("AWSIPAddress", "255.255.255.255"),
        ("AWSIPAddress", "123.45.67.89/16"),
        ("AWSIPAddress", "10.0.0.0/0"),
        ("AWSIPAddress", "10.0.0.0/32"),
        ("AWSIPAddress", "1a2b:3c4b::1234:4567"),
        ("AWSIPAddress", "::1"),
        ("AWSIPAddress", "::"),
        ("AWSIPAddress", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"),
        ("AWSIPAddress", "::ffff:192.168.1.1"),
        ("AWSIPAddress", "2001:db8::/32"),
        ("AWSIPAddress", "2001:db8::1/128"),
    ];

    private static readonly (string Scalar, string Text)[] Invalid =
    [
        ("AWSDate", "2024-13-01"),
        ("AWSDate", "2024-00-10"),
        ("AWSDate", "2024-02-30"),
        ("AWSDate", "2023-02-29"),
        ("AWSDate", "1900-02-29"),
        ("AWSDate", "2024-04-31"),
        ("AWSDate", "2024-1-01"),
        ("AWSDate", "24-01-01"),
        ("AWSDate", "20240101"),
        ("AWSDate", "2024-01-01T00:00Z"),
        ("AWSDate", "2024-01-01 "),
        ("AWSDate", " 2024-01-01"),
        ("AWSDate", "2024-01-01\n"),
        ("AWSDate", "2024-01-01z"),
        ("AWSDate", "2024-01-01+5:30"),
        ("AWSDate", "2024-01-01+0530"),
        ("AWSDate", "2024-01-01+24:00"),
        ("AWSDate", "2024-01-01+05:60"),
        ("AWSDate", "2024-01-01+05:30:60"),
        ("AWSDate", "2024-01-01+05"),
        ("AWSDate", "２０２４-01-01"),
        ("AWSDate", ""),

        ("AWSTime", "24:00"),
        ("AWSTime", "12:60"),
        ("AWSTime", "12:30:60"),
        ("AWSTime", "12"),
        ("AWSTime", "1:30"),
        ("AWSTime", "12:30:45."),
        ("AWSTime", "12:30:45.1234567890"),
        ("AWSTime", "12:30.5"),
        ("AWSTime", "12:30:45,5"),
        ("AWSTime", "12:30:45+25:00"),
        ("AWSTime", "T12:30"),
        ("AWSTime", ""),

        ("AWSDateTime", "2024-01-31T12:30:45"),
        ("AWSDateTime", "2024-01-31T12:30:45.123"),
        ("AWSDateTime", "2024-01-31 12:30:45Z"),
        ("AWSDateTime", "2024-01-31t12:30:45Z"),
        ("AWSDateTime", "2024-01-31"),
        ("AWSDateTime", "2024-01-31Z"),
        ("AWSDateTime", "2024-02-30T12:30:45Z"),
        ("AWSDateTime", "2024-01-31T25:30:45Z"),
        ("AWSDateTime", "2024-01-31T12:30:45ZZ"),
        ("AWSDateTime", "2024-01-31T12:30:45+05:30junk"),

        ("AWSEmail", "plainaddress"),
        ("AWSEmail", "@example.com"),
        ("AWSEmail", "someone@"),
        ("AWSEmail", "some one@example.com"),
        ("AWSEmail", "someone@exa mple.com"),
        ("AWSEmail", "someone@@example.com"),
        ("AWSEmail", "someone@-example.com"),
        ("AWSEmail", "someone@example-.com"),
        ("AWSEmail", "someone@example..com"),
        ("AWSEmail", "someone@example.com\n"),
        ("AWSEmail", ""),

        ("AWSURL", "www.amazon.com"),
        ("AWSURL", "/relative/path"),
        ("AWSURL", "//example.com/x"),
        ("AWSURL", "http://example.com//double"),
        ("AWSURL", "http://example.com/a//b"),
        ("AWSURL", "http://exa mple.com"),
        ("AWSURL", "http://example.com/a b"),
        ("AWSURL", " http://example.com"),
        ("AWSURL", "1http://example.com"),
        ("AWSURL", "http://"),
        ("AWSURL", ""),

        ("AWSPhone", ""),
        ("AWSPhone", "+"),
        ("AWSPhone", "12"),
        ("AWSPhone", "911"),
        ("AWSPhone", "1234567890123456"),
        ("AWSPhone", "555-CALL-NOW"),
        ("AWSPhone", "555--1234"),
        ("AWSPhone", "555 - 1234"),
        ("AWSPhone", "-555-1234"),
        ("AWSPhone", "555-1234-"),
        ("AWSPhone", "+ 1 555 1234"),
        ("AWSPhone", "++1 555 1234"),
        ("AWSPhone", "1+555 1234"),
        ("AWSPhone", "(555 123-4567"),
        ("AWSPhone", "555) 123-4567"),
        ("AWSPhone", "((555)) 123-4567"),
        ("AWSPhone", "() 555-1234"),
        ("AWSPhone", "555 123 4567 ext 8"),

        ("AWSIPAddress", "256.1.1.1"),
        ("AWSIPAddress", "1.2.3"),
        ("AWSIPAddress", "1.2.3.4.5"),
        ("AWSIPAddress", "1"),
        ("AWSIPAddress", "01.2.3.4"),
        ("AWSIPAddress", "0x7f.0.0.1"),
        ("AWSIPAddress", "1.2.3.4/33"),
        ("AWSIPAddress", "1.2.3.4/"),
        ("AWSIPAddress", "1.2.3.4/08"),
        ("AWSIPAddress", "1.2.3.4/-1"),
        ("AWSIPAddress", "1.2.3.4/1/2"),
        ("AWSIPAddress", "[::1]"),
        ("AWSIPAddress", "fe80::1%eth0"),
        ("AWSIPAddress", "2001:db8::/129"),
        ("AWSIPAddress", "2001:db8:::1"),
        ("AWSIPAddress", "12345::1"),
        ("AWSIPAddress", "localhost"),
        ("AWSIPAddress", " 1.2.3.4"),
        ("AWSIPAddress", ""),
    ];

    private static IEnumerable<TestCaseData> ValidCases()
        => Valid.Select(c => new TestCaseData(c.Scalar, c.Text).SetName($"{c.Scalar} accepts \"{c.Text}\""));

    private static IEnumerable<TestCaseData> InvalidCases()
        => Invalid.Select(c => new TestCaseData(c.Scalar, c.Text).SetName($"{c.Scalar} rejects \"{Escape(c.Text)}\""));

    private static IEnumerable<TestCaseData> StringScalarNames()
        => new[] { "AWSDate", "AWSTime", "AWSDateTime", "AWSEmail", "AWSURL", "AWSPhone", "AWSIPAddress" }
            .Select(name => new TestCaseData(name).SetName($"{name} non-string inputs"));

    [TestCaseSource(nameof(ValidCases))]
    public void Valid_text_is_kept_exactly(string scalarName, string text)
    {
        ScalarGraphType scalar = ScalarByName(scalarName);

        Assert.Multiple(() =>
        {
            Assert.That(scalar.ParseValue(text), Is.SameAs(text), "ParseValue");
            Assert.That(scalar.ParseLiteral(new GraphQLStringValue(text)), Is.EqualTo(text), "ParseLiteral");
            Assert.That(scalar.Serialize(text), Is.SameAs(text), "Serialize");
            Assert.That(scalar.CanParseValue(text), Is.True, "CanParseValue");
            Assert.That(scalar.CanParseLiteral(new GraphQLStringValue(text)), Is.True, "CanParseLiteral");
        });
    }

    [TestCaseSource(nameof(InvalidCases))]
    public void Invalid_text_is_rejected_naming_scalar_and_value(string scalarName, string text)
    {
        ScalarGraphType scalar = ScalarByName(scalarName);
        string expected = $"'{text}' is not a valid {scalarName}";

        Assert.Multiple(() =>
        {
            Assert.That(() => scalar.ParseValue(text), Throws.TypeOf<FormatException>().With.Message.StartsWith(expected), "ParseValue");
            Assert.That(() => scalar.ParseLiteral(new GraphQLStringValue(text)), Throws.TypeOf<FormatException>().With.Message.StartsWith(expected), "ParseLiteral");
            Assert.That(() => scalar.Serialize(text), Throws.TypeOf<FormatException>(), "Serialize");
            Assert.That(scalar.CanParseValue(text), Is.False, "CanParseValue");
            Assert.That(scalar.CanParseLiteral(new GraphQLStringValue(text)), Is.False, "CanParseLiteral");
        });
    }

    [TestCaseSource(nameof(StringScalarNames))]
    public void Non_string_inputs_are_rejected_and_null_passes(string scalarName)
    {
        ScalarGraphType scalar = ScalarByName(scalarName);
        GraphQLValue[] literals =
        [
            new GraphQLIntValue(20240101),
            new GraphQLFloatValue(1.5),
            new GraphQLTrueBooleanValue(),
            new GraphQLEnumValue(new GraphQLName("VALUE")),
            new GraphQLListValue { Values = [new GraphQLStringValue("2024-01-01")] },
            new GraphQLObjectValue(),
        ];
        object[] values = [20240101, 20240101L, 1.5, 1.5m, true, new List<object?> { "2024-01-01" }, new Dictionary<string, object?>()];

        Assert.Multiple(() =>
        {
            foreach (GraphQLValue literal in literals)
            {
                Assert.That(() => scalar.ParseLiteral(literal), Throws.TypeOf<FormatException>().With.Message.Contains($"is not a valid {scalarName}"), literal.Kind.ToString());
                Assert.That(scalar.CanParseLiteral(literal), Is.False, literal.Kind.ToString());
            }

            foreach (object value in values)
            {
                Assert.That(() => scalar.ParseValue(value), Throws.TypeOf<FormatException>().With.Message.Contains($"is not a valid {scalarName}"), value.GetType().Name);
                Assert.That(scalar.CanParseValue(value), Is.False, value.GetType().Name);
            }

            Assert.That(scalar.ParseValue(null), Is.Null);
            Assert.That(scalar.ParseLiteral(new GraphQLNullValue()), Is.Null);
            Assert.That(scalar.CanParseValue(null), Is.True);
            Assert.That(scalar.CanParseLiteral(new GraphQLNullValue()), Is.True);
        });
    }

    [Test]
    public void Error_message_names_scalar_and_value()
    {
        var scalar = new AwsDateGraphType();

        Assert.That(() => scalar.ParseValue("2024-13-01"), Throws.TypeOf<FormatException>().With.Message.StartsWith("'2024-13-01' is not a valid AWSDate"));
    }

    [Test]
    public void Valid_value_round_trips_through_ToAST()
    {
        var scalar = new AwsDateTimeGraphType();

        GraphQLValue ast = scalar.ToAST("2024-01-31T12:30:45.123+05:30");

        Assert.That(ast, Is.TypeOf<GraphQLStringValue>());
        Assert.That(scalar.ParseLiteral(ast), Is.EqualTo("2024-01-31T12:30:45.123+05:30"));
    }

    private static ScalarGraphType ScalarByName(string name)
        => AwsScalarTypes.CreateAllAws().Single(scalar => scalar.Name == name);

    private static string Escape(string text) => text.Replace("\n", "\\n");
}
