using Amplify.DataStore.Events;
using Amplify.DataStore.Sync.Tests.Support;
using SyncTests.Models;

namespace Amplify.DataStore.Sync.Tests.Engine;

/// <summary>More subscriptions than one AppSync connection takes: the engine opens more connections, and events on each arrive.</summary>
[CancelAfter(60_000)]
public class ManyModelsTests
{
    [Test]
    public async Task A_schema_needing_more_than_100_subscriptions_syncs_over_several_connections()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        await using var a = await SyncClient.StartAsync(backend, schema: AmplifyModels.Schema);
        await using var b = await SyncClient.StartAsync(backend, schema: AmplifyModels.Schema);
        var established = await b.WaitForAsync<SubscriptionsEstablishedEvent>(_ => true, "subscriptions");
        Assert.That(established.Subscriptions, Is.EqualTo(3 * AmplifyModels.Schema.Models.Count(m => m.IsSyncable)));
        Assert.That(established.Subscriptions, Is.GreaterThan(100));
        Assert.That(established.Connections, Is.EqualTo(2));

        // The first model's events come over the first connection, the last one's over the second.
        var post = await a.Store.SaveAsync(new Post { Title = "first connection" });
        var last = await a.Store.SaveAsync(new Extra34 { N = 34 });
        await b.WaitUntilAsync(async s => await s.QueryByIdAsync<Post>(post.Id) is not null && await s.QueryByIdAsync<Extra34>(last.Id) is not null,
            "events over both connections");
    }
}
