using Amplify.DataStore.LocalBackend.Filtering;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Filtering;

/// <summary>Unknown operators and malformed operands throw <see cref="FilterException"/> naming field and operator.</summary>
public class FilterEvaluatorErrorTests
{
    private static readonly IReadOnlyDictionary<string, object?> Item = new Dictionary<string, object?>
    {
        ["title"] = "hello",
        ["rating"] = 5L,
    };

    private static Dictionary<string, object?> Field(string field, string op, object? operand)
        => new() { [field] = new Dictionary<string, object?> { [op] = operand } };

    private static List<object?> L(params object?[] values) => [.. values];

    private static IEnumerable<TestCaseData> Rows()
    {
        const string Between = "Invalid filter on 'rating': 'between' needs exactly 2 values";
        yield return Case(Field("rating", "between", L(1)), Between, "between with 1 value");
        yield return Case(Field("rating", "between", L(1, 2, 3)), Between, "between with 3 values");
        yield return Case(Field("rating", "between", L()), Between, "between with no values");
        yield return Case(Field("rating", "between", 1), Between, "between with a scalar");
        yield return Case(Field("rating", "between", null), Between, "between with null");
        yield return Case(Field("missing", "between", L(1)), "Invalid filter on 'missing': 'between' needs exactly 2 values", "between on a missing attribute");
        yield return Case(Field("rating", "between", L(L(1), 2)), "Invalid filter on 'rating': 'between' needs a single value, not a list or object", "between with a list bound");

        yield return Case(Field("rating", "like", 1), "Invalid filter on 'rating': unknown operator 'like'", "unknown operator");
        yield return Case(Field("rating", "EQ", 1), "Invalid filter on 'rating': unknown operator 'EQ'", "operator names are case-sensitive");
        yield return Case(Field("title", "in", "hello"), "Invalid filter on 'title': 'in' needs a list of values", "in with a scalar");
        yield return Case(Field("title", "in", null), "Invalid filter on 'title': 'in' needs a list of values", "in with null");
        yield return Case(Field("missing", "in", "x"), "Invalid filter on 'missing': 'in' needs a list of values", "in on a missing attribute");
        yield return Case(Field("title", "notIn", 5), "Invalid filter on 'title': 'notIn' needs a list of values", "notIn with a scalar");
        yield return Case(Field("title", "attributeExists", "true"), "Invalid filter on 'title': 'attributeExists' needs true or false", "attributeExists with a string");
        yield return Case(Field("title", "attributeExists", null), "Invalid filter on 'title': 'attributeExists' needs true or false", "attributeExists with null");
        yield return Case(Field("title", "attributeType", "text"), "Invalid filter on 'title': 'attributeType' needs one of", "attributeType with an unknown name");
        yield return Case(Field("title", "attributeType", "String"), "Invalid filter on 'title': 'attributeType' needs one of", "attributeType names are case-sensitive");
        yield return Case(Field("missing", "attributeType", 5), "Invalid filter on 'missing': 'attributeType' needs one of", "attributeType with a number on a missing attribute");
        yield return Case(Field("title", "size", 5), "Invalid filter on 'title': 'size' needs an operator object", "size with a number");
        yield return Case(Field("title", "size", null), "Invalid filter on 'title': 'size' needs an operator object", "size with null");
        yield return Case(Field("title", "size", new Dictionary<string, object?> { ["contains"] = 1 }), "Invalid filter on 'title': unknown size operator 'contains'", "size with a non-size operator");
        yield return Case(Field("missing", "size", new Dictionary<string, object?> { ["between"] = L(1) }), "Invalid filter on 'missing': 'between' needs exactly 2 values", "size between with 1 value on a missing attribute");
        yield return Case(Field("rating", "gt", L(1)), "Invalid filter on 'rating': 'gt' needs a single value, not a list or object", "gt with a list");
        yield return Case(Field("title", "beginsWith", new Dictionary<string, object?>()), "Invalid filter on 'title': 'beginsWith' needs a single value, not a list or object", "beginsWith with an object");

        yield return Case(new Dictionary<string, object?> { ["title"] = "hello" }, "Invalid filter on 'title': expected an operator object", "field without an operator object");
        yield return Case(new Dictionary<string, object?> { ["and"] = Field("title", "eq", "x") }, "Invalid filter on 'and': expected a list of filters", "and with a single filter");
        yield return Case(new Dictionary<string, object?> { ["and"] = L("x") }, "Invalid filter on 'and': expected a list of filters", "and with a non-filter entry");
        yield return Case(new Dictionary<string, object?> { ["or"] = 5 }, "Invalid filter on 'or': expected a list of filters", "or with a number");
        yield return Case(new Dictionary<string, object?> { ["not"] = L(Field("title", "eq", "x")) }, "Invalid filter on 'not': expected a filter object", "not with a list");

        // Every part is evaluated, so a malformed part is reported even after the result is decided.
        yield return Case(
            new Dictionary<string, object?> { ["or"] = L(Field("title", "eq", "hello"), Field("rating", "bogus", 1)) },
            "Invalid filter on 'rating': unknown operator 'bogus'",
            "malformed second alternative of a satisfied or");
        yield return Case(
            new Dictionary<string, object?> { ["rating"] = new Dictionary<string, object?> { ["eq"] = 99, ["between"] = L(1) } },
            "Invalid filter on 'rating': 'between' needs exactly 2 values",
            "malformed operator after a failed one");
        yield return Case(
            new Dictionary<string, object?> { ["title"] = new Dictionary<string, object?> { ["eq"] = "x" }, ["and"] = L(Field("rating", "in", 3)) },
            "Invalid filter on 'rating': 'in' needs a list of values",
            "malformed and entry after a failed field");
    }

    private static TestCaseData Case(Dictionary<string, object?> filter, string message, string name)
        => new TestCaseData(filter, message).SetName(name);

    [TestCaseSource(nameof(Rows))]
    public void Malformed_filter_throws_naming_field_and_operator(Dictionary<string, object?> filter, string message)
    {
        Assert.That(() => FilterEvaluator.Matches(Item, filter), Throws.TypeOf<FilterException>().With.Message.StartsWith(message));
    }

    [Test]
    public void Exception_exposes_the_field()
    {
        var exception = Assert.Throws<FilterException>(() => FilterEvaluator.Matches(Item, Field("rating", "between", L(1))));

        Assert.That(exception!.Field, Is.EqualTo("rating"));
    }
}
