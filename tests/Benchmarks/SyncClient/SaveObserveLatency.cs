using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.Events;
using SyncBench.Models;

namespace Amplify.DataStore.Benchmarks.SyncClient;

/// <summary>
/// Two started stores in this process, A and B, each on its own LiteDB file and its own connections. B observes Post;
/// A saves posts one at a time, each only after B saw the previous one (plus a 5 ms gap), so each is measured alone.
/// Latency = B's observer call − the return of A's SaveAsync, both from Stopwatch.GetTimestamp in this process.
/// </summary>
internal static class SaveObserveLatency
{
    private const int WarmUp = 20;

    public static async Task RunAsync(string config, string directory, int k)
    {
        var amplify = AmplifyConfig.Load(config);
        await using var a = await OpenAndStartAsync(amplify, Path.Combine(directory, "a.db"));
        await using var b = await OpenAndStartAsync(amplify, Path.Combine(directory, "b.db"));

        var seen = new ConcurrentDictionary<string, TaskCompletionSource<long>>(StringComparer.Ordinal);
        TaskCompletionSource<long> Waiter(string id) => seen.GetOrAdd(id, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        using var observed = b.Observe<Post>().Subscribe(change =>
        {
            var at = Stopwatch.GetTimestamp();
            if (change.Origin == ChangeOrigin.Remote) Waiter(change.Element.Id).TrySetResult(at);
        });

        var latencies = new List<double>(k);
        var missed = 0;
        for (int i = 0; i < WarmUp + k; i++)
        {
            var post = new Post { Title = "latency " + i, Rating = i, Status = PostStatus.Active };
            var waiter = Waiter(post.Id);
            await a.SaveAsync(post);
            var saved = Stopwatch.GetTimestamp();
            var arrived = await Task.WhenAny(waiter.Task, Task.Delay(TimeSpan.FromSeconds(5)));
            if (arrived == waiter.Task)
            {
                if (i >= WarmUp) latencies.Add(Report.Ms(saved, await waiter.Task));
            }
            else if (i >= WarmUp)
            {
                missed++;
            }
            await Task.Delay(5);
        }

        var sorted = latencies.OrderBy(v => v).ToArray();
        double Pct(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        Report.Result(new Dictionary<string, object?>
        {
            ["k"] = k,
            ["observed"] = sorted.Length,
            ["missed"] = missed,
            ["p50Ms"] = Pct(0.50),
            ["p95Ms"] = Pct(0.95),
            ["p99Ms"] = Pct(0.99),
            ["maxMs"] = sorted.Length == 0 ? double.NaN : sorted[^1],
            ["meanMs"] = sorted.Length == 0 ? double.NaN : sorted.Average(),
        });
    }

    private static async Task<DataStore> OpenAndStartAsync(AmplifyConfig config, string file)
    {
        var store = await DataStore.OpenAsync(AmplifyModels.Schema, o => o.UseLiteDb(file).UseAppSync(config));
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (store.Events.Subscribe(e =>
        {
            if (e is ReadyEvent) ready.TrySetResult();
        }))
        {
            await store.StartAsync();
            if (await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(60))) != ready.Task) throw new TimeoutException("A latency client was not ready within 60 s.");
        }
        return store;
    }
}
