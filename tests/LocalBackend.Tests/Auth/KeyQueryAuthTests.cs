using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Auth;

/// <summary>Issue 14: index queries and hasMany key queries apply the model's read rules exactly as listX does.</summary>
public sealed class KeyQueryAuthTests
{
    private const string Schema = """
        type Board @model @auth(rules: [{ allow: public }]) {
          id: ID!
          notes: [Note] @hasMany(indexName: "byBoard", fields: ["id"])
        }
        type Note @model @auth(rules: [{ allow: owner }]) {
          id: ID!
          boardID: ID! @index(name: "byBoard", sortKeyFields: ["content"], queryField: "notesByBoard")
          content: String!
        }
        """;

    private Backend _backend = null!;
    private readonly string _alice = TestTokens.Issue(sub: "sub-alice", username: "alice");
    private readonly string _bob = TestTokens.Issue(sub: "sub-bob", username: "bob");

    [SetUp]
    public async Task StartAsync() => _backend = await Backend.StartAsync(Schema, o =>
    {
        o.InMemory = true;
        o.Jwt.HmacSecrets.Add(TestTokens.Secret);
        o.Jwt.Issuer = TestTokens.Issuer;
    });

    [TearDown]
    public async Task StopAsync() => await _backend.DisposeAsync();

    [Test]
    public async Task A_caller_who_may_not_read_the_model_cannot_read_it_through_an_index_query()
    {
        await _backend.DataAsync("mutation { createNote(input: { boardID: \"b1\", content: \"alice-1\" }) { id } }", jwt: _alice);
        await _backend.DataAsync("mutation { createNote(input: { boardID: \"b1\", content: \"bob-1\" }) { id } }", jwt: _bob);

        // API-key callers have no rule on Note: denied, as listNotes is.
        var (_, list) = await _backend.PostAsync("{ listNotes { items { id } } }");
        var (_, index) = await _backend.PostAsync("{ notesByBoard(boardID: \"b1\") { items { id content } } }");
        Assert.That((string)index["errors"]![0]!["errorType"]!, Is.EqualTo((string)list["errors"]![0]!["errorType"]!));
        Assert.That((string)index["errors"]![0]!["message"]!, Is.EqualTo("Not Authorized to access notesByBoard on type Query"));
        Assert.That(index["data"]!["notesByBoard"], Is.Null);

        // Owners see only their own items, with and without a sort-key condition.
        var alice = await _backend.DataAsync("{ notesByBoard(boardID: \"b1\") { items { content } } b: notesByBoard(boardID: \"b1\", content: { beginsWith: \"bob\" }) { items { content } } }", jwt: _alice);
        Assert.That(alice["notesByBoard"]!["items"]!.AsArray().Select(i => (string)i!["content"]!), Is.EqualTo(new[] { "alice-1" }));
        Assert.That(alice["b"]!["items"]!.AsArray(), Is.Empty, "bob's note is not readable through the condition either");

        // The public Board's hasMany connection applies Note's rules too.
        await _backend.DataAsync("mutation { createBoard(input: { id: \"b1\" }) { id } }");
        var (_, viaKey) = await _backend.PostAsync("{ getBoard(id: \"b1\") { id notes(content: { beginsWith: \"a\" }) { items { content } } } }");
        Assert.That((string)viaKey["errors"]![0]!["errorType"]!, Is.EqualTo("Unauthorized"), viaKey.ToJsonString());
        Assert.That(viaKey["data"]!["getBoard"]!["notes"], Is.Null);
    }
}
