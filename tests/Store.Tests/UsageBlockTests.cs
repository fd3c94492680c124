using Amplify.DataStore.Sorting;
using NUnit.Framework;
using StoreTests.Models;

namespace Amplify.DataStore.Store.Tests;

using Amplify.DataStore;

/// <summary>The local DataStore issue's usage block, line by line, on a real LiteDB file.</summary>
public class UsageBlockTests
{
    [Test]
    public async Task Every_line_of_the_usage_block_works_in_its_order()
    {
        using var dir = new TestDirectory();
        await using var store = await DataStore.OpenAsync(AmplifyModels.Schema, o => o.UseLiteDb(dir.File("blog.db")));

        var post = await store.SaveAsync(new Post { Title = "My First Post", Rating = 10, Status = PostStatus.Active });
        await store.SaveAsync(new Post { Title = "Second", Rating = 3, Status = PostStatus.Inactive });
        await store.SaveAsync(new Post { Title = "Third", Rating = 7, Status = PostStatus.Inactive });
        IReadOnlyList<Post> all = await store.QueryAsync<Post>();
        Assert.That(all, Has.Count.EqualTo(3));
        IReadOnlyList<Post> page = await store.QueryAsync<Post>(new QueryOptions { Page = 0, Limit = 100 });
        Assert.That(page, Has.Count.EqualTo(3));
        IReadOnlyList<Post> good = await store.QueryAsync(Post.Where(p => p.Rating.Gt(4) & p.Status.Eq(PostStatus.Active)));
        Assert.That(good.Select(p => p.Title), Is.EqualTo(new[] { "My First Post" }));
        IReadOnlyList<Post> either = await store.QueryAsync(Post.Where(p => p.Rating.Gt(4) | p.Status.Eq(PostStatus.Active)),
                                                            new QueryOptions { Sort = Post.Sort(s => s.Rating.Descending().Title.Ascending()) });
        Assert.That(either.Select(p => p.Rating), Is.EqualTo(new[] { 10, 7 }));
        Post? one = await store.QueryByIdAsync<Post>(post.Id);
        Assert.That(one, Is.EqualTo(post));

        await store.SaveAsync(Post.CopyOf(one!, u => u.Title = "edited"));                          // update
        Assert.That((await store.QueryByIdAsync<Post>(post.Id))!.Title, Is.EqualTo("edited"));
        await store.SaveAsync(Post.CopyOf(one!, u => u.Title = "x"), Post.Where(p => p.Rating.Gt(3))); // conditional update
        Assert.That((await store.QueryByIdAsync<Post>(post.Id))!.Title, Is.EqualTo("x"));
        Assert.That(await store.DeleteAsync(one!), Is.True);                                        // delete instance
        Assert.That(await store.DeleteAsync(one!, Post.Where(p => p.Status.Eq(PostStatus.Inactive))), Is.False, "already deleted: nothing to do");
        var inactive = await store.DeleteAsync(Post.Where(p => p.Status.Eq(PostStatus.Inactive)));  // delete by predicate
        Assert.That(inactive.Select(p => p.Title), Is.EquivalentTo(new[] { "Second", "Third" }));
        await store.SaveAsync(Posts.New("left over"));
        await store.DeleteAsync(Predicate<Post>.All);                                               // delete all of a model
        Assert.That(await store.QueryAsync<Post>(), Is.Empty);

        // The block deleted every post above; a comment's parent must exist locally, so save the post again first.
        await store.SaveAsync(post);
        var saved = await store.SaveAsync(new Comment { Content = "Loving DataStore!", Post = post }); // relation
        IReadOnlyList<Comment> comments = await store.QueryAsync(Comment.Where(c => c.Post.Id.Eq(post.Id)));
        Assert.That(comments, Is.EqualTo(new[] { saved }));
        Assert.That(await store.QueryAsync(post.Comments), Is.EqualTo(new[] { saved }));
        await store.DeleteAsync(post);   // cascades to its comments
        Assert.That(await store.QueryByIdAsync<Comment>(saved.Id), Is.Null, "the comment was cascaded");
        await store.SaveAsync(Posts.New());
        await store.ClearAsync();        // wipes local data
        Assert.That(await store.QueryAsync<Post>(), Is.Empty);
    }

    [Test]
    public async Task Linq_queries_translate_to_the_same_predicates()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        await store.SaveAllAsync(new[] { Posts.New("a", 5), Posts.New("b", 2), Posts.New("c", 9, PostStatus.Inactive) });
        var linq = await store.QueryAsync<Post>(p => p.Rating > 4 && p.Status == PostStatus.Active);
        var typed = await store.QueryAsync(Post.Where(p => p.Rating.Gt(4) & p.Status.Eq(PostStatus.Active)));
        Assert.That(linq, Is.EqualTo(typed));
        Assert.That(linq.Single().Title, Is.EqualTo("a"));
#pragma warning disable ADS2001 // on purpose: the runtime's own error for an untranslatable predicate
        var ex = Assert.Throws<NotSupportedException>(() => store.QueryAsync<Post>(p => p.Title.ToUpper() == "A"));
#pragma warning restore ADS2001
        Assert.That(ex!.Message, Does.Contain("ToUpper"));

        var seen = new TaskCompletionSource<string>();
        using var sub = store.Observe<Post>(p => p.Rating < 3).Subscribe(m => seen.TrySetResult(m.Element.Title));
        var deleted = await store.DeleteAsync<Post>(p => p.Rating < 3);
        Assert.That(deleted.Select(p => p.Title), Is.EqualTo(new[] { "b" }));
        Assert.That(await seen.Task.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo("b"), "the LINQ observe filter let the matching delete through");
    }

    [Test]
    public async Task Observe_delivers_insert_update_and_delete()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        var received = new List<ModelChange<Post>>();
        var three = new TaskCompletionSource();
        using var sub = store.Observe<Post>().Subscribe(msg =>
        {
            lock (received)
            {
                received.Add(msg);
                if (received.Count == 3) three.TrySetResult();
            }
        });
        var post = await store.SaveAsync(Posts.New());
        await store.SaveAsync(post with { Rating = 1 });
        await store.DeleteAsync(post);
        await three.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(received.Select(m => m.OpType), Is.EqualTo(new[] { OpType.Insert, OpType.Update, OpType.Delete }));
        Assert.That(received.Select(m => m.ModelName).Distinct(), Is.EqualTo(new[] { "Post" }));
        Assert.That(received[1].Element.Rating, Is.EqualTo(1));
        Assert.That($"{received[0].Model} {received[0].OpType}", Is.EqualTo("Post Insert"));
    }

    [Test]
    public async Task ObserveAsync_is_the_same_stream()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var seen = new List<OpType>();
        var reading = Task.Run(async () =>
        {
            await foreach (var change in store.ObserveAsync<Post>(cts.Token))
            {
                seen.Add(change.OpType);
                if (seen.Count == 2) break;
            }
        });
        await Task.Delay(100); // let the enumerator subscribe
        var post = await store.SaveAsync(Posts.New());
        await store.DeleteAsync(post);
        await reading.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(seen, Is.EqualTo(new[] { OpType.Insert, OpType.Delete }));
    }

    [Test]
    public async Task ObserveQuery_emits_an_initial_snapshot_then_batched_updates()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync(configure: o => o.ConfigureObserveQuery(TimeSpan.FromMilliseconds(300), maxChanges: 3));
        await store.SaveAsync(Posts.New("existing", 9));
        var snapshots = new List<QuerySnapshot<Post>>();
        var arrived = new SemaphoreSlim(0);
        using var live = store.ObserveQuery(Post.Where(p => p.Rating.Gt(4)), Post.Sort(s => s.Title.Ascending())).Subscribe(snapshot =>
        {
            lock (snapshots) snapshots.Add(snapshot);
            arrived.Release();
        });
        async Task<QuerySnapshot<Post>> NextAsync()
        {
            Assert.That(await arrived.WaitAsync(TimeSpan.FromSeconds(10)), Is.True, "a snapshot arrives");
            lock (snapshots) return snapshots[^1];
        }

        var initial = await NextAsync();
        Assert.That(initial.Items.Select(p => p.Title), Is.EqualTo(new[] { "existing" }));
        Assert.That(initial.IsSynced, Is.False, "local-only mode never syncs");

        // Three changes reach maxChanges: they arrive together in one snapshot (filtered and sorted), not one by one.
        await store.SaveAllAsync(new[] { Posts.New("b", 5), Posts.New("a", 6), Posts.New("low", 1) });
        var batched = await NextAsync();
        Assert.That(batched.Items.Select(p => p.Title), Is.EqualTo(new[] { "a", "b", "existing" }));

        // A single change waits for the window, then arrives.
        var before = DateTime.UtcNow;
        await store.DeleteAsync(Post.Where(p => p.Title.Eq("existing")));
        var windowed = await NextAsync();
        Assert.That(windowed.Items.Select(p => p.Title), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(DateTime.UtcNow - before, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250)), "held back until the batch window elapsed");
        lock (snapshots) Assert.That(snapshots, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_throwing_or_slow_observer_does_not_break_the_store_or_other_observers()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        var slowGate = new ManualResetEventSlim(false);
        using var slow = store.Observe<Post>().Subscribe(_ => slowGate.Wait(TimeSpan.FromSeconds(10)));
        using var throwing = store.Observe<Post>().Subscribe(_ => throw new InvalidOperationException("observer bug"));
        var healthy = new TaskCompletionSource<int>();
        var count = 0;
        using var ok = store.Observe<Post>().Subscribe(_ => { if (Interlocked.Increment(ref count) == 20) healthy.TrySetResult(count); });
        for (int i = 0; i < 20; i++) await store.SaveAsync(Posts.New($"p{i}"));
        Assert.That(await healthy.Task.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo(20));
        Assert.That(await store.QueryAsync<Post>(), Has.Count.EqualTo(20), "writes completed while an observer was blocked");
        slowGate.Set();
    }

    [Test]
    public async Task Events_report_ready_to_late_subscribers()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        var ready = new TaskCompletionSource<Events.ReadyEvent>();
        using var sub = store.Events.Subscribe(e => { if (e is Events.ReadyEvent r) ready.TrySetResult(r); });
        var evt = await ready.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(evt.SchemaVersion, Is.EqualTo(AmplifyModels.Version));
    }
}
