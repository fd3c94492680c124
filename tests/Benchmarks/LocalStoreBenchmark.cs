using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.Benchmarks.Models;
using LiteDB;

namespace Amplify.DataStore.Benchmarks;

using Amplify.DataStore;

/// <summary>
/// The local store against raw LiteDB (hand-mapped BsonDocuments, same file settings) in the same run. Prints one JSON
/// line per scenario with a correctness check in "ok".
/// </summary>
internal static class LocalStoreBenchmark
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "amplify-bench-" + Environment.ProcessId);

    private static bool s_quiet;

    public static async Task<bool> RunAsync(int n)
    {
        Directory.CreateDirectory(Root);
        try
        {
            // Warm-up pass (not printed): both the store and raw LiteDB get JIT-optimized code before measuring,
            // so neither side pays tiered compilation in its figures.
            s_quiet = true;
            await RunScenariosAsync(Math.Min(n, 2_000));
            s_quiet = false;
            return await RunScenariosAsync(n);
        }
        finally
        {
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<bool> RunScenariosAsync(int n)
    {
        {
            var ok = true;
            ok &= await SaveSequentialAsync(n);
            ok &= await SaveConcurrentAsync(n, callers: 16);
            ok &= await SaveAllAsync(n * 10);
            ok &= await QueriesAsync(n);
            ok &= await ObserveAsync(1000);
            ok &= await DeleteByPredicateAsync(n);
            return ok;
        }
    }

    private static Post NewPost(int i) => new() { Title = "Post number " + i, Rating = i % 10, Status = i % 3 == 0 ? PostStatus.Inactive : PostStatus.Active };

    private static BsonDocument ToDocument(Post p) => new()
    {
        ["_id"] = p.Id,
        ["id"] = p.Id,
        ["title"] = p.Title,
        ["rating"] = p.Rating,
        ["status"] = p.Status.ToWireName(),
        ["createdAt"] = BsonValue.Null,
        ["updatedAt"] = BsonValue.Null,
    };

    private static Post FromDocument(BsonDocument d) => new()
    {
        Id = d["id"].AsString,
        Title = d["title"].AsString,
        Rating = d["rating"].AsInt32,
        Status = PostStatusWire.FromWireName(d["status"].AsString),
    };

    private static string NewFile(string name)
    {
        var path = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..6] + ".db");
        return path;
    }

    private static LiteDatabase OpenRaw(string name, out ILiteCollection<BsonDocument> posts)
    {
        var db = new LiteDatabase(new ConnectionString { Filename = NewFile(name), Connection = ConnectionType.Direct });
        // Same indexes as the store builds for the blog schema: the primary key only (rating/status have no @index).
        posts = db.GetCollection("Post");
        return db;
    }

    private static Task<DataStore> OpenStoreAsync(string name)
        => DataStore.OpenAsync(AmplifyModels.Schema, o => o.UseLiteDb(NewFile(name)));

    private static async Task<bool> SaveSequentialAsync(int n)
    {
        double store, raw;
        int stored, rawStored;
        await using (var ds = await OpenStoreAsync("seq"))
        {
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < n; i++) await ds.SaveAsync(NewPost(i));
            store = sw.Elapsed.TotalSeconds;
            stored = (await ds.QueryAsync<Post>()).Count;
        }
        using (var db = OpenRaw("seq-raw", out var posts))
        {
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < n; i++) posts.Upsert(ToDocument(NewPost(i)));
            raw = sw.Elapsed.TotalSeconds;
            rawStored = posts.Count();
        }
        return Print("save-awaited-one-by-one", n, n / store, n / raw, stored == n && rawStored == n);
    }

    private static async Task<bool> SaveConcurrentAsync(int n, int callers)
    {
        double store, raw;
        int stored, rawStored;
        var per = n / callers;
        await using (var ds = await OpenStoreAsync("conc"))
        {
            var sw = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
            {
                for (int i = 0; i < per; i++) await ds.SaveAsync(NewPost(c * per + i));
            })));
            store = sw.Elapsed.TotalSeconds;
            stored = (await ds.QueryAsync<Post>()).Count;
        }
        using (var db = OpenRaw("conc-raw", out var posts))
        {
            var sw = Stopwatch.StartNew();
            var threads = Enumerable.Range(0, callers).Select(c => new Thread(() =>
            {
                for (int i = 0; i < per; i++) posts.Upsert(ToDocument(NewPost(c * per + i)));
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            raw = sw.Elapsed.TotalSeconds;
            rawStored = posts.Count();
        }
        return Print($"save-{callers}-concurrent-callers", per * callers, per * callers / store, per * callers / raw, stored == per * callers && rawStored == per * callers);
    }

    private static async Task<bool> SaveAllAsync(int n)
    {
        var items = Enumerable.Range(0, n).Select(NewPost).ToArray();
        double store, raw;
        int stored, rawStored;
        await using (var ds = await OpenStoreAsync("all"))
        {
            var sw = Stopwatch.StartNew();
            await ds.SaveAllAsync(items);
            store = sw.Elapsed.TotalSeconds;
            stored = (await ds.QueryAsync<Post>()).Count;
        }
        using (var db = OpenRaw("all-raw", out var posts))
        {
            // SaveAllAsync inserts or replaces: the raw equivalent is a bulk upsert (one transaction).
            var sw = Stopwatch.StartNew();
            posts.Upsert(items.Select(ToDocument));
            raw = sw.Elapsed.TotalSeconds;
            rawStored = posts.Count();
        }
        return Print("save-all", n, n / store, n / raw, stored == n && rawStored == n);
    }

    private static async Task<bool> QueriesAsync(int n)
    {
        var items = Enumerable.Range(0, n).Select(NewPost).ToArray();
        var expectedGood = items.Count(p => p.Rating > 4 && p.Status == PostStatus.Active);
        var ids = items.Where((_, i) => i % Math.Max(1, n / 1000) == 0).Take(1000).Select(p => p.Id).ToArray();
        var ok = true;
        await using var ds = await OpenStoreAsync("query");
        await ds.SaveAllAsync(items);
        using var db = OpenRaw("query-raw", out var posts);
        posts.Insert(items.Select(ToDocument));

        // Warm both paths once so JIT is not measured.
        _ = await ds.QueryAsync<Post>();
        _ = posts.FindAll().Select(FromDocument).ToList();

        var sw = Stopwatch.StartNew();
        var all = await ds.QueryAsync<Post>();
        var store = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var rawAll = posts.FindAll().Select(FromDocument).ToList();
        var raw = sw.Elapsed.TotalSeconds;
        ok &= Print("query-all", n, n / store, n / raw, all.Count == n && rawAll.Count == n, unit: "rowsPerSec");

        var predicate = Post.Where(p => p.Rating.Gt(4) & p.Status.Eq(PostStatus.Active));
        var expression = BsonExpression.Create("$.rating > @0 AND $.status = @1", 4, "ACTIVE");
        _ = await ds.QueryAsync(predicate);
        sw.Restart();
        const int repeats = 20;
        int good = 0, rawGood = 0;
        for (int r = 0; r < repeats; r++) good = (await ds.QueryAsync(predicate)).Count;
        store = sw.Elapsed.TotalSeconds;
        sw.Restart();
        for (int r = 0; r < repeats; r++) rawGood = posts.Find(expression).Select(FromDocument).Count();
        raw = sw.Elapsed.TotalSeconds;
        ok &= Print("query-rating-gt-4-and-active", n, repeats / store, repeats / raw, good == expectedGood && rawGood == expectedGood, unit: "queriesPerSec");

        sw.Restart();
        int found = 0;
        foreach (var id in ids) if (await ds.QueryByIdAsync<Post>(id) is not null) found++;
        store = sw.Elapsed.TotalSeconds;
        sw.Restart();
        int rawFound = 0;
        foreach (var id in ids) if (posts.FindById(id) is { } d && FromDocument(d) is not null) rawFound++;
        raw = sw.Elapsed.TotalSeconds;
        ok &= Print("query-by-id", ids.Length, ids.Length / store, ids.Length / raw, found == ids.Length && rawFound == ids.Length);
        return ok;
    }

    private static async Task<bool> ObserveAsync(int n)
    {
        await using var ds = await OpenStoreAsync("observe");
        var sent = new long[n];
        var fromAck = new double[n];
        var fromCall = new double[n];
        var acked = new long[n];
        int received = 0;
        var done = new TaskCompletionSource();
        var index = new Dictionary<string, int>();
        using var subscription = ds.Observe<Post>().Subscribe(change =>
        {
            var now = Stopwatch.GetTimestamp();
            int i;
            lock (index) i = index[change.Element.Id];
            fromCall[i] = Stopwatch.GetElapsedTime(Volatile.Read(ref sent[i]), now).TotalMilliseconds;
            var ack = Volatile.Read(ref acked[i]);
            fromAck[i] = ack == 0 ? 0 : Math.Max(0, Stopwatch.GetElapsedTime(ack, now).TotalMilliseconds);
            if (Interlocked.Increment(ref received) == n) done.TrySetResult();
        });
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < n; i++)
        {
            var post = NewPost(i);
            lock (index) index[post.Id] = i;
            Volatile.Write(ref sent[i], Stopwatch.GetTimestamp());
            await ds.SaveAsync(post);
            Volatile.Write(ref acked[i], Stopwatch.GetTimestamp());
        }
        var completed = await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromSeconds(30))) == done.Task;
        var seconds = sw.Elapsed.TotalSeconds;
        Array.Sort(fromCall);
        Array.Sort(fromAck);
        if (!s_quiet) Console.WriteLine(FormattableString.Invariant(
            $"{{\"scenario\":\"observe\",\"n\":{n},\"opsPerSec\":{n / seconds:F0},\"messages\":{received},\"saveToCallbackP50Ms\":{Pct(fromCall, 0.5):F3},\"saveToCallbackP99Ms\":{Pct(fromCall, 0.99):F3},\"commitToCallbackP50Ms\":{Pct(fromAck, 0.5):F3},\"commitToCallbackP99Ms\":{Pct(fromAck, 0.99):F3},\"ok\":{Json(completed && received == n)}}}"));
        return completed && received == n;
    }

    private static double Pct(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static async Task<bool> DeleteByPredicateAsync(int n)
    {
        var items = Enumerable.Range(0, n).Select(NewPost).ToArray();
        var expected = items.Count(p => p.Rating > 4);
        double store, raw;
        int deleted, rawDeleted, left, rawLeft;
        await using (var ds = await OpenStoreAsync("delete"))
        {
            await ds.SaveAllAsync(items);
            var sw = Stopwatch.StartNew();
            deleted = (await ds.DeleteAsync(Post.Where(p => p.Rating.Gt(4)))).Count;
            store = sw.Elapsed.TotalSeconds;
            left = (await ds.QueryAsync<Post>()).Count;
        }
        using (var db = OpenRaw("delete-raw", out var posts))
        {
            posts.Insert(items.Select(ToDocument));
            var sw = Stopwatch.StartNew();
            rawDeleted = posts.DeleteMany(BsonExpression.Create("$.rating > @0", 4));
            raw = sw.Elapsed.TotalSeconds;
            rawLeft = posts.Count();
        }
        return Print("delete-by-predicate", expected, expected / store, expected / raw,
            deleted == expected && rawDeleted == expected && left == n - expected && rawLeft == n - expected, unit: "deletedPerSec");
    }

    private static bool Print(string scenario, int n, double opsPerSec, double rawOpsPerSec, bool ok, string unit = "opsPerSec")
    {
        if (s_quiet) return ok;
        Console.WriteLine(FormattableString.Invariant(
            $"{{\"scenario\":\"{scenario}\",\"n\":{n},\"{unit}\":{opsPerSec:F0},\"rawLiteDb{char.ToUpperInvariant(unit[0])}{unit[1..]}\":{rawOpsPerSec:F0},\"rawOverStore\":{rawOpsPerSec / opsPerSec:F2},\"ok\":{Json(ok)}}}"));
        return ok;
    }

    private static string Json(bool b) => b ? "true" : "false";
}
