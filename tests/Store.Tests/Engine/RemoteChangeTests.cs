using NUnit.Framework;
using StoreTests.Models;

namespace Amplify.DataStore.Store.Tests.Engine;

using Amplify.DataStore;
using Amplify.DataStore.Engine;
using Amplify.DataStore.Storage;

/// <summary>
/// The storage engine's path for records received from the cloud (what the sync engine will call): applied in one
/// transaction with no outbox entry, no local parent check and no local cascade, observed as
/// <see cref="ChangeOrigin.Remote"/>, and filtered inside the transaction by the caller's merge decision.
/// </summary>
public class RemoteChangeTests
{
    private static async Task<(DataStore Store, FaultInjectingAdapter Adapter)> OpenAsync(TestDirectory dir)
    {
        var adapter = new FaultInjectingAdapter(TestAdapters.LiteDb(dir.File()));
        var store = await DataStore.OpenAsync(AmplifyModels.Schema, o => { o.UseStorageAdapter(adapter); o.OutboxEnabled = true; });
        return (store, adapter);
    }

    private static Task<IReadOnlyList<StoredChange>> ApplyAsync<T>(DataStore store, Func<IStorageSession, RemoteChange, bool>? accept, params RemoteChange[] changes)
        where T : class, IModel<T>
        => store.Engine.ApplyRemoteAsync(T.Metadata, changes, accept, default);

    [Test]
    public async Task A_remote_child_may_arrive_before_its_parent_and_writes_no_outbox_entry()
    {
        using var dir = new TestDirectory();
        var (store, adapter) = await OpenAsync(dir);
        await using var _ = store;
        var seen = new List<ModelChange<Comment>>();
        using var sub = store.Observe<Comment>().Subscribe(c => { lock (seen) seen.Add(c); });
        var orphan = new Comment { Content = "from the cloud", CommentPostId = "post-not-here-yet" };

        Assert.That(async () => await store.SaveAsync(orphan), Throws.InstanceOf<DataStoreValidationException>(), "a local save needs its parent");
        var applied = await ApplyAsync<Comment>(store, null, new RemoteChange(orphan, Deleted: false));

        Assert.That(applied.Select(c => (c.OpType, c.Origin)), Is.EqualTo(new[] { (OpType.Insert, ChangeOrigin.Remote) }));
        Assert.That((await store.QueryByIdAsync<Comment>(orphan.Id))?.Content, Is.EqualTo("from the cloud"));
        Assert.That(await adapter.ReadOutboxAsync(), Is.Empty, "a change from the server is not sent back to it");
        await WaitUntil(() => { lock (seen) return seen.Count == 1; });
        Assert.That((seen[0].OpType, seen[0].Origin), Is.EqualTo((OpType.Insert, ChangeOrigin.Remote)));

        await store.SaveAsync(new Post { Title = "local", Rating = 1, Status = PostStatus.Active });
        var local = new List<ModelChange<Post>>();
        using var postSub = store.Observe<Post>().Subscribe(c => { lock (local) local.Add(c); });
        await store.SaveAsync(new Post { Title = "local 2", Rating = 1, Status = PostStatus.Active });
        await WaitUntil(() => { lock (local) return local.Count == 1; });
        Assert.That(local[0].Origin, Is.EqualTo(ChangeOrigin.Local));
    }

    [Test]
    public async Task A_remote_update_replaces_the_item_and_a_remote_delete_does_not_cascade_or_queue()
    {
        using var dir = new TestDirectory();
        var (store, adapter) = await OpenAsync(dir);
        await using var _ = store;
        var post = await store.SaveAsync(Posts.New("local title"));
        var comment = await store.SaveAsync(new Comment { Content = "child", Post = post });
        var queued = (await adapter.ReadOutboxAsync()).Count;

        var update = await ApplyAsync<Post>(store, null, new RemoteChange(post with { Title = "server title" }, Deleted: false));
        Assert.That(update.Single().OpType, Is.EqualTo(OpType.Update));
        Assert.That((await store.QueryByIdAsync<Post>(post.Id))?.Title, Is.EqualTo("server title"));

        var delete = await ApplyAsync<Post>(store, null, new RemoteChange(post, Deleted: true), new RemoteChange(Posts.New("never stored"), Deleted: true));
        Assert.That(delete.Select(c => (c.OpType, c.Origin)), Is.EqualTo(new[] { (OpType.Delete, ChangeOrigin.Remote) }), "deleting what is not held is no change");
        Assert.That(await store.QueryByIdAsync<Post>(post.Id), Is.Null);
        Assert.That(await store.QueryByIdAsync<Comment>(comment.Id), Is.Not.Null, "the server's own records say which children are gone");
        Assert.That(await adapter.ReadOutboxAsync(), Has.Count.EqualTo(queued), "nothing queued for the server's changes");
    }

    [Test]
    public async Task The_merge_decision_runs_inside_the_transaction_and_a_failure_applies_nothing()
    {
        using var dir = new TestDirectory();
        var (store, adapter) = await OpenAsync(dir);
        await using var _ = store;
        var pending = await store.SaveAsync(Posts.New("edited offline"));
        var other = Posts.New("only on the server");
        // The rule the sync engine will use: a record with a queued local change is not overwritten.
        static bool NotPending(IStorageSession session, RemoteChange change)
        {
            var post = (Post)change.Item;
            return session.LastOutboxFor("Post", post.Id) is null;
        }

        var applied = await ApplyAsync<Post>(store, NotPending,
            new RemoteChange(pending with { Title = "server copy" }, Deleted: false), new RemoteChange(other, Deleted: false));
        Assert.That(applied.Select(c => ((Post)c.Element).Title), Is.EqualTo(new[] { "only on the server" }));
        Assert.That((await store.QueryByIdAsync<Post>(pending.Id))?.Title, Is.EqualTo("edited offline"));

        // One page, one transaction: a failure on its last record leaves the first ones unapplied too.
        var first = Posts.New("first of a failing page");
        Assert.That(async () => await ApplyAsync<Post>(store, (s, c) => ((Post)c.Item).Title != "boom" ? true : throw new InvalidOperationException("boom"),
            new RemoteChange(first, Deleted: false), new RemoteChange(Posts.New("boom"), Deleted: false)), Throws.InvalidOperationException);
        Assert.That(await store.QueryByIdAsync<Post>(first.Id), Is.Null);
    }

    [Test]
    public async Task Server_versions_are_stored_with_the_record_and_local_changes_queue_on_top_of_them()
    {
        using var dir = new TestDirectory();
        var (store, adapter) = await OpenAsync(dir);
        await using var _ = store;
        var synced = Posts.New("from the server");
        await ApplyAsync<Post>(store, null, new RemoteChange(synced, Deleted: false, new SyncMetadata(3, 1_700_000_000_000, false)));
        var localOnly = await store.SaveAsync(Posts.New("never synced"));
        await store.SaveAsync(synced with { Rating = 1 });
        await store.DeleteAsync(synced);

        var outbox = await adapter.ReadOutboxAsync();
        Assert.That(outbox.Select(e => (e.ModelKey, e.Operation, e.BaseVersion)), Is.EqualTo(new[]
        {
            (localOnly.Id, OutboxOperation.Create, (int?)null),
            (synced.Id, OutboxOperation.Delete, (int?)3), // the unsent update collapsed into the delete, keeping its base version
        }));
        var metadata = await adapter.WriteAsync(s => s.GetSyncMetadata(store.Schema.GetModel("Post"), StorageKey.Of(synced.Id)), default);
        Assert.That(metadata, Is.EqualTo((SyncMetadata?)new SyncMetadata(3, 1_700_000_000_000, false)), "a local change does not touch the server's version");

        await store.ClearAsync();
        Assert.That(await adapter.WriteAsync(s => s.GetSyncMetadata(store.Schema.GetModel("Post"), StorageKey.Of(synced.Id)), default), Is.Null, "ClearAsync removes sync metadata too");
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > until) Assert.Fail("timed out waiting for the observer");
            await Task.Delay(10);
        }
    }
}
