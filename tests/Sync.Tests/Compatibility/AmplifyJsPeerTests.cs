using Amplify.DataStore.TestCases;
using System.Net.Http.Json;
using System.Net.Security;
using System.Text.Json.Nodes;
using Amplify.DataStore.Sync.Tests.Support;
using SyncTests.Models;

namespace Amplify.DataStore.Sync.Tests.Compatibility;

/// <summary>
/// A C# client and the stock amplify-js DataStore (tests/AmplifyJsCompat/peer.cjs, the versions pinned in its
/// package-lock.json) syncing through one local backend over HTTPS and WSS, both on Schema/sync.graphql (the peer's
/// sync-models.cjs is its amplify-js model introspection): each side's create reaches the other, concurrent edits of one
/// post (different fields, then the same field) converge on the server's copy, and a delete on either side propagates.
/// </summary>
[NonParallelizable]
[CancelAfter(180_000)]
public sealed class AmplifyJsPeerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Test]
    public async Task A_csharp_client_and_the_amplify_js_DataStore_sync_through_one_backend()
    {
        await NodeTooling.RequireAsync();
        await using var backend = await TestBackend.StartAsync(tls: true, schema: TestBackend.SyncSchema); // amplify-js always opens wss://
        var config = AmplifyConfig.Load(backend.Server.AmplifyOutputsPath!);
        using var http = new HttpClient(new SocketsHttpHandler { SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = config.CreateCertificateValidation() } });
        await using var cs = await SyncClient.StartAsync(backend);
        await using var js = JsPeer.Start(backend);
        await js.SendAsync(Command("start"), TimeSpan.FromSeconds(60));

        // 1. C# -> amplify-js.
        var fromCs = await cs.Store.SaveAsync(new Post { Title = "from C#", Rating = 1, Status = PostStatus.Active, Tags = ["cs"] });
        await WaitInJsAsync(js, fromCs.Id, Snapshot(fromCs), "the C# create reached amplify-js");

        // 2. amplify-js -> C#.
        var saved = await js.SendAsync(Command("save", ("fields", new JsonObject { ["title"] = "from amplify-js", ["rating"] = 2, ["status"] = "INACTIVE", ["tags"] = new JsonArray("js") })));
        string fromJs = (string)saved["item"]!["id"]!;
        var expected = Snapshot(saved["item"]!);
        await cs.WaitUntilAsync(async s => Same(Snapshot(await s.QueryByIdAsync<Post>(fromJs)), expected), "the amplify-js create reached C#", Patience);

        // 3. Both sides hold the synced post; now both edit it at once. The backend runs AUTOMERGE (the Amplify CLI
        //    default): whichever write arrives stale keeps the server's scalars, so which edit survives is a race; what
        //    must hold is that both replicas end on the server's copy.
        await DrainAsync(cs, js);
        await WaitForServerCopyAsync(http, config, cs, js, fromJs, "before the concurrent edits");
        int version = (int)(await GetServerPostAsync(http, config, fromJs))!["_version"]!;
        var different = await EditConcurrentlyAsync(cs, js, fromJs, p => p.Rating = 20, new JsonObject { ["title"] = "title from amplify-js" });
        await DrainAsync(cs, js);
        var server = await WaitForServerCopyAsync(http, config, cs, js, fromJs, "after concurrent edits of different fields");
        TestContext.Out.WriteLine($"different fields: C# rating=20 and amplify-js title at once -> server {server.ToJsonString()} ({different})");
        Assert.That($"{(int?)server["rating"]} / {(string?)server["title"]}", Is.AnyOf("20 / from amplify-js", "2 / title from amplify-js", "20 / title from amplify-js"),
            "each field holds the original or the one edit of it, and at least one edit survived");
        Assert.That((int)(await GetServerPostAsync(http, config, fromJs))!["_version"]!, Is.EqualTo(version + 2), "both edits reached the server");

        var same = await EditConcurrentlyAsync(cs, js, fromJs, p => p.Title = "same field from C#", new JsonObject { ["title"] = "same field from amplify-js" });
        await DrainAsync(cs, js);
        server = await WaitForServerCopyAsync(http, config, cs, js, fromJs, "after concurrent edits of the same field");
        TestContext.Out.WriteLine($"same field: both set title at once -> server {server.ToJsonString()} ({same})");
        Assert.That((string?)server["title"], Is.AnyOf("same field from C#", "same field from amplify-js"));
        Assert.That((int)(await GetServerPostAsync(http, config, fromJs))!["_version"]!, Is.EqualTo(version + 4), "both edits reached the server");

        // 4. amplify-js delete -> gone on C#; C# delete -> gone in amplify-js. Both become server tombstones.
        await js.SendAsync(Command("delete", ("id", fromJs)));
        await cs.WaitUntilAsync(async s => await s.QueryByIdAsync<Post>(fromJs) is null, "the amplify-js delete reached C#", Patience);
        await cs.WaitForEmptyOutboxAsync(Patience);
        await cs.Store.DeleteAsync((await cs.Store.QueryByIdAsync<Post>(fromCs.Id))!);
        await WaitInJsAsync(js, fromCs.Id, null, "the C# delete reached amplify-js");
        await DrainAsync(cs, js);
        foreach (var id in new[] { fromJs, fromCs.Id })
        {
            var tomb = await GetServerPostAsync(http, config, id);
            Assert.That((bool?)tomb?["_deleted"], Is.True, $"post {id} is a tombstone on the server: {tomb?.ToJsonString()}");
        }
        Assert.That(await cs.Store.GetFailedMutationsAsync(), Is.Empty, "no C# mutation was dead-lettered");
    }

    private static JsonObject Command(string cmd, params (string Name, JsonNode? Value)[] args)
    {
        var command = new JsonObject { ["cmd"] = cmd };
        foreach (var (name, value) in args) command[name] = value;
        return command;
    }

    private static Task WaitInJsAsync(JsPeer js, string id, JsonObject? fields, string what)
        => WithContextAsync(what, js.SendAsync(Command("waitFor", ("id", id), ("fields", fields), ("timeoutMs", (int)Patience.TotalMilliseconds)), Patience + TimeSpan.FromSeconds(10)));

    private static async Task WithContextAsync(string what, Task step)
    {
        try
        {
            await step;
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"Waiting until {what}: {e.Message}", e);
        }
    }

    /// <summary>Both outboxes empty: every local change of either side has been answered by the server.</summary>
    private static async Task DrainAsync(SyncClient cs, JsPeer js)
    {
        await js.SendAsync(Command("drain", ("timeoutMs", (int)Patience.TotalMilliseconds)), Patience + TimeSpan.FromSeconds(10));
        await cs.WaitForEmptyOutboxAsync(Patience);
    }

    /// <summary>Both sides edit their current copy of one post at the same time; returns which local edit finished first.</summary>
    private static async Task<string> EditConcurrentlyAsync(SyncClient cs, JsPeer js, string id, Action<Post.Draft> csEdit, JsonObject jsFields)
    {
        var local = (await cs.Store.QueryByIdAsync<Post>(id))!;
        string? first = null;
        var csSave = Task.Run(async () => { await cs.Store.SaveAsync(Post.CopyOf(local, csEdit)); Interlocked.CompareExchange(ref first, "C#", null); });
        var jsSave = Task.Run(async () => { await js.SendAsync(Command("update", ("id", id), ("fields", jsFields))); Interlocked.CompareExchange(ref first, "amplify-js", null); });
        await Task.WhenAll(csSave, jsSave);
        return "local saves done, first: " + first;
    }

    /// <summary>Waits until the C# replica and the amplify-js replica both equal the server's copy, and returns it.</summary>
    private static async Task<JsonObject> WaitForServerCopyAsync(HttpClient http, AmplifyConfig config, SyncClient cs, JsPeer js, string id, string when)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var server = Snapshot((await GetServerPostAsync(http, config, id))!);
            var csCopy = Snapshot(await cs.Store.QueryByIdAsync<Post>(id));
            var jsItem = (await js.SendAsync(Command("query", ("id", id))))["item"];
            var jsCopy = jsItem is null ? null : Snapshot(jsItem);
            if (Same(csCopy, server) && Same(jsCopy, server)) return server;
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The replicas did not converge on the server's copy {when}.\nserver: {server.ToJsonString()}\nC#: {csCopy?.ToJsonString()}\namplify-js: {jsItem?.ToJsonString()}\n{js.RecentOutput()}");
            }
            await Task.Delay(100);
        }
    }

    private static async Task<JsonObject?> GetServerPostAsync(HttpClient http, AmplifyConfig config, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, config.GraphQLEndpoint)
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["query"] = "query($id: ID!) { getPost(id: $id) { id title rating status tags _version _deleted } }",
                ["variables"] = new JsonObject { ["id"] = id },
            }),
        };
        request.Headers.Add("x-api-key", config.ApiKey);
        using var response = await http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.That(body["errors"], Is.Null, body.ToJsonString());
        return body["data"]!["getPost"]?.AsObject();
    }

    /// <summary>The user fields of a post as GraphQL JSON, from either side or the server.</summary>
    private static JsonObject Snapshot(JsonNode item) => new()
    {
        ["title"] = item["title"]?.DeepClone(),
        ["rating"] = item["rating"]?.DeepClone(),
        ["status"] = item["status"]?.DeepClone(),
        ["tags"] = item["tags"]?.DeepClone(),
    };

    private static JsonObject? Snapshot(Post? post) => post is null ? null : new JsonObject
    {
        ["title"] = post.Title,
        ["rating"] = post.Rating,
        ["status"] = post.Status?.ToString().ToUpperInvariant(),
        ["tags"] = post.Tags is null ? null : new JsonArray(post.Tags.Select(t => (JsonNode?)t).ToArray()),
    };

    private static bool Same(JsonObject? a, JsonObject? b) => JsonNode.DeepEquals(a, b);
}
