using Amplify.DataStore.Events;
using Amplify.DataStore.LocalBackend;
using Amplify.DataStore.LocalBackend.Conflicts;
using Amplify.DataStore.Sync.Tests.Support;
using SyncTests.Models;
using BackendResolution = Amplify.DataStore.LocalBackend.Conflicts.ConflictResolution;

namespace Amplify.DataStore.Sync.Tests.Engine;

/// <summary>
/// Each conflict strategy of the backend with the default and custom conflict handlers: b edits a record while stopped
/// (offline) after a changed it on the server, then starts and sends its stale change.
/// </summary>
[CancelAfter(60_000)]
public class ConflictTests
{
    private static Action<LocalBackendOptions> Strategy(ConflictStrategy strategy, IConflictHandler? handler = null)
        => o =>
        {
            o.ConflictStrategy = strategy;
            o.ConflictHandler = handler;
        };

    /// <summary>a and b share a synced post; b stops; a sets rating 2 (server version 2); b sets the title offline on version 1.</summary>
    private static async Task<(Post Post, SyncClient A, SyncClient B)> StaleEditAsync(TestBackend backend, Action<AppSyncOptionsBuilder>? bSync = null)
    {
        var a = await SyncClient.StartAsync(backend);
        var b = await SyncClient.StartAsync(backend, sync: bSync);
        var post = await a.Store.SaveAsync(new Post { Title = "original", Rating = 1 });
        await a.WaitForEmptyOutboxAsync();
        await b.WaitUntilAsync(async s => await s.QueryByIdAsync<Post>(post.Id) is not null, "b has the post");
        await b.Store.StopAsync();
        await a.Store.SaveAsync((await a.Store.QueryByIdAsync<Post>(post.Id))! with { Rating = 2 });
        await a.WaitForEmptyOutboxAsync();
        await b.Store.SaveAsync((await b.Store.QueryByIdAsync<Post>(post.Id))! with { Title = "from b" });
        await b.Store.StartAsync();
        await b.WaitForEmptyOutboxAsync();
        return (post, a, b);
    }

    [Test]
    public async Task Optimistic_concurrency_with_the_default_handler_resends_the_local_change_on_the_servers_version_keeping_other_fields()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema, configure: Strategy(ConflictStrategy.OptimisticConcurrency));
        var (post, a, b) = await StaleEditAsync(backend);
        await using var _ = a;
        await using var __ = b;
        var server = await backend.GetPostAsync(post.Id);
        Assert.That((string?)server!["title"], Is.EqualTo("from b"), "the local change won");
        Assert.That((int?)server["rating"], Is.EqualTo(2), "only the changed field was resent: a's rating is kept");
        Assert.That((int?)server["_version"], Is.EqualTo(3));
        var local = await b.Store.QueryByIdAsync<Post>(post.Id);
        Assert.That((local!.Title, local.Rating), Is.EqualTo(("from b", (int?)2)), "b holds the server's copy");
        await a.WaitUntilAsync(async s => (await s.QueryByIdAsync<Post>(post.Id))?.Title == "from b", "a converges");
    }

    [Test]
    public async Task Discard_takes_the_servers_copy()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema, configure: Strategy(ConflictStrategy.OptimisticConcurrency));
        var seen = new List<SyncConflict>();
        var (post, a, b) = await StaleEditAsync(backend, s => s.WithConflictHandler((c, _) =>
        {
            lock (seen) seen.Add(c);
            return Task.FromResult(ConflictResolution.Discard);
        }));
        await using var _ = a;
        await using var __ = b;
        Assert.That(seen, Has.Count.EqualTo(1));
        Assert.That(((Post)seen[0].Local).Title, Is.EqualTo("from b"));
        Assert.That(((Post)seen[0].Remote).Rating, Is.EqualTo(2));
        Assert.That(seen[0].Operation, Is.EqualTo(Storage.OutboxOperation.Update));
        var local = await b.Store.QueryByIdAsync<Post>(post.Id);
        Assert.That((local!.Title, local.Rating), Is.EqualTo(("original", (int?)2)), "b's change was given up for the server's copy");
        Assert.That((string?)(await backend.GetPostAsync(post.Id))!["title"], Is.EqualTo("original"));
    }

    [Test]
    public async Task A_custom_handler_can_send_a_merge_of_both()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema, configure: Strategy(ConflictStrategy.OptimisticConcurrency));
        var (post, a, b) = await StaleEditAsync(backend, s => s.WithConflictHandler((c, _) => Task.FromResult(
            ConflictResolution.Retry((Post)c.Remote with { Title = ((Post)c.Local).Title + " (merged)" }))));
        await using var _ = a;
        await using var __ = b;
        var server = await backend.GetPostAsync(post.Id);
        Assert.That(((string?)server!["title"], (int?)server["rating"]), Is.EqualTo(("from b (merged)", (int?)2)));
    }

    [Test]
    public async Task Automerge_keeps_the_servers_value_of_a_conflicting_field_and_merges_new_ones_without_asking_the_handler()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema, configure: Strategy(ConflictStrategy.Automerge));
        var handled = 0;
        var a = await SyncClient.StartAsync(backend);
        var b = await SyncClient.StartAsync(backend, sync: s => s.WithConflictHandler((_, _) =>
        {
            Interlocked.Increment(ref handled);
            return Task.FromResult(ConflictResolution.Discard);
        }));
        await using var _ = a;
        await using var __ = b;
        var post = await a.Store.SaveAsync(new Post { Title = "original", Rating = 1 });
        await a.WaitForEmptyOutboxAsync();
        await b.WaitUntilAsync(async s => await s.QueryByIdAsync<Post>(post.Id) is not null, "b has the post");
        await b.Store.StopAsync();
        await a.Store.SaveAsync((await a.Store.QueryByIdAsync<Post>(post.Id))! with { Rating = 2 });
        await a.WaitForEmptyOutboxAsync();
        await b.Store.SaveAsync((await b.Store.QueryByIdAsync<Post>(post.Id))! with { Title = "from b", Tags = ValueList.Create<string?>("b") });
        await b.Store.StartAsync();
        await b.WaitForEmptyOutboxAsync();

        var server = await backend.GetPostAsync(post.Id);
        Assert.That(((string?)server!["title"], (int?)server["rating"]), Is.EqualTo(("original", (int?)2)), "AppSync automerge: the server's scalar wins");
        Assert.That(server["tags"]!.AsArray().Select(t => (string?)t), Is.EqualTo(new[] { "b" }), "a field null on the server is merged in");
        Assert.That(handled, Is.Zero, "automerge resolves on the server; the client sees no conflict");
        var local = await b.Store.QueryByIdAsync<Post>(post.Id);
        Assert.That((local!.Title, local.Rating, local.Tags?.Count), Is.EqualTo(("original", (int?)2, (int?)1)), "b holds the merged copy");
        await a.WaitUntilAsync(async s => (await s.QueryByIdAsync<Post>(post.Id))?.Tags?.Count == 1, "a converges");
    }

    private sealed class AlwaysReject : IConflictHandler
    {
        public BackendResolution Resolve(ConflictContext context) => BackendResolution.Reject();
    }

    [Test]
    public async Task A_lambda_strategy_that_rejects_reaches_the_handler_and_its_retry_on_the_new_version_goes_through()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema, configure: Strategy(ConflictStrategy.Custom, new AlwaysReject()));
        var attempts = 0;
        var (post, a, b) = await StaleEditAsync(backend, s => s.WithConflictHandler((c, _) =>
        {
            Interlocked.Increment(ref attempts);
            return Task.FromResult(ConflictResolution.Retry(c.Local));
        }));
        await using var _ = a;
        await using var __ = b;
        Assert.That(attempts, Is.EqualTo(1));
        Assert.That((string?)(await backend.GetPostAsync(post.Id))!["title"], Is.EqualTo("from b"));
    }

    [Test]
    public async Task After_ten_conflicts_the_servers_copy_is_taken()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema, configure: Strategy(ConflictStrategy.OptimisticConcurrency));
        var attempts = new List<int>();
        // The record keeps changing on the server underneath every retry (AppSync's MaxConflicts situation).
        var (post, a, b) = await StaleEditAsync(backend, s => s.WithConflictHandler(async (c, _) =>
        {
            lock (attempts) attempts.Add(c.Attempts);
            var remote = await backend.GetPostAsync(((Post)c.Remote).Id);
            await backend.GraphQLAsync("mutation($i: UpdatePostInput!) { updatePost(input: $i) { id } }", new System.Text.Json.Nodes.JsonObject
            {
                ["i"] = new System.Text.Json.Nodes.JsonObject { ["id"] = ((Post)c.Remote).Id, ["rating"] = 100 + c.Attempts, ["_version"] = (int)remote!["_version"]! },
            });
            return ConflictResolution.Retry(c.Local);
        }));
        await using var _ = a;
        await using var __ = b;
        Assert.That(attempts, Is.EqualTo(Enumerable.Range(1, 10)), "the handler is asked for attempts 1 to 10, then no more");
        var server = await backend.GetPostAsync(post.Id);
        var local = await b.Store.QueryByIdAsync<Post>(post.Id);
        Assert.That((local!.Title, local.Rating), Is.EqualTo(("original", (int?)110)), "the server's copy was taken");
        Assert.That(((string?)server!["title"], (int?)server["rating"]), Is.EqualTo(("original", (int?)110)));
        Assert.That(await b.Store.GetFailedMutationsAsync(), Is.Empty, "a conflict given up is not a failed mutation");
    }

    [Test]
    public async Task A_condition_the_server_finds_false_restores_the_servers_copy_and_is_reported()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        var errors = new List<SyncError>();
        await using var a = await SyncClient.StartAsync(backend);
        await using var b = await SyncClient.StartAsync(backend, sync: s => s.WithErrorHandler(e => { lock (errors) errors.Add(e); }));
        var post = await a.Store.SaveAsync(new Post { Title = "original", Rating = 1 });
        await a.WaitForEmptyOutboxAsync();
        await b.WaitUntilAsync(async s => await s.QueryByIdAsync<Post>(post.Id) is not null, "b has the post");
        await b.Store.StopAsync();
        await a.Store.SaveAsync((await a.Store.QueryByIdAsync<Post>(post.Id))! with { Rating = 5 });
        await a.WaitForEmptyOutboxAsync();
        // True on b's stale copy (rating 1), false on the server (rating 5).
        await b.Store.SaveAsync((await b.Store.QueryByIdAsync<Post>(post.Id))! with { Title = "only if rating < 3" }, Post.Where(p => p.Rating.Lt(3)));
        await b.Store.StartAsync();
        var failed = await b.WaitForAsync<ConditionalSaveFailedEvent>(_ => true, "the condition failure");
        Assert.That(failed.Mutation.ModelKey, Is.EqualTo(post.Id));
        Assert.That(((Post)failed.Remote!).Rating, Is.EqualTo(5));
        await b.WaitForEmptyOutboxAsync();
        var local = await b.Store.QueryByIdAsync<Post>(post.Id);
        Assert.That((local!.Title, local.Rating), Is.EqualTo(("original", (int?)5)), "the local change was undone with the server's copy");
        Assert.That(errors.Select(e => e.ErrorType), Is.EqualTo(new[] { "ConditionalCheckFailedException" }));
        Assert.That((string?)(await backend.GetPostAsync(post.Id))!["title"], Is.EqualTo("original"));
    }
}
