using System.Text.Json.Nodes;
using Amplify.DataStore.LocalBackend.Conflicts;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Conflicts;

/// <summary>Version conflicts under the three strategies, with concurrent writers.</summary>
public sealed class ConflictTests
{
    private const string Update = "mutation($i: UpdatePostInput!) { updatePost(input: $i) { id title rating tags _version } }";

    [Test]
    public async Task Optimistic_50_parallel_updates_with_the_same_version_exactly_one_wins()
    {
        await using var backend = await Backend.StartAsync(configure: o => o.ConflictStrategy = ConflictStrategy.OptimisticConcurrency);
        var id = (string)(await backend.CreatePostAsync("base"))["id"]!;
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => backend.PostAsync(Update, new { i = new { id, title = "w" + i, _version = 1 } })));
        var winners = results.Where(r => r.Body["errors"] is null).ToList();
        var losers = results.Where(r => r.Body["errors"] is not null).ToList();
        Assert.That(winners, Has.Count.EqualTo(1));
        Assert.That(losers, Has.Count.EqualTo(49));
        var winnerTitle = (string)winners[0].Body["data"]!["updatePost"]!["title"]!;
        foreach (var (status, body) in losers)
        {
            Assert.That((int)status, Is.EqualTo(200));
            var error = body["errors"]![0]!;
            Assert.That((string)error["errorType"]!, Is.EqualTo("ConflictUnhandled"));
            Assert.That((string)error["message"]!, Is.EqualTo("Conflict resolver rejects mutation."));
            Assert.That((int)error["data"]!["_version"]!, Is.EqualTo(2), "errors[].data is the current server item");
            Assert.That((string)error["data"]!["title"]!, Is.EqualTo(winnerTitle));
            Assert.That(body["data"]!["updatePost"], Is.Null);
        }
    }

    [Test]
    public async Task Automerge_keeps_server_scalars_adds_new_fields_concatenates_lists_and_increments_the_version()
    {
        await using var backend = await Backend.StartAsync();
        var id = (string)(await backend.CreatePostAsync("server", rating: 5))["id"]!;
        await backend.DataAsync(Update, new { i = new { id, tags = new[] { "a", "b" }, _version = 1 } });

        // Stale version 1 against 2: title is a scalar conflict (server wins), tags concatenate.
        var merged = (await backend.DataAsync(Update, new { i = new { id, title = "client", tags = new[] { "b", "c" }, _version = 1 } }))["updatePost"]!;
        Assert.That((string)merged["title"]!, Is.EqualTo("server"));
        Assert.That(merged["tags"]!.AsArray().Select(t => (string)t!), Is.EqualTo(new[] { "a", "b", "b", "c" }));
        Assert.That((int)merged["_version"]!, Is.EqualTo(3));
    }

    [Test]
    public async Task Automerge_fills_a_field_that_is_null_on_the_server()
    {
        await using var backend = await Backend.StartAsync();
        var id = (string)(await backend.CreatePostAsync("server"))["id"]!;
        await backend.DataAsync(Update, new { i = new { id, title = "v2", _version = 1 } });
        var merged = (await backend.DataAsync(Update, new { i = new { id, tags = new[] { "x" }, _version = 1 } }))["updatePost"]!;
        Assert.That(merged["tags"]!.AsArray().Select(t => (string)t!), Is.EqualTo(new[] { "x" }));
        Assert.That((string)merged["title"]!, Is.EqualTo("v2"));
    }

    [Test]
    public async Task Automerge_under_concurrency_is_deterministic_every_write_lands_once()
    {
        await using var backend = await Backend.StartAsync();
        var id = (string)(await backend.CreatePostAsync("base"))["id"]!;
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => backend.PostAsync(Update, new { i = new { id, tags = new[] { "t" + i }, _version = 1 } })));
        Assert.That(results.All(r => r.Body["errors"] is null), "automerge accepts every stale write");
        var final = (await backend.DataAsync("query($id: ID!) { getPost(id: $id) { tags _version } }", new { id }))["getPost"]!;
        Assert.That((int)final["_version"]!, Is.EqualTo(51), "one version per accepted write");
        Assert.That(final["tags"]!.AsArray().Select(t => (string)t!), Is.EquivalentTo(Enumerable.Range(0, 50).Select(i => "t" + i)),
            "every write's list element is kept exactly once");
    }

    [Test]
    public async Task Automerge_rejects_a_stale_delete()
    {
        await using var backend = await Backend.StartAsync();
        var id = (string)(await backend.CreatePostAsync("base"))["id"]!;
        await backend.DataAsync(Update, new { i = new { id, title = "v2", _version = 1 } });
        var (_, body) = await backend.PostAsync("mutation($i: DeletePostInput!) { deletePost(input: $i) { id _version } }", new { i = new { id, _version = 1 } });
        Assert.That((string)body["errors"]![0]!["errorType"]!, Is.EqualTo("ConflictUnhandled"));
        Assert.That((int)body["errors"]![0]!["data"]!["_version"]!, Is.EqualTo(2));
    }

    [Test]
    public async Task An_update_without_a_version_is_a_conflict()
    {
        await using var backend = await Backend.StartAsync(configure: o => o.ConflictStrategy = ConflictStrategy.OptimisticConcurrency);
        var id = (string)(await backend.CreatePostAsync("base"))["id"]!;
        var (_, body) = await backend.PostAsync(Update, new { i = new { id, title = "no version" } });
        Assert.That((string)body["errors"]![0]!["errorType"]!, Is.EqualTo("ConflictUnhandled"));
    }

    [Test]
    public async Task Per_model_override_wins_over_the_default()
    {
        await using var backend = await Backend.StartAsync(configure: o => o.ModelConflictStrategies["Post"] = ConflictStrategy.OptimisticConcurrency);
        var id = (string)(await backend.CreatePostAsync("base"))["id"]!;
        await backend.DataAsync(Update, new { i = new { id, title = "v2", _version = 1 } });
        var (_, body) = await backend.PostAsync(Update, new { i = new { id, title = "stale", _version = 1 } });
        Assert.That((string)body["errors"]![0]!["errorType"]!, Is.EqualTo("ConflictUnhandled"));
    }

    [Test]
    public async Task Custom_handler_resolve_reject_and_remove()
    {
        var handler = new ScriptedHandler();
        await using var backend = await Backend.StartAsync(configure: o =>
        {
            o.ConflictStrategy = ConflictStrategy.Custom;
            o.ConflictHandler = handler;
        });
        var id = (string)(await backend.CreatePostAsync("base", rating: 1))["id"]!;
        await backend.DataAsync(Update, new { i = new { id, rating = 2, _version = 1 } });

        handler.Next = c => ConflictResolution.Resolve(new Dictionary<string, object?>(c.NewItem!) { ["title"] = "resolved by handler", ["_version"] = 99L, ["id"] = "hijack" });
        var resolved = (await backend.DataAsync(Update, new { i = new { id, title = "client", _version = 1 } }))["updatePost"]!;
        Assert.That((string)resolved["title"]!, Is.EqualTo("resolved by handler"));
        Assert.That((string)resolved["id"]!, Is.EqualTo(id), "the key is not the handler's to change");
        Assert.That((int)resolved["_version"]!, Is.EqualTo(3), "sync metadata in the handler's item is ignored");
        Assert.That(handler.Seen!.Operation, Is.EqualTo(ConflictOperation.Update));
        Assert.That(handler.Seen.ExistingItem["rating"], Is.EqualTo(2L));
        Assert.That(handler.Seen.Identity, Is.Null, "API-key callers have no identity, as in AppSync's payload");

        handler.Next = _ => ConflictResolution.Reject();
        var (_, rejected) = await backend.PostAsync(Update, new { i = new { id, title = "client", _version = 1 } });
        Assert.That((string)rejected["errors"]![0]!["errorType"]!, Is.EqualTo("ConflictUnhandled"));

        handler.Next = _ => ConflictResolution.Remove();
        var removed = (await backend.DataAsync("mutation($i: DeletePostInput!) { deletePost(input: $i) { _deleted _version } }", new { i = new { id, _version = 1 } }))["deletePost"]!;
        Assert.That((bool)removed["_deleted"]!, Is.True);
        Assert.That(handler.Seen!.Operation, Is.EqualTo(ConflictOperation.Delete));

        handler.Next = _ => ConflictResolution.Remove();
        var id2 = (string)(await backend.CreatePostAsync("other"))["id"]!;
        await backend.DataAsync(Update, new { i = new { id = id2, rating = 3, _version = 1 } });
        var (_, bad) = await backend.PostAsync(Update, new { i = new { id = id2, title = "x", _version = 1 } });
        Assert.That((string)bad["errors"]![0]!["errorType"]!, Is.EqualTo("ConflictError"));
    }

    [Test]
    public async Task Custom_handler_under_50_concurrent_stale_writers_is_called_once_per_conflict_and_every_resolution_lands()
    {
        var handler = new CountingHandler();
        await using var backend = await Backend.StartAsync(configure: o =>
        {
            o.ConflictStrategy = ConflictStrategy.Custom;
            o.ConflictHandler = handler;
        });
        var id = (string)(await backend.CreatePostAsync("base", rating: 0))["id"]!;
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => backend.PostAsync(Update, new { i = new { id, rating = 1, _version = 1 } })));
        Assert.That(results.All(r => r.Body["errors"] is null), "the handler resolves every conflict");
        Assert.That(handler.Calls, Is.EqualTo(49), "one write matches version 1; each of the others is a conflict");
        var final = (await backend.DataAsync("query($id: ID!) { getPost(id: $id) { rating _version } }", new { id }))["getPost"]!;
        Assert.That((int)final["_version"]!, Is.EqualTo(51));
        Assert.That((int)final["rating"]!, Is.EqualTo(1 + 49), "each resolution saw the item as the previous one left it");
    }

    /// <summary>Resolves by adding the incoming rating to the stored one (a counter merge).</summary>
    private sealed class CountingHandler : IConflictHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public ConflictResolution Resolve(ConflictContext context)
        {
            Interlocked.Increment(ref _calls);
            var merged = new Dictionary<string, object?>(context.ExistingItem) { ["rating"] = (long)context.ExistingItem["rating"]! + (long)context.Arguments["rating"]! };
            return ConflictResolution.Resolve(merged);
        }
    }

    private sealed class ScriptedHandler : IConflictHandler
    {
        public Func<ConflictContext, ConflictResolution> Next { get; set; } = _ => ConflictResolution.Reject();

        public ConflictContext? Seen { get; private set; }

        public ConflictResolution Resolve(ConflictContext context)
        {
            Seen = context;
            return Next(context);
        }
    }
}
