using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.Events;
using SyncBench.Models;

namespace Amplify.DataStore.Benchmarks.SyncClient;

/// <summary>
/// A fresh store (empty LiteDB file) base-syncs everything the backend holds: wall time from StartAsync to Post's
/// SyncProgressEvent(IsComplete) and to ReadyEvent, the time of each page, and the peak working set of this process.
/// </summary>
internal static class Hydration
{
    public static async Task RunAsync(string config, string db, int n)
    {
        var pages = new List<(long At, int Received)>();
        var postDone = new TaskCompletionSource<(long At, int Received)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ready = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = 0;
        long sampledMax = 0;
        long subscribedAt = 0;

        await using var store = await DataStore.OpenAsync(AmplifyModels.Schema, o => o
            .UseLiteDb(db)
            .UseAppSync(AmplifyConfig.Load(config), s => s.WithMaxRecordsToSync(n).WithSyncPageSize(1000).WithErrorHandler(e =>
            {
                Interlocked.Increment(ref errors);
                Report.Log("sync error: " + e);
            })));
        using var events = store.Events.Subscribe(e =>
        {
            switch (e)
            {
                case SyncProgressEvent { ModelName: "Post", IsComplete: false } p:
                    lock (pages) pages.Add((Stopwatch.GetTimestamp(), p.ItemsReceived));
                    break;
                case SyncProgressEvent { ModelName: "Post", IsComplete: true } p:
                    postDone.TrySetResult((Stopwatch.GetTimestamp(), p.ItemsReceived));
                    break;
                case ReadyEvent:
                    ready.TrySetResult(Stopwatch.GetTimestamp());
                    break;
                case SubscriptionsEstablishedEvent:
                    Interlocked.CompareExchange(ref subscribedAt, Stopwatch.GetTimestamp(), 0);
                    break;
            }
        });

        // Sample the working set as a cross-check of the kernel's high-water mark (VmHWM, read at the end). Every 250 ms:
        // each sample reads /proc, and sampling every 20 ms cost a tenth of a core, which the timed run then paid for.
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var self = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                self.Refresh();
                sampledMax = Math.Max(sampledMax, self.WorkingSet64);
                try { await Task.Delay(250, sampling.Token); } catch (OperationCanceledException) { }
            }
        });

        var beforeMb = Report.WorkingSetMb();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var gcBefore = (Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2), Pause: GC.GetTotalPauseDuration());
        var start = Stopwatch.GetTimestamp();
        await store.StartAsync();
        var started = Stopwatch.GetTimestamp();
        var timeout = Task.Delay(TimeSpan.FromMinutes(10));
        if (await Task.WhenAny(postDone.Task, timeout) == timeout) throw new TimeoutException("Post's base sync did not complete within 10 minutes.");
        var (postAt, received) = await postDone.Task;
        if (await Task.WhenAny(ready.Task, timeout) == timeout) throw new TimeoutException("No ReadyEvent within 10 minutes.");
        var readyAt = await ready.Task;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var gcPause = GC.GetTotalPauseDuration() - gcBefore.Pause;
        var collections = $"{GC.CollectionCount(0) - gcBefore.Gen0}/{GC.CollectionCount(1) - gcBefore.Gen1}/{GC.CollectionCount(2) - gcBefore.Gen2}";
        await sampling.CancelAsync();
        await sampler;
        var peakMb = Report.PeakWorkingSetMb();
        var endMb = Report.WorkingSetMb();

        // Page timing (rough profile): gaps between successive progress events.
        long[] at;
        lock (pages) at = pages.Select(p => p.At).ToArray();
        var gaps = at.Skip(1).Zip(at, (b, a) => Report.Ms(a, b)).OrderBy(v => v).ToArray();
        var local = (await store.QueryAsync<Post>()).Count;
        Report.Result(new Dictionary<string, object?>
        {
            ["received"] = received,
            ["local"] = local,
            ["startAsyncMs"] = Report.Ms(start, started),
            ["subscribedMs"] = subscribedAt != 0 ? Report.Ms(start, subscribedAt) : null,
            ["firstPageMs"] = at.Length > 0 ? Report.Ms(start, at[0]) : null,
            ["postCompleteMs"] = Report.Ms(start, postAt),
            ["readyMs"] = Report.Ms(start, readyAt),
            // The client process's CPU (all threads) and GC over StartAsync → ready: CPU near readyMs means one busy
            // thread (the store's writer) sets the pace; the GC pause is time every thread stood still.
            ["cpuMs"] = cpu.TotalMilliseconds,
            ["gcPauseMs"] = gcPause.TotalMilliseconds,
            ["gcGen012"] = collections,
            ["pages"] = at.Length,
            ["pageP50Ms"] = gaps.Length > 0 ? gaps[gaps.Length / 2] : null,
            ["pageMaxMs"] = gaps.Length > 0 ? gaps[^1] : null,
            ["workingSetBeforeMb"] = beforeMb,
            ["peakWorkingSetMb"] = peakMb,
            ["sampledMaxWorkingSetMb"] = sampledMax / (1024.0 * 1024.0),
            ["workingSetEndMb"] = endMb,
            ["errors"] = errors,
        });
    }
}
