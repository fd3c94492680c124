using Amplify.DataStore.Events;
using Amplify.DataStore.Sync.Tests.Support;
using SyncTests.Models;

namespace Amplify.DataStore.Sync.Tests.Engine;

/// <summary>What the storage engine already does, seen through sync: cascades become one delete per record; a schema change wipes and base-syncs.</summary>
[CancelAfter(60_000)]
public class StoreEventsTests
{
    [Test]
    public async Task A_cascade_delete_sends_one_delete_per_record_and_other_clients_lose_them_all()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        await using var a = await SyncClient.StartAsync(backend);
        await using var b = await SyncClient.StartAsync(backend);
        var post = await a.Store.SaveAsync(new Post { Title = "parent" });
        var comments = new[]
        {
            await a.Store.SaveAsync(new Comment { Content = "one", Post = post }),
            await a.Store.SaveAsync(new Comment { Content = "two", Post = post }),
        };
        await a.WaitForEmptyOutboxAsync();
        await b.WaitUntilAsync(async s => (await s.QueryAsync<Comment>()).Count == 2, "b has the children");

        await a.Store.DeleteAsync((await a.Store.QueryByIdAsync<Post>(post.Id))!);
        await a.WaitForEmptyOutboxAsync();
        foreach (var comment in comments)
        {
            var body = await backend.GraphQLAsync("query($id: ID!) { getComment(id: $id) { _deleted } }", new System.Text.Json.Nodes.JsonObject { ["id"] = comment.Id });
            Assert.That((bool?)body["data"]!["getComment"]!["_deleted"], Is.True, "each child was deleted on the server");
        }
        Assert.That((bool?)(await backend.GetPostAsync(post.Id))!["_deleted"], Is.True);
        await b.WaitUntilAsync(async s => (await s.QueryAsync<Comment>()).Count == 0 && await s.QueryByIdAsync<Post>(post.Id) is null, "b lost them all");
        Assert.That(await a.Store.GetFailedMutationsAsync(), Is.Empty);
    }

    [Test]
    public async Task A_schema_version_change_reports_pending_changes_wipes_and_base_syncs()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        var old = new Metadata.ModelSchema("an-older-version", AmplifyModels.Schema.Models, AmplifyModels.Schema.EmbeddedTypes, AmplifyModels.Schema.Enums);
        var file = Path.Combine(backend.Directory, "versioned.db");
        var config = AmplifyConfig.Load(backend.ConfigurationPath("amplify_outputs.json"));
        string syncedId, pendingId;
        await using (var before = await DataStore.OpenAsync(old, o => o.UseLiteDb(file).UseAppSync(config)))
        {
            await using var helper = await SyncClient.StartAsync(backend);
            syncedId = (await helper.Store.SaveAsync(new Post { Title = "on the server" })).Id;
            await helper.WaitForEmptyOutboxAsync();
            pendingId = (await before.SaveAsync(new Post { Title = "never sent" })).Id; // sync not started: stays queued
        }

        LocalDataWipedEvent? wiped = null;
        await using var after = await DataStore.OpenAsync(AmplifyModels.Schema, o => o.UseLiteDb(file)
            .UseAppSync(config, s => s.WithRetryDelays(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(500)))
            .OnEvent(e => wiped ??= e as LocalDataWipedEvent));
        Assert.That(wiped, Is.Not.Null);
        Assert.That(wiped!.PendingOutbox.Select(p => p.ModelKey), Is.EqualTo(new[] { pendingId }), "the unsent change is reported before the wipe");
        var synced = new TaskCompletionSource<SyncProgressEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sub = after.Events.Subscribe(new Observer(e => { if (e is SyncProgressEvent { ModelName: "Post", IsComplete: true } p) synced.TrySetResult(p); }));
        await after.StartAsync();
        var done = await synced.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.That(done.IsFullSync, Is.True);
        Assert.That((await after.QueryAsync<Post>()).Select(p => p.Id), Is.EqualTo(new[] { syncedId }));
    }

    private sealed class Observer(Action<DataStoreEvent> onNext) : IObserver<DataStoreEvent>
    {
        public void OnCompleted() { }
        public void OnError(Exception error) { }
        public void OnNext(DataStoreEvent value) => onNext(value);
    }
}
