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

    // scenario -> the figures of each measured run, in first-seen order
    private static readonly List<(string Scenario, List<(Figures Figures, bool Ok)> Runs)> s_results = new();

    // Runs so far: odd runs time the store first, even runs raw LiteDB first (see InTurn).
    private static int s_runs;

    // Scenario name prefixes to run (--only); null runs all.
    private static string[]? s_only;

    public static async Task<bool> RunAsync(int n, int repeat, string? only = null)
    {
        s_only = only?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Directory.CreateDirectory(Root);
        try
        {
            // Warm-up pass at full size (not recorded): both the store and raw LiteDB get JIT-optimized code before
            // measuring, so neither side pays tiered compilation in its figures.
            s_quiet = true;
            await RunScenariosAsync(n);
            s_quiet = false;
            // A small shared machine is noisy: every scenario runs `repeat` times, store and raw LiteDB side by side in
            // each run, and each printed figure is the median over the runs (ratios are medians of per-run ratios).
            var ok = true;
            for (int r = 0; r < repeat; r++) ok &= await RunScenariosAsync(n);
            foreach (var (scenario, runs) in s_results) PrintMedians(scenario, runs);
            return ok;
        }
        finally
        {
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<bool> RunScenariosAsync(int n)
    {
        s_runs++;
        {
            var ok = true;
            if (Selected("save-awaited-one-by-one")) ok &= await SaveSequentialAsync(n);
            if (Selected("save-16-concurrent-callers")) ok &= await SaveConcurrentAsync(n, callers: 16);
            if (Selected("save-all")) ok &= await SaveAllAsync(n * 10);
            if (Selected("query-all") || Selected("query-rating-gt-4-and-active") || Selected("query-by-id")) ok &= await QueriesAsync(n);
            if (Selected("observe")) ok &= await ObserveAsync(1000);
            if (Selected("delete-by-predicate")) ok &= await DeleteByPredicateAsync(n);
            if (Selected("first-query-after-reopen")) ok &= await FirstQueryAfterReopenAsync(n);
            return ok;
        }
    }

    /// <summary>
    /// Collects the garbage of earlier steps before each timed step (store and raw LiteDB alike), so neither pays for a
    /// collection the other caused.
    /// </summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>
    /// <see cref="Settle"/>, after letting work the store deferred past the setup's acknowledgement (committing its write
    /// journal to LiteDB 2 ms after the writer goes idle) finish, so it is not timed in the next step. 50 ms: well before
    /// the idle checkpoint (100 ms). Only where a setup write precedes the timed step: elsewhere a pause only cools the
    /// thread pool.
    /// </summary>
    private static void SettleAfterSetupWrites()
    {
        Thread.Sleep(50);
        Settle();
    }

    /// <summary>
    /// Runs the store's step and raw LiteDB's steps one after the other, the store first in odd runs and last in even
    /// ones, so load that comes and goes on a shared machine does not always fall on the same side.
    /// </summary>
    private static async Task InTurn(Func<Task> store, params Func<Task>[] others)
    {
        if (s_runs % 2 == 1) await store();
        foreach (var step in others) await step();
        if (s_runs % 2 == 0) await store();
    }

    private static bool Selected(string scenario)
        => s_only is null || Array.Exists(s_only, prefix => scenario.StartsWith(prefix, StringComparison.Ordinal));

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
        var db = OpenRawFile(NewFile(name));
        // Same indexes as the store builds for the blog schema: the primary key only (rating/status have no @index).
        posts = db.GetCollection("Post");
        return db;
    }

    // The store's file settings: direct connection, binary (ordinal) collation, the store's log size before a checkpoint.
    private static LiteDatabase OpenRawFile(string path)
    {
        var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, Collation = Collation.Binary });
        db.Pragma("CHECKPOINT", StoreCheckpointLogPages);
        return db;
    }

    private static readonly int StoreCheckpointLogPages = new Amplify.DataStore.Storage.LiteDb.LiteDbOptions { FilePath = "unused" }.CheckpointLogPages;

    private static Task<DataStore> OpenStoreAsync(string name)
        => DataStore.OpenAsync(AmplifyModels.Schema, o => o.UseLiteDb(NewFile(name)));

    /// <summary>A store that acknowledges each batch after its own LiteDB commit (no write journal).</summary>
    private static Task<DataStore> OpenStoreWithoutJournalAsync(string name)
        => DataStore.OpenAsync(AmplifyModels.Schema, o => o.UseLiteDb(new Amplify.DataStore.Storage.LiteDb.LiteDbOptions { FilePath = NewFile(name), UseWriteJournal = false }));

    private static async Task<bool> SaveSequentialAsync(int n)
    {
        double store = 0, raw = 0;
        int stored = 0, rawStored = 0;
        await InTurn(async () =>
        {
            await using var ds = await OpenStoreAsync("seq");
            Settle();
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < n; i++) await ds.SaveAsync(NewPost(i));
            store = sw.Elapsed.TotalSeconds;
            stored = (await ds.QueryAsync<Post>()).Count;
        }, () =>
        {
            using var db = OpenRaw("seq-raw", out var posts);
            Settle();
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < n; i++) posts.Upsert(ToDocument(NewPost(i)));
            raw = sw.Elapsed.TotalSeconds;
            rawStored = posts.Count();
            return Task.CompletedTask;
        });
        return Print("save-awaited-one-by-one", n, n / store, n / raw, stored == n && rawStored == n);
    }

    private static async Task<bool> SaveConcurrentAsync(int n, int callers)
    {
        double store = 0, storeClosed = 0, raw = 0, ceiling = 0, ceilingClosed = 0;
        int stored = 0, rawStored = 0, ceilingStored = 0;
        var per = n / callers;
        int total = per * callers;
        // "Closed" figures also count closing the file, which applies LiteDB's log to the data file: the store defers that
        // checkpoint to idle moments, so its figure without the close would leave that work out.
        await InTurn(async () =>
        {
            var file = NewFile("conc");
            var ds = await DataStore.OpenAsync(AmplifyModels.Schema, o => o.UseLiteDb(file));
            await using (ds)
            {
                Settle();
                var sw = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
                {
                    for (int i = 0; i < per; i++) await ds.SaveAsync(NewPost(c * per + i));
                })));
                store = sw.Elapsed.TotalSeconds;
                await ds.DisposeAsync();
                storeClosed = sw.Elapsed.TotalSeconds;
            }
            await using var reopened = await DataStore.OpenAsync(AmplifyModels.Schema, o => o.UseLiteDb(file));
            stored = (await reopened.QueryAsync<Post>()).Count;
        }, () =>
        {
            using var db = OpenRaw("conc-raw", out var posts);
            Settle();
            var sw = Stopwatch.StartNew();
            var threads = Enumerable.Range(0, callers).Select(c => new Thread(() =>
            {
                for (int i = 0; i < per; i++) posts.Upsert(ToDocument(NewPost(c * per + i)));
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            raw = sw.Elapsed.TotalSeconds;
            rawStored = posts.Count();
            return Task.CompletedTask;
        }, () =>
        {
            // The ceiling of any group commit with this many callers: one thread inserting the same documents in
            // transactions of `callers` documents each (no callers to wake, no results to hand back).
            var ceilingFile = NewFile("conc-raw-batched");
            using (var db = OpenRawFile(ceilingFile))
            {
                var posts = db.GetCollection("Post");
                var documents = Enumerable.Range(0, total).Select(i => ToDocument(NewPost(i))).ToArray();
                Settle();
                var sw = Stopwatch.StartNew();
                for (int start = 0; start < documents.Length; start += callers)
                {
                    db.BeginTrans();
                    for (int i = start; i < Math.Min(documents.Length, start + callers); i++) posts.Insert(documents[i]);
                    db.Commit();
                }
                ceiling = sw.Elapsed.TotalSeconds;
                db.Dispose();
                ceilingClosed = sw.Elapsed.TotalSeconds;
            }
            using (var db = OpenRawFile(ceilingFile)) ceilingStored = db.GetCollection("Post").Count();
            return Task.CompletedTask;
        });
        return Record($"save-{callers}-concurrent-callers", stored == total && rawStored == total && ceilingStored == total,
            ("n", total), ("opsPerSec", total / store), ("rawLiteDbOpsPerSec", total / raw), ("rawOverStore", store / raw),
            ($"rawLiteDbTransactionsOf{callers}OpsPerSec", total / ceiling), ($"rawTransactionsOf{callers}OverStore", store / ceiling),
            ("opsPerSecIncludingClose", total / storeClosed), ($"rawTransactionsOf{callers}IncludingCloseOpsPerSec", total / ceilingClosed),
            ($"rawTransactionsOf{callers}IncludingCloseOverStore", storeClosed / ceilingClosed));
    }

    private static async Task<bool> SaveAllAsync(int n)
    {
        var items = Enumerable.Range(0, n).Select(NewPost).ToArray();
        double store = 0, raw = 0;
        int stored = 0, rawStored = 0;
        await InTurn(async () =>
        {
            await using var ds = await OpenStoreAsync("all");
            Settle();
            var sw = Stopwatch.StartNew();
            await ds.SaveAllAsync(items);
            store = sw.Elapsed.TotalSeconds;
            stored = (await ds.QueryAsync<Post>()).Count;
        }, () =>
        {
            // SaveAllAsync inserts or replaces: the raw equivalent is a bulk upsert (one transaction).
            using var db = OpenRaw("all-raw", out var posts);
            Settle();
            var sw = Stopwatch.StartNew();
            posts.Upsert(items.Select(ToDocument));
            raw = sw.Elapsed.TotalSeconds;
            rawStored = posts.Count();
            return Task.CompletedTask;
        });
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

        Settle();

        var sw = Stopwatch.StartNew();
        var all = await ds.QueryAsync<Post>();
        var store = sw.Elapsed.TotalSeconds;
        Settle();
        sw.Restart();
        var rawAll = posts.FindAll().Select(FromDocument).ToList();
        var raw = sw.Elapsed.TotalSeconds;
        ok &= Print("query-all", n, n / store, n / raw, all.Count == n && rawAll.Count == n, unit: "rowsPerSec");

        var predicate = Post.Where(p => p.Rating.Gt(4) & p.Status.Eq(PostStatus.Active));
        var expression = BsonExpression.Create("$.rating > @0 AND $.status = @1", 4, "ACTIVE");
        _ = await ds.QueryAsync(predicate);
        Settle();
        sw.Restart();
        const int repeats = 20;
        int good = 0, rawGood = 0;
        for (int r = 0; r < repeats; r++) good = (await ds.QueryAsync(predicate)).Count;
        store = sw.Elapsed.TotalSeconds;
        Settle();
        sw.Restart();
        for (int r = 0; r < repeats; r++) rawGood = posts.Find(expression).Select(FromDocument).Count();
        raw = sw.Elapsed.TotalSeconds;
        ok &= Print("query-rating-gt-4-and-active", n, repeats / store, repeats / raw, good == expectedGood && rawGood == expectedGood, unit: "queriesPerSec");

        Settle();

        sw.Restart();
        int found = 0;
        foreach (var id in ids) if (await ds.QueryByIdAsync<Post>(id) is not null) found++;
        store = sw.Elapsed.TotalSeconds;
        Settle();
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
        Settle();
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
        return Record("observe", completed && received == n, ("n", n), ("opsPerSec", n / seconds), ("messages", received),
            ("saveToCallbackP50Ms", Pct(fromCall, 0.5)), ("saveToCallbackP99Ms", Pct(fromCall, 0.99)),
            ("commitToCallbackP50Ms", Pct(fromAck, 0.5)), ("commitToCallbackP99Ms", Pct(fromAck, 0.99)));
    }

    private static double Pct(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static async Task<bool> DeleteByPredicateAsync(int n)
    {
        var items = Enumerable.Range(0, n).Select(NewPost).ToArray();
        var expected = items.Count(p => p.Rating > 4);
        // One delete takes only tens of milliseconds, so a scheduler hiccup weighs heavily: each run does three rounds of
        // the store and both raw baselines, and compares the summed times.
        const int rounds = 3;
        double store = 0, storeWithoutJournal = 0, raw = 0, rawReturning = 0;
        var ok = true;
        for (int round = 0; round < rounds; round++)
        {
            await InTurn(async () => store += await TimeStoreDeleteAsync(OpenStoreAsync("delete")),
                // The same, acknowledged only after its LiteDB commit: the delete's whole cost, nothing deferred.
                async () => storeWithoutJournal += await TimeStoreDeleteAsync(OpenStoreWithoutJournalAsync("delete-no-journal")),
                () =>
            {
                using var db = OpenRaw("delete-raw", out var posts);
                posts.Insert(items.Select(ToDocument));
                SettleAfterSetupWrites();
                var sw = Stopwatch.StartNew();
                var deleted = posts.DeleteMany(BsonExpression.Create("$.rating > @0", 4));
                raw += sw.Elapsed.TotalSeconds;
                ok &= deleted == expected && posts.Count() == n - expected;
                return Task.CompletedTask;
            }, () =>
            {
                // DeleteMany returns only a count. DataStore returns (and publishes) every deleted item, so the
                // like-for-like raw baseline finds the matching documents, maps them and deletes them by id in one transaction.
                using var db = OpenRaw("delete-raw-returning", out var posts);
                posts.Insert(items.Select(ToDocument));
                SettleAfterSetupWrites();
                var sw = Stopwatch.StartNew();
                db.BeginTrans();
                var found = posts.Find(BsonExpression.Create("$.rating > @0", 4)).Select(FromDocument).ToList();
                foreach (var post in found) posts.Delete(post.Id);
                db.Commit();
                rawReturning += sw.Elapsed.TotalSeconds;
                ok &= found.Count == expected && posts.Count() == n - expected;
                return Task.CompletedTask;
            });
        }
        int total = expected * rounds;

        // Saves the items, then times deleting the matching ones; returns seconds.
        async Task<double> TimeStoreDeleteAsync(Task<DataStore> opening)
        {
            await using var ds = await opening;
            await ds.SaveAllAsync(items);
            SettleAfterSetupWrites();
            var sw = Stopwatch.StartNew();
            var deleted = (await ds.DeleteAsync(Post.Where(p => p.Rating.Gt(4)))).Count;
            var seconds = sw.Elapsed.TotalSeconds;
            ok &= deleted == expected && (await ds.QueryAsync<Post>()).Count == n - expected;
            return seconds;
        }
        return Record("delete-by-predicate", ok, ("n", expected), ("deletedPerSec", total / store), ("rawLiteDbDeletedPerSec", total / raw),
            ("rawOverStore", store / raw), ("rawFindAndDeletePerSec", total / rawReturning), ("rawFindAndDeleteOverStore", store / rawReturning),
            ("withoutJournalDeletedPerSec", total / storeWithoutJournal), ("withoutJournalRawOverStore", storeWithoutJournal / raw));
    }

    /// <summary>
    /// What the memory image costs: a reopened store loads a model's image on its first query. Prints that query's time,
    /// the same query with the image off, and raw LiteDB reopening its file and reading and mapping every document.
    /// </summary>
    private static async Task<bool> FirstQueryAfterReopenAsync(int n)
    {
        var items = Enumerable.Range(0, n).Select(NewPost).ToArray();
        var file = NewFile("reopen");
        await using (var ds = await DataStore.OpenAsync(AmplifyModels.Schema, o => o.UseLiteDb(file))) await ds.SaveAllAsync(items);
        var (store, storeOk) = await FirstQueryAsync(image: true);
        var (withoutImage, withoutOk) = await FirstQueryAsync(image: false);
        var rawFile = NewFile("reopen-raw");
        using (var db = OpenRawFile(rawFile))
        {
            db.GetCollection("Post").Insert(items.Select(ToDocument));
        }
        double raw;
        bool rawOk;
        using (var db = OpenRawFile(rawFile))
        {
            Settle();
            var sw = Stopwatch.StartNew();
            rawOk = db.GetCollection("Post").FindAll().Select(FromDocument).Count() == n;
            raw = sw.Elapsed.TotalSeconds;
        }
        return Record("first-query-after-reopen", storeOk && withoutOk && rawOk, ("n", n), ("firstQueryMs", store * 1000),
            ("firstQueryWithoutImageMs", withoutImage * 1000), ("rawLiteDbReadAllMs", raw * 1000), ("rawOverStore", raw / store));

        // With the default image limit, or with the image off.
        async Task<(double Seconds, bool Ok)> FirstQueryAsync(bool image)
        {
            var options = image
                ? new Amplify.DataStore.Storage.LiteDb.LiteDbOptions { FilePath = file }
                : new Amplify.DataStore.Storage.LiteDb.LiteDbOptions { FilePath = file, MemoryImageLimit = 0 };
            await using var ds = await DataStore.OpenAsync(AmplifyModels.Schema, o => o.UseLiteDb(options));
            Settle();
            var sw = Stopwatch.StartNew();
            bool ok = (await ds.QueryAsync<Post>()).Count == n;
            return (sw.Elapsed.TotalSeconds, ok);
        }
    }

    private static bool Print(string scenario, int n, double opsPerSec, double rawOpsPerSec, bool ok, string unit = "opsPerSec")
        => Record(scenario, ok, ("n", n), (unit, opsPerSec), ("rawLiteDb" + char.ToUpperInvariant(unit[0]) + unit[1..], rawOpsPerSec), ("rawOverStore", rawOpsPerSec / opsPerSec));

    private static bool Record(string scenario, bool ok, params (string Name, double Value)[] figures)
    {
        if (s_quiet) return ok;
        var index = s_results.FindIndex(r => r.Scenario == scenario);
        if (index < 0)
        {
            s_results.Add((scenario, new List<(Figures, bool)>()));
            index = s_results.Count - 1;
        }
        s_results[index].Runs.Add((new Figures(figures), ok));
        return ok;
    }

    private static void PrintMedians(string scenario, List<(Figures Figures, bool Ok)> runs)
    {
        var line = new System.Text.StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"{{\"scenario\":\"{scenario}\"");
        foreach (var (name, _) in runs[0].Figures.Values)
        {
            var values = runs.Select(r => r.Figures.Get(name)).OrderBy(v => v).ToArray();
            var median = values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
            var format = name.EndsWith("OverStore", StringComparison.Ordinal) ? "F2" : name.EndsWith("Ms", StringComparison.Ordinal) ? "F3" : "F0";
            line.Append(CultureInfo.InvariantCulture, $",\"{name}\":{median.ToString(format, CultureInfo.InvariantCulture)}");
        }
        line.Append(CultureInfo.InvariantCulture, $",\"runs\":{runs.Count},\"ok\":{Json(runs.All(r => r.Ok))}}}");
        Console.WriteLine(line.ToString());
    }

    /// <summary>One run's named figures, in print order.</summary>
    private sealed record Figures((string Name, double Value)[] Values)
    {
        public double Get(string name) => Values.First(v => v.Name == name).Value;
    }

    private static string Json(bool b) => b ? "true" : "false";
}
