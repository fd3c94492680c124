using System.Net;
using System.Text.Json.Nodes;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Auth;

/// <summary>
/// Field-level <c>@auth</c> on <c>schema-samples/auth-rules.graphql</c>: <c>Todo.secret</c> is readable by its owner
/// and group Admin and writable by its owner only, while the model lets API-key callers read every Todo and every
/// signed-in user read and update every Todo.
/// </summary>
public sealed class FieldRuleTests
{
    private const string Secret = "aliceSecretValue42";

    private readonly string _alice = TestTokens.Issue(sub: "sub-alice", username: "alice");
    private readonly string _bob = TestTokens.Issue(sub: "sub-bob", username: "bob");
    private readonly string _admin = TestTokens.Issue(sub: "sub-admin", username: "admin", groups: new[] { "Admin" });

    private Backend _backend = null!;

    [SetUp]
    public async Task StartAsync() => _backend = await Backend.StartAsync(
        File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Schemas", "auth-rules.graphql")),
        o =>
        {
            o.Jwt.HmacSecrets.Add(TestTokens.Secret);
            o.Jwt.Issuer = TestTokens.Issuer;
        });

    [TearDown]
    public async Task StopAsync() => await _backend.DisposeAsync();

    [Test]
    public async Task Callers_the_field_rules_do_not_grant_read_get_null_and_Unauthorized_at_the_fields_path()
    {
        var id = await CreateTodoAsync();
        const string query = "query($id: ID!) { listTodos { items { id name secret } } syncTodos { items { secret } } getTodo(id: $id) { name secret } }";
        foreach (var (apiKey, jwt) in new[] { ((string?)"", (string?)null), (null, _bob) })
        {
            var (status, text) = await _backend.PostTextAsync(query, new { id }, apiKey, jwt);
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(text, Does.Not.Contain(Secret));
            var body = (JsonObject)JsonNode.Parse(text)!;
            Assert.That((string)body["data"]!["listTodos"]!["items"]![0]!["name"]!, Is.EqualTo("todo"), "the rest of the item is still served");
            Assert.That(body["data"]!["listTodos"]!["items"]![0]!["secret"], Is.Null);
            Assert.That(body["data"]!["syncTodos"]!["items"]![0]!["secret"], Is.Null);
            Assert.That((string)body["data"]!["getTodo"]!["name"]!, Is.EqualTo("todo"));
            var errors = body["errors"]!.AsArray();
            Assert.That(errors.Select(e => e!["path"]!.ToJsonString()), Is.EqualTo(new[]
            {
                "[\"listTodos\",\"items\",0,\"secret\"]", "[\"syncTodos\",\"items\",0,\"secret\"]", "[\"getTodo\",\"secret\"]",
            }), text);
            Assert.That(errors.Select(e => (string)e!["errorType"]!), Is.All.EqualTo("Unauthorized"));
            Assert.That(errors.Select(e => (string)e!["message"]!), Is.All.EqualTo("Not Authorized to access secret on type Todo"));
            Assert.That(errors.Select(e => e!["data"]), Is.All.Null);
        }

        foreach (var reader in new[] { _alice, _admin })
        {
            var data = await _backend.DataAsync(query, new { id }, reader);
            Assert.That((string)data["listTodos"]!["items"]![0]!["secret"]!, Is.EqualTo(Secret));
            Assert.That((string)data["getTodo"]!["secret"]!, Is.EqualTo(Secret));
        }
        var withoutSecret = await _backend.DataAsync("{ listTodos { items { id name } } }", jwt: _bob);
        Assert.That(withoutSecret["listTodos"]!["items"]!.AsArray(), Has.Count.EqualTo(1), "not selecting the field is no error");
    }

    [Test]
    public async Task An_update_setting_a_field_the_caller_may_not_write_is_rejected_whole()
    {
        var id = await CreateTodoAsync();
        foreach (var jwt in new[] { _bob, _admin })
        {
            var (_, body) = await _backend.PostAsync("mutation($i: UpdateTodoInput!) { updateTodo(input: $i) { id name } }",
                new { i = new { id, name = "renamed", secret = "overwritten", _version = 1 } }, apiKey: null, jwt: jwt);
            Assert.That(body["data"]!["updateTodo"], Is.Null, body.ToJsonString());
            Assert.That((string)body["errors"]![0]!["errorType"]!, Is.EqualTo("Unauthorized"));
            Assert.That((string)body["errors"]![0]!["message"]!, Is.EqualTo("Not Authorized to access updateTodo on type Mutation"));
        }
        var stored = await _backend.DataAsync("query($id: ID!) { getTodo(id: $id) { name secret _version } }", new { id }, _alice);
        Assert.That((string)stored["getTodo"]!["name"]!, Is.EqualTo("todo"), "nothing of the rejected update was stored");
        Assert.That((string)stored["getTodo"]!["secret"]!, Is.EqualTo(Secret));
        Assert.That((int)stored["getTodo"]!["_version"]!, Is.EqualTo(1));

        var renamed = await _backend.DataAsync("mutation($i: UpdateTodoInput!) { updateTodo(input: $i) { name } }", new { i = new { id, name = "renamed", _version = 1 } }, _bob);
        Assert.That((string)renamed["updateTodo"]!["name"]!, Is.EqualTo("renamed"), "fields without rules of their own follow the model's rules");
        var own = await _backend.DataAsync("mutation($i: UpdateTodoInput!) { updateTodo(input: $i) { secret } }", new { i = new { id, secret = "new secret", _version = 2 } }, _alice);
        Assert.That((string)own["updateTodo"]!["secret"]!, Is.EqualTo("new secret"));
    }

    [Test]
    public async Task A_create_setting_a_field_the_caller_may_not_write_is_rejected_whole()
    {
        // Bob may create Todos (private rule), but secret is writable by the item's owner only, and he names Alice.
        var (_, body) = await _backend.PostAsync("mutation($i: CreateTodoInput!) { createTodo(input: $i) { id } }",
            new { i = new { id = "planted", name = "planted", owner = "sub-alice::alice", secret = "planted secret" } }, apiKey: null, jwt: _bob);
        Assert.That((string)body["errors"]![0]!["errorType"]!, Is.EqualTo("Unauthorized"), body.ToJsonString());
        Assert.That((string)body["errors"]![0]!["message"]!, Is.EqualTo("Not Authorized to access createTodo on type Mutation"));
        var all = await _backend.DataAsync("{ syncTodos { items { id } } }", jwt: _admin);
        Assert.That(all["syncTodos"]!["items"]!.AsArray(), Is.Empty, "nothing was stored");

        var own = await _backend.DataAsync("mutation { createTodo(input: { name: \"bob's\", secret: \"bob's secret\" }) { secret } }", jwt: _bob);
        Assert.That((string)own["createTodo"]!["secret"]!, Is.EqualTo("bob's secret"), "the owner of the new item may set it");
    }

    [Test]
    public async Task Error_data_withholds_protected_fields_the_caller_may_not_read()
    {
        var id = await CreateTodoAsync();
        var (_, text) = await _backend.PostTextAsync("mutation($i: UpdateTodoInput!, $c: ModelTodoConditionInput) { updateTodo(input: $i, condition: $c) { id name secret } }",
            new { i = new { id, name = "renamed", _version = 1 }, c = new { name = new { eq = "something else" } } }, apiKey: null, jwt: _bob);
        Assert.That(text, Does.Not.Contain(Secret));
        var error = JsonNode.Parse(text)!["errors"]![0]!;
        Assert.That((string)error["errorType"]!, Is.EqualTo("ConditionalCheckFailedException"), text);
        Assert.That((string)error["data"]!["name"]!, Is.EqualTo("todo"), "Bob may read the item itself");
        Assert.That(error["data"]!["secret"], Is.Null);
    }

    [Test]
    public async Task Filters_and_conditions_cannot_probe_a_protected_field_the_caller_may_not_read()
    {
        var id = await CreateTodoAsync();
        var filter = new { f = new { secret = new { eq = Secret } } };
        const string list = "query($f: ModelTodoFilterInput) { listTodos(filter: $f) { items { id } } syncTodos(filter: $f) { items { id } } }";
        var bobList = await _backend.DataAsync(list, filter, _bob);
        Assert.That(bobList["listTodos"]!["items"]!.AsArray(), Is.Empty, "a right guess looks like a wrong one");
        Assert.That(bobList["syncTodos"]!["items"]!.AsArray(), Is.Empty);
        var aliceList = await _backend.DataAsync(list, filter, _alice);
        Assert.That(aliceList["listTodos"]!["items"]!.AsArray(), Has.Count.EqualTo(1), "the owner's filter still sees it");

        var (_, guessed) = await _backend.PostAsync("mutation($i: UpdateTodoInput!, $c: ModelTodoConditionInput) { updateTodo(input: $i, condition: $c) { id } }",
            new { i = new { id, name = "renamed", _version = 1 }, c = new { secret = new { eq = Secret } } }, apiKey: null, jwt: _bob);
        Assert.That((string)guessed["errors"]![0]!["errorType"]!, Is.EqualTo("ConditionalCheckFailedException"), guessed.ToJsonString());
        var stored = await _backend.DataAsync("query($id: ID!) { getTodo(id: $id) { name _version } }", new { id }, _alice);
        Assert.That((int)stored["getTodo"]!["_version"]!, Is.EqualTo(1));
    }

    [Test]
    public async Task Subscription_events_redact_protected_fields_the_subscriber_may_not_read()
    {
        const string subscription = "subscription { onCreateTodo { id name secret } }";
        var apiKeyHeader = RealtimeClient.ApiKeyHeader(_backend);
        var bobHeader = new JsonObject { ["host"] = _backend.Endpoint.Authority, ["Authorization"] = _bob };
        var aliceHeader = new JsonObject { ["host"] = _backend.Endpoint.Authority, ["Authorization"] = _alice };
        await using var anonymous = await RealtimeClient.ConnectWithSubprotocolAsync(_backend, apiKeyHeader);
        await using var bob = await RealtimeClient.ConnectWithSubprotocolAsync(_backend, bobHeader);
        await using var alice = await RealtimeClient.ConnectWithSubprotocolAsync(_backend, aliceHeader);
        foreach (var (client, header) in new[] { (anonymous, apiKeyHeader), (bob, bobHeader), (alice, aliceHeader) })
        {
            await client.InitAsync();
            Assert.That((string)(await client.StartAsync("todos", subscription, header))["type"]!, Is.EqualTo("start_ack"));
        }

        await CreateTodoAsync(); // the mutation selects secret but not owner, so the payload alone cannot tell the owner
        foreach (var client in new[] { anonymous, bob })
        {
            var frame = await NextDataFrameAsync(client);
            Assert.That(frame, Does.Not.Contain(Secret));
            var payload = JsonNode.Parse(frame)!["payload"]!;
            Assert.That(payload["errors"], Is.Null, frame);
            Assert.That((string)payload["data"]!["onCreateTodo"]!["name"]!, Is.EqualTo("todo"));
            Assert.That(payload["data"]!["onCreateTodo"]!["secret"], Is.Null);
        }
        var own = JsonNode.Parse(await NextDataFrameAsync(alice))!;
        Assert.That((string)own["payload"]!["data"]!["onCreateTodo"]!["secret"]!, Is.EqualTo(Secret));
    }

    [Test]
    public async Task A_protected_relationship_field_is_withheld_in_queries_and_subscription_events()
    {
        await using var backend = await Backend.StartAsync("""
            type Thread @model @auth(rules: [{ allow: private }]) {
              id: ID!
              title: String
              replies: [Reply] @hasMany @auth(rules: [{ allow: groups, groups: ["Moderators"] }])
            }
            type Reply @model @auth(rules: [{ allow: private }]) {
              id: ID!
              body: String
              thread: Thread @belongsTo
            }
            """, o =>
        {
            o.Jwt.HmacSecrets.Add(TestTokens.Secret);
            o.Jwt.Issuer = TestTokens.Issuer;
        });
        var moderator = TestTokens.Issue(sub: "sub-mod", username: "mod", groups: new[] { "Moderators" });
        var header = new JsonObject { ["host"] = backend.Endpoint.Authority, ["Authorization"] = _bob };
        await using var bob = await RealtimeClient.ConnectWithSubprotocolAsync(backend, header);
        await bob.InitAsync();
        Assert.That((string)(await bob.StartAsync("threads", "subscription { onUpdateThread { id title replies { items { body } } } }", header))["type"]!, Is.EqualTo("start_ack"));

        await backend.DataAsync("mutation { createThread(input: { id: \"t1\", title: \"hello\" }) { id } }", jwt: _alice);
        await backend.DataAsync("mutation { createReply(input: { body: \"hiddenReplyBody\", threadRepliesId: \"t1\" }) { id } }", jwt: _alice);
        var (_, text) = await backend.PostTextAsync("{ getThread(id: \"t1\") { title replies { items { body } } } }", apiKey: null, jwt: _bob);
        Assert.That(text, Does.Not.Contain("hiddenReplyBody"));
        var body = JsonNode.Parse(text)!;
        Assert.That((string)body["data"]!["getThread"]!["title"]!, Is.EqualTo("hello"));
        Assert.That(body["data"]!["getThread"]!["replies"], Is.Null);
        Assert.That(body["errors"]![0]!["path"]!.ToJsonString(), Is.EqualTo("[\"getThread\",\"replies\"]"));
        Assert.That((string)body["errors"]![0]!["message"]!, Is.EqualTo("Not Authorized to access replies on type Thread"));
        var moderated = await backend.DataAsync("{ getThread(id: \"t1\") { replies { items { body } } } }", jwt: moderator);
        Assert.That((string)moderated["getThread"]!["replies"]!["items"]![0]!["body"]!, Is.EqualTo("hiddenReplyBody"));

        await backend.DataAsync("mutation { updateThread(input: { id: \"t1\", title: \"renamed\", _version: 1 }) { id title } }", jwt: _alice);
        var frame = await NextDataFrameAsync(bob);
        Assert.That(frame, Does.Not.Contain("hiddenReplyBody"), "the event's relationship resolves from keys, so it must be withheld, not just nulled in the payload");
        var eventItem = JsonNode.Parse(frame)!["payload"]!["data"]!["onUpdateThread"]!;
        Assert.That((string)eventItem["title"]!, Is.EqualTo("renamed"));
        Assert.That(eventItem["replies"], Is.Null);
    }

    private async Task<string> CreateTodoAsync()
    {
        var data = await _backend.DataAsync("mutation { createTodo(input: { name: \"todo\", secret: \"" + Secret + "\" }) { id name secret } }", jwt: _alice);
        return (string)data["createTodo"]!["id"]!;
    }

    private static async Task<string> NextDataFrameAsync(RealtimeClient client)
    {
        while (true)
        {
            var frame = await client.ReceiveTextAsync() ?? throw new AssertionException("The server closed the socket.");
            if (frame != "{\"type\":\"ka\"}") return frame;
        }
    }
}
