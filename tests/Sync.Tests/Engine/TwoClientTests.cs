using Amplify.DataStore.Events;
using Amplify.DataStore.Sync.Tests.Support;
using SyncTests.Models;

namespace Amplify.DataStore.Sync.Tests.Engine;

/// <summary>Two and three C# clients syncing through one in-process local backend.</summary>
[CancelAfter(60_000)]
public class TwoClientTests
{
    [Test]
    public async Task A_create_update_and_delete_on_one_client_reach_the_other_by_subscription()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        await using var a = await SyncClient.StartAsync(backend);
        await using var b = await SyncClient.StartAsync(backend);

        var post = await a.Store.SaveAsync(new Post { Title = "hello", Rating = 3 });
        await b.WaitUntilAsync(async s => (await s.QueryByIdAsync<Post>(post.Id))?.Title == "hello", "the create reached b");

        await a.WaitForEmptyOutboxAsync();
        var synced = await a.Store.QueryByIdAsync<Post>(post.Id);
        await a.Store.SaveAsync(Post.CopyOf(synced!, p => p.Rating = 5));
        await b.WaitUntilAsync(async s => (await s.QueryByIdAsync<Post>(post.Id))?.Rating == 5, "the update reached b");

        await a.WaitForEmptyOutboxAsync();
        await a.Store.DeleteAsync((await a.Store.QueryByIdAsync<Post>(post.Id))!);
        await b.WaitUntilAsync(async s => await s.QueryByIdAsync<Post>(post.Id) is null, "the delete reached b");
        await a.WaitForEmptyOutboxAsync();
        Assert.That(await a.Store.GetFailedMutationsAsync(), Is.Empty);
    }

    [Test]
    public async Task A_client_started_later_gets_everything_by_base_sync()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        await using var a = await SyncClient.StartAsync(backend);
        for (int i = 0; i < 25; i++) await a.Store.SaveAsync(new Post { Title = "p" + i, Rating = i });
        await a.WaitForEmptyOutboxAsync();

        await using var b = await SyncClient.StartAsync(backend, sync: s => s.WithSyncPageSize(7));
        var progress = await b.WaitForAsync<SyncProgressEvent>(e => e.ModelName == "Post" && e.IsComplete, "Post synced");
        Assert.That(progress.IsFullSync, Is.True);
        Assert.That(progress.ItemsReceived, Is.EqualTo(25));
        Assert.That(await b.Store.QueryAsync<Post>(), Has.Count.EqualTo(25));
    }
}
