using Amplify.DataStore.Events;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Storage;
using NUnit.Framework;
using StoreTests.Models;

namespace Amplify.DataStore.Store.Tests.Engine;

using Amplify.DataStore;

/// <summary>Validation, conditions, keys, cascades, batches, concurrency, durability and the schema-version rule.</summary>
public class StoreBehaviourTests
{
    [Test]
    public async Task Required_fields_scalar_formats_and_enums_are_validated_naming_the_field()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        var missing = Assert.ThrowsAsync<DataStoreValidationException>(() => store.SaveAsync(new Post { Title = null!, Rating = 1, Status = PostStatus.Active }));
        Assert.That(missing!.Message, Does.Contain("Post.title").And.Contain("required"));
        var badEnum = Assert.ThrowsAsync<DataStoreValidationException>(() => store.SaveAsync(new Post { Title = "t", Rating = 1, Status = (PostStatus)42 }));
        Assert.That(badEnum!.Message, Does.Contain("Post.status").And.Contain("PostStatus"));
        var badEmail = Assert.ThrowsAsync<DataStoreValidationException>(() => store.SaveAsync(new Customer { Email = "nope", Name = "n", AccountRepresentativeID = "r" }));
        Assert.That(badEmail!.Message, Does.Contain("Customer.email").And.Contain("AWSEmail"));
        Assert.That(await store.QueryAsync<Post>(), Is.Empty);
    }

    [Test]
    public async Task A_comment_needs_its_parent_post_stored_locally()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        var orphan = new Comment { Content = "hi", Post = Posts.New() };
        var ex = Assert.ThrowsAsync<DataStoreValidationException>(() => store.SaveAsync(orphan));
        Assert.That(ex!.Message, Does.Contain("Comment.post").And.Contain("does not exist locally"));
        var unlinked = await store.SaveAsync(new Comment { Content = "no parent" });
        Assert.That(unlinked.CommentPostId, Is.Null, "a comment without a post is allowed (post is optional)");
    }

    [Test]
    public async Task Failed_conditions_raise_a_clear_error_and_change_nothing()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        var post = await store.SaveAsync(Posts.New(rating: 2));
        var save = Assert.ThrowsAsync<ConditionalCheckFailedException>(() => store.SaveAsync(post with { Title = "changed" }, Post.Where(p => p.Rating.Gt(5))));
        Assert.That(save!.Message, Does.Contain("rating Gt 5").And.Contain(post.Id));
        var delete = Assert.ThrowsAsync<ConditionalCheckFailedException>(() => store.DeleteAsync(post, Post.Where(p => p.Status.Eq(PostStatus.Inactive))));
        Assert.That(delete!.ModelName, Is.EqualTo("Post"));
        Assert.That(await store.QueryByIdAsync<Post>(post.Id), Is.EqualTo(post));
        // A condition never applies to a create (AppSync semantics).
        var fresh = await store.SaveAsync(Posts.New("new"), Post.Where(p => p.Rating.Gt(100)));
        Assert.That(await store.QueryByIdAsync<Post>(fresh.Id), Is.EqualTo(fresh));
    }

    [Test]
    public async Task Composite_keys_are_stored_and_queried_by_key()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        var a = await store.SaveAsync(new Product { Tenant = "t1", Sku = "s1", Name = "one", Price = 1 });
        var b = await store.SaveAsync(new Product { Tenant = "t1", Sku = "s2", Name = "two", Price = 2 });
        var c = await store.SaveAsync(new Product { Tenant = "t2", Sku = "s1", Name = "three", Price = 3 });
        Assert.That(await store.QueryByKeyAsync<Product>(new object[] { "t1", "s2" }), Is.EqualTo(b));
        Assert.That(await store.QueryByKeyAsync<Product>(new object[] { "t2", "s1" }), Is.EqualTo(c));
        Assert.That(await store.QueryByKeyAsync<Product>(new object[] { "t2", "s2" }), Is.Null);
        await store.SaveAsync(a with { Name = "renamed" });
        Assert.That(await store.QueryAsync<Product>(), Has.Count.EqualTo(3), "same composite key replaces");
        Assert.Throws<ArgumentException>(() => store.QueryByIdAsync<Product>("t1").GetAwaiter().GetResult());
        Assert.ThrowsAsync<ArgumentException>(() => store.QueryByKeyAsync<Product>(new object[] { "t1" }));
        var wrongType = Assert.ThrowsAsync<ArgumentException>(() => store.QueryByKeyAsync<Product>(new object[] { "t1", 42 }));
        Assert.That(wrongType!.Message, Does.Contain("Product.sku").And.Contain("Int32"));
    }

    [Test]
    public async Task Deleting_a_composite_key_parent_cascades_to_children_and_each_delete_is_observed()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        var at = AwsDateTime.Parse("2026-11-25T01:00:00Z");
        var order = await store.SaveAsync(new Order { CustomerEmail = "a@example.com", CreatedAt = at, OrderNumber = 1, Status = OrderStatus.Pending });
        var other = await store.SaveAsync(new Order { CustomerEmail = "a@example.com", CreatedAt = at, OrderNumber = 2, Status = OrderStatus.Pending });
        await store.SaveAsync(new OrderLine { Product = "p1", Quantity = 1, Order = order });
        await store.SaveAsync(new OrderLine { Product = "p2", Quantity = 2, Order = order });
        var keep = await store.SaveAsync(new OrderLine { Product = "p3", Quantity = 3, Order = other });
        Assert.That(await store.QueryAsync(order.Lines), Has.Count.EqualTo(2));

        var deletes = new List<string>();
        var done = new TaskCompletionSource();
        using var lines = store.Observe<OrderLine>().Subscribe(m => { lock (deletes) { deletes.Add(m.Element.Product); if (deletes.Count == 2) done.TrySetResult(); } });
        Assert.That(await store.DeleteAsync(order), Is.True);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(deletes, Is.EquivalentTo(new[] { "p1", "p2" }));
        Assert.That(await store.QueryAsync<OrderLine>(), Is.EqualTo(new[] { keep }));
    }

    [Test]
    public async Task Nested_predicates_on_non_key_parent_fields_are_resolved()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        var hot = await store.SaveAsync(Posts.New("hot", 9));
        var cold = await store.SaveAsync(Posts.New("cold", 1));
        var c1 = await store.SaveAsync(new Comment { Content = "on hot", Post = hot });
        await store.SaveAsync(new Comment { Content = "on cold", Post = cold });
        var result = await store.QueryAsync(Comment.Where(c => c.Post.Rating.Gt(5)));
        Assert.That(result, Is.EqualTo(new[] { c1 }));
        Assert.That(await store.QueryAsync(Comment.Where(c => c.Post.Title.Eq("none"))), Is.Empty);
    }

    [Test]
    public async Task Sort_and_page_edge_cases()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        await store.SaveAllAsync(Enumerable.Range(0, 25).Select(i => Posts.New($"t{i:D2}", i % 5)));
        var sort = Post.Sort(s => s.Rating.Descending().Title.Ascending());
        var first = await store.QueryAsync<Post>(new QueryOptions { Page = 0, Limit = 10, Sort = sort });
        var third = await store.QueryAsync<Post>(new QueryOptions { Page = 2, Limit = 10, Sort = sort });
        var beyond = await store.QueryAsync<Post>(new QueryOptions { Page = 3, Limit = 10, Sort = sort });
        var zero = await store.QueryAsync<Post>(new QueryOptions { Limit = 0 });
        Assert.That(first.Select(p => p.Title).Take(5), Is.EqualTo(new[] { "t04", "t09", "t14", "t19", "t24" }));
        Assert.That(third, Has.Count.EqualTo(5));
        Assert.That(third.Select(p => p.Title), Is.EqualTo(new[] { "t00", "t05", "t10", "t15", "t20" }));
        Assert.That(beyond, Is.Empty);
        Assert.That(zero, Is.Empty);
        Assert.ThrowsAsync<ArgumentException>(() => store.QueryAsync<Post>(new QueryOptions { Page = 1 }));
        Assert.ThrowsAsync<ArgumentException>(() => store.QueryAsync<Comment>(new QueryOptions { Sort = sort }));
    }

    [Test]
    public async Task SaveAllAsync_is_all_or_nothing()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        var good = Posts.New("good");
        var bad = new Comment { Content = "orphan", Post = Posts.New("never saved") };
        await store.SaveAsync(Posts.New("existing"));
        Assert.ThrowsAsync<DataStoreValidationException>(() => store.SaveAllAsync(new[] { new Comment { Content = "fine" }, bad }));
        Assert.That(await store.QueryAsync<Comment>(), Is.Empty, "nothing of the failed batch was stored");
        var saved = await store.SaveAllAsync(Enumerable.Range(0, 1000).Select(i => Posts.New($"bulk {i}")).Append(good));
        Assert.That(saved, Has.Count.EqualTo(1001));
        Assert.That(await store.QueryAsync<Post>(), Has.Count.EqualTo(1002));
    }

    [Test]
    public async Task Sixteen_concurrent_writers_each_get_their_own_result()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        var existing = await store.SaveAsync(Posts.New(rating: 1));
        var tasks = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            var ids = new List<string>();
            int conflicts = 0;
            for (int i = 0; i < 200; i++)
            {
                if (i % 50 == 49)
                {
                    // A failing conditional save in the same group commit must not fail the others.
                    try { await store.SaveAsync(existing with { Title = "x" }, Post.Where(p => p.Rating.Gt(100))); }
                    catch (ConditionalCheckFailedException) { conflicts++; }
                    continue;
                }
                ids.Add((await store.SaveAsync(Posts.New($"w{w} {i}", i % 10))).Id);
            }
            return (ids, conflicts);
        })).ToArray();
        var results = await Task.WhenAll(tasks);
        Assert.That(results.Sum(r => r.conflicts), Is.EqualTo(16 * 4));
        var all = (await store.QueryAsync<Post>()).Select(p => p.Id).ToHashSet();
        var expected = results.SelectMany(r => r.ids).ToList();
        Assert.That(expected, Has.Count.EqualTo(16 * 196));
        Assert.That(expected.All(all.Contains), Is.True, "every acknowledged save is stored");
        Assert.That(all, Has.Count.EqualTo(expected.Count + 1));
        Assert.That((await store.QueryByIdAsync<Post>(existing.Id))!.Title, Is.EqualTo(existing.Title));
    }

    [Test]
    public async Task Reopening_after_dispose_sees_every_acknowledged_write()
    {
        using var dir = new TestDirectory();
        var ids = new List<string>();
        await using (var store = await dir.OpenAsync())
        {
            for (int i = 0; i < 100; i++) ids.Add((await store.SaveAsync(Posts.New($"p{i}"))).Id);
            await store.DeleteAsync(Post.Where(p => p.Title.Eq("p0")));
        }
        await using (var reopened = await dir.OpenAsync())
        {
            var stored = (await reopened.QueryAsync<Post>()).Select(p => p.Id).ToHashSet();
            Assert.That(stored, Has.Count.EqualTo(99));
            Assert.That(ids.Skip(1).All(stored.Contains), Is.True);
        }
    }

    [Test]
    public async Task A_changed_schema_version_wipes_local_data_and_reports_pending_outbox_entries_first()
    {
        using var dir = new TestDirectory();
        var adapter = new FaultInjectingAdapter(TestAdapters.LiteDb(dir.File()));
        await using (var store = await DataStore.OpenAsync(AmplifyModels.Schema, o => { o.UseStorageAdapter(adapter); o.OutboxEnabled = true; }))
        {
            await store.SaveAsync(Posts.New("unsent"));
        }
        var newer = new ModelSchema("another-version", AmplifyModels.Schema.Models, AmplifyModels.Schema.EmbeddedTypes, AmplifyModels.Schema.Enums);
        var seen = new List<DataStoreEvent>();
        var reopenedAdapter = new FaultInjectingAdapter(TestAdapters.LiteDb(dir.File()));
        await using var reopened = await DataStore.OpenAsync(newer, o => { o.UseStorageAdapter(reopenedAdapter); o.OnEvent(seen.Add); });
        var wiped = seen.OfType<LocalDataWipedEvent>().Single();
        Assert.That(wiped.PreviousVersion, Is.EqualTo(AmplifyModels.Version));
        Assert.That(wiped.NewVersion, Is.EqualTo("another-version"));
        Assert.That(wiped.PendingOutbox.Select(e => e.Operation), Is.EqualTo(new[] { OutboxOperation.Create }));
        Assert.That(wiped.PendingOutbox[0].Data, Does.Contain("\"title\":\"unsent\""));
        Assert.That(seen.IndexOf(wiped), Is.LessThan(seen.FindIndex(e => e is ReadyEvent)));
        Assert.That(await reopened.QueryAsync<Post>(), Is.Empty);
        Assert.That(await reopenedAdapter.ReadOutboxAsync(), Is.Empty);
        Assert.That(await reopenedAdapter.WriteAsync(s => s.GetSetting("fullSyncRequired"), CancellationToken.None), Is.EqualTo("true"),
            "the sync engine's full-resync hook is set");
        var replayed = new TaskCompletionSource<LocalDataWipedEvent>();
        using var late = reopened.Events.Subscribe(e => { if (e is LocalDataWipedEvent w) replayed.TrySetResult(w); });
        Assert.That(await replayed.Task.WaitAsync(TimeSpan.FromSeconds(10)), Is.SameAs(wiped));
    }

    [Test]
    public async Task Sync_engine_events_reach_subscribers_of_Events()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        var received = new List<DataStoreEvent>();
        var three = new TaskCompletionSource();
        using var sub = store.Events.Subscribe(e =>
        {
            lock (received)
            {
                if (e is ReadyEvent) return;
                received.Add(e);
                if (received.Count == 3) three.TrySetResult();
            }
        });
        store.RaiseEvent(new NetworkStatusEvent(Active: true));
        store.RaiseEvent(new OutboxStatusEvent(IsEmpty: false, PendingCount: 2));
        store.RaiseEvent(new SyncProgressEvent("Post", IsFullSync: true, ItemsReceived: 10, IsComplete: true));
        await three.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(received, Is.EqualTo(new DataStoreEvent[]
        {
            new NetworkStatusEvent(true), new OutboxStatusEvent(false, 2), new SyncProgressEvent("Post", true, 10, true),
        }));
    }

    [Test]
    public async Task A_model_write_and_its_outbox_entry_commit_together()
    {
        using var dir = new TestDirectory();
        var adapter = new FaultInjectingAdapter(TestAdapters.LiteDb(dir.File()));
        await using var store = await DataStore.OpenAsync(AmplifyModels.Schema, o => { o.UseStorageAdapter(adapter); o.OutboxEnabled = true; });
        var post = await store.SaveAsync(Posts.New("one"));
        var outbox = (await adapter.TakeOutboxAsync()).ToList(); // as if sent, so the update queues on its own
        await store.SaveAsync(post with { Rating = 2 });
        outbox.AddRange(await adapter.ReadOutboxAsync());
        Assert.That(outbox.Select(e => (e.ModelName, e.ModelKey, e.Operation)), Is.EqualTo(new[]
        {
            ("Post", post.Id, OutboxOperation.Create),
            ("Post", post.Id, OutboxOperation.Update),
        }));

        adapter.FailOutboxAppends = true;
        Assert.ThrowsAsync<IOException>(() => store.SaveAsync(Posts.New("lost?")));
        Assert.That(await store.QueryAsync(Post.Where(p => p.Title.Eq("lost?"))), Is.Empty, "the model write rolled back with its outbox entry");
        Assert.ThrowsAsync<IOException>(() => store.DeleteAsync(post));
        Assert.That(await store.QueryByIdAsync<Post>(post.Id), Is.Not.Null, "the delete rolled back too");
        Assert.That(await adapter.ReadOutboxAsync(), Has.Count.EqualTo(1), "only the update is still queued");
    }

    [Test]
    public async Task The_store_rejects_models_of_another_schema_and_use_after_dispose()
    {
        using var dir = new TestDirectory();
        var store = await dir.OpenAsync();
        await store.DisposeAsync();
        Assert.ThrowsAsync<ObjectDisposedException>(() => store.SaveAsync(Posts.New()));
        var onlyPosts = new ModelSchema(AmplifyModels.Version, AmplifyModels.Schema.Models.Where(m => m.Name == "Post").ToArray(), AmplifyModels.Schema.EmbeddedTypes, AmplifyModels.Schema.Enums);
        await using var partial = await DataStore.OpenAsync(onlyPosts, o => o.UseInMemory());
        Assert.ThrowsAsync<ArgumentException>(() => partial.SaveAsync(new Comment { Content = "x" }));
    }
}
