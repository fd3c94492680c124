using System.Collections.Generic;
using System.Linq;
using System.Text;
using Amplify.DataStore.TestCases;

namespace Amplify.DataStore.Schema.Tests;

/// <summary>
/// The shared AWS scalar cases (tests/Common/AwsScalarCases.cs) as <c>@default</c> values: the schema reports ADS1016
/// exactly for the texts the store and the backend refuse, so a default never produces an item that cannot sync.
/// </summary>
public class AwsScalarDefaultTests
{
    private static IEnumerable<TestCaseData> Cases()
        => AwsScalarCases.All.Select(c => new TestCaseData(c).SetName("@default " + c));

    [TestCaseSource(nameof(Cases))]
    public void A_default_is_accepted_exactly_when_the_shared_rule_accepts_it(AwsScalarCase c)
    {
        var result = SchemaAssert.Parse($"type A @model {{ id: ID! f: {c.Scalar} @default(value: \"{GraphQLString(c.Text)}\") }}");

        Assert.That(result.Diagnostics.Where(d => d.Id != "ADS1016"), Is.Empty, "the schema itself is fine");
        var invalid = result.Diagnostics.Where(d => d.Id == "ADS1016").ToList();
        if (c.Accepted)
        {
            Assert.That(invalid, Is.Empty, string.Join("\n", invalid));
        }
        else
        {
            Assert.That(invalid, Has.Count.EqualTo(1));
            Assert.That(invalid[0].Message, Does.Contain($"'A.f' is not a valid {c.Scalar}"));
        }
    }

    // The text inside a GraphQL string literal: quotes, backslashes and control characters escaped.
    private static string GraphQLString(string text)
    {
        var escaped = new StringBuilder();
        foreach (char ch in text)
        {
            if (ch is '"' or '\\') escaped.Append('\\').Append(ch);
            else if (ch < ' ') escaped.Append($"\\u{(int)ch:X4}");
            else escaped.Append(ch);
        }
        return escaped.ToString();
    }
}
