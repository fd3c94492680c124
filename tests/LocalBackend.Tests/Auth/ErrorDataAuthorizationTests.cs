using System.Net;
using System.Text.Json.Nodes;
using Amplify.DataStore.LocalBackend.Conflicts;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Auth;

/// <summary>
/// Conflict and condition errors carry the stored item in <c>errors[].data</c> only for a caller allowed to read it;
/// anyone else gets AppSync's <c>Unauthorized</c> for the mutation, and nothing of the item is in the response bytes.
/// One model per rule shape: implicit owner field (plus a list <c>ownerField</c> that may update but not read), a
/// <c>@belongsTo</c> child, a declared <c>ownerField</c> with <c>identityClaim: "sub"</c>, a custom identity claim
/// with a static group that may write but not read, and dynamic <c>groupsField</c> rules with a custom <c>groupClaim</c>.
/// </summary>
public sealed class ErrorDataAuthorizationTests
{
    private const string Schema = """
        type Diary @model @auth(rules: [{ allow: owner }, { allow: owner, ownerField: "editors", operations: [update, delete] }]) {
          id: ID!
          entry: String!
          editors: [String]
          pages: [Page] @hasMany
        }
        type Page @model @auth(rules: [{ allow: owner }]) {
          id: ID!
          text: String!
          diary: Diary @belongsTo
        }
        type Letter @model @auth(rules: [{ allow: owner, ownerField: "writer", identityClaim: "sub" }, { allow: private, operations: [create] }]) {
          id: ID!
          writer: String
          text: String!
        }
        type Memo @model @auth(rules: [{ allow: owner, identityClaim: "email" }, { allow: groups, groups: ["Clerks"], operations: [create, update, delete] }]) {
          id: ID!
          owner: String
          text: String!
        }
        type Plan @model @auth(rules: [
          { allow: groups, groupsField: "readers", operations: [read] },
          { allow: groups, groupsField: "writers", groupClaim: "custom:teams", operations: [create, update, delete] }
        ]) {
          id: ID!
          readers: [String]
          writers: [String]
          text: String!
        }
        """;

    /// <summary>Alice's private text; it must never reach Bob, in any form.</summary>
    private const string Private = "alicePrivateText7f3a";

    private readonly string _alice = TestTokens.Issue(sub: "sub-alice", username: "alice", groups: new[] { "blue" },
        extraClaims: new Dictionary<string, object> { ["email"] = "alice@example.com", ["custom:teams"] = new[] { "blue" } });

    private readonly string _bob = TestTokens.Issue(sub: "sub-bob", username: "bob", groups: new[] { "Clerks", "red" },
        extraClaims: new Dictionary<string, object> { ["email"] = "bob@example.com", ["custom:teams"] = new[] { "red" } });

    private Backend _backend = null!;

    [SetUp]
    public async Task StartAsync() => _backend = await Backend.StartAsync(Schema, o =>
    {
        o.Jwt.HmacSecrets.Add(TestTokens.Secret);
        o.Jwt.Issuer = TestTokens.Issuer;
        o.ConflictStrategy = ConflictStrategy.OptimisticConcurrency; // stale versions answer ConflictUnhandled with the item
    });

    [TearDown]
    public async Task StopAsync() => await _backend.DisposeAsync();

    /// <summary>A model (and its plural), the text field holding <see cref="Private"/>, and the inputs Alice and Bob create with.</summary>
    public sealed record Shape(string Model, string Plural, string TextField, Dictionary<string, object> AliceInput, Dictionary<string, object> BobCreateInput)
    {
        public override string ToString() => Model;
    }

    private static IEnumerable<Shape> Shapes() => new[]
    {
        new Shape("Diary", "Diaries", "entry", new() { ["entry"] = Private, ["editors"] = new[] { "bob" } }, new() { ["entry"] = "bob's" }),
        new Shape("Page", "Pages", "text", new() { ["text"] = Private }, new() { ["text"] = "bob's" }),
        new Shape("Letter", "Letters", "text", new() { ["text"] = Private }, new() { ["text"] = "bob's" }),
        new Shape("Memo", "Memos", "text", new() { ["text"] = Private }, new() { ["text"] = "bob's" }),
        new Shape("Plan", "Plans", "text", new() { ["text"] = Private, ["readers"] = new[] { "blue" }, ["writers"] = new[] { "blue", "red" } },
            new() { ["text"] = "bob's", ["writers"] = new[] { "red" } }),
    };

    [TestCaseSource(nameof(Shapes))]
    public async Task Creating_over_another_users_item_is_Unauthorized_and_shows_nothing_of_it(Shape shape)
    {
        var id = await CreateAsAliceAsync(shape);
        var input = new Dictionary<string, object>(shape.BobCreateInput) { ["id"] = id };
        await AssertRefusedWithoutLeakAsync(shape, "create",
            $"mutation($i: Create{shape.Model}Input!) {{ create{shape.Model}(input: $i) {{ id {shape.TextField} _version _lastChangedAt }} }}",
            new { i = input });
    }

    [TestCaseSource(nameof(Shapes))]
    public async Task A_failed_update_condition_or_stale_version_is_Unauthorized_for_a_caller_who_cannot_read_the_item(Shape shape)
    {
        var id = await CreateAsAliceAsync(shape);
        var update = $"mutation($i: Update{shape.Model}Input!, $c: Model{shape.Model}ConditionInput) {{ update{shape.Model}(input: $i, condition: $c) {{ id {shape.TextField} _version }} }}";
        await AssertRefusedWithoutLeakAsync(shape, "update", update, new
        {
            i = new Dictionary<string, object> { ["id"] = id, [shape.TextField] = "bob's", ["_version"] = 1 },
            c = new Dictionary<string, object> { [shape.TextField] = new { eq = "not the text" } },
        });
        await AssertRefusedWithoutLeakAsync(shape, "update", update, new
        {
            i = new Dictionary<string, object> { ["id"] = id, [shape.TextField] = "bob's", ["_version"] = 7 },
        });
    }

    [TestCaseSource(nameof(Shapes))]
    public async Task A_failed_delete_condition_or_stale_version_is_Unauthorized_for_a_caller_who_cannot_read_the_item(Shape shape)
    {
        var id = await CreateAsAliceAsync(shape);
        var delete = $"mutation($i: Delete{shape.Model}Input!, $c: Model{shape.Model}ConditionInput) {{ delete{shape.Model}(input: $i, condition: $c) {{ id {shape.TextField} _version }} }}";
        await AssertRefusedWithoutLeakAsync(shape, "delete", delete, new
        {
            i = new { id, _version = 1 },
            c = new Dictionary<string, object> { [shape.TextField] = new { eq = "not the text" } },
        });
        await AssertRefusedWithoutLeakAsync(shape, "delete", delete, new { i = new { id, _version = 7 } });
    }

    [TestCaseSource(nameof(Shapes))]
    public async Task A_caller_who_may_read_the_item_still_gets_it_in_the_error(Shape shape)
    {
        var id = await CreateAsAliceAsync(shape);
        var (_, body) = await _backend.PostAsync(
            $"mutation($i: Update{shape.Model}Input!, $c: Model{shape.Model}ConditionInput) {{ update{shape.Model}(input: $i, condition: $c) {{ id {shape.TextField} }} }}",
            new
            {
                i = new Dictionary<string, object> { ["id"] = id, [shape.TextField] = "changed", ["_version"] = 1 },
                c = new Dictionary<string, object> { [shape.TextField] = new { eq = "not the text" } },
            },
            apiKey: null, jwt: _alice);
        var error = body["errors"]![0]!;
        Assert.That((string)error["errorType"]!, Is.EqualTo("ConditionalCheckFailedException"), body.ToJsonString());
        Assert.That((string)error["data"]![shape.TextField]!, Is.EqualTo(Private));
    }

    private async Task<string> CreateAsAliceAsync(Shape shape)
    {
        var data = await _backend.DataAsync($"mutation($i: Create{shape.Model}Input!) {{ create{shape.Model}(input: $i) {{ id }} }}", new { i = shape.AliceInput }, _alice);
        return (string)data["create" + shape.Model]!["id"]!;
    }

    private async Task AssertRefusedWithoutLeakAsync(Shape shape, string verb, string query, object variables)
    {
        var field = verb + shape.Model;
        var (status, text) = await _backend.PostTextAsync(query, variables, apiKey: null, jwt: _bob);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(text, Does.Not.Contain(Private), "no part of Alice's item may appear");
        Assert.That(text, Does.Not.Contain("sub-alice").And.Not.Contain("alice@example.com").And.Not.Contain("blue"), "not even its owner or groups");
        var body = (JsonObject)JsonNode.Parse(text)!;
        Assert.That(body["data"]![field], Is.Null, text);
        var errors = body["errors"]!.AsArray();
        Assert.That(errors, Has.Count.EqualTo(1), text);
        Assert.That((string)errors[0]!["errorType"]!, Is.EqualTo("Unauthorized"), text);
        Assert.That((string)errors[0]!["message"]!, Is.EqualTo($"Not Authorized to access {field} on type Mutation"));
        Assert.That(errors[0]!["data"], Is.Null);

        var stored = await _backend.DataAsync("{ sync" + shape.Plural + " { items { " + shape.TextField + " _version _deleted } } }", jwt: _alice);
        var item = stored["sync" + shape.Plural]!["items"]![0]!;
        Assert.That((string)item[shape.TextField]!, Is.EqualTo(Private), "Alice's item is untouched");
        Assert.That((int)item["_version"]!, Is.EqualTo(1));
    }
}
