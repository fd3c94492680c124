using Amplify.DataStore.Predicates;
using Amplify.DataStore.Serialization;
using Amplify.DataStore.Runtime.Tests.Storage.Models;
using static Amplify.DataStore.Runtime.Tests.Storage.P;

namespace Amplify.DataStore.Runtime.Tests.Serialization;

/// <summary>
/// The condition JSON the outbox keeps for AppSync. Expected shapes follow amplify-js
/// (packages/datastore/src/sync/utils.ts, predicateToGraphQLCondition → predicateToGraphQLFilter): a leaf is
/// <c>{field:{operator:operand}}</c>, the root is an <c>and</c> list (replaced by its only child when that child is an
/// and/or list), a nested and/or with one child is that child, <c>not</c> holds one object. Deliberate differences (the
/// transformer's condition input has no <c>in</c>/<c>notIn</c> and no partition key) are marked.
/// </summary>
public class AppSyncConditionWriterTests
{
    private static string? Json(PredicateNode? node) => AppSyncConditionWriter.ToJson(Item.Metadata, node);

    [Test]
    public void No_condition_and_all_are_no_condition()
    {
        Assert.That(Json(null), Is.Null);
        Assert.That(Json(MatchAll.Instance), Is.Null);
    }

    // A single comparison at the root: amplify-js keeps the root 'and' list around a leaf.
    [TestCase(PredicateOperator.Eq, "eq")]
    [TestCase(PredicateOperator.Ne, "ne")]
    [TestCase(PredicateOperator.Le, "le")]
    [TestCase(PredicateOperator.Lt, "lt")]
    [TestCase(PredicateOperator.Ge, "ge")]
    [TestCase(PredicateOperator.Gt, "gt")]
    [TestCase(PredicateOperator.Contains, "contains")]
    [TestCase(PredicateOperator.NotContains, "notContains")]
    [TestCase(PredicateOperator.BeginsWith, "beginsWith")]
    public void Each_single_operand_operator_is_written_by_its_AppSync_name(PredicateOperator op, string name)
        => Assert.That(Json(C("name", op, S("ab"))), Is.EqualTo("{\"and\":[{\"name\":{\"" + name + "\":\"ab\"}}]}"));

    [Test]
    public void Between_keeps_both_bounds_in_a_list()
        => Assert.That(Json(C("count", PredicateOperator.Between, I(1), I(5))), Is.EqualTo("""{"and":[{"count":{"between":[1,5]}}]}"""));

    [Test]
    public void In_is_an_or_of_eq_and_notIn_an_and_of_ne()
    {
        // Differs from amplify-js, which sends {"count":{"in":[…]}}: ModelIntInput (the condition input) has no 'in'.
        Assert.That(Json(C("count", PredicateOperator.In, I(1), I(2), I(3))),
            Is.EqualTo("""{"or":[{"count":{"eq":1}},{"count":{"eq":2}},{"count":{"eq":3}}]}"""));
        Assert.That(Json(C("count", PredicateOperator.NotIn, I(1), I(2))),
            Is.EqualTo("""{"and":[{"count":{"ne":1}},{"count":{"ne":2}}]}"""));
        Assert.That(Json(C("count", PredicateOperator.In, I(7))), Is.EqualTo("""{"and":[{"count":{"eq":7}}]}"""));
        Assert.That(Json(C("count", PredicateOperator.NotIn, I(7))), Is.EqualTo("""{"and":[{"count":{"ne":7}}]}"""));
        Assert.That(Json(And(C("name", PredicateOperator.Eq, S("a")), C("count", PredicateOperator.In, I(1), I(2)))),
            Is.EqualTo("""{"and":[{"name":{"eq":"a"}},{"or":[{"count":{"eq":1}},{"count":{"eq":2}}]}]}"""));
    }

    [Test]
    public void Values_are_written_in_their_AppSync_wire_form()
    {
        Assert.That(Json(C("active", PredicateOperator.Eq, B(true))), Is.EqualTo("""{"and":[{"active":{"eq":true}}]}"""));
        Assert.That(Json(C("count", PredicateOperator.Gt, I(-3))), Is.EqualTo("""{"and":[{"count":{"gt":-3}}]}"""));
        Assert.That(Json(C("rating", PredicateOperator.Ge, F(4.5))), Is.EqualTo("""{"and":[{"rating":{"ge":4.5}}]}"""));
        Assert.That(Json(C("rating", PredicateOperator.Lt, F(0.1))), Is.EqualTo("""{"and":[{"rating":{"lt":0.1}}]}"""));
        // Enums travel as their GraphQL names (the field handles convert them to those strings).
        Assert.That(Json(C("status", PredicateOperator.Eq, S("ARCHIVED"))), Is.EqualTo("""{"and":[{"status":{"eq":"ARCHIVED"}}]}"""));
        // AWSDate / AWSTime / AWSDateTime as their ISO text, AWSTimestamp as seconds.
        Assert.That(Json(C("day", PredicateOperator.Le, Date("2026-12-07"))), Is.EqualTo("""{"and":[{"day":{"le":"2026-12-07"}}]}"""));
        Assert.That(Json(C("time", PredicateOperator.Gt, Time("12:30:05.5Z"))), Is.EqualTo("""{"and":[{"time":{"gt":"12:30:05.5Z"}}]}"""));
        Assert.That(Json(C("at", PredicateOperator.Between, DateTime("2026-01-01T00:00:00Z"), DateTime("2026-12-31T23:59:59.999+05:30"))),
            Is.EqualTo("""{"and":[{"at":{"between":["2026-01-01T00:00:00Z","2026-12-31T23:59:59.999+05:30"]}}]}"""));
        Assert.That(Json(C("stamp", PredicateOperator.Ge, FieldValue.From(AwsTimestamp.FromUnixTimeSeconds(1765065600)))),
            Is.EqualTo("""{"and":[{"stamp":{"ge":1765065600}}]}"""));
        // List fields: contains/notContains take one element.
        Assert.That(Json(C("tags", PredicateOperator.Contains, S("x"))), Is.EqualTo("""{"and":[{"tags":{"contains":"x"}}]}"""));
        Assert.That(Json(C("scores", PredicateOperator.NotContains, I(3))), Is.EqualTo("""{"and":[{"scores":{"notContains":3}}]}"""));
        // A sort-key-free model's other ID field is an ordinary field.
        Assert.That(Json(C("ownerId", PredicateOperator.Eq, S("o-1"))), Is.EqualTo("""{"and":[{"ownerId":{"eq":"o-1"}}]}"""));
    }

    [Test]
    public void Null_comparisons_send_null_as_the_operand()
    {
        // amplify-js passes the operand through unchanged: eq(null) is {"eq":null}.
        Assert.That(Json(C("name", PredicateOperator.Eq, Null)), Is.EqualTo("""{"and":[{"name":{"eq":null}}]}"""));
        Assert.That(Json(C("count", PredicateOperator.Ne, Null)), Is.EqualTo("""{"and":[{"count":{"ne":null}}]}"""));
    }

    [Test]
    public void Strings_are_escaped_like_ModelJson()
    {
        // Non-ASCII in the BMP as is, beyond it (emoji) as \u pairs, quotes and controls escaped (AwsJsonText.WriterOptions).
        Assert.That(Json(C("name", PredicateOperator.Eq, S("café ✓ 日本 😀 \"q\" <b>\n"))),
            Is.EqualTo("{\"and\":[{\"name\":{\"eq\":\"café ✓ 日本 \\uD83D\\uDE00 \\\"q\\\" <b>\\n\"}}]}"));
    }

    [Test]
    public void Groups_nest_as_amplify_js_writes_them()
    {
        var a = C("name", PredicateOperator.Eq, S("a"));
        var b = C("count", PredicateOperator.Gt, I(1));
        var c = C("active", PredicateOperator.Eq, B(false));
        const string A = """{"name":{"eq":"a"}}""", B_ = """{"count":{"gt":1}}""", C_ = """{"active":{"eq":false}}""";

        Assert.That(Json(And(a, b)), Is.EqualTo("{\"and\":[" + A + "," + B_ + "]}"));
        Assert.That(Json(Or(a, b)), Is.EqualTo("{\"or\":[" + A + "," + B_ + "]}"));
        // The root 'and' list keeps a 'not' child (only an and/or child replaces it).
        Assert.That(Json(Not(a)), Is.EqualTo("{\"and\":[{\"not\":" + A + "}]}"));
        Assert.That(Json(Not(And(a, b))), Is.EqualTo("{\"and\":[{\"not\":{\"and\":[" + A + "," + B_ + "]}}]}"));
        Assert.That(Json(And(a, Or(b, Not(c)))), Is.EqualTo("{\"and\":[" + A + ",{\"or\":[" + B_ + ",{\"not\":" + C_ + "}]}]}"));
        Assert.That(Json(Or(And(a, b), Not(Or(b, c)))),
            Is.EqualTo("{\"or\":[{\"and\":[" + A + "," + B_ + "]},{\"not\":{\"or\":[" + B_ + "," + C_ + "]}}]}"));
        // Redundant nested one-child lists are flattened; the root list itself keeps a single leaf.
        Assert.That(Json(And(a, Or(b))), Is.EqualTo("{\"and\":[" + A + "," + B_ + "]}"));
        Assert.That(Json(And(a)), Is.EqualTo("{\"and\":[" + A + "]}"));
        Assert.That(Json(Or(And(a))), Is.EqualTo("{\"and\":[" + A + "]}"));
        Assert.That(Json(Or(a)), Is.EqualTo("{\"and\":[" + A + "]}"));
        Assert.That(Json(And(Or(a, b))), Is.EqualTo("{\"or\":[" + A + "," + B_ + "]}"));
        Assert.That(Json(Or(Not(a))), Is.EqualTo("{\"and\":[{\"not\":" + A + "}]}"));
        Assert.That(Json(And(C("count", PredicateOperator.In, I(1), I(2)))), Is.EqualTo("""{"or":[{"count":{"eq":1}},{"count":{"eq":2}}]}"""));
        Assert.That(Json(Not(Or(a))), Is.EqualTo("{\"and\":[{\"not\":" + A + "}]}"));
    }

    [Test]
    public void A_field_of_a_related_model_is_refused_naming_field_and_operator()
    {
        var ex = Assert.Throws<ArgumentException>(() => Json(new FieldCondition(FieldPath.Of("owner").Append("name"), PredicateOperator.Eq, [S("x")])));
        Assert.That(ex!.Message, Does.Contain("'owner.name eq'").And.Contain("Item").And.Contain("ModelItemConditionInput").And.Contain("related model 'owner'"));
        // Also inside a group: nothing is silently dropped.
        Assert.Throws<ArgumentException>(() => Json(Or(C("count", PredicateOperator.Eq, I(1)),
            new FieldCondition(FieldPath.Of("owner").Append("id"), PredicateOperator.In, [S("a"), S("b")]))));
    }

    [Test]
    public void The_partition_key_is_refused_rather_than_dropped()
    {
        // amplify-js drops key fields from the condition, which turns e.g. or(id eq x, count eq 1) into count eq 1.
        var ex = Assert.Throws<ArgumentException>(() => Json(Or(C("id", PredicateOperator.Eq, S("x")), C("count", PredicateOperator.Eq, I(1)))));
        Assert.That(ex!.Message, Does.Contain("'id eq'").And.Contain("partition key"));
    }

    [Test]
    public void What_the_condition_input_cannot_express_is_refused()
    {
        Assert.That(Assert.Throws<ArgumentException>(() => Json(C("count", PredicateOperator.In)))!.Message, Does.Contain("'count in'").And.Contain("no values"));
        Assert.That(Assert.Throws<ArgumentException>(() => Json(C("count", PredicateOperator.NotIn)))!.Message, Does.Contain("'count notIn'"));
        Assert.That(Assert.Throws<ArgumentException>(() => Json(C("rating", PredicateOperator.Gt, F(double.NaN))))!.Message, Does.Contain("'rating gt'").And.Contain("NaN"));
        Assert.That(Assert.Throws<ArgumentException>(() => Json(C("rating", PredicateOperator.Lt, F(double.PositiveInfinity))))!.Message, Does.Contain("'rating lt'"));
        Assert.That(Assert.Throws<ArgumentException>(() => Json(C("address", PredicateOperator.Eq, S("x"))))!.Message, Does.Contain("'address eq'"));
        Assert.That(Assert.Throws<ArgumentException>(() => Json(C("owner", PredicateOperator.Eq, S("x"))))!.Message, Does.Contain("'owner eq'"));
        Assert.That(Assert.Throws<ArgumentException>(() => Json(C("nope", PredicateOperator.Eq, S("x"))))!.Message, Does.Contain("'nope eq'").And.Contain("no field"));
        Assert.That(Assert.Throws<ArgumentException>(() => Json(C("count", PredicateOperator.Between, I(1))))!.Message, Does.Contain("'count between'"));
        Assert.That(Assert.Throws<ArgumentException>(() => Json(Or()))!.Message, Does.Contain("empty or group"));
    }
}
