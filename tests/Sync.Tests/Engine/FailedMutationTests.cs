using Amplify.DataStore.Events;
using Amplify.DataStore.Sync.Tests.Support;
using SyncTests.Models;

namespace Amplify.DataStore.Sync.Tests.Engine;

/// <summary>Mutations the server refuses for good move to the dead-letter collection, from where they can be retried or discarded.</summary>
[CancelAfter(60_000)]
public class FailedMutationTests
{
    [Test]
    public async Task An_unauthorized_create_is_kept_as_a_failed_mutation_and_the_outbox_goes_on()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        var errors = new List<SyncError>();
        await using var client = await SyncClient.StartAsync(backend, sync: s => s.WithErrorHandler(e => { lock (errors) errors.Add(e); }));
        var notice = await client.Store.SaveAsync(new Notice { Text = "not allowed" });
        var post = await client.Store.SaveAsync(new Post { Title = "allowed" });

        var failed = await client.WaitForAsync<OutboxMutationFailedEvent>(_ => true, "the refused create");
        Assert.That(failed.Failure.ErrorType, Is.EqualTo("Unauthorized"));
        Assert.That(failed.Failure.Mutation.ModelKey, Is.EqualTo(notice.Id));
        await client.WaitForEmptyOutboxAsync();
        Assert.That(await backend.GetPostAsync(post.Id), Is.Not.Null, "the entry behind the refused one was sent");
        Assert.That(errors.Select(e => (e.Process, e.ModelName, e.ErrorType)), Is.EqualTo(new[] { ("Mutate", "Notice", "Unauthorized") }));

        var dead = await client.Store.GetFailedMutationsAsync();
        Assert.That(dead.Select(d => d.Mutation.ModelKey), Is.EqualTo(new[] { notice.Id }));
        Assert.That(await client.Store.QueryByIdAsync<Notice>(notice.Id), Is.Not.Null, "the local record is kept");

        Assert.That(await client.Store.RetryFailedMutationAsync(dead[0].Mutation.Id), Is.True);
        await client.WaitUntilAsync(async s => (await s.GetFailedMutationsAsync()).Count == 1 && errors.Count == 2, "the retry failed again");
        Assert.That(await client.Store.DiscardFailedMutationAsync(dead[0].Mutation.Id), Is.True);
        Assert.That(await client.Store.GetFailedMutationsAsync(), Is.Empty);
        Assert.That(await client.Store.DiscardFailedMutationAsync(dead[0].Mutation.Id), Is.False);
    }

    [Test]
    public async Task Failed_mutations_survive_a_restart()
    {
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        string file;
        string id;
        await using (var client = await SyncClient.StartAsync(backend))
        {
            file = client.File;
            id = (await client.Store.SaveAsync(new Notice { Text = "x" })).Id;
            await client.WaitForAsync<OutboxMutationFailedEvent>(_ => true, "the refused create");
        }
        await using var reopened = await SyncClient.OpenAsync(backend, file);
        Assert.That((await reopened.Store.GetFailedMutationsAsync()).Select(f => f.Mutation.ModelKey), Is.EqualTo(new[] { id }));
    }
}
