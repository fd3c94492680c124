using Amplify.DataStore.Predicates;
using Amplify.DataStore.Predicates.Evaluation;
using Amplify.DataStore.Sorting;
using Amplify.DataStore.Runtime.Tests.Storage.Models;
using static Amplify.DataStore.Predicates.PredicateOperator;
using static Amplify.DataStore.Runtime.Tests.Storage.P;

namespace Amplify.DataStore.Runtime.Tests.Predicates.Evaluation;

/// <summary>The reference predicate semantics, with explicit expectations (adapters are then checked against it).</summary>
public class PredicateEvaluatorTests
{
    private static bool Test(FieldValue value, PredicateOperator op, params FieldValue[] operands)
        => PredicateEvaluator.Matches(value, C("f", op, operands));

    private static IEnumerable<TestCaseData> Cases()
    {
        TestCaseData Case(FieldValue value, PredicateOperator op, FieldValue[] operands, bool expected, string name)
            => new TestCaseData(value, op, operands).Returns(expected).SetName(name);

        // Null operands and null fields.
        yield return Case(Null, Eq, [Null], true, "Eq null matches null");
        yield return Case(S("a"), Eq, [Null], false, "Eq null rejects value");
        yield return Case(Null, Ne, [Null], false, "Ne null rejects null");
        yield return Case(S("a"), Ne, [Null], true, "Ne null matches value");
        yield return Case(Null, Ne, [S("a")], true, "Ne value matches null field");
        yield return Case(Null, Eq, [S("a")], false, "Eq value rejects null field");
        foreach (var op in new[] { Lt, Le, Gt, Ge, BeginsWith })
        {
            yield return Case(Null, op, [S("a")], false, $"{op} on null field is false");
            yield return Case(S("a"), op, [Null], false, $"{op} with null operand is false");
        }
        yield return Case(Null, Between, [I(1), I(2)], false, "Between on null field is false");
        yield return Case(Null, PredicateOperator.Contains, [S("a")], false, "Contains on null field is false");
        yield return Case(Null, NotContains, [S("a")], true, "NotContains on null field is true");

        // Numbers compare numerically across Int and Float.
        yield return Case(I(3), Eq, [F(3.0)], true, "Int equals integral Float");
        yield return Case(I(3), Eq, [F(3.5)], false, "Int never equals fraction");
        yield return Case(I(3), Lt, [F(3.5)], true, "Int less than Float");
        yield return Case(F(2.5), Gt, [I(2)], true, "Float greater than Int");
        yield return Case(I(-1), Le, [I(-1)], true, "Le inclusive");
        yield return Case(I(long.MaxValue), Gt, [I(long.MaxValue - 1)], true, "Int64 compares exactly");

        // Strings: ordinal, case-sensitive.
        yield return Case(S("B"), Lt, [S("a")], true, "Ordinal: upper case sorts before lower case");
        yield return Case(S("a"), Eq, [S("A")], false, "Eq is case-sensitive");
        yield return Case(S("é"), Gt, [S("z")], true, "Ordinal: non-ASCII after ASCII");
        yield return Case(S("abc"), BeginsWith, [S("ab")], true, "BeginsWith prefix");
        yield return Case(S("abc"), BeginsWith, [S("AB")], false, "BeginsWith is case-sensitive");
        yield return Case(S("abc"), BeginsWith, [S("")], true, "BeginsWith empty");
        yield return Case(S("abc"), PredicateOperator.Contains, [S("bc")], true, "Contains substring");
        yield return Case(S("abc"), PredicateOperator.Contains, [S("BC")], false, "Contains is case-sensitive");
        yield return Case(S("abc"), PredicateOperator.Contains, [S("")], true, "Contains empty string");
        yield return Case(S("a\u00ADb"), PredicateOperator.Contains, [S("ab")], false, "Contains is ordinal (no ignorable characters)");
        yield return Case(S("abc"), NotContains, [S("x")], true, "NotContains");
        yield return Case(S("b"), Between, [S("a"), S("b")], true, "Between inclusive upper");
        yield return Case(S("a"), Between, [S("a"), S("b")], true, "Between inclusive lower");
        yield return Case(S("c"), Between, [S("a"), S("b")], false, "Between outside");
        yield return Case(S("a"), Between, [S("a")], false, "Between needs two operands");
        yield return Case(S("b"), Between, [S("c"), S("a")], false, "Between with low above high");

        // Temporal values: instant order, ties by text; equality by text.
        yield return Case(DateTime("2020-01-01T00:00:00Z"), Eq, [DateTime("2020-01-01T01:00:00+01:00")], false, "DateTime equality is by text");
        yield return Case(DateTime("2020-01-01T00:00:00Z"), Lt, [DateTime("2020-01-01T01:00:00+01:00")], true, "DateTime same instant orders by text");
        yield return Case(DateTime("2020-01-01T00:30:00Z"), Gt, [DateTime("2020-01-01T01:00:00+01:00")], true, "DateTime orders by instant not text");
        yield return Case(Date("2020-01-02+05:00"), Lt, [Date("2020-01-02")], true, "Date with positive offset starts earlier");
        yield return Case(Time("10:00-03:00"), Gt, [Time("12:00")], true, "Time with negative offset is later");
        yield return Case(Time("12:00"), Eq, [Time("12:00:00")], false, "Time equality is by text");
        yield return Case(Date("2020-01-01"), Lt, [DateTime("2020-01-02T00:00:00Z")], false, "Date and DateTime do not compare");

        // Booleans: equality only.
        yield return Case(B(true), Eq, [B(true)], true, "Boolean Eq");
        yield return Case(B(false), Ne, [B(true)], true, "Boolean Ne");
        yield return Case(B(false), Lt, [B(true)], false, "Boolean Lt is false");
        yield return Case(B(true), In, [B(false), B(true)], true, "Boolean In");

        // Lists: element containment.
        yield return Case(List(S("a"), S("b")), PredicateOperator.Contains, [S("b")], true, "List contains element");
        yield return Case(List(S("a"), S("b")), PredicateOperator.Contains, [S("B")], false, "List element equality is case-sensitive");
        yield return Case(List(I(1), Null), PredicateOperator.Contains, [Null], true, "List contains null element");
        yield return Case(List(I(1), I(2)), PredicateOperator.Contains, [F(2.0)], true, "List element equality is numeric");
        yield return Case(List(), NotContains, [S("a")], true, "Empty list NotContains");
        yield return Case(List(S("a")), Eq, [S("a")], false, "List never equals a scalar");
        yield return Case(List(S("a")), Lt, [S("b")], false, "Lists are not ordered");

        // In / NotIn.
        yield return Case(S("a"), In, [S("x"), S("a")], true, "In any");
        yield return Case(Null, In, [S("x"), Null], true, "In null operand matches null field");
        yield return Case(S("a"), In, [], false, "Empty In is false");
        yield return Case(S("a"), NotIn, [], true, "Empty NotIn is true");
        yield return Case(Null, NotIn, [S("a")], true, "NotIn on null field");
        yield return Case(I(2), In, [F(2.0)], true, "In compares numerically");

        // Incompatible kinds never throw and never match.
        yield return Case(S("1"), Eq, [I(1)], false, "String never equals number");
        yield return Case(S("1"), Ne, [I(1)], true, "Ne of incompatible kinds is true");
        yield return Case(S("1"), Lt, [I(2)], false, "String never orders against number");
        yield return Case(I(1), PredicateOperator.Contains, [I(1)], false, "Contains on a number is false");
        yield return Case(I(1), NotContains, [I(1)], true, "NotContains on a number is true");
        yield return Case(I(10), BeginsWith, [S("1")], false, "BeginsWith on a number is false");
    }

    [TestCaseSource(nameof(Cases))]
    public bool Condition(FieldValue value, PredicateOperator op, FieldValue[] operands) => Test(value, op, operands);

    [Test]
    public void Groups_CombineChildren()
    {
        var item = new Item { Id = "1", Name = "n", Count = 5 };
        var model = Item.Metadata;
        var yes = C("count", Eq, I(5));
        var no = C("count", Eq, I(6));
        Assert.Multiple(() =>
        {
            Assert.That(PredicateEvaluator.Matches(model, item, MatchAll.Instance), Is.True);
            Assert.That(PredicateEvaluator.Matches(model, item, And(yes, yes)), Is.True);
            Assert.That(PredicateEvaluator.Matches(model, item, And(yes, no)), Is.False);
            Assert.That(PredicateEvaluator.Matches(model, item, Or(no, yes)), Is.True);
            Assert.That(PredicateEvaluator.Matches(model, item, Or(no, no)), Is.False);
            Assert.That(PredicateEvaluator.Matches(model, item, Not(no)), Is.True);
            Assert.That(PredicateEvaluator.Matches(model, item, And()), Is.True);
            Assert.That(PredicateEvaluator.Matches(model, item, Or()), Is.False);
            Assert.That(PredicateEvaluator.Matches(model, item, C("count", Eq, I(5))), Is.True);
            Assert.That(PredicateEvaluator.Matches(model, item, C("rating", Eq, Null)), Is.True, "missing counts as null");
        });
    }

    [Test]
    public void NestedPaths_AreRejected()
    {
        var nested = new FieldCondition(FieldPath.Of("owner").Append("name"), Eq, [S("x")]);
        Assert.Throws<ArgumentException>(() => PredicateEvaluator.Matches(Item.Metadata, new Item { Name = "n" }, nested));
    }

    [Test]
    public void ItemComparer_SortsNullsFirstAscendingLastDescending_ThenByKey()
    {
        var items = new[]
        {
            new Item { Id = "d", Name = "n", Count = 1 },
            new Item { Id = "c", Name = "n" },
            new Item { Id = "b", Name = "n", Count = 2 },
            new Item { Id = "a", Name = "n", Count = 1 },
            new Item { Id = "e", Name = "n" },
        };
        string Order(params SortClause[] sort)
        {
            var sorted = items.ToList();
            sorted.Sort(ItemComparer.Create(Item.Metadata, sort));
            return string.Concat(sorted.Select(i => i.Id));
        }
        Assert.Multiple(() =>
        {
            Assert.That(Order(), Is.EqualTo("abcde"));
            Assert.That(Order(new SortClause("count", SortDirection.Ascending)), Is.EqualTo("ceadb"));
            Assert.That(Order(new SortClause("count", SortDirection.Descending)), Is.EqualTo("badce"));
            Assert.That(Order(new SortClause("name", SortDirection.Descending), new SortClause("id", SortDirection.Descending)), Is.EqualTo("edcba"));
        });
    }
}
