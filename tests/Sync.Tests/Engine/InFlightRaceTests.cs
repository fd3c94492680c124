using System.Net;
using Amplify.DataStore.Sync.Tests.Support;
using SyncTests.Models;

namespace Amplify.DataStore.Sync.Tests.Engine;

/// <summary>A change made elsewhere while this client's own mutation of the record is in flight is not lost.</summary>
[CancelAfter(60_000)]
public class InFlightRaceTests
{
    [Test]
    public async Task A_remote_change_arriving_while_our_mutation_is_in_flight_is_applied_after_its_answer()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        var direct = AmplifyConfig.Load(backend.ConfigurationPath("amplify_outputs.json"));
        await using var slow = await FaultProxy.StartAsync(new IPEndPoint(IPAddress.Loopback, direct.GraphQLEndpoint.Port));
        // Requests and answers crawl through the proxy; subscription events come straight from the server.
        var config = new AmplifyConfig
        {
            GraphQLEndpoint = ProxiedConfig.Through(direct, slow).GraphQLEndpoint,
            RealtimeEndpoint = direct.RealtimeEndpoint,
            ApiKey = direct.ApiKey,
            Region = direct.Region,
            DefaultAuthorization = direct.DefaultAuthorization,
            TrustedCertificate = direct.TrustedCertificate,
        };
        await using var client = await SyncClient.StartAsync(backend, config: config);
        var post = await client.Store.SaveAsync(new Post { Title = "start", Rating = 1 });
        await client.WaitForEmptyOutboxAsync();

        slow.Latency = TimeSpan.FromMilliseconds(700);
        await client.Store.SaveAsync((await client.Store.QueryByIdAsync<Post>(post.Id))! with { Rating = 2 });
        // Once the server applied our update (version 2), change another field there at once: its event reaches the
        // client while our answer is still crawling back.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((int?)(await backend.GetPostAsync(post.Id))!["_version"] != 2)
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("the update never reached the server");
            await Task.Delay(5);
        }
        await backend.GraphQLAsync("mutation($i: UpdatePostInput!) { updatePost(input: $i) { id title rating status tags createdAt updatedAt _version _lastChangedAt _deleted } }",
            new System.Text.Json.Nodes.JsonObject { ["i"] = new System.Text.Json.Nodes.JsonObject { ["id"] = post.Id, ["title"] = "changed elsewhere", ["_version"] = 2 } });
        Assert.That(await client.Store.GetPendingMutationsAsync(), Has.Count.EqualTo(1), "the event came while our update was in flight");
        slow.Heal();

        await client.WaitForEmptyOutboxAsync();
        await client.WaitUntilAsync(async s => (await s.QueryByIdAsync<Post>(post.Id))?.Title == "changed elsewhere", "the held-back change applied");
        var local = await client.Store.QueryByIdAsync<Post>(post.Id);
        Assert.That((local!.Title, local.Rating), Is.EqualTo(("changed elsewhere", (int?)2)), "both changes, as on the server");
    }
}
