using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Sync.Engine;
using NUnit.Framework;
using SyncTests.Models;

namespace Amplify.DataStore.Sync.Tests.Engine;

/// <summary>The order and overlap of a session's per-model syncs (37 syncable models; Comment belongs to Post).</summary>
public class ModelSyncSchedulerTests
{
    [Test]
    public async Task A_child_starts_only_after_its_parent_finished_and_unrelated_models_overlap_up_to_the_limit()
    {
        var started = new ConcurrentDictionary<string, long>();
        var finished = new ConcurrentDictionary<string, long>();
        int running = 0, peak = 0;
        long clock = 0;
        await ModelSyncScheduler.RunAsync(AmplifyModels.Schema, async (model, token) =>
        {
            started[model.Name] = Interlocked.Increment(ref clock);
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            // The parent is the slowest, so a scheduler that ignored the dependency would start Comment before it ends.
            await Task.Delay(model.Name == "Post" ? 300 : 20, token);
            Interlocked.Decrement(ref running);
            finished[model.Name] = Interlocked.Increment(ref clock);
        }, CancellationToken.None);

        var syncable = AmplifyModels.Schema.Models.Where(m => m.IsSyncable).Select(m => m.Name).ToArray();
        Assert.That(finished.Keys, Is.EquivalentTo(syncable), "every syncable model synced once");
        Assert.That(started["Comment"], Is.GreaterThan(finished["Post"]), "Comment (belongsTo Post) waited for Post");
        Assert.That(peak, Is.EqualTo(ModelSyncScheduler.MaxConcurrentModels), "unrelated models ran side by side, never more than the limit");
    }

    [Test]
    public void The_first_failure_cancels_the_other_models_and_is_what_the_session_sees()
    {
        var cancelled = 0;
        var started = 0;
        var failure = Assert.ThrowsAsync<InvalidOperationException>(() => ModelSyncScheduler.RunAsync(AmplifyModels.Schema, async (model, token) =>
        {
            Interlocked.Increment(ref started);
            if (model.Name == "Extra03") throw new InvalidOperationException("Extra03 failed");
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), token);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref cancelled);
                throw;
            }
        }, CancellationToken.None));

        Assert.That(failure!.Message, Is.EqualTo("Extra03 failed"));
        Assert.That(cancelled, Is.GreaterThan(0), "the models running beside the failed one were cancelled");
        Assert.That(started, Is.LessThan(AmplifyModels.Schema.Models.Count(m => m.IsSyncable)), "no new model started after the failure");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (int seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen) return;
        }
    }
}
