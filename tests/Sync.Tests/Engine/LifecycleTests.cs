using Amplify.DataStore.Events;
using Amplify.DataStore.Sync.Tests.Support;
using SyncTests.Models;

namespace Amplify.DataStore.Sync.Tests.Engine;

/// <summary>Start, stop and clear in any order and concurrently; offline edits converge; clear removes everything.</summary>
[CancelAfter(90_000)]
public class LifecycleTests
{
    [Test]
    public async Task Start_stop_and_clear_called_concurrently_in_any_order_leave_a_working_store()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        await using var client = await SyncClient.OpenAsync(backend);
        var random = new Random(1234);
        var calls = new List<Task>();
        for (int i = 0; i < 60; i++)
        {
            calls.Add((random.Next(3)) switch
            {
                0 => Task.Run(() => client.Store.StartAsync()),
                1 => Task.Run(() => client.Store.StopAsync()),
                _ => Task.Run(() => client.Store.ClearAsync()),
            });
            if (i % 7 == 0) calls.Add(Task.Run(() => client.Store.SaveAsync(new Post { Title = "during" })));
        }
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));

        await client.Store.StartAsync();
        var post = await client.Store.SaveAsync(new Post { Title = "after the storm" });
        await client.WaitForEmptyOutboxAsync();
        Assert.That(await backend.GetPostAsync(post.Id), Is.Not.Null, "sync still works");
        Assert.That(await client.Store.GetFailedMutationsAsync(), Is.Empty);
    }

    [Test]
    public async Task Clear_stops_sync_and_removes_local_data_outbox_included()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        await using var client = await SyncClient.StartAsync(backend);
        var synced = await client.Store.SaveAsync(new Post { Title = "synced" });
        await client.WaitForEmptyOutboxAsync();
        await client.Store.StopAsync();
        await client.Store.SaveAsync(new Post { Title = "pending" });
        await client.Store.ClearAsync();
        Assert.That(await client.Store.QueryAsync<Post>(), Is.Empty);
        Assert.That(await client.Store.GetPendingMutationsAsync(), Is.Empty);

        await client.Store.StartAsync(); // a fresh base sync brings back what the server has, and only that
        await client.WaitUntilAsync(async s => (await s.QueryAsync<Post>()).Count == 1, "the base sync after clear");
        Assert.That((await client.Store.QueryAsync<Post>()).Single().Id, Is.EqualTo(synced.Id));
    }

    [Test]
    public async Task Offline_edits_on_three_clients_converge_to_the_servers_state()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        var clients = new[] { await SyncClient.StartAsync(backend), await SyncClient.StartAsync(backend), await SyncClient.StartAsync(backend) };
        try
        {
            var shared = await clients[0].Store.SaveAsync(new Post { Title = "shared", Rating = 0 });
            await clients[0].WaitForEmptyOutboxAsync();
            foreach (var c in clients) await c.WaitUntilAsync(async s => await s.QueryByIdAsync<Post>(shared.Id) is not null, "everyone has it");
            foreach (var c in clients) await c.Store.StopAsync();
            for (int i = 0; i < clients.Length; i++)
            {
                var store = clients[i].Store;
                await store.SaveAsync(new Post { Title = "offline " + i, Rating = i });
                await store.SaveAsync((await store.QueryByIdAsync<Post>(shared.Id))! with { Rating = 10 + i, Title = "shared by " + i });
            }
            foreach (var c in clients) await c.Store.StartAsync();
            foreach (var c in clients) await c.WaitForEmptyOutboxAsync();

            var body = await backend.GraphQLAsync("{ listPosts(limit: 100) { items { id title rating _deleted } } }");
            var server = body["data"]!["listPosts"]!["items"]!.AsArray().Where(p => !(bool)(p!["_deleted"] ?? false))
                .Select(p => ((string)p!["id"]!, (string)p["title"]!, (int?)p["rating"])).OrderBy(p => p.Item1).ToArray();
            Assert.That(server, Has.Length.EqualTo(4), "three offline creates and the shared post, no duplicates");
            foreach (var c in clients)
            {
                await c.WaitUntilAsync(async s =>
                {
                    var local = (await s.QueryAsync<Post>()).Select(p => (p.Id, p.Title, p.Rating)).OrderBy(p => p.Id).ToArray();
                    return local.SequenceEqual(server);
                }, "the replica equals the server");
            }
        }
        finally
        {
            foreach (var c in clients) await c.DisposeAsync();
        }
    }
}

/// <summary>The store owns its file, so two sync engines can never drain one outbox.</summary>
[CancelAfter(30_000)]
public class OneFileOneEngineTests
{
    [Test]
    public async Task A_second_syncing_store_on_the_same_file_is_refused_while_the_first_is_open()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        await using var first = await SyncClient.StartAsync(backend);
        var ex = Assert.ThrowsAsync<DataStoreException>(async () => await SyncClient.OpenAsync(backend, first.File));
        Assert.That(ex!.Message, Does.Contain("in use"));
        await first.Store.SaveAsync(new Post { Title = "still mine" });
        await first.WaitForEmptyOutboxAsync();
    }
}
