using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Realtime;

/// <summary>The realtime WebSocket, frame by frame, over a real socket.</summary>
public sealed class RealtimeTests
{
    private const string OnCreate = "subscription OnCreatePost($filter: ModelSubscriptionPostFilterInput) { onCreatePost(filter: $filter) { id title rating _version _deleted _lastChangedAt } }";

    private Backend _backend = null!;

    [SetUp]
    public async Task StartAsync() => _backend = await Backend.StartAsync(configure: o => o.ConnectionInitTimeout = TimeSpan.FromSeconds(1));

    [TearDown]
    public async Task StopAsync() => await _backend.DisposeAsync();

    [Test]
    public async Task Subprotocol_auth_handshake_ack_ka_start_data_stop_complete_byte_for_byte()
    {
        await using var client = await RealtimeClient.ConnectWithSubprotocolAsync(_backend, RealtimeClient.ApiKeyHeader(_backend));
        Assert.That(client.SubProtocol, Is.EqualTo("graphql-ws"), "the server selects graphql-ws or amplify-js fails the connection");

        await client.SendTextAsync("{\"type\":\"connection_init\"}");
        Assert.That(await client.ReceiveTextAsync(), Is.EqualTo("{\"type\":\"connection_ack\",\"payload\":{\"connectionTimeoutMs\":300000}}"));
        Assert.That(await client.ReceiveTextAsync(), Is.EqualTo("{\"type\":\"ka\"}"));

        var ack = await client.StartAsync("sub-1", OnCreate, RealtimeClient.ApiKeyHeader(_backend));
        Assert.That(ack.ToJsonString(), Is.EqualTo("{\"type\":\"start_ack\",\"id\":\"sub-1\"}"));

        var created = await _backend.CreatePostAsync("live", rating: 8);
        var data = await client.ReceiveSkippingKaAsync();
        Assert.That((string)data["type"]!, Is.EqualTo("data"));
        Assert.That((string)data["id"]!, Is.EqualTo("sub-1"));
        var item = data["payload"]!["data"]!["onCreatePost"]!;
        Assert.That((string)item["id"]!, Is.EqualTo((string)created["id"]!));
        Assert.That((int)item["_version"]!, Is.EqualTo(1));
        Assert.That(((JsonObject)item).Select(p => p.Key), Is.EqualTo(new[] { "id", "title", "rating", "_version", "_deleted", "_lastChangedAt" }), "the subscription's own selection set");

        await client.SendTextAsync("{\"type\":\"stop\",\"id\":\"sub-1\"}");
        Assert.That((await client.ReceiveSkippingKaAsync()).ToJsonString(), Is.EqualTo("{\"type\":\"complete\",\"id\":\"sub-1\"}"));
        await _backend.CreatePostAsync("after stop");
        Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), async () => await client.ReceiveSkippingKaAsync(TimeSpan.FromMilliseconds(500)));
    }

    [Test]
    public async Task Query_string_auth_handshake_and_frames_byte_for_byte()
    {
        await using var client = await RealtimeClient.ConnectWithQueryAsync(_backend, RealtimeClient.ApiKeyHeader(_backend));
        Assert.That(client.SubProtocol, Is.EqualTo("graphql-ws"));
        await client.SendTextAsync("{\"type\":\"connection_init\"}");
        Assert.That(await client.ReceiveTextAsync(), Is.EqualTo("{\"type\":\"connection_ack\",\"payload\":{\"connectionTimeoutMs\":300000}}"));
        Assert.That(await client.ReceiveTextAsync(), Is.EqualTo("{\"type\":\"ka\"}"));
        const string query = "subscription { onCreatePost { id title _version } }";
        Assert.That((await client.StartAsync("q-1", query, RealtimeClient.ApiKeyHeader(_backend))).ToJsonString(), Is.EqualTo("{\"type\":\"start_ack\",\"id\":\"q-1\"}"));

        var created = await _backend.CreatePostAsync("via query auth", id: "fixed-id");
        string? frame;
        do frame = await client.ReceiveTextAsync(); while (frame == "{\"type\":\"ka\"}");
        Assert.That(frame, Is.EqualTo("{\"type\":\"data\",\"id\":\"q-1\",\"payload\":{\"data\":{\"onCreatePost\":{\"id\":\"fixed-id\",\"title\":\"via query auth\",\"_version\":1}}}}"));
        Assert.That((string)created["id"]!, Is.EqualTo("fixed-id"));

        await client.SendTextAsync("{\"type\":\"stop\",\"id\":\"q-1\"}");
        do frame = await client.ReceiveTextAsync(); while (frame == "{\"type\":\"ka\"}");
        Assert.That(frame, Is.EqualTo("{\"type\":\"complete\",\"id\":\"q-1\"}"));
    }

    [Test]
    public async Task Wrong_key_gets_connection_error_401_and_the_socket_closes()
    {
        var header = new JsonObject { ["host"] = "x", ["x-api-key"] = "da2-wrong" };
        await using var client = await RealtimeClient.ConnectWithSubprotocolAsync(_backend, header);
        Assert.That(await client.ReceiveTextAsync(), Is.EqualTo("{\"type\":\"connection_error\",\"payload\":{\"errors\":[{\"errorType\":\"UnauthorizedException\",\"message\":\"You are not authorized to make this call.\",\"errorCode\":401}]}}"));
        Assert.That(await client.ReceiveTextAsync(), Is.Null);
    }

    [Test]
    public async Task Missing_graphql_ws_subprotocol_gets_NoProtocolError()
    {
        await using var client = await RealtimeClient.ConnectWithSubprotocolAsync(_backend, RealtimeClient.ApiKeyHeader(_backend), graphqlWs: false);
        var frame = await client.ReceiveAsync();
        Assert.That((string)frame["type"]!, Is.EqualTo("connection_error"));
        Assert.That((string)frame["payload"]!["errors"]![0]!["message"]!, Is.EqualTo("NoProtocolError"));
        Assert.That((int)frame["payload"]!["errors"]![0]!["errorCode"]!, Is.EqualTo(400));
    }

    [Test]
    public async Task A_socket_that_never_sends_connection_init_is_closed_after_the_timeout()
    {
        await using var client = await RealtimeClient.ConnectWithSubprotocolAsync(_backend, RealtimeClient.ApiKeyHeader(_backend));
        var frame = await client.ReceiveAsync(TimeSpan.FromSeconds(5));
        Assert.That((string)frame["type"]!, Is.EqualTo("connection_error"));
        Assert.That(await client.ReceiveTextAsync(TimeSpan.FromSeconds(5)), Is.Null);
        // The server keeps serving others.
        await using var other = await RealtimeClient.ConnectWithSubprotocolAsync(_backend, RealtimeClient.ApiKeyHeader(_backend));
        Assert.That((string)(await other.InitAsync())["type"]!, Is.EqualTo("connection_ack"));
    }

    [Test]
    public async Task Start_errors_unsupported_payload_unauthorized_validation_duplicate_and_queries()
    {
        await using var client = await RealtimeClient.ConnectWithSubprotocolAsync(_backend, RealtimeClient.ApiKeyHeader(_backend));
        await client.InitAsync();

        await client.SendTextAsync("{\"id\":\"raw\",\"type\":\"start\",\"payload\":{\"query\":\"subscription { onCreatePost { id } }\"}}");
        Assert.That((await client.ReceiveSkippingKaAsync()).ToJsonString(),
            Is.EqualTo("{\"type\":\"error\",\"id\":\"raw\",\"payload\":{\"errors\":[{\"errorType\":\"UnsupportedOperation\",\"message\":\"unknown not supported through the realtime channel\"}]}}"));

        var badAuth = await client.StartAsync("bad-auth", OnCreate, new JsonObject { ["x-api-key"] = "nope" });
        Assert.That((string)badAuth["payload"]!["errors"]![0]!["errorType"]!, Is.EqualTo("UnauthorizedException"));

        var invalid = await client.StartAsync("invalid", "subscription { onCreatePost { nope } }", RealtimeClient.ApiKeyHeader(_backend));
        Assert.That((string)invalid["type"]!, Is.EqualTo("error"));
        Assert.That((string)invalid["payload"]!["errors"]![0]!["message"]!, Does.StartWith("Validation error of type"));

        var query = await client.StartAsync("query", "{ listPosts { items { id } } }", RealtimeClient.ApiKeyHeader(_backend));
        Assert.That((string)query["payload"]!["errors"]![0]!["errorType"]!, Is.EqualTo("UnsupportedOperation"));

        Assert.That((string)(await client.StartAsync("dup", OnCreate, RealtimeClient.ApiKeyHeader(_backend)))["type"]!, Is.EqualTo("start_ack"));
        var duplicate = await client.StartAsync("dup", OnCreate, RealtimeClient.ApiKeyHeader(_backend));
        Assert.That((string)duplicate["payload"]!["errors"]![0]!["errorType"]!, Is.EqualTo("DuplicatedOperationError"));

        await client.SendTextAsync("this is not json");
        Assert.That((string)(await client.ReceiveSkippingKaAsync())["type"]!, Is.EqualTo("error"));
    }

    [Test]
    public async Task At_most_100_subscriptions_per_connection()
    {
        await using var client = await RealtimeClient.ConnectWithSubprotocolAsync(_backend, RealtimeClient.ApiKeyHeader(_backend));
        await client.InitAsync();
        for (int i = 0; i < 100; i++)
        {
            Assert.That((string)(await client.StartAsync("s" + i, OnCreate, RealtimeClient.ApiKeyHeader(_backend)))["type"]!, Is.EqualTo("start_ack"));
        }
        var refused = await client.StartAsync("s100", OnCreate, RealtimeClient.ApiKeyHeader(_backend));
        Assert.That((string)refused["payload"]!["errors"]![0]!["errorType"]!, Is.EqualTo("MaxSubscriptionsReachedError"));
        Assert.That((string)refused["payload"]!["errors"]![0]!["message"]!, Is.EqualTo("Max number of 100 subscriptions reached"));
    }

    [Test]
    public async Task Filters_select_events_and_updates_and_deletes_reach_their_own_subscriptions()
    {
        await using var client = await RealtimeClient.ConnectWithSubprotocolAsync(_backend, RealtimeClient.ApiKeyHeader(_backend));
        await client.InitAsync();
        await client.StartAsync("high", OnCreate, RealtimeClient.ApiKeyHeader(_backend), new { filter = new { rating = new { gt = 5 } } });
        await client.StartAsync("upd", "subscription { onUpdatePost { id title _version } }", RealtimeClient.ApiKeyHeader(_backend));
        await client.StartAsync("del", "subscription { onDeletePost { id _deleted _version } }", RealtimeClient.ApiKeyHeader(_backend));

        await _backend.CreatePostAsync("low", rating: 1);
        var high = await _backend.CreatePostAsync("high", rating: 9);
        var first = await client.ReceiveSkippingKaAsync();
        Assert.That((string)first["id"]!, Is.EqualTo("high"));
        Assert.That((string)first["payload"]!["data"]!["onCreatePost"]!["title"]!, Is.EqualTo("high"), "the low-rated post was filtered out");

        var id = (string)high["id"]!;
        await _backend.DataAsync("mutation($i: UpdatePostInput!) { updatePost(input: $i) { id title _version } }", new { i = new { id, title = "renamed", _version = 1 } });
        var update = await client.ReceiveSkippingKaAsync();
        Assert.That((string)update["id"]!, Is.EqualTo("upd"));
        Assert.That((int)update["payload"]!["data"]!["onUpdatePost"]!["_version"]!, Is.EqualTo(2));

        await _backend.DataAsync("mutation($i: DeletePostInput!) { deletePost(input: $i) { id _deleted _version } }", new { i = new { id, _version = 2 } });
        var delete = await client.ReceiveSkippingKaAsync();
        Assert.That((string)delete["id"]!, Is.EqualTo("del"));
        Assert.That((bool)delete["payload"]!["data"]!["onDeletePost"]!["_deleted"]!, Is.True);
    }

    [Test]
    public async Task Fields_the_mutation_did_not_select_arrive_as_null()
    {
        await using var client = await RealtimeClient.ConnectWithSubprotocolAsync(_backend, RealtimeClient.ApiKeyHeader(_backend));
        await client.InitAsync();
        await client.StartAsync("s", "subscription { onCreatePost { id tags _version } }", RealtimeClient.ApiKeyHeader(_backend));
        await _backend.DataAsync("mutation { createPost(input: { title: \"partial\", rating: 4, status: ACTIVE, tags: [\"t\"] }) { id _version _lastChangedAt } }");
        var item = (await client.ReceiveSkippingKaAsync())["payload"]!["data"]!["onCreatePost"]!;
        Assert.That(item["tags"], Is.Null, "AppSync sends the mutation's selection set");
        Assert.That((int)item["_version"]!, Is.EqualTo(1));
    }

    [Test]
    public async Task Identical_subscriptions_share_one_stream_and_leaving_does_not_stop_the_others()
    {
        await using var a = await RealtimeClient.ConnectWithSubprotocolAsync(_backend, RealtimeClient.ApiKeyHeader(_backend));
        await using var b = await RealtimeClient.ConnectWithSubprotocolAsync(_backend, RealtimeClient.ApiKeyHeader(_backend));
        await a.InitAsync();
        await b.InitAsync();
        await a.StartAsync("a1", OnCreate, RealtimeClient.ApiKeyHeader(_backend));
        await b.StartAsync("b1", OnCreate, RealtimeClient.ApiKeyHeader(_backend));
        await b.StartAsync("b2", "subscription { onCreatePost { id } }", RealtimeClient.ApiKeyHeader(_backend));
        Assert.That(_backend.Server.Realtime!.SubscriptionGroupCount, Is.EqualTo(2), "two distinct documents");

        await _backend.CreatePostAsync("first", id: "p1");
        Assert.That((string)(await a.ReceiveSkippingKaAsync())["id"]!, Is.EqualTo("a1"));
        var bFrames = new[] { await b.ReceiveSkippingKaAsync(), await b.ReceiveSkippingKaAsync() };
        Assert.That(bFrames.Select(f => (string)f["id"]!), Is.EquivalentTo(new[] { "b1", "b2" }), "each member gets the shared event under its own id");

        await a.SendTextAsync("{\"type\":\"stop\",\"id\":\"a1\"}");
        Assert.That((string)(await a.ReceiveSkippingKaAsync())["type"]!, Is.EqualTo("complete"));
        await _backend.CreatePostAsync("second", id: "p2");
        var after = new[] { await b.ReceiveSkippingKaAsync(), await b.ReceiveSkippingKaAsync() };
        Assert.That(after.Select(f => (string)f["payload"]!["data"]!["onCreatePost"]!["id"]!), Is.EqualTo(new[] { "p2", "p2" }));
        Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), async () => await a.ReceiveSkippingKaAsync(TimeSpan.FromMilliseconds(300)));

        await b.DisposeAsync();
        await Task.Delay(200);
        Assert.That(_backend.Server.Realtime.SubscriptionGroupCount, Is.Zero, "groups go away with their last member");
    }

    [Test]
    public async Task Keep_alive_frames_arrive_periodically()
    {
        await using var fast = await Backend.StartAsync(configure: o => o.KeepAliveInterval = TimeSpan.FromMilliseconds(200));
        await using var client = await RealtimeClient.ConnectWithSubprotocolAsync(fast, RealtimeClient.ApiKeyHeader(fast));
        await client.InitAsync();
        for (int i = 0; i < 3; i++) Assert.That(await client.ReceiveTextAsync(TimeSpan.FromSeconds(2)), Is.EqualTo("{\"type\":\"ka\"}"));
    }

    [Test]
    public async Task Events_over_240_KB_are_not_delivered()
    {
        await using var client = await RealtimeClient.ConnectWithSubprotocolAsync(_backend, RealtimeClient.ApiKeyHeader(_backend));
        await client.InitAsync();
        await client.StartAsync("s", OnCreate, RealtimeClient.ApiKeyHeader(_backend));
        await _backend.CreatePostAsync(new string('x', 250 * 1024));
        await _backend.CreatePostAsync("small");
        var frame = await client.ReceiveSkippingKaAsync();
        Assert.That((string)frame["payload"]!["data"]!["onCreatePost"]!["title"]!, Is.EqualTo("small"));
    }

    [Test]
    public async Task Wss_with_the_generated_certificate()
    {
        await using var tls = await Backend.StartAsync(configure: o => o.UseTls = true);
        Assert.That(tls.Server.RealtimeEndpoint.Scheme, Is.EqualTo("wss"));
        Assert.That(tls.Endpoint.Scheme, Is.EqualTo("https"));
        Assert.That(File.ReadAllText(tls.Server.CertificatePemPath!), Does.StartWith("-----BEGIN CERTIFICATE-----"));
        await using var client = await RealtimeClient.ConnectWithSubprotocolAsync(tls, RealtimeClient.ApiKeyHeader(tls));
        Assert.That((string)(await client.InitAsync())["type"]!, Is.EqualTo("connection_ack"));
        await tls.CreatePostAsync("over tls");
    }
}
