using Amplify.DataStore.Predicates;
using Amplify.DataStore.Storage.LiteDb;
using Amplify.DataStore.Runtime.Tests.Storage.Models;
using LiteDB;
using static Amplify.DataStore.Runtime.Tests.Storage.P;

namespace Amplify.DataStore.Runtime.Tests.Storage.LiteDb;

/// <summary>What the LiteDB predicate compiler emits: parameterized sources, folded constants and in-memory residuals.</summary>
public class PredicateCompilerTests
{
    private static CompiledPredicate Compile(PredicateNode predicate) => PredicateCompiler.Compile(ModelStorage.For(Item.Metadata), predicate);

    private static IEnumerable<TestCaseData> Sources()
    {
        TestCaseData Case(PredicateNode predicate, string where, string name) => new TestCaseData(predicate).Returns(where).SetName(name);
        yield return Case(C("id", PredicateOperator.Eq, S("x")), "$._id = @0", "Single key compares on _id");
        yield return Case(C("name", PredicateOperator.Ne, S("x")), "$.name != @0", "Ne");
        yield return Case(C("name", PredicateOperator.Eq, Null), "$.name = null", "Is null");
        yield return Case(C("count", PredicateOperator.Lt, I(5)), "(IS_NUMBER($.count) = true AND $.count < @0)", "Lt guards against null");
        yield return Case(C("count", PredicateOperator.Ge, I(5)), "$.count >= @0", "Ge needs no guard");
        yield return Case(C("at", PredicateOperator.Gt, DateTime("2024-01-01T00:00:00Z")), "$.__k.at > @0", "Temporal compares on the sortable companion");
        yield return Case(C("day", PredicateOperator.Eq, Null), "$.day = null", "Temporal null test on the value");
        yield return Case(C("rating", PredicateOperator.Between, I(1), F(2.5)), "$.rating BETWEEN @0 AND @1", "Between");
        yield return Case(C("name", PredicateOperator.BeginsWith, S("ab")), "($.name >= @0 AND $.name < @1)", "BeginsWith is an ordinal range");
        yield return Case(C("name", PredicateOperator.BeginsWith, S("\uFFFF")), "$.name >= @0", "BeginsWith with no successor");
        yield return Case(C("name", PredicateOperator.BeginsWith, S("")), "IS_STRING($.name) = true", "BeginsWith empty");
        yield return Case(C("name", PredicateOperator.Contains, S("b")), "REPLACE($.name, @0, '') != $.name", "Contains substring");
        yield return Case(C("name", PredicateOperator.NotContains, S("b")), "(REPLACE($.name, @0, '') != $.name) = false", "NotContains");
        yield return Case(C("tags", PredicateOperator.Contains, S("a")), "$.tags[*] ANY = @0", "List contains");
        yield return Case(C("scores", PredicateOperator.Contains, Null), "$.scores[*] ANY = null", "List contains null");
        yield return Case(C("status", PredicateOperator.In, S("A"), S("B"), Null), "($.status IN @0 OR $.status = null)", "In with null");
        yield return Case(C("status", PredicateOperator.In, S("A")), "$.status = @0", "In with one value");
        yield return Case(C("status", PredicateOperator.NotIn, S("A"), S("B")), "($.status IN @0) = false", "NotIn");
        yield return Case(Not(C("count", PredicateOperator.Eq, I(1))), "($.count = @0) = false", "Not");
        yield return Case(Or(C("count", PredicateOperator.Eq, I(1)), And(C("name", PredicateOperator.Eq, S("a")), C("active", PredicateOperator.Eq, B(true)))),
            "($.count = @0 OR ($.name = @1 AND $.active = @2))", "Nested groups");
        yield return Case(And(C("count", PredicateOperator.Eq, I(1)), C("name", PredicateOperator.Eq, S("a"))), "$.count = @0 AND $.name = @1", "Top-level And stays flat for the optimizer");
    }

    [TestCaseSource(nameof(Sources))]
    public string? Where(PredicateNode predicate)
    {
        var compiled = Compile(predicate);
        Assert.That(compiled.IsFullyCompiled, Is.True);
        return compiled.Where;
    }

    [Test]
    public void Values_AreParameters_NeverInlined()
    {
        var first = Compile(And(C("name", PredicateOperator.Eq, S("it's secret")), C("count", PredicateOperator.Gt, I(41))));
        var second = Compile(And(C("name", PredicateOperator.Eq, S("other")), C("count", PredicateOperator.Gt, I(7))));
        Assert.Multiple(() =>
        {
            Assert.That(first.Where, Is.EqualTo(second.Where), "same shape, same source: LiteDB compiles it once");
            Assert.That(first.Where, Does.Not.Contain("secret").And.Not.Contain("41"));
            Assert.That(first.Parameters, Is.EqualTo(new BsonValue[] { "it's secret", 41 }));
        });
    }

    [Test]
    public void Operands_AreConvertedToTheFieldsBsonType()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Compile(C("count", PredicateOperator.Lt, F(4.5))).Parameters, Is.EqualTo(new BsonValue[] { 5 }), "n < 4.5 ⇔ n < 5");
            Assert.That(Compile(C("count", PredicateOperator.Le, F(4.5))).Parameters, Is.EqualTo(new BsonValue[] { 4 }), "n ≤ 4.5 ⇔ n ≤ 4");
            Assert.That(Compile(C("count", PredicateOperator.Gt, F(-4.5))).Parameters, Is.EqualTo(new BsonValue[] { -5 }), "n > -4.5 ⇔ n > -5");
            Assert.That(Compile(C("count", PredicateOperator.Eq, F(3.0))).Parameters[0].Type, Is.EqualTo(BsonType.Int32));
            Assert.That(Compile(C("count", PredicateOperator.Eq, I(long.MaxValue))).Parameters[0].Type, Is.EqualTo(BsonType.Int64));
            Assert.That(Compile(C("rating", PredicateOperator.Eq, I(3))).Parameters[0].Type, Is.EqualTo(BsonType.Double));
            Assert.That(Compile(C("stamp", PredicateOperator.Eq, I(3))).Parameters[0].Type, Is.EqualTo(BsonType.Int64));
            Assert.That(Compile(C("days", PredicateOperator.Contains, Date("2024-01-01+01:00"))).Parameters[0].AsString, Is.EqualTo("2024-01-01+01:00"), "list elements compare on text");
        });
    }

    [Test]
    public void AlwaysFalseOrTrueConditions_FoldToConstants()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Compile(C("count", PredicateOperator.Eq, F(4.5))).MatchesNothing, Is.True, "no Int equals a fraction");
            Assert.That(Compile(C("active", PredicateOperator.Lt, B(true))).MatchesNothing, Is.True, "booleans are unordered");
            Assert.That(Compile(C("name", PredicateOperator.Eq, I(1))).MatchesNothing, Is.True, "mismatched kinds");
            Assert.That(Compile(C("name", PredicateOperator.Between, S("b"), S("a"))).MatchesNothing, Is.True, "reversed range");
            Assert.That(Compile(C("status", PredicateOperator.In)).MatchesNothing, Is.True, "empty In");
            Assert.That(Compile(And(C("name", PredicateOperator.Eq, S("a")), C("count", PredicateOperator.BeginsWith, S("1")))).MatchesNothing, Is.True);
            var always = Compile(Or(C("name", PredicateOperator.Ne, I(1)), C("count", PredicateOperator.Eq, I(1))));
            Assert.That((always.MatchesNothing, always.Where, always.Residual), Is.EqualTo((false, (string?)null, (PredicateNode?)null)), "Ne of mismatched kinds is always true");
        });
    }

    [Test]
    public void InexpressibleParts_StayInMemory()
    {
        var embedded = C("address", PredicateOperator.Eq, Null);
        var mixed = Compile(And(embedded, C("count", PredicateOperator.Eq, I(1)), C("count", PredicateOperator.Eq, F(double.NaN))));
        Assert.Multiple(() =>
        {
            Assert.That(mixed.Where, Is.EqualTo("$.count = @0"));
            Assert.That(mixed.Parameters, Has.Length.EqualTo(1));
            Assert.That(mixed.Residual, Is.EqualTo(And(embedded, C("count", PredicateOperator.Eq, F(double.NaN)))));
            var or = Compile(Or(C("count", PredicateOperator.Eq, I(1)), embedded));
            Assert.That((or.Where, or.Parameters.Length), Is.EqualTo(((string?)null, 0)), "an Or with an inexpressible child stays whole");
            Assert.That(Compile(C("tags", PredicateOperator.Eq, List(S("a")))).Residual, Is.Not.Null, "list equality");
            Assert.That(Compile(C("stamp", PredicateOperator.Gt, F(1e300))).Residual, Is.Not.Null, "beyond 2^53");
            Assert.That(Compile(new FieldCondition(FieldPath.Of("owner").Append("id"), PredicateOperator.Eq, [S("x")])).Residual, Is.Not.Null, "nested path");
        });
    }

    [Test]
    public void Successor_IsTheSmallestStringAfterAllExtensions()
    {
        Assert.Multiple(() =>
        {
            Assert.That(PredicateCompiler.Successor("ab"), Is.EqualTo("ac"));
            Assert.That(PredicateCompiler.Successor("a\uFFFF"), Is.EqualTo("b"));
            Assert.That(PredicateCompiler.Successor("\uFFFF\uFFFF"), Is.Null);
        });
    }
}
