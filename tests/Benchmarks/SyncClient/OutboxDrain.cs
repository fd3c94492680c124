using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.Events;
using SyncBench.Models;

namespace Amplify.DataStore.Benchmarks.SyncClient;

/// <summary>
/// M saves queued while the store is not started (offline), then StartAsync: the time until the outbox is empty again
/// (OutboxStatusEvent(IsEmpty: true) after it reported pending work, confirmed by GetPendingMutationsAsync). The outbox
/// sends one mutation at a time, so this is the rate with one mutation in flight.
/// </summary>
internal static class OutboxDrain
{
    public static async Task RunAsync(string config, string db, int m)
    {
        var processed = 0;
        var failed = 0;
        var sawPending = false;
        long firstProcessed = 0;
        var empty = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var store = await DataStore.OpenAsync(AmplifyModels.Schema, o => o
            .UseLiteDb(db)
            .UseAppSync(AmplifyConfig.Load(config)));

        var queueStart = Stopwatch.GetTimestamp();
        for (int i = 0; i < m; i++)
        {
            await store.SaveAsync(new Post { Title = "queued " + i, Rating = i, Status = PostStatus.Active, Tags = ValueList.Create<string?>("bench", "outbox") });
        }
        var queueMs = Report.Ms(queueStart, Stopwatch.GetTimestamp());
        var pending = (await store.GetPendingMutationsAsync()).Count;

        using var events = store.Events.Subscribe(e =>
        {
            switch (e)
            {
                case OutboxMutationProcessedEvent:
                    if (Interlocked.Increment(ref processed) == 1) Interlocked.Exchange(ref firstProcessed, Stopwatch.GetTimestamp());
                    break;
                case OutboxMutationFailedEvent:
                    Interlocked.Increment(ref failed);
                    break;
                case OutboxStatusEvent { IsEmpty: false }:
                    Volatile.Write(ref sawPending, true);
                    break;
                case OutboxStatusEvent { IsEmpty: true } when Volatile.Read(ref sawPending):
                    empty.TrySetResult(Stopwatch.GetTimestamp());
                    break;
            }
        });

        var start = Stopwatch.GetTimestamp();
        await store.StartAsync();
        var timeout = Task.Delay(TimeSpan.FromMinutes(10));
        if (await Task.WhenAny(empty.Task, timeout) == timeout) throw new TimeoutException($"The outbox did not drain within 10 minutes ({Volatile.Read(ref processed)} of {pending} processed).");
        var end = await empty.Task;
        var left = (await store.GetPendingMutationsAsync()).Count;
        var failedCount = (await store.GetFailedMutationsAsync()).Count;
        var drainMs = Report.Ms(start, end);
        var fromFirst = Report.Ms(Volatile.Read(ref firstProcessed), end);
        Report.Result(new Dictionary<string, object?>
        {
            ["queued"] = pending,
            ["queueMs"] = queueMs,
            ["processed"] = processed,
            ["failed"] = failed + failedCount,
            ["left"] = left,
            ["drainMs"] = drainMs,
            ["firstProcessedMs"] = Report.Ms(start, Volatile.Read(ref firstProcessed)),
            ["mutationsPerSec"] = pending / (drainMs / 1000),
            ["mutationsPerSecAfterFirst"] = (pending - 1) / (fromFirst / 1000),
            ["peakWorkingSetMb"] = Report.PeakWorkingSetMb(),
        });
    }
}
