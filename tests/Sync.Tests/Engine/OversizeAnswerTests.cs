using System.Text.Json.Nodes;
using Amplify.DataStore.Events;
using Amplify.DataStore.Sync.Tests.Support;
using SyncTests.Models;

namespace Amplify.DataStore.Sync.Tests.Engine;

/// <summary>
/// How the engine reacts to answers over the size limits (<see cref="AppSyncOptionsBuilder.WithMaxResponseBytes"/>,
/// <see cref="AppSyncOptionsBuilder.WithMaxRealtimeMessageBytes"/>), against the local backend: an over-size answer to a
/// mutation dead-letters it (reported once, the outbox goes on); an over-size sync page fails the session, reported and
/// retried at the backoff's pace rather than in a tight loop; an over-size realtime event drops the connection, and the
/// reconnect's delta sync still brings the record.
/// </summary>
[CancelAfter(60_000)]
public class OversizeAnswerTests
{
    private const int HttpLimit = 16 * 1024;
    private static readonly string BigTitle = new('x', 32 * 1024);

    // Selects every field the subscriptions ask for: AppSync publishes only the mutation's selection.
    private static Task<JsonObject> CreatePostAsync(TestBackend backend, string id, string title)
        => backend.GraphQLAsync("mutation($input: CreatePostInput!) { createPost(input: $input) { id title rating status tags createdAt updatedAt _version _lastChangedAt _deleted } }",
            new JsonObject { ["input"] = new JsonObject { ["id"] = id, ["title"] = title } });

    [Test]
    public async Task A_mutation_whose_answer_is_over_the_limit_is_dead_lettered_and_reported_once()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        var errors = new List<SyncError>();
        await using var client = await SyncClient.StartAsync(backend, sync: s => s.WithMaxResponseBytes(HttpLimit).WithErrorHandler(e => { lock (errors) errors.Add(e); }));
        var big = await client.Store.SaveAsync(new Post { Title = BigTitle });
        var small = await client.Store.SaveAsync(new Post { Title = "fits" });

        var failed = await client.WaitForAsync<OutboxMutationFailedEvent>(_ => true, "the over-size answer");
        Assert.That((failed.Failure.Mutation.ModelKey, failed.Failure.ErrorType), Is.EqualTo((big.Id, "ResponseTooLarge")));
        Assert.That(failed.Failure.Message, Does.Contain("exceeded the 16 KiB limit (WithMaxResponseBytes)"));
        await client.WaitForEmptyOutboxAsync();
        Assert.That(await backend.GetPostAsync(small.Id), Is.Not.Null, "the entry behind it was sent");

        await Task.Delay(500); // time for a retry loop to show itself
        lock (errors) Assert.That(errors.Select(e => (e.Process, e.ModelName, e.ErrorType)), Is.EqualTo(new[] { ("Mutate", "Post", "ResponseTooLarge") }));
        Assert.That((await client.Store.GetFailedMutationsAsync()).Select(f => f.Mutation.ModelKey), Is.EqualTo(new[] { big.Id }));
        Assert.That(client.Events.OfType<OutboxMutationFailedEvent>().Count(), Is.EqualTo(1), "not sent again");
    }

    [Test]
    public async Task A_sync_page_over_the_limit_fails_the_session_which_is_retried_at_the_backoffs_pace()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        await CreatePostAsync(backend, "big", BigTitle);
        var errors = new List<SyncError>();
        await using var client = await SyncClient.OpenAsync(backend, sync: s => s.WithMaxResponseBytes(HttpLimit)
            .WithRetryDelays(TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(300))
            .WithErrorHandler(e => { lock (errors) errors.Add(e); }));
        await client.Store.StartAsync();

        await client.WaitForAsync<ReadyEvent>(_ => true, "ready (offline) after the first failed session");
        await Task.Delay(TimeSpan.FromSeconds(2));
        SyncError[] failures;
        lock (errors) failures = errors.ToArray();
        Assert.That(failures, Is.Not.Empty);
        Assert.That(failures.Select(e => (e.Process, e.ModelName)).Distinct(), Is.EqualTo(new[] { ("Sync", "*") }));
        Assert.That(failures[0].Message, Does.Contain("exceeded the 16 KiB limit (WithMaxResponseBytes)"));
        // Retried later (more than once in 2 s), but a few times per second at most: not a tight loop.
        Assert.That(failures, Has.Length.InRange(2, 15), "sessions spaced by the reconnect backoff");
        Assert.That(client.Events.OfType<NetworkStatusEvent>().Any(e => e.Active), Is.False, "never online");
        Assert.That(await client.Store.QueryByIdAsync<Post>("big"), Is.Null);
    }

    [Test]
    public async Task A_realtime_event_over_the_limit_drops_the_connection_and_the_reconnect_catches_up()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        var errors = new List<SyncError>();
        await using var client = await SyncClient.StartAsync(backend, sync: s => s.WithMaxRealtimeMessageBytes(8 * 1024)
            .WithErrorHandler(e => { lock (errors) errors.Add(e); }));

        await CreatePostAsync(backend, "big", BigTitle);
        await client.WaitForAsync<NetworkStatusEvent>(e => !e.Active, "offline: the connection was dropped");
        await client.WaitUntilAsync(async s => await s.QueryByIdAsync<Post>("big") is not null, "the post arrived by the reconnect's delta sync");
        Assert.That((await client.Store.QueryByIdAsync<Post>("big"))!.Title, Has.Length.EqualTo(BigTitle.Length));
        lock (errors)
        {
            Assert.That(errors.Select(e => e.Process), Has.Member("Sync"));
            Assert.That(errors.First(e => e.Process == "Sync").Message, Does.Contain("exceeded the 8 KiB limit (WithMaxRealtimeMessageBytes)"));
        }
    }
}
