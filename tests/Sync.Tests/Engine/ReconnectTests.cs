using System.Net;
using System.Net.Sockets;
using Amplify.DataStore.Events;
using Amplify.DataStore.Sync.Tests.Support;
using SyncTests.Models;

namespace Amplify.DataStore.Sync.Tests.Engine;

/// <summary>Going offline pauses sync without losing queued work; coming back catches up with a delta sync.</summary>
[CancelAfter(90_000)]
public class ReconnectTests
{
    [Test]
    public async Task Changes_published_while_disconnected_arrive_by_the_delta_sync_after_reconnecting()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        var config = AmplifyConfig.Load(backend.ConfigurationPath("amplify_outputs.json"));
        await using var proxy = await FaultProxy.StartAsync(new IPEndPoint(IPAddress.Loopback, config.GraphQLEndpoint.Port));
        await using var client = await SyncClient.StartAsync(backend, config: ProxiedConfig.Through(config, proxy));

        proxy.RefuseNewConnections(true);
        proxy.DropAll();
        await client.WaitForAsync<NetworkStatusEvent>(e => !e.Active, "offline");
        var offlineSave = await client.Store.SaveAsync(new Post { Title = "saved offline" });
        await backend.GraphQLAsync("mutation { createPost(input: { title: \"published while the client was away\" }) { id title rating status tags createdAt updatedAt _version _lastChangedAt _deleted } }");
        await Task.Delay(300);
        Assert.That(await client.Store.GetPendingMutationsAsync(), Has.Count.EqualTo(1), "queued work stays queued while offline");

        proxy.Heal();
        await client.WaitUntilAsync(async s => (await s.QueryAsync<Post>()).Any(p => p.Title == "published while the client was away"), "the delta catch-up");
        await client.WaitForEmptyOutboxAsync();
        Assert.That(await backend.GetPostAsync(offlineSave.Id), Is.Not.Null);
        var statuses = client.Events.OfType<NetworkStatusEvent>().Select(e => e.Active).ToArray();
        Assert.That(statuses, Is.EqualTo(new[] { true, false, true }));
        var syncs = client.Events.OfType<SyncProgressEvent>().Where(e => e.ModelName == "Post" && e.IsComplete).ToArray();
        Assert.That(syncs.Select(e => e.IsFullSync), Is.EqualTo(new[] { true, false }), "a base sync at start, a delta sync after reconnecting");
    }

    [Test]
    public async Task A_backend_restart_is_survived_and_queued_changes_reach_the_new_process()
    {
        var port = FreePort();
        var data = Path.Combine(Path.GetTempPath(), "amplify-sync-tests", "restart-" + Guid.NewGuid().ToString("N"));
        void Fixed(LocalBackend.LocalBackendOptions o)
        {
            o.Port = port;
            o.DataDirectory = data;
        }
        try
        {
            var first = await TestBackend.StartAsync(schema: TestBackend.SyncSchema, configure: Fixed);
            var config = AmplifyConfig.Load(first.ConfigurationPath("amplify_outputs.json"));
            await using var client = await SyncClient.StartAsync(first, config: config);
            var before = await client.Store.SaveAsync(new Post { Title = "before the restart" });
            await client.WaitForEmptyOutboxAsync();
            await first.DisposeAsync();
            await client.WaitForAsync<NetworkStatusEvent>(e => !e.Active, "offline");
            var during = await client.Store.SaveAsync(new Post { Title = "while the backend was down" });

            await using var second = await TestBackend.StartAsync(schema: TestBackend.SyncSchema, configure: Fixed);
            await client.WaitForEmptyOutboxAsync(TimeSpan.FromSeconds(30));
            Assert.That(await second.GetPostAsync(during.Id), Is.Not.Null, "the queued change reached the restarted backend");
            Assert.That(await second.GetPostAsync(before.Id), Is.Not.Null, "the backend kept its data");
            Assert.That(client.Events.OfType<NetworkStatusEvent>().Last().Active, Is.True);
        }
        finally
        {
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    [Test]
    public async Task The_os_reporting_the_network_gone_takes_the_store_offline_at_once_and_back_reconnects_at_once()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        await using var client = await SyncClient.StartAsync(backend, sync: s => s.WithRetryDelays(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1)));
        await client.Store.SyncEngine!.OnOsNetworkChangedAsync(available: false);
        await client.WaitForAsync<NetworkStatusEvent>(e => !e.Active, "offline", TimeSpan.FromSeconds(2)); // not after a request timeout
        // The network is really there, so the session that started anyway comes back without the 30 s backoff.
        await client.WaitUntilAsync(_ => Task.FromResult(client.Events.OfType<NetworkStatusEvent>().Select(e => e.Active).SequenceEqual(new[] { true, false, true })),
            "online again", TimeSpan.FromSeconds(10));
        var post = await client.Store.SaveAsync(new Post { Title = "after" });
        await client.WaitForEmptyOutboxAsync(TimeSpan.FromSeconds(10));
        Assert.That(await backend.GetPostAsync(post.Id), Is.Not.Null);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
