using System.Globalization;
using Amplify.DataStore.LocalBackend.Filtering;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Filtering;

/// <summary>
/// Every operator against every kind of stored value: string, long, double, bool, list, map, NULL and a missing
/// attribute. Operands are given as GraphQL.NET hands them over (Int as int, Float as double, lists as List).
/// </summary>
public class FilterEvaluatorOperatorTests
{
    private enum TestAttributeType
    {
        @string,
        number,
    }

    // s: string, n: long (Int / AWSTimestamp), d: double (Float), b: bool, l: list, m: map (embedded type),
    // z: NULL attribute, absent: not in the item, emoji: a character above U+FFFF.
    internal static readonly IReadOnlyDictionary<string, object?> Item = new Dictionary<string, object?>
    {
        ["s"] = "hello",
        ["n"] = 5L,
        ["d"] = 2.5,
        ["b"] = true,
        ["l"] = new object?[] { "a", "b", 3L },
        ["m"] = new Dictionary<string, object?> { ["x"] = 1L, ["y"] = "z" },
        ["z"] = null,
        ["emoji"] = "\U0001F600",
    };

    private static List<object?> L(params object?[] values) => [.. values];

    private static IEnumerable<TestCaseData> Rows()
    {
        // eq
        yield return Row("s", "eq", "hello", true);
        yield return Row("s", "eq", "Hello", false);
        yield return Row("s", "eq", 5, false);
        yield return Row("s", "eq", null, false);
        yield return Row("n", "eq", 5, true);
        yield return Row("n", "eq", 5L, true);
        yield return Row("n", "eq", 5.0, true);
        yield return Row("n", "eq", 5m, true);
        yield return Row("n", "eq", 6, false);
        yield return Row("n", "eq", "5", false);
        yield return Row("d", "eq", 2.5, true);
        yield return Row("d", "eq", 2.5m, true);
        yield return Row("d", "eq", 2.5f, true);
        yield return Row("d", "eq", 2, false);
        yield return Row("b", "eq", true, true);
        yield return Row("b", "eq", false, false);
        yield return Row("b", "eq", "true", false);
        yield return Row("b", "eq", 1, false);
        yield return Row("l", "eq", L("a", "b", 3), true);
        yield return Row("l", "eq", L("a", "b"), false);
        yield return Row("l", "eq", "a", false);
        yield return Row("m", "eq", new Dictionary<string, object?> { ["y"] = "z", ["x"] = 1 }, true);
        yield return Row("m", "eq", new Dictionary<string, object?> { ["x"] = 2, ["y"] = "z" }, false);
        yield return Row("m", "eq", new Dictionary<string, object?> { ["x"] = 1 }, false);
        yield return Row("z", "eq", null, true);
        yield return Row("z", "eq", "x", false);
        yield return Row("absent", "eq", null, true);
        yield return Row("absent", "eq", "x", false);

        // ne: the exact negation of eq
        yield return Row("s", "ne", "hello", false);
        yield return Row("s", "ne", "other", true);
        yield return Row("s", "ne", 5, true);
        yield return Row("s", "ne", null, true);
        yield return Row("n", "ne", 5, false);
        yield return Row("n", "ne", 6, true);
        yield return Row("d", "ne", 2.5, false);
        yield return Row("d", "ne", 3.5, true);
        yield return Row("b", "ne", false, true);
        yield return Row("b", "ne", true, false);
        yield return Row("l", "ne", L("a", "b", 3), false);
        yield return Row("l", "ne", L("b", "a", 3), true);
        yield return Row("m", "ne", new Dictionary<string, object?> { ["x"] = 1, ["y"] = "z" }, false);
        yield return Row("z", "ne", null, false);
        yield return Row("z", "ne", "x", true);
        yield return Row("absent", "ne", "x", true);
        yield return Row("absent", "ne", null, false);

        // lt le gt ge
        yield return Row("s", "lt", "help", true);
        yield return Row("s", "lt", "hello", false);
        yield return Row("s", "le", "hello", true);
        yield return Row("s", "gt", "Hello", true);
        yield return Row("s", "gt", "hello", false);
        yield return Row("s", "ge", "hello", true);
        yield return Row("s", "gt", "hell", true);
        yield return Row("s", "lt", 5, false);
        yield return Row("s", "gt", null, false);
        yield return Row("emoji", "gt", "\uFFFF", true);
        yield return Row("emoji", "lt", "\uFFFF", false);
        yield return Row("n", "gt", 4, true);
        yield return Row("n", "gt", 5, false);
        yield return Row("n", "ge", 5, true);
        yield return Row("n", "lt", 5.5, true);
        yield return Row("n", "le", 4.99, false);
        yield return Row("n", "le", 5m, true);
        yield return Row("n", "gt", "4", false);
        yield return Row("d", "gt", 2, true);
        yield return Row("d", "lt", 3L, true);
        yield return Row("d", "le", 2.5m, true);
        yield return Row("d", "lt", 2.5, false);
        yield return Row("b", "gt", false, false);
        yield return Row("b", "ge", true, false);
        yield return Row("b", "le", true, false);
        yield return Row("l", "gt", "a", false);
        yield return Row("m", "gt", 0, false);
        yield return Row("z", "lt", "x", false);
        yield return Row("z", "ge", null, false);
        yield return Row("absent", "lt", 10, false);
        yield return Row("absent", "ge", "", false);

        // between, inclusive
        yield return Row("n", "between", L(1, 5), true);
        yield return Row("n", "between", L(5, 5), true);
        yield return Row("n", "between", L(5, 10), true);
        yield return Row("n", "between", L(6, 10), false);
        yield return Row("n", "between", L(1.5, 5.5), true);
        yield return Row("n", "between", L(10, 1), false);
        yield return Row("n", "between", L("1", "9"), false);
        yield return Row("d", "between", L(2.5, 3), true);
        yield return Row("d", "between", L(1, 2), false);
        yield return Row("s", "between", L("a", "z"), true);
        yield return Row("s", "between", L("hello", "hello"), true);
        yield return Row("s", "between", L("i", "z"), false);
        yield return Row("s", "between", L(1, 10), false);
        yield return Row("b", "between", L(false, true), false);
        yield return Row("l", "between", L("a", "z"), false);
        yield return Row("m", "between", L(0, 10), false);
        yield return Row("z", "between", L(1, 5), false);
        yield return Row("absent", "between", L(1, 5), false);

        // beginsWith
        yield return Row("s", "beginsWith", "he", true);
        yield return Row("s", "beginsWith", "hello", true);
        yield return Row("s", "beginsWith", "", true);
        yield return Row("s", "beginsWith", "He", false);
        yield return Row("s", "beginsWith", "ello", false);
        yield return Row("s", "beginsWith", "hello!", false);
        yield return Row("s", "beginsWith", null, false);
        yield return Row("n", "beginsWith", "5", false);
        yield return Row("d", "beginsWith", "2", false);
        yield return Row("b", "beginsWith", "t", false);
        yield return Row("l", "beginsWith", "a", false);
        yield return Row("m", "beginsWith", "x", false);
        yield return Row("z", "beginsWith", "", false);
        yield return Row("absent", "beginsWith", "", false);

        // contains: substring of a string, element of a list
        yield return Row("s", "contains", "ell", true);
        yield return Row("s", "contains", "", true);
        yield return Row("s", "contains", "ELL", false);
        yield return Row("s", "contains", "xyz", false);
        yield return Row("s", "contains", 5, false);
        yield return Row("l", "contains", "a", true);
        yield return Row("l", "contains", 3, true);
        yield return Row("l", "contains", "c", false);
        yield return Row("l", "contains", "ab", false);
        yield return Row("n", "contains", 5, false);
        yield return Row("d", "contains", 2.5, false);
        yield return Row("b", "contains", true, false);
        yield return Row("m", "contains", "x", false);
        yield return Row("z", "contains", null, false);
        yield return Row("absent", "contains", "a", false);

        // notContains: the exact negation of contains
        yield return Row("s", "notContains", "ell", false);
        yield return Row("s", "notContains", "xyz", true);
        yield return Row("l", "notContains", "a", false);
        yield return Row("l", "notContains", "c", true);
        yield return Row("n", "notContains", 5, true);
        yield return Row("d", "notContains", 2.5, true);
        yield return Row("b", "notContains", true, true);
        yield return Row("m", "notContains", "x", true);
        yield return Row("z", "notContains", "a", true);
        yield return Row("absent", "notContains", "a", true);

        // in
        yield return Row("s", "in", L("a", "hello"), true);
        yield return Row("s", "in", L("a"), false);
        yield return Row("s", "in", L(), false);
        yield return Row("s", "in", new[] { "x", "hello" }, true);
        yield return Row("n", "in", L(1, 5), true);
        yield return Row("n", "in", new[] { 1, 5 }.Select(number => (object?)number), true);
        yield return Row("n", "in", L(5.0), true);
        yield return Row("n", "in", L("5"), false);
        yield return Row("d", "in", L(1.5, 2.5), true);
        yield return Row("d", "in", L(2), false);
        yield return Row("b", "in", L(true), true);
        yield return Row("b", "in", L(false), false);
        yield return Row("l", "in", L(L("a", "b", 3)), true);
        yield return Row("l", "in", L("a", "b"), false);
        yield return Row("m", "in", L(new Dictionary<string, object?> { ["x"] = 1, ["y"] = "z" }), true);
        yield return Row("m", "in", L("x"), false);
        yield return Row("z", "in", L(null, "x"), true);
        yield return Row("z", "in", L("x"), false);
        yield return Row("absent", "in", L((object?)null), false);
        yield return Row("absent", "in", L("x"), false);

        // notIn: the exact negation of in
        yield return Row("s", "notIn", L("a"), true);
        yield return Row("s", "notIn", L("hello"), false);
        yield return Row("n", "notIn", L(5), false);
        yield return Row("n", "notIn", L(6, 7), true);
        yield return Row("d", "notIn", L(2.5), false);
        yield return Row("b", "notIn", L(false), true);
        yield return Row("l", "notIn", L("a"), true);
        yield return Row("m", "notIn", L("x"), true);
        yield return Row("z", "notIn", L((object?)null), false);
        yield return Row("absent", "notIn", L("x"), true);
        yield return Row("absent", "notIn", L((object?)null), true);

        // attributeExists
        foreach (string field in new[] { "s", "n", "d", "b", "l", "m", "z" })
        {
            yield return Row(field, "attributeExists", true, true);
            yield return Row(field, "attributeExists", false, false);
        }

        yield return Row("absent", "attributeExists", true, false);
        yield return Row("absent", "attributeExists", false, true);

        // attributeType
        yield return Row("s", "attributeType", "string", true);
        yield return Row("s", "attributeType", "number", false);
        yield return Row("s", "attributeType", "stringSet", false);
        yield return Row("s", "attributeType", TestAttributeType.@string, true);
        yield return Row("n", "attributeType", "number", true);
        yield return Row("n", "attributeType", TestAttributeType.number, true);
        yield return Row("n", "attributeType", "numberSet", false);
        yield return Row("d", "attributeType", "number", true);
        yield return Row("b", "attributeType", "bool", true);
        yield return Row("b", "attributeType", "string", false);
        yield return Row("l", "attributeType", "list", true);
        yield return Row("l", "attributeType", "stringSet", false);
        yield return Row("m", "attributeType", "map", true);
        yield return Row("m", "attributeType", "binary", false);
        yield return Row("z", "attributeType", "_null", true);
        yield return Row("z", "attributeType", "string", false);
        yield return Row("absent", "attributeType", "_null", false);
        yield return Row("absent", "attributeType", "string", false);

        // size: string length, list count, map count; no size for the other kinds
        yield return Row("s", "size", Size("eq", 5), true);
        yield return Row("s", "size", Size("gt", 4), true);
        yield return Row("s", "size", Size("lt", 5), false);
        yield return Row("s", "size", Size("le", 5), true);
        yield return Row("s", "size", Size("ge", 6), false);
        yield return Row("s", "size", Size("ne", 5), false);
        yield return Row("s", "size", Size("ne", 4), true);
        yield return Row("s", "size", Size("between", L(1, 5)), true);
        yield return Row("s", "size", Size("between", L(6, 9)), false);
        yield return Row("s", "size", new Dictionary<string, object?> { ["gt"] = 1, ["lt"] = 10 }, true);
        yield return Row("s", "size", new Dictionary<string, object?> { ["gt"] = 1, ["lt"] = 3 }, false);
        yield return Row("s", "size", new Dictionary<string, object?>(), true);
        yield return Row("emoji", "size", Size("eq", 2), true);
        yield return Row("l", "size", Size("eq", 3), true);
        yield return Row("l", "size", Size("gt", 3), false);
        yield return Row("m", "size", Size("eq", 2), true);
        yield return Row("m", "size", Size("lt", 2), false);
        yield return Row("n", "size", Size("eq", 1), false);
        yield return Row("d", "size", Size("ge", 0), false);
        yield return Row("b", "size", Size("ge", 0), false);
        yield return Row("z", "size", Size("ge", 0), false);
        yield return Row("z", "size", Size("ne", 1), false);
        yield return Row("absent", "size", Size("ge", 0), false);
        yield return Row("absent", "size", Size("ne", 1), false);
    }

    private static Dictionary<string, object?> Size(string op, object? operand) => new() { [op] = operand };

    private static TestCaseData Row(string field, string op, object? operand, bool expected)
        => new TestCaseData(field, op, operand, expected).SetName($"{field} {op} {Show(operand)} is {expected}");

    private static string Show(object? value) => value switch
    {
        null => "null",
        string text => "\"" + text + "\"",
        IDictionary<string, object?> map => "{" + string.Join(", ", map.Select(entry => entry.Key + ": " + Show(entry.Value))) + "}",
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Show)) + "]",
        _ => value.GetType().Name + " " + Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    [TestCaseSource(nameof(Rows))]
    public void Operator_semantics(string field, string op, object? operand, bool expected)
    {
        var filter = new Dictionary<string, object?> { [field] = new Dictionary<string, object?> { [op] = operand } };

        Assert.That(FilterEvaluator.Matches(Item, filter), Is.EqualTo(expected));
    }
}
