using System.Net;
using System.Text.Json.Nodes;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Api;

/// <summary>
/// The same document sent again (as clients do) is answered exactly as the first time: the validation rules it passed
/// are not walked again, but every request's variables are still checked, a document that fails validation fails every
/// time, and writes sent together are still stored one after another.
/// </summary>
public sealed class RepeatedRequestTests
{
    private const string CreateComment = "mutation($i: CreateCommentInput!) { createComment(input: $i) { id content } }";

    private Backend _backend = null!;

    [SetUp]
    public async Task StartAsync() => _backend = await Backend.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _backend.DisposeAsync();

    [Test]
    public async Task A_document_that_was_valid_still_rejects_invalid_variables_exactly_as_a_new_document_does()
    {
        await _backend.DataAsync(CreateComment, new { i = new { id = "c1", content = "first" } });

        var bad = new { i = new { id = "c2", content = "x", createdAt = "yesterday" } };
        var (status, reused) = await _backend.PostTextAsync(CreateComment, bad);
        // A trailing space makes it a document never seen before, validated in full; its error positions are the same.
        var (_, fresh) = await _backend.PostTextAsync(CreateComment + " ", bad);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(((JsonObject)JsonNode.Parse(reused)!)["errors"]!.AsArray(), Is.Not.Empty);
        Assert.That(reused, Is.EqualTo(fresh));

        var mistyped = new { i = new { id = "c4", content = new[] { "a", "b" } } };
        var (_, listForString) = await _backend.PostTextAsync(CreateComment, mistyped);
        var (_, listForStringFresh) = await _backend.PostTextAsync(CreateComment + "  ", mistyped);
        Assert.That(((JsonObject)JsonNode.Parse(listForString)!)["errors"]!.AsArray(), Is.Not.Empty);
        Assert.That(listForString, Is.EqualTo(listForStringFresh));

        var data = await _backend.DataAsync(CreateComment, new { i = new { id = "c3", content = "third" } });
        Assert.That((string)data["createComment"]!["id"]!, Is.EqualTo("c3"));
        var listed = (await _backend.DataAsync("{ listComments { items { id } } }"))["listComments"]!["items"]!.AsArray();
        Assert.That(listed.Select(i => (string)i!["id"]!), Is.EquivalentTo(new[] { "c1", "c3" }), "nothing was written for the refused requests");
    }

    [Test]
    public async Task A_document_that_fails_validation_fails_every_time()
    {
        var answers = new List<string>();
        for (int i = 0; i < 3; i++) answers.Add((await _backend.PostTextAsync("{ syncNotes { items { id } } }")).Text);
        Assert.That(answers, Is.All.EqualTo(answers[0]));
        Assert.That((string)JsonNode.Parse(answers[0])!["errors"]![0]!["message"]!, Does.StartWith("Validation error of type"));
    }

    [Test]
    public async Task Writes_sent_together_to_one_item_are_stored_one_after_another_and_survive_a_restart()
    {
        var created = await _backend.CreatePostAsync("start");
        var id = (string)created["id"]!;
        const int Writers = 24;
        var versions = await Task.WhenAll(Enumerable.Range(0, Writers).Select(async n =>
        {
            // Stale versions: each update is merged onto the latest (automerge), so none is lost and each gets its own version.
            var data = await _backend.DataAsync("mutation($i: UpdatePostInput!) { updatePost(input: $i) { _version } }",
                new { i = new { id, rating = n, _version = 1 } });
            return (int)data["updatePost"]!["_version"]!;
        }));
        Assert.That(versions, Is.EquivalentTo(Enumerable.Range(2, Writers)));

        var current = (await _backend.DataAsync("query($id: ID!) { getPost(id: $id) { _version } }", new { id }))["getPost"]!;
        Assert.That((int)current["_version"]!, Is.EqualTo(Writers + 1));
        var deltas = (await _backend.DataAsync("query($t: AWSTimestamp) { syncPosts(lastSync: $t) { items { _version } } }",
            new { t = (long)created["_lastChangedAt"]! - 1 }))["syncPosts"]!["items"]!.AsArray();
        Assert.That(deltas.Select(d => (int)d!["_version"]!), Is.EquivalentTo(Enumerable.Range(1, Writers + 1)), "one delta row per accepted write");

        var directory = _backend.Directory;
        await _backend.Server.DisposeAsync();
        await using var reopened = await Backend.StartAsync(directory: directory);
        var stored = (await reopened.DataAsync("query($id: ID!) { getPost(id: $id) { _version } }", new { id }))["getPost"]!;
        Assert.That((int)stored["_version"]!, Is.EqualTo(Writers + 1));
    }

    [Test]
    public async Task A_key_whose_tombstone_expired_or_was_purged_is_created_again_and_survives_a_restart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "amplify-local-backend-tests", Guid.NewGuid().ToString("N"));
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        void Configure(LocalBackendOptions o)
        {
            o.Clock = clock;
            o.TombstoneTtl = TimeSpan.FromMinutes(1);
        }
        await using (var first = await Backend.StartAsync(directory: directory, configure: Configure))
        {
            async Task DeleteAsync(int version) => await first.DataAsync("mutation($i: DeletePostInput!) { deletePost(input: $i) { id } }", new { i = new { id = "p1", _version = version } });

            await first.CreatePostAsync("one", id: "p1");
            await DeleteAsync(1);
            clock.Advance(TimeSpan.FromMinutes(2));
            // The expired tombstone is still stored (not purged yet): the create replaces its row.
            Assert.That((int)(await first.CreatePostAsync("two", id: "p1"))["_version"]!, Is.EqualTo(1));
            await DeleteAsync(1);
            clock.Advance(TimeSpan.FromMinutes(2));
            Assert.That(first.Server.Purge(), Is.GreaterThanOrEqualTo(1));
            // Purged: no row is left, the create adds one.
            Assert.That((int)(await first.CreatePostAsync("three", id: "p1"))["_version"]!, Is.EqualTo(1));
            await first.CreatePostAsync("other", id: "p2");
            await first.Server.DisposeAsync();

            await using var second = await Backend.StartAsync(directory: directory, configure: Configure);
            var items = (await second.DataAsync("{ listPosts { items { id title _version _deleted } } }"))["listPosts"]!["items"]!.AsArray();
            Assert.That(items.Select(i => ((string)i!["id"]!, (string)i["title"]!, (int)i["_version"]!, i["_deleted"] is null)),
                Is.EquivalentTo(new[] { ("p1", "three", 1, true), ("p2", "other", 1, true) }));
            var updated = await second.DataAsync("mutation($i: UpdatePostInput!) { updatePost(input: $i) { _version } }", new { i = new { id = "p1", title = "four", _version = 1 } });
            Assert.That((int)updated["updatePost"]!["_version"]!, Is.EqualTo(2));
        }
    }
}
