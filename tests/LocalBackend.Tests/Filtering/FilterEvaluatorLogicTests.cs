using Amplify.DataStore.LocalBackend.Filtering;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Filtering;

/// <summary>How fields, operators, <c>and</c>, <c>or</c> and <c>not</c> combine, and the null / empty cases.</summary>
public class FilterEvaluatorLogicTests
{
    private static readonly IReadOnlyDictionary<string, object?> Item = FilterEvaluatorOperatorTests.Item;

    private static Dictionary<string, object?> Field(string field, string op, object? operand)
        => new() { [field] = new Dictionary<string, object?> { [op] = operand } };

    private static Dictionary<string, object?> Filter(params (string Key, object? Value)[] entries)
        => entries.ToDictionary(entry => entry.Key, entry => entry.Value);

    private static List<object?> L(params object?[] values) => [.. values];

    // Building blocks with a known outcome against Item.
    private static Dictionary<string, object?> True1 => Field("s", "eq", "hello");

    private static Dictionary<string, object?> True2 => Field("n", "eq", 5);

    private static Dictionary<string, object?> False1 => Field("s", "eq", "other");

    private static Dictionary<string, object?> False2 => Field("n", "gt", 10);

    private static IEnumerable<TestCaseData> Rows()
    {
        yield return new TestCaseData(null, true).SetName("null filter matches");
        yield return new TestCaseData(Filter(), true).SetName("empty filter matches");
        yield return new TestCaseData(Filter(("s", null)), true).SetName("null operator object imposes no constraint");
        yield return new TestCaseData(Filter(("absent", null)), true).SetName("null operator object on a missing attribute imposes no constraint");
        yield return new TestCaseData(Filter(("s", new Dictionary<string, object?>())), true).SetName("empty operator object imposes no constraint");

        yield return new TestCaseData(Filter(("n", new Dictionary<string, object?> { ["gt"] = 1, ["lt"] = 10 })), true).SetName("operators of one field are ANDed (both hold)");
        yield return new TestCaseData(Filter(("n", new Dictionary<string, object?> { ["gt"] = 1, ["lt"] = 3 })), false).SetName("operators of one field are ANDed (one fails)");
        yield return new TestCaseData(Filter(("s", True1["s"]), ("n", True2["n"])), true).SetName("fields are ANDed (both hold)");
        yield return new TestCaseData(Filter(("s", True1["s"]), ("n", False2["n"])), false).SetName("fields are ANDed (one fails)");

        yield return new TestCaseData(Filter(("and", L(True1, True2))), true).SetName("and: all hold");
        yield return new TestCaseData(Filter(("and", L(True1, False1))), false).SetName("and: one fails");
        yield return new TestCaseData(Filter(("and", L())), true).SetName("and: empty list imposes no constraint");
        yield return new TestCaseData(Filter(("and", null)), true).SetName("and: null imposes no constraint");
        yield return new TestCaseData(Filter(("and", L(null, True1))), true).SetName("and: null entry imposes no constraint");
        yield return new TestCaseData(Filter(("and", new object?[] { True1, True2 })), true).SetName("and: array of filters");

        yield return new TestCaseData(Filter(("or", L(False1, True2))), true).SetName("or: one holds");
        yield return new TestCaseData(Filter(("or", L(False1, False2))), false).SetName("or: none holds");
        yield return new TestCaseData(Filter(("or", L())), true).SetName("or: empty list imposes no constraint");
        yield return new TestCaseData(Filter(("or", null)), true).SetName("or: null imposes no constraint");
        yield return new TestCaseData(Filter(("or", L(null, False1))), true).SetName("or: null entry is an unconstrained alternative");

        yield return new TestCaseData(Filter(("not", True1)), false).SetName("not: negates a match");
        yield return new TestCaseData(Filter(("not", False1)), true).SetName("not: negates a mismatch");
        yield return new TestCaseData(Filter(("not", null)), true).SetName("not: null imposes no constraint");
        yield return new TestCaseData(Filter(("not", Filter(("absent", new Dictionary<string, object?> { ["attributeExists"] = true })))), true).SetName("not: attributeExists on a missing attribute");

        yield return new TestCaseData(Filter(("s", True1["s"]), ("or", L(False1, False2))), false).SetName("field and or are ANDed");
        yield return new TestCaseData(Filter(("and", L(True1)), ("or", L(False1, True2)), ("not", False2)), true).SetName("and, or and not together");
        yield return new TestCaseData(
            Filter(("or", L(Filter(("and", L(True1, Filter(("not", False2))))), Field("b", "eq", false)))),
            true).SetName("nested: or(and(s = hello, not(n > 10)), b = false)");
        yield return new TestCaseData(
            Filter(("not", Filter(("or", L(False1, Filter(("and", L(Field("n", "ge", 5), Field("d", "lt", 3))))))))),
            false).SetName("nested: not(or(s = other, and(n >= 5, d < 3)))");
        yield return new TestCaseData(
            Filter(("not", Filter(("not", True1)))),
            true).SetName("nested: double negation");
        yield return new TestCaseData(
            Filter(("and", L(Filter(("or", L(False1, Filter(("and", L(True2, Filter(("not", Field("l", "contains", "z")))))))))))),
            true).SetName("nested: three levels deep");

        // A subscription filter as DataStore merges it with the owner auth filter.
        yield return new TestCaseData(
            Filter(("and", L(Filter(("or", L(Field("s", "eq", "someone::hello"), Field("s", "eq", "hello")))), Field("_deleted", "ne", true)))),
            true).SetName("owner-style or within and, with a missing _deleted");
    }

    [TestCaseSource(nameof(Rows))]
    public void Combination_semantics(Dictionary<string, object?>? filter, bool expected)
    {
        Assert.That(FilterEvaluator.Matches(Item, filter), Is.EqualTo(expected));
    }

    [Test]
    public void Item_null_is_an_argument_error()
    {
        Assert.That(() => FilterEvaluator.Matches(null!, null), Throws.ArgumentNullException);
    }
}
