using System.Net;
using System.Text.Json.Nodes;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Auth;

/// <summary>@auth owner and group rules over HTTP and the realtime socket, with locally signed JWTs.</summary>
public sealed class OwnerRuleTests
{
    private const string Schema = """
        type Note @model @auth(rules: [{ allow: owner }, { allow: groups, groups: ["Admin"] }]) {
          id: ID!
          content: String!
        }
        type Post @model @auth(rules: [{ allow: public }]) {
          id: ID!
          title: String!
        }
        """;

    private const string NoteFields = "id content owner _version _deleted _lastChangedAt";

    private Backend _backend = null!;
    private readonly string _alice = TestTokens.Issue(sub: "sub-alice", username: "alice");
    private readonly string _bob = TestTokens.Issue(sub: "sub-bob", username: "bob");
    private readonly string _admin = TestTokens.Issue(sub: "sub-admin", username: "admin", groups: new[] { "Admin" });

    [SetUp]
    public async Task StartAsync() => _backend = await Backend.StartAsync(Schema, o =>
    {
        o.Jwt.HmacSecrets.Add(TestTokens.Secret);
        o.Jwt.Issuer = TestTokens.Issuer;
    });

    [TearDown]
    public async Task StopAsync() => await _backend.DisposeAsync();

    private async Task<JsonObject> CreateNoteAsync(string jwt, string content)
        => (JsonObject)(await _backend.DataAsync($"mutation($i: CreateNoteInput!) {{ createNote(input: $i) {{ {NoteFields} }} }}", new { i = new { content } }, jwt))["createNote"]!;

    [Test]
    public async Task Owner_is_stored_as_sub_and_username_and_shown_as_username()
    {
        var note = await CreateNoteAsync(_alice, "mine");
        Assert.That((string)note["owner"]!, Is.EqualTo("alice"));
        // The filter sees the stored form, as AppSync's auth filter does.
        var data = await _backend.DataAsync("{ listNotes(filter: { owner: { eq: \"sub-alice::alice\" } }) { items { id } } }", jwt: _alice);
        Assert.That(data["listNotes"]!["items"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task User_b_cannot_read_update_delete_or_list_user_a_items()
    {
        var note = await CreateNoteAsync(_alice, "alice's");
        var id = (string)note["id"]!;

        var (_, get) = await _backend.PostAsync("query($id: ID!) { getNote(id: $id) { id } }", new { id }, apiKey: null, jwt: _bob);
        Assert.That((string)get["errors"]![0]!["errorType"]!, Is.EqualTo("Unauthorized"));
        Assert.That((string)get["errors"]![0]!["message"]!, Is.EqualTo("Not Authorized to access getNote on type Query"));

        var (_, update) = await _backend.PostAsync("mutation($i: UpdateNoteInput!) { updateNote(input: $i) { id } }", new { i = new { id, content = "bob was here", _version = 1 } }, apiKey: null, jwt: _bob);
        Assert.That((string)update["errors"]![0]!["errorType"]!, Is.EqualTo("Unauthorized"));
        var (_, delete) = await _backend.PostAsync("mutation($i: DeleteNoteInput!) { deleteNote(input: $i) { id } }", new { i = new { id, _version = 1 } }, apiKey: null, jwt: _bob);
        Assert.That((string)delete["errors"]![0]!["errorType"]!, Is.EqualTo("Unauthorized"));

        var bobList = await _backend.DataAsync("{ listNotes { items { id } } syncNotes { items { id } } }", jwt: _bob);
        Assert.That(bobList["listNotes"]!["items"]!.AsArray(), Is.Empty);
        Assert.That(bobList["syncNotes"]!["items"]!.AsArray(), Is.Empty);

        var aliceView = await _backend.DataAsync("query($id: ID!) { getNote(id: $id) { content _version } }", new { id }, _alice);
        Assert.That((string)aliceView["getNote"]!["content"]!, Is.EqualTo("alice's"), "nothing bob did landed");
        Assert.That((int)aliceView["getNote"]!["_version"]!, Is.EqualTo(1));

        var admin = await _backend.DataAsync("{ syncNotes { items { id } } }", jwt: _admin);
        Assert.That(admin["syncNotes"]!["items"]!.AsArray(), Has.Count.EqualTo(1), "a static group rule grants every item");
    }

    [Test]
    public async Task Creating_for_someone_else_is_refused_and_api_key_callers_get_nothing_from_owner_models()
    {
        var (_, body) = await _backend.PostAsync("mutation { createNote(input: { content: \"x\" }) { id } }", apiKey: "");
        Assert.That((string)body["errors"]![0]!["errorType"]!, Is.EqualTo("Unauthorized"));
        var posts = await _backend.DataAsync("mutation { createPost(input: { title: \"public\" }) { id } }");
        Assert.That(posts["createPost"], Is.Not.Null, "public (API key) models still work");
        var (_, spoof) = await _backend.PostAsync("mutation { createNote(input: { content: \"x\", owner: \"sub-bob::bob\" }) { id } }", apiKey: null, jwt: _alice);
        Assert.That((string)spoof["errors"]![0]!["message"]!, Does.StartWith("Validation error"), "the implicit owner field is not on the create input (§1.3)");
    }

    [Test]
    public async Task Subscriptions_deliver_only_own_items_and_a_foreign_owner_argument_is_refused()
    {
        var bobHeader = new JsonObject { ["host"] = _backend.Endpoint.Authority, ["Authorization"] = _bob };
        await using var bob = await RealtimeClient.ConnectWithSubprotocolAsync(_backend, bobHeader);
        await bob.InitAsync();
        var refused = await bob.StartAsync("steal", "subscription($owner: String) { onCreateNote(owner: $owner) { id } }", bobHeader, new { owner = "alice" });
        Assert.That((string)refused["type"]!, Is.EqualTo("error"));
        Assert.That((string)refused["payload"]!["errors"]![0]!["errorType"]!, Is.EqualTo("Unauthorized"));
        Assert.That((string)(await bob.StartAsync("own", "subscription($owner: String) { onCreateNote(owner: $owner) { id content owner } }", bobHeader, new { owner = "bob" }))["type"]!, Is.EqualTo("start_ack"));
        Assert.That((string)(await bob.StartAsync("all", "subscription { onCreateNote { id content } }", bobHeader))["type"]!, Is.EqualTo("start_ack"));

        await CreateNoteAsync(_alice, "secret");
        await CreateNoteAsync(_bob, "bob's own");
        var frames = new[] { await bob.ReceiveSkippingKaAsync(), await bob.ReceiveSkippingKaAsync() };
        Assert.That(frames.Select(f => (string)f["id"]!), Is.EquivalentTo(new[] { "own", "all" }));
        Assert.That(frames.Select(f => (string)f["payload"]!["data"]!["onCreateNote"]!["content"]!), Is.EqualTo(new[] { "bob's own", "bob's own" }));
        Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), async () => await bob.ReceiveSkippingKaAsync(TimeSpan.FromMilliseconds(500)), "alice's note never reaches bob");
    }

    [Test]
    public async Task Requests_without_valid_auth_get_401_and_never_touch_data()
    {
        var cases = new (string? ApiKey, string? Jwt, string Message)[]
        {
            (null, null, "Valid authorization header not provided."),
            ("da2-wrong", null, "You are not authorized to make this call."),
            (null, "garbage", "Unable to parse JWT token."),
            (null, TestTokens.Issue(issuedAt: DateTimeOffset.UtcNow.AddHours(-3), lifetime: TimeSpan.FromHours(1)), "Token has expired."),
            (null, TestTokens.Issue(secret: "another-secret-another-secret-0123456789"), "You are not authorized to make this call."),
        };
        foreach (var (apiKey, jwt, message) in cases)
        {
            var (status, body) = await _backend.PostAsync("mutation { createPost(input: { title: \"should not exist\" }) { id } }", apiKey: apiKey, jwt: jwt);
            Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(body.ToJsonString(), Is.EqualTo($"{{\"errors\":[{{\"errorType\":\"UnauthorizedException\",\"message\":\"{message}\"}}]}}"));
        }
        var posts = await _backend.DataAsync("{ listPosts { items { id } } }");
        Assert.That(posts["listPosts"]!["items"]!.AsArray(), Is.Empty);
    }
}
