using Amplify.DataStore.Events;
using Amplify.DataStore.Sync.Tests.Support;
using SyncTests.Models;

namespace Amplify.DataStore.Sync.Tests.Engine;

/// <summary>Base vs delta sync across restarts, the record cap, tombstones and changes made outside any client.</summary>
[CancelAfter(60_000)]
public class BaseAndDeltaSyncTests
{
    // As from the AppSync console: subscribers get what the mutation selects (AppSync's rule), so it selects every field.
    private static Task CreateOnServerAsync(TestBackend backend, string title, int rating = 1)
        => backend.GraphQLAsync("mutation($i: CreatePostInput!) { createPost(input: $i) { id title rating status tags createdAt updatedAt _version _lastChangedAt _deleted } }",
            new System.Text.Json.Nodes.JsonObject { ["i"] = new System.Text.Json.Nodes.JsonObject { ["title"] = title, ["rating"] = rating } });

    [Test]
    public async Task A_restart_within_the_full_sync_interval_delta_syncs_and_after_it_base_syncs()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        var clock = new ManualClock();
        await CreateOnServerAsync(backend, "before");
        await using var client = await SyncClient.StartAsync(backend, sync: s => s.WithTimeProvider(clock));
        Assert.That((await client.WaitForAsync<SyncProgressEvent>(e => e.ModelName == "Post" && e.IsComplete, "first sync")).IsFullSync, Is.True);

        await client.Store.StopAsync();
        await CreateOnServerAsync(backend, "while stopped");
        var doneBefore = client.Events.OfType<SyncProgressEvent>().Count(e => e.ModelName == "Post" && e.IsComplete);
        await client.Store.StartAsync();
        var second = await client.WaitForAsync<SyncProgressEvent>(e => e.ModelName == "Post" && e.IsComplete
            && client.Events.OfType<SyncProgressEvent>().Count(x => x.ModelName == "Post" && x.IsComplete) > doneBefore, "second sync");
        second = client.Events.OfType<SyncProgressEvent>().Last(e => e.ModelName == "Post" && e.IsComplete);
        Assert.That(second.IsFullSync, Is.False, "within 24 h: a delta sync");
        Assert.That(second.ItemsReceived, Is.EqualTo(1), "the delta holds only what changed since");
        Assert.That((await client.Store.QueryAsync<Post>()).Select(p => p.Title), Is.EquivalentTo(new[] { "before", "while stopped" }));

        await client.Store.StopAsync();
        clock.Advance(TimeSpan.FromHours(25));
        await client.Store.StartAsync();
        await client.WaitUntilAsync(_ => Task.FromResult(client.Events.OfType<SyncProgressEvent>().Count(e => e.ModelName == "Post" && e.IsComplete) == 3), "third sync");
        var third = client.Events.OfType<SyncProgressEvent>().Last(e => e.ModelName == "Post" && e.IsComplete);
        Assert.That((third.IsFullSync, third.ItemsReceived), Is.EqualTo((true, 2)), "past the full-sync interval: a base sync");
    }

    [Test]
    public async Task While_online_the_engine_syncs_again_every_full_sync_interval()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        await using var client = await SyncClient.StartAsync(backend, sync: s => s.WithFullSyncInterval(TimeSpan.FromMilliseconds(400)));
        await client.WaitUntilAsync(_ => Task.FromResult(client.Events.OfType<SyncProgressEvent>().Count(e => e.ModelName == "Post" && e.IsComplete) >= 3),
            "two periodic re-syncs after the first");
        Assert.That(client.Events.OfType<NetworkStatusEvent>().Select(e => e.Active), Is.EqualTo(new[] { true }), "re-syncing did not drop the session");
    }

    [Test]
    public async Task A_delta_sync_removes_records_deleted_on_the_server_meanwhile()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        await using var client = await SyncClient.StartAsync(backend);
        var post = await client.Store.SaveAsync(new Post { Title = "doomed" });
        await client.WaitForEmptyOutboxAsync();
        await client.Store.StopAsync();
        var server = await backend.GetPostAsync(post.Id);
        await backend.GraphQLAsync("mutation($i: DeletePostInput!) { deletePost(input: $i) { id } }",
            new System.Text.Json.Nodes.JsonObject { ["i"] = new System.Text.Json.Nodes.JsonObject { ["id"] = post.Id, ["_version"] = (int)server!["_version"]! } });
        await client.Store.StartAsync();
        await client.WaitUntilAsync(async s => await s.QueryByIdAsync<Post>(post.Id) is null, "the tombstone removed it");
    }

    [Test]
    public async Task Max_records_to_sync_caps_a_sync_across_pages()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        for (int i = 0; i < 25; i++) await CreateOnServerAsync(backend, "p" + i, i);
        await using var client = await SyncClient.StartAsync(backend, sync: s => s.WithMaxRecordsToSync(10).WithSyncPageSize(4));
        var done = await client.WaitForAsync<SyncProgressEvent>(e => e.ModelName == "Post" && e.IsComplete, "Post synced");
        Assert.That(done.ItemsReceived, Is.EqualTo(10));
        Assert.That(await client.Store.QueryAsync<Post>(), Has.Count.EqualTo(10));
        var pages = client.Events.OfType<SyncProgressEvent>().Where(e => e.ModelName == "Post" && !e.IsComplete).Select(e => e.ItemsReceived);
        Assert.That(pages, Is.EqualTo(new[] { 4, 8, 10 }), "pages of 4, the last one cut to the cap");
    }

    [Test]
    public async Task An_out_of_band_mutation_reaches_every_client_and_is_observed_as_remote()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        await using var a = await SyncClient.StartAsync(backend);
        await using var b = await SyncClient.StartAsync(backend);
        var seen = new TaskCompletionSource<ModelChange<Post>>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sub = a.Store.Observe<Post>().Subscribe(c => { if (c.Element.Title == "from the console") seen.TrySetResult(c); });
        await CreateOnServerAsync(backend, "from the console");
        var change = await seen.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.That((change.OpType, change.Origin), Is.EqualTo((OpType.Insert, ChangeOrigin.Remote)));
        await b.WaitUntilAsync(async s => (await s.QueryAsync<Post>()).Any(p => p.Title == "from the console"), "b has it");
        Assert.That(await a.Store.GetPendingMutationsAsync(), Is.Empty, "a remote change queues nothing");
    }

    [Test]
    public async Task Observe_query_reports_is_synced_once_the_model_synced()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        await CreateOnServerAsync(backend, "x");
        await using var client = await SyncClient.OpenAsync(backend);
        var snapshots = new List<QuerySnapshot<Post>>();
        using var sub = client.Store.ObserveQuery<Post>().Subscribe(s => { lock (snapshots) snapshots.Add(s); });
        await client.WaitUntilAsync(_ => Task.FromResult(snapshots.Count > 0), "the first snapshot");
        Assert.That(snapshots[0].IsSynced, Is.False);
        await client.Store.StartAsync();
        await client.WaitUntilAsync(_ => Task.FromResult(snapshots.Any(s => s.IsSynced && s.Items.Count == 1)), "a synced snapshot with the record");
    }
}
