using System.Numerics;
using Amplify.DataStore.LocalBackend.Scalars;
using GraphQLParser.AST;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Scalars;

public class AwsTimestampGraphTypeTests
{
    private static IEnumerable<TestCaseData> ValidValues()
    {
        yield return new TestCaseData(0, 0L).SetName("int 0");
        yield return new TestCaseData(0L, 0L).SetName("long 0");
        yield return new TestCaseData(1_700_000_000, 1_700_000_000L).SetName("int seconds");
        yield return new TestCaseData(1_700_000_000_000L, 1_700_000_000_000L).SetName("long milliseconds");
        yield return new TestCaseData((long)int.MaxValue + 1, 2_147_483_648L).SetName("just above 2^31");
        yield return new TestCaseData(-86_400, -86_400L).SetName("negative (before the epoch)");
        yield return new TestCaseData(long.MaxValue, long.MaxValue).SetName("long.MaxValue");
        yield return new TestCaseData((short)7, 7L).SetName("short");
        yield return new TestCaseData((byte)7, 7L).SetName("byte");
        yield return new TestCaseData(7u, 7L).SetName("uint");
        yield return new TestCaseData(7UL, 7L).SetName("ulong in range");
        yield return new TestCaseData(new BigInteger(1_700_000_000_000L), 1_700_000_000_000L).SetName("BigInteger in range");
    }

    private static IEnumerable<TestCaseData> InvalidValues()
    {
        yield return new TestCaseData("1700000000").SetName("numeric string");
        yield return new TestCaseData("").SetName("empty string");
        yield return new TestCaseData(1.5).SetName("double fraction");
        yield return new TestCaseData(1.0).SetName("double without fraction digits");
        yield return new TestCaseData(1.5m).SetName("decimal fraction");
        yield return new TestCaseData(1.5f).SetName("float fraction");
        yield return new TestCaseData(true).SetName("boolean");
        yield return new TestCaseData(ulong.MaxValue).SetName("ulong beyond long");
        yield return new TestCaseData(BigInteger.Pow(2, 64)).SetName("BigInteger beyond long");
        yield return new TestCaseData(new List<object?> { 1 }).SetName("list");
    }

    [TestCaseSource(nameof(ValidValues))]
    public void ParseValue_accepts_integers_as_long(object input, long expected)
    {
        var scalar = new AwsTimestampGraphType();

        Assert.Multiple(() =>
        {
            Assert.That(scalar.ParseValue(input), Is.TypeOf<long>().And.EqualTo(expected));
            Assert.That(scalar.Serialize(input), Is.TypeOf<long>().And.EqualTo(expected));
            Assert.That(scalar.CanParseValue(input), Is.True);
        });
    }

    [TestCaseSource(nameof(InvalidValues))]
    public void ParseValue_rejects_non_integers(object input)
    {
        var scalar = new AwsTimestampGraphType();

        Assert.Multiple(() =>
        {
            Assert.That(() => scalar.ParseValue(input), Throws.TypeOf<FormatException>().With.Message.Contains("is not a valid AWSTimestamp"));
            Assert.That(scalar.CanParseValue(input), Is.False);
        });
    }

    private static IEnumerable<TestCaseData> ValidLiterals()
    {
        yield return new TestCaseData(new GraphQLIntValue(0), 0L).SetName("literal 0");
        yield return new TestCaseData(new GraphQLIntValue(1_700_000_000), 1_700_000_000L).SetName("literal seconds");
        yield return new TestCaseData(new GraphQLIntValue(1_700_000_000_000L), 1_700_000_000_000L).SetName("literal milliseconds");
        yield return new TestCaseData(new GraphQLIntValue("-5"), -5L).SetName("literal negative");
        yield return new TestCaseData(new GraphQLIntValue("9223372036854775807"), long.MaxValue).SetName("literal long.MaxValue");
    }

    private static IEnumerable<TestCaseData> InvalidLiterals()
    {
        yield return new TestCaseData(new GraphQLIntValue("9223372036854775808")).SetName("literal beyond long");
        yield return new TestCaseData(new GraphQLFloatValue(1.5)).SetName("literal float");
        yield return new TestCaseData(new GraphQLFloatValue("1.0")).SetName("literal float without fraction digits");
        yield return new TestCaseData(new GraphQLStringValue("1700000000")).SetName("literal string");
        yield return new TestCaseData(new GraphQLTrueBooleanValue()).SetName("literal boolean");
        yield return new TestCaseData(new GraphQLEnumValue(new GraphQLName("NOW"))).SetName("literal enum");
    }

    [TestCaseSource(nameof(ValidLiterals))]
    public void ParseLiteral_accepts_integers_as_long(GraphQLValue literal, long expected)
    {
        var scalar = new AwsTimestampGraphType();

        Assert.Multiple(() =>
        {
            Assert.That(scalar.ParseLiteral(literal), Is.TypeOf<long>().And.EqualTo(expected));
            Assert.That(scalar.CanParseLiteral(literal), Is.True);
        });
    }

    [TestCaseSource(nameof(InvalidLiterals))]
    public void ParseLiteral_rejects_non_integers(GraphQLValue literal)
    {
        var scalar = new AwsTimestampGraphType();

        Assert.Multiple(() =>
        {
            Assert.That(() => scalar.ParseLiteral(literal), Throws.TypeOf<FormatException>().With.Message.Contains("is not a valid AWSTimestamp"));
            Assert.That(scalar.CanParseLiteral(literal), Is.False);
        });
    }

    [Test]
    public void Null_passes_through()
    {
        var scalar = new AwsTimestampGraphType();

        Assert.Multiple(() =>
        {
            Assert.That(scalar.ParseValue(null), Is.Null);
            Assert.That(scalar.ParseLiteral(new GraphQLNullValue()), Is.Null);
            Assert.That(scalar.CanParseLiteral(new GraphQLNullValue()), Is.True);
        });
    }

    [Test]
    public void Milliseconds_round_trip_through_ToAST()
    {
        var scalar = new AwsTimestampGraphType();

        GraphQLValue ast = scalar.ToAST(1_700_000_000_000L);

        Assert.That(ast, Is.TypeOf<GraphQLIntValue>());
        Assert.That(scalar.ParseLiteral(ast), Is.EqualTo(1_700_000_000_000L));
    }
}
