using System.Text.Json.Nodes;
using Amplify.DataStore.LocalBackend.Tests.Limits;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Realtime;

/// <summary>
/// The realtime channel executes nothing but subscriptions, holds start documents to the request limits, and drops a
/// client that does not read instead of queueing its frames without bound.
/// </summary>
public sealed class RealtimeLimitTests
{
    private const string OnCreate = "subscription { onCreatePost { id title } }";

    private Backend _backend = null!;

    [SetUp]
    public async Task StartAsync() => _backend = await Backend.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _backend.DisposeAsync();

    private async Task<RealtimeClient> ConnectAsync(Backend backend)
    {
        var client = await RealtimeClient.ConnectWithSubprotocolAsync(backend, RealtimeClient.ApiKeyHeader(backend));
        Assert.That((string)(await client.InitAsync())["type"]!, Is.EqualTo("connection_ack"));
        return client;
    }

    private async Task<int> PostCountAsync() => (await _backend.DataAsync("{ listPosts(limit: 1000) { items { id } } }"))["listPosts"]!["items"]!.AsArray().Count;

    [Test]
    public async Task A_mutation_sent_as_start_is_refused_and_writes_nothing()
    {
        await using var client = await ConnectAsync(_backend);
        var reply = await client.StartAsync("m", "mutation { createPost(input: { title: \"via start\", rating: 1, status: ACTIVE }) { id } }", RealtimeClient.ApiKeyHeader(_backend));
        Assert.That(reply.ToJsonString(), Is.EqualTo("{\"type\":\"error\",\"id\":\"m\",\"payload\":{\"errors\":[{\"errorType\":\"UnsupportedOperation\",\"message\":\"mutation not supported through the realtime channel\"}]}}"));

        // The operation a document selects by name is the one checked.
        var data = new JsonObject
        {
            ["query"] = "subscription S { onCreatePost { id } } mutation M { createPost(input: { title: \"named\", rating: 1, status: ACTIVE }) { id } }",
            ["operationName"] = "M",
            ["variables"] = new JsonObject(),
        };
        await client.SendAsync(new JsonObject
        {
            ["id"] = "named",
            ["type"] = "start",
            ["payload"] = new JsonObject { ["data"] = data.ToJsonString(), ["extensions"] = new JsonObject { ["authorization"] = RealtimeClient.ApiKeyHeader(_backend) } },
        });
        var named = await client.ReceiveSkippingKaAsync();
        Assert.That((string)named["payload"]!["errors"]![0]!["message"]!, Is.EqualTo("mutation not supported through the realtime channel"));

        Assert.That(await PostCountAsync(), Is.Zero, "no mutation sent as a start wrote anything");
    }

    [Test]
    public async Task A_query_sent_as_start_is_refused_before_its_resolver_runs()
    {
        await using var client = await ConnectAsync(_backend);
        // Executed, listPosts(limit: 0) would fail in its resolver with a BadRequest error.
        var reply = await client.StartAsync("q", "{ listPosts(limit: 0) { items { id } } }", RealtimeClient.ApiKeyHeader(_backend));
        Assert.That(reply.ToJsonString(), Is.EqualTo("{\"type\":\"error\",\"id\":\"q\",\"payload\":{\"errors\":[{\"errorType\":\"UnsupportedOperation\",\"message\":\"query not supported through the realtime channel\"}]}}"));
    }

    [Test]
    public async Task Start_documents_are_held_to_the_request_limits()
    {
        await using var client = await ConnectAsync(_backend);
        var bomb = await client.StartAsync("bomb", AttackDocuments.FragmentBomb(40, "subscription { onCreatePost { ...F0 } }"), RealtimeClient.ApiKeyHeader(_backend));
        Assert.That((string)bomb["type"]!, Is.EqualTo("error"));
        Assert.That((string)bomb["payload"]!["errors"]![0]!["errorType"]!, Is.EqualTo("QueryCostLimitExceeded"));

        var deep = "subscription { onCreatePost { comments { items { post { comments { items { post { comments { items { post { comments { items { post { comments { items { post { comments { items { post { comments { items { post { comments { items { post { comments { items { id } } } } } } } } } } } } } } } } } } } } } } } } } } } }";
        var tooDeep = await client.StartAsync("deep", deep, RealtimeClient.ApiKeyHeader(_backend));
        Assert.That((string)tooDeep["payload"]!["errors"]![0]!["errorType"]!, Is.EqualTo("QueryDepthLimitExceeded"));

        var nested = await client.StartAsync("nested", "subscription " + string.Concat(Enumerable.Repeat("{ a ", 1_000)) + new string('}', 1_000), RealtimeClient.ApiKeyHeader(_backend));
        Assert.That((string)nested["payload"]!["errors"]![0]!["errorType"]!, Is.EqualTo("QueryDepthLimitExceeded"));

        Assert.That((string)(await client.StartAsync("fine", OnCreate, RealtimeClient.ApiKeyHeader(_backend)))["type"]!, Is.EqualTo("start_ack"), "the connection keeps serving");
    }

    [Test]
    public async Task A_subscriber_that_never_reads_is_dropped_with_an_error_frame_while_others_keep_receiving()
    {
        const int events = 600;
        await using var backend = await Backend.StartAsync(configure: o => o.MaxSendQueueBytes = 4 * 1024 * 1024);
        await using var slow = await ConnectAsync(backend);
        await using var reader = await ConnectAsync(backend);
        Assert.That((string)(await slow.StartAsync("slow", OnCreate, RealtimeClient.ApiKeyHeader(backend)))["type"]!, Is.EqualTo("start_ack"));
        Assert.That((string)(await reader.StartAsync("reader", OnCreate, RealtimeClient.ApiKeyHeader(backend)))["type"]!, Is.EqualTo("start_ack"));

        var received = new HashSet<string>();
        var reading = Task.Run(async () =>
        {
            while (received.Count < events)
            {
                var frame = await reader.ReceiveSkippingKaAsync(TimeSpan.FromSeconds(30));
                Assert.That((string)frame["type"]!, Is.EqualTo("data"), frame.ToJsonString());
                received.Add((string)frame["payload"]!["data"]!["onCreatePost"]!["id"]!);
            }
        });

        // 600 events of 32 KB: 19 MB for a client that reads nothing, far past its 4 MiB queue and the socket buffers; the
        // reader may fall 128 events behind before its own queue is full.
        var title = new string('x', 32 * 1024);
        var publishing = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < events; i++)
        {
            await backend.CreatePostAsync(title, id: "p" + i);
            if (publishing.Elapsed > TimeSpan.FromSeconds(60)) Assert.Fail($"Publishing took over 60 s ({i + 1} of {events} events).");
        }
        await reading.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(received, Has.Count.EqualTo(events), "the reading subscriber received every event");

        // The slow client now reads: what was in flight, then the error frame, then the close.
        int data = 0;
        JsonObject? error = null;
        while (await slow.ReceiveTextAsync(TimeSpan.FromSeconds(15)) is { } text)
        {
            var frame = (JsonObject)JsonNode.Parse(text)!;
            switch ((string)frame["type"]!)
            {
                case "data": data++; break;
                case "error": error = frame; break;
            }
        }
        Assert.That(error, Is.Not.Null, "an error frame before the close");
        Assert.That((string)error!["payload"]!["errors"]![0]!["errorType"]!, Is.EqualTo("LimitExceededError"));
        Assert.That((string)error["payload"]!["errors"]![0]!["message"]!, Does.Contain("4194304 bytes"));
        Assert.That(data, Is.LessThan(events), "the dropped client did not get everything queued for it");
    }
}
