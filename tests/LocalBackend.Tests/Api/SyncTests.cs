using System.Text.Json.Nodes;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Api;

/// <summary>syncX: base vs delta table around the TTL, startedAt, pagination, ordering and tombstone expiry.</summary>
public sealed class SyncTests
{
    private const string SyncQuery = "query($limit: Int, $nextToken: String, $lastSync: AWSTimestamp, $filter: ModelPostFilterInput) { syncPosts(limit: $limit, nextToken: $nextToken, lastSync: $lastSync, filter: $filter) { items { id title _version _deleted _lastChangedAt } nextToken startedAt } }";

    private ManualClock _clock = null!;
    private Backend _backend = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _clock = new ManualClock(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        _backend = await Backend.StartAsync(configure: o =>
        {
            o.Clock = _clock;
            o.DeltaSyncTtl = TimeSpan.FromMinutes(30);
            o.TombstoneTtl = TimeSpan.FromDays(1);
        });
    }

    [TearDown]
    public async Task StopAsync() => await _backend.DisposeAsync();

    private async Task<JsonNode> SyncAsync(long? lastSync = null, int? limit = null, string? nextToken = null, object? filter = null)
    {
        var data = await _backend.DataAsync(SyncQuery, new Dictionary<string, object?> { ["lastSync"] = lastSync, ["limit"] = limit, ["nextToken"] = nextToken, ["filter"] = filter });
        return data["syncPosts"]!;
    }

    private async Task<(List<JsonNode> Items, long StartedAt)> SyncAllAsync(long? lastSync, int limit, Func<Task>? betweenPages = null)
    {
        var items = new List<JsonNode>();
        string? token = null;
        long? startedAt = null;
        do
        {
            var page = await SyncAsync(lastSync, limit, token);
            startedAt ??= (long)page["startedAt"]!;
            Assert.That((long)page["startedAt"]!, Is.EqualTo(startedAt), "startedAt is the first page's on every page");
            items.AddRange(page["items"]!.AsArray().Select(i => i!.DeepClone()));
            token = (string?)page["nextToken"];
            if (betweenPages is not null) await betweenPages();
        }
        while (token is not null);
        return (items, startedAt!.Value);
    }

    [Test]
    public async Task First_sync_with_lastSync_0_reads_the_base_table_and_startedAt_is_the_server_time()
    {
        await _backend.CreatePostAsync("a");
        await _backend.CreatePostAsync("b");
        var page = await SyncAsync(lastSync: 0);
        Assert.That(page["items"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That((long)page["startedAt"]!, Is.EqualTo(_clock.GetUtcNow().ToUnixTimeMilliseconds()));
        Assert.That(page["nextToken"], Is.Null);
    }

    [Test]
    public async Task Recent_lastSync_reads_the_delta_table_oldest_first_with_every_change()
    {
        var a = await _backend.CreatePostAsync("a");
        _clock.Advance(TimeSpan.FromSeconds(1));
        long lastSync = (long)(await SyncAsync())["startedAt"]!;
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _backend.DataAsync("mutation($i: UpdatePostInput!) { updatePost(input: $i) { id } }", new { i = new { id = (string)a["id"]!, title = "a2", _version = 1 } });
        _clock.Advance(TimeSpan.FromSeconds(1));
        var b = await _backend.CreatePostAsync("b");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _backend.DataAsync("mutation($i: UpdatePostInput!) { updatePost(input: $i) { id } }", new { i = new { id = (string)a["id"]!, title = "a3", _version = 2 } });

        var delta = (await SyncAsync(lastSync))["items"]!.AsArray();
        Assert.That(delta.Select(i => (string)i!["title"]!), Is.EqualTo(new[] { "a2", "b", "a3" }), "every change, oldest first; the same id may repeat");
        Assert.That(delta.Select(i => (int)i!["_version"]!), Is.EqualTo(new[] { 2, 1, 3 }));
        Assert.That(delta.Select(i => (long)i!["_lastChangedAt"]!), Is.Ordered);
        Assert.That((string)b["id"]!, Is.EqualTo((string)delta[1]!["id"]!));
    }

    [Test]
    public async Task LastSync_older_than_the_delta_ttl_reads_the_base_table()
    {
        var a = await _backend.CreatePostAsync("a");
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        long lastSync = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        await _backend.DataAsync("mutation($i: UpdatePostInput!) { updatePost(input: $i) { id } }", new { i = new { id = (string)a["id"]!, title = "a2", _version = 1 } });
        await _backend.DataAsync("mutation($i: UpdatePostInput!) { updatePost(input: $i) { id } }", new { i = new { id = (string)a["id"]!, title = "a3", _version = 2 } });

        _clock.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromMilliseconds(1));
        Assert.That((await SyncAsync(lastSync))["items"]!.AsArray(), Has.Count.EqualTo(2), "inside the TTL: the delta table (two changes)");

        _clock.Advance(TimeSpan.FromMilliseconds(2));
        var items = (await SyncAsync(lastSync))["items"]!.AsArray();
        Assert.That(items, Has.Count.EqualTo(1), "past the TTL: the base table (one item)");
        Assert.That((string)items[0]!["title"]!, Is.EqualTo("a3"));
    }

    [Test]
    public async Task Delta_rows_expire_after_the_ttl()
    {
        long lastSync = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        await _backend.CreatePostAsync("old");
        _clock.Advance(TimeSpan.FromMinutes(20));
        long recent = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        await _backend.CreatePostAsync("new");
        _clock.Advance(TimeSpan.FromMinutes(15)); // "old" is now 35 minutes old
        var items = (await SyncAsync(recent))["items"]!.AsArray();
        Assert.That(items.Select(i => (string)i!["title"]!), Is.EqualTo(new[] { "new" }));
        Assert.That(_backend.Server.Purge(), Is.GreaterThanOrEqualTo(1), "the expired delta row is purged");
        Assert.That(lastSync, Is.LessThan(recent));
    }

    [Test]
    public async Task Tombstones_are_returned_until_their_ttl_then_disappear()
    {
        var a = await _backend.CreatePostAsync("a");
        await _backend.DataAsync("mutation($i: DeletePostInput!) { deletePost(input: $i) { id } }", new { i = new { id = (string)a["id"]!, _version = 1 } });
        _clock.Advance(TimeSpan.FromHours(23));
        Assert.That((bool)(await SyncAsync())["items"]![0]!["_deleted"]!, Is.True);
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.That((await SyncAsync())["items"]!.AsArray(), Is.Empty);
        var get = await _backend.DataAsync("query($id: ID!) { getPost(id: $id) { id } }", new { id = (string)a["id"]! });
        Assert.That(get["getPost"], Is.Null);
        Assert.That(_backend.Server.Purge(), Is.GreaterThanOrEqualTo(1));
        // Once the tombstone is gone the id can be created again.
        await _backend.CreatePostAsync("a again", id: (string)a["id"]!);
    }

    [Test]
    public async Task Pagination_is_stable_under_concurrent_writes_and_a_delta_sync_from_startedAt_catches_up()
    {
        var ids = new List<string>();
        for (int i = 0; i < 35; i++) ids.Add((string)(await _backend.CreatePostAsync("p" + i))["id"]!);
        int extra = 0;
        var (items, startedAt) = await SyncAllAsync(null, limit: 10, betweenPages: async () =>
        {
            // Writes land while the client pages through the base table.
            _clock.Advance(TimeSpan.FromMilliseconds(5));
            await _backend.CreatePostAsync("during" + extra++);
        });
        Assert.That(extra, Is.GreaterThanOrEqualTo(4), "a write landed after each of the (at least four) pages of 35 items at 10 a page");
        Assert.That(items.Select(i => (string)i["id"]!), Is.Unique, "no item twice in one sync");
        Assert.That(items.Select(i => (string)i["id"]!), Is.SupersetOf(ids), "every item that existed when the sync started");

        var (delta, _) = await SyncAllAsync(startedAt, limit: 2);
        var created = delta.Select(i => (string)i["title"]!).Where(t => t.StartsWith("during", StringComparison.Ordinal)).ToList();
        Assert.That(created, Is.EquivalentTo(Enumerable.Range(0, extra).Select(i => "during" + i)), "the delta sync from the first page's startedAt returns every write made during the sync");
    }

    [Test]
    public async Task Limit_defaults_to_100_caps_at_1000_and_filters_apply_after_reading()
    {
        for (int i = 0; i < 120; i++) await _backend.CreatePostAsync(i % 2 == 0 ? "even" : "odd", id: $"p{i:D3}"); // base order is key order
        var first = await SyncAsync();
        Assert.That(first["items"]!.AsArray(), Has.Count.EqualTo(100));
        Assert.That(first["nextToken"], Is.Not.Null);
        var all = await SyncAsync(limit: 5000);
        Assert.That(all["items"]!.AsArray(), Has.Count.EqualTo(120));
        var filtered = await SyncAsync(limit: 10, filter: new { title = new { eq = "even" } });
        Assert.That(filtered["items"]!.AsArray(), Has.Count.EqualTo(5), "10 evaluated, 5 match");
        Assert.That(filtered["nextToken"], Is.Not.Null);
    }

    [Test]
    public async Task A_page_resumes_right_after_its_token_key_even_when_that_item_was_purged()
    {
        for (int i = 0; i < 9; i++) await _backend.CreatePostAsync("p" + i, id: $"p{i}"); // base order is key order
        var first = await SyncAsync(limit: 3);
        Assert.That(first["items"]!.AsArray().Select(i => (string)i!["id"]!), Is.EqualTo(new[] { "p0", "p1", "p2" }));

        // The token's own item is deleted, its tombstone expires and is purged before the next page.
        await _backend.DataAsync("mutation($i: DeletePostInput!) { deletePost(input: $i) { id } }", new { i = new { id = "p2", _version = 1 } });
        _clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(1));
        Assert.That(_backend.Server.Purge(), Is.GreaterThanOrEqualTo(1));
        var second = await SyncAsync(limit: 3, nextToken: (string)first["nextToken"]!);
        Assert.That(second["items"]!.AsArray().Select(i => (string)i!["id"]!), Is.EqualTo(new[] { "p3", "p4", "p5" }));
        var third = await SyncAsync(limit: 3, nextToken: (string)second["nextToken"]!);
        Assert.That(third["items"]!.AsArray().Select(i => (string)i!["id"]!), Is.EqualTo(new[] { "p6", "p7", "p8" }));
        Assert.That(third["nextToken"], Is.Null);
    }

    [Test]
    public async Task A_foreign_next_token_is_rejected()
    {
        var (_, body) = await _backend.PostAsync(SyncQuery, new { nextToken = "not-a-token" });
        Assert.That((string)body["errors"]![0]!["errorType"]!, Is.EqualTo("InvalidNextTokenException"));
    }
}
