using Amplify.DataStore.Events;
using Amplify.DataStore.Sync.Tests.Support;
using SyncTests.Models;

namespace Amplify.DataStore.Sync.Tests.Engine;

/// <summary>Sync expressions filter the sync queries and the subscriptions; changing one purges what falls out of scope.</summary>
[CancelAfter(60_000)]
public class SelectiveSyncTests
{
    [Test]
    public async Task Only_matching_records_are_synced_and_changing_the_expression_at_run_time_purges_the_rest()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        await using var writer = await SyncClient.StartAsync(backend);
        for (int i = 1; i <= 6; i++) await writer.Store.SaveAsync(new Post { Title = "p" + i, Rating = i });
        await writer.WaitForEmptyOutboxAsync();

        await using var reader = await SyncClient.StartAsync(backend, sync: s => s.WithSyncExpression(Post.Where(p => p.Rating.Gt(3))));
        static async Task<int[]> Ratings(DataStore s) => (await s.QueryAsync<Post>()).Select(p => p.Rating ?? 0).Order().ToArray();
        Assert.That(await Ratings(reader.Store), Is.EqualTo(new[] { 4, 5, 6 }), "the base sync brought only matching records");

        // Live events are filtered too: a low rating never arrives, a high one does.
        await writer.Store.SaveAsync(new Post { Title = "low", Rating = 1 });
        await writer.Store.SaveAsync(new Post { Title = "high", Rating = 9 });
        await reader.WaitUntilAsync(async s => (await Ratings(s)).Contains(9), "the matching event arrived");
        Assert.That(await Ratings(reader.Store), Is.EqualTo(new[] { 4, 5, 6, 9 }));

        // An unsent local change out of the new scope is kept; the rest out of scope is purged.
        await reader.Store.StopAsync();
        var pendingHigh = (await reader.Store.QueryAsync<Post>()).Single(p => p.Rating == 5);
        await reader.Store.SaveAsync(pendingHigh with { Title = "edited offline" });
        await reader.Store.StartAsync();
        await reader.Store.SetSyncExpressionAsync(Post.Where(p => p.Rating.Le(3)));
        await reader.WaitUntilAsync(async s => (await Ratings(s)).SequenceEqual(new[] { 1, 1, 2, 3, 5 }), "the new scope replaced the old one",
            TimeSpan.FromSeconds(20));
        await reader.WaitForEmptyOutboxAsync();
        Assert.That((string?)(await backend.GetPostAsync(pendingHigh.Id))!["title"], Is.EqualTo("edited offline"), "the kept change was still sent");
        var fullSyncs = reader.Events.OfType<SyncProgressEvent>().Count(e => e.ModelName == "Post" && e.IsComplete && e.IsFullSync);
        Assert.That(fullSyncs, Is.GreaterThanOrEqualTo(2), "a changed expression forces a base sync");
    }

    [Test]
    public void An_expression_AppSync_cannot_filter_on_is_refused_when_configured()
    {
        var config = new AmplifyConfig { GraphQLEndpoint = new Uri("http://127.0.0.1:1/graphql"), ApiKey = "k" };
        var ex = Assert.ThrowsAsync<ArgumentException>(async () => await DataStore.OpenAsync(AmplifyModels.Schema, o => o.UseInMemory()
            .UseAppSync(config, s => s.WithSyncExpression(Post.Where(p => p.Id.Eq("x"))))));
        Assert.That(ex!.Message, Does.Contain("id"));
    }
}
