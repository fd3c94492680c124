using NUnit.Framework;
using StoreTests.Models;

namespace Amplify.DataStore.Store.Tests.Engine;

using Amplify.DataStore;
using Amplify.DataStore.Engine;
using Amplify.DataStore.Storage;
using Amplify.DataStore.Serialization;
using Amplify.DataStore.Storage.InMemory;

/// <summary>The outbox collapse table (<c>OutboxCollapse</c>), row by row, on a store with the outbox on.</summary>
public class OutboxCollapseTests
{
    private static readonly Metadata.ModelMetadata PostMeta = AmplifyModels.Schema.GetModel("Post");

    private static async Task<(DataStore Store, FaultInjectingAdapter Adapter)> OpenAsync()
    {
        var adapter = new FaultInjectingAdapter(new InMemoryStorageAdapter());
        var store = await DataStore.OpenAsync(AmplifyModels.Schema, o => { o.UseStorageAdapter(adapter); o.OutboxEnabled = true; });
        return (store, adapter);
    }

    /// <summary>A record the server sent at version <paramref name="version"/>, stored with no outbox entry.</summary>
    private static async Task<Post> SyncedAsync(DataStore store, string title, int version)
    {
        var post = Posts.New(title);
        await store.Engine.ApplyRemoteAsync(PostMeta, new[] { new RemoteChange(post, false, new SyncMetadata(version, 1, false)) }, null, default);
        return post;
    }

    [Test]
    public async Task Create_then_delete_cancel_each_other()
    {
        var (store, adapter) = await OpenAsync();
        await using var _ = store;
        var other = await store.SaveAsync(Posts.New("stays"));
        var post = await store.SaveAsync(Posts.New("never sent"));
        await store.DeleteAsync(post);
        var outbox = await adapter.ReadOutboxAsync();
        Assert.That(outbox.Select(e => (e.ModelKey, e.Operation)), Is.EqualTo(new[] { (other.Id, OutboxOperation.Create) }));
    }

    [Test]
    public async Task Create_then_update_is_one_create_with_the_new_data_in_the_creates_place_and_no_condition()
    {
        var (store, adapter) = await OpenAsync();
        await using var _ = store;
        var post = await store.SaveAsync(Posts.New("first"));
        var other = await store.SaveAsync(Posts.New("other"));
        var updated = await store.SaveAsync(post with { Title = "second" }, Post.Where(p => p.Rating.Gt(1)));
        var outbox = await adapter.ReadOutboxAsync();
        Assert.That(outbox.Select(e => (e.ModelKey, e.Operation, e.Condition)), Is.EqualTo(new[]
        {
            (post.Id, OutboxOperation.Create, (string?)null),
            (other.Id, OutboxOperation.Create, (string?)null),
        }));
        Assert.That(outbox[0].Data, Is.EqualTo(ModelJson.Serialize(updated)));
    }

    [Test]
    public async Task Update_then_update_is_one_update_appended_with_the_older_base_version_and_both_changed_fields()
    {
        var (store, adapter) = await OpenAsync();
        await using var _ = store;
        var post = await SyncedAsync(store, "synced", version: 4);
        await store.SaveAsync(post with { Title = "t2" });
        var other = await store.SaveAsync(Posts.New("other"));
        await store.Engine.ApplyRemoteAsync(PostMeta, new[] { new RemoteChange(post with { Title = "t2" }, false, new SyncMetadata(9, 2, false)) },
            (_, _) => false, default); // (a rejected remote change must not matter either)
        var last = await store.SaveAsync(post with { Title = "t2", Rating = 77 });
        var outbox = await adapter.ReadOutboxAsync();
        Assert.That(outbox.Select(e => (e.ModelKey, e.Operation, e.BaseVersion)), Is.EqualTo(new[]
        {
            (other.Id, OutboxOperation.Create, (int?)null),
            (post.Id, OutboxOperation.Update, (int?)4),
        }), "merged and moved to the end: it is the newest change");
        Assert.That(outbox[1].ChangedFields, Is.EquivalentTo(new[] { "title", "rating" }));
        Assert.That(outbox[1].Data, Is.EqualTo(ModelJson.Serialize(last)));
    }

    [Test]
    public async Task Update_then_delete_is_one_delete_with_the_older_base_version()
    {
        var (store, adapter) = await OpenAsync();
        await using var _ = store;
        var post = await SyncedAsync(store, "synced", version: 2);
        await store.SaveAsync(post with { Title = "edited" });
        await store.DeleteAsync(post);
        var outbox = await adapter.ReadOutboxAsync();
        Assert.That(outbox.Select(e => (e.Operation, e.BaseVersion, e.ChangedFields)), Is.EqualTo(new[] { (OutboxOperation.Delete, (int?)2, (IReadOnlyList<string>?)null) }));
    }

    [Test]
    public async Task A_conditional_entry_is_never_merged_either_way()
    {
        var (store, adapter) = await OpenAsync();
        await using var _ = store;
        var post = await SyncedAsync(store, "synced", version: 1);
        await store.SaveAsync(post with { Rating = 20 }, Post.Where(p => p.Rating.Eq(10)));
        await store.SaveAsync(post with { Rating = 30 });
        await store.SaveAsync(post with { Rating = 40 }, Post.Where(p => p.Rating.Eq(30)));
        var outbox = await adapter.ReadOutboxAsync();
        Assert.That(outbox.Select(e => e.Condition is null), Is.EqualTo(new[] { false, true, false }), "each condition must reach the server");
    }

    [Test]
    public async Task A_recreate_after_a_delete_is_queued_after_it()
    {
        var (store, adapter) = await OpenAsync();
        await using var _ = store;
        var post = await SyncedAsync(store, "synced", version: 1);
        await store.DeleteAsync(post);
        await store.SaveAsync(post with { Title = "back" });
        var outbox = await adapter.ReadOutboxAsync();
        Assert.That(outbox.Select(e => e.Operation), Is.EqualTo(new[] { OutboxOperation.Delete, OutboxOperation.Create }));
    }

    [Test]
    public async Task The_entry_in_flight_is_never_collapsed_into()
    {
        var (store, adapter) = await OpenAsync();
        await using var _ = store;
        var post = await store.SaveAsync(Posts.New("sending"));
        var inFlight = await store.Engine.BeginSendingAsync(default);
        await store.DeleteAsync(post);
        var outbox = await adapter.ReadOutboxAsync();
        Assert.That(outbox.Select(e => e.Operation), Is.EqualTo(new[] { OutboxOperation.Create, OutboxOperation.Delete }),
            "the server may already have the create, so the delete must follow it");
        Assert.That(outbox[0].Id, Is.EqualTo(inFlight!.Id));
    }

    [Test]
    public async Task Saving_an_unchanged_item_queues_nothing()
    {
        var (store, adapter) = await OpenAsync();
        await using var _ = store;
        var post = await SyncedAsync(store, "synced", version: 1);
        await store.SaveAsync(post with { });
        Assert.That(await adapter.ReadOutboxAsync(), Is.Empty);
    }

    [Test]
    public async Task A_response_gives_later_entries_of_the_record_the_servers_new_version()
    {
        var (store, adapter) = await OpenAsync();
        await using var _ = store;
        var post = await SyncedAsync(store, "synced", version: 1);
        await store.SaveAsync(post with { Rating = 2 });
        var sending = await store.Engine.BeginSendingAsync(default);
        await store.SaveAsync(post with { Rating = 3 }); // queued behind the one in flight, still on version 1
        var server = post with { Rating = 2 };
        var applied = (await store.Engine.CompleteSendingAsync(PostMeta, sending!, new RemoteChange(server, false, new SyncMetadata(2, 5, false)), null, default)).Applied;
        var outbox = await adapter.ReadOutboxAsync();
        Assert.That(outbox.Select(e => (e.Operation, e.BaseVersion)), Is.EqualTo(new[] { (OutboxOperation.Update, (int?)2) }));
        Assert.That(applied, Is.Empty, "the server's copy does not overwrite the newer local change still pending");
        Assert.That((await store.QueryByIdAsync<Post>(post.Id))!.Rating, Is.EqualTo(3));
    }
}
