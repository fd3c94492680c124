using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;

namespace Amplify.DataStore.Benchmarks;

/// <summary>
/// The sync engine against the local backend program (a child process, TLS on, data on disk) over loopback, with the
/// issue's targets: base-sync hydration of N records (C# client in a child process, so its working set is its own;
/// the stock amplify-js DataStore hydrating the same records from the same backend in the same run), outbox drain with
/// one mutation in flight, and save on one client → observe on another, hydration and drain each next to a raw
/// <see cref="RawSyncBaseline"/> on the same backend. Prints one JSON line per scenario and a summary with the targets;
/// a benchmark, so a missed target is reported, not failed.
/// </summary>
internal static class SyncBenchmark
{
    private const double HydrationTargetSeconds = 5;
    private const double WorkingSetTargetMb = 250;
    private const double SpeedupTarget = 5;
    private const double OutboxTargetPerSec = 1_000;
    private const double P50TargetMs = 10;
    private const double P99TargetMs = 50;

    private static readonly string RepoRoot = Metadata("RepoRoot");
    private static readonly string SyncClientDll = Metadata("SyncClientDll");

    public static async Task<bool> RunAsync(int n, int m, int k, int repeat, int jsCapSeconds, string? only, string? serverDll)
    {
        var schema = await File.ReadAllTextAsync(Path.Combine(RepoRoot, "tests", "Sync.Tests", "Schema", "sync.graphql"));
        var root = Path.Combine(Path.GetTempPath(), "amplify-bench-sync-" + Environment.ProcessId);
        Directory.CreateDirectory(root);
        var summary = new List<string>();
        var ok = true;
        try
        {
            if (only is null or "hydrate") ok &= await HydrationAsync(schema, root, n, repeat, jsCapSeconds, serverDll, summary);
            if (only is null or "outbox" or "latency")
            {
                // A second, empty backend: the outbox and latency clients should not first base-sync the N posts.
                await using var backend = await BackendServerProcess.StartForClientsAsync(schema, serverDll);
                if (only is null or "outbox") ok &= await OutboxAsync(backend, root, m, summary);
                if (only is null or "latency") ok &= await LatencyAsync(backend, root, k, summary);
            }
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
        Console.WriteLine();
        Console.WriteLine("Summary (issue targets, this machine, loopback):");
        foreach (var line in summary) Console.WriteLine("  " + line);
        return ok;
    }

    private static async Task<bool> HydrationAsync(string schema, string root, int n, int repeat, int jsCapSeconds, string? serverDll, List<string> summary)
    {
        await using var backend = await BackendServerProcess.StartForClientsAsync(schema, serverDll);
        var seedWatch = Stopwatch.StartNew();
        var refused = await SyncSeeder.SeedAsync(backend, n);
        var seedSeconds = seedWatch.Elapsed.TotalSeconds;
        Print("sync-seed", ("n", n), ("seconds", seedSeconds), ("perSec", n / seedSeconds), ("refused", refused), ("serverPeakMb", backend.Sample().PeakMb));
        await backend.SettleAsync(TimeSpan.FromSeconds(10));

        // The wire and the backend alone (same pages, nothing stored), on the data the C# runs below fetch. As the first
        // reader of the seeded pages it pays the backend's cold first pass, so its ratio flatters the C# client if anything.
        var raw = await RawBaselineAsync("raw fetch", () => RawSyncBaseline.FetchAllAsync(backend, n));
        if (raw is { } fetched) Print("sync-hydrate-raw-fetch", ("n", n), ("seconds", fetched.Seconds), ("pages", fetched.Pages), ("pageP50Ms", fetched.PageP50Ms), ("bytes", fetched.Bytes), ("items", fetched.Items));
        var rawDb = Path.Combine(root, "hydrate-raw.db");
        var rawStored = await RawBaselineAsync("raw fetch + LiteDB", () => RawSyncBaseline.FetchAndStoreAllAsync(backend, n, rawDb));
        DeleteDatabase(rawDb);
        if (rawStored is { } floor) Print("sync-hydrate-raw-litedb", ("n", n), ("seconds", floor.Seconds), ("pages", floor.Pages), ("pageP50Ms", floor.PageP50Ms), ("items", floor.Items));

        // C#, then amplify-js, then C# again (so neither side alone pays for the backend's first cold pass).
        var csharp = new List<JsonElement>();
        JsonElement? js = null;
        var jsSkipped = (string?)null;
        for (int r = 0; r < Math.Max(1, repeat); r++)
        {
            if (r == 1) (js, jsSkipped) = await JsHydrationAsync(backend, n, jsCapSeconds);
            var db = Path.Combine(root, $"hydrate-{r}.db");
            var serverCpuBefore = backend.Sample().Cpu;
            var result = await ChildProgram.RunAsync("csharp", "dotnet", new[] { SyncClientDll, "hydrate", "--config", backend.OutputsPath!, "--db", db, "--n", n.ToString(CultureInfo.InvariantCulture) }, TimeSpan.FromMinutes(12));
            // The backend's CPU over the whole child run (start-up included): what the client shared the machine with.
            var serverCpuMs = (backend.Sample().Cpu - serverCpuBefore).TotalMilliseconds;
            DeleteDatabase(db);
            if (result is { } figures)
            {
                csharp.Add(figures);
                Console.WriteLine("{\"scenario\":\"sync-hydrate-csharp\",\"run\":" + (r + 1) + ",\"serverCpuMs\":" + serverCpuMs.ToString("F0", CultureInfo.InvariantCulture) + "," + figures.GetRawText()[1..]);
            }
        }
        if (repeat < 2) (js, jsSkipped) = await JsHydrationAsync(backend, n, jsCapSeconds);
        if (js is { } jsFigures) Console.WriteLine("{\"scenario\":\"sync-hydrate-amplify-js\"," + jsFigures.GetRawText()[1..]);
        Print("sync-backend", ("serverPeakMb", backend.Sample().PeakMb));

        if (csharp.Count == 0)
        {
            summary.Add("hydration: the C# client failed (see above)");
            return false;
        }
        // The slowest C# run and its largest working set (the conservative figures).
        var slowest = csharp.OrderBy(f => f.GetProperty("readyMs").GetDouble()).Last();
        var seconds = slowest.GetProperty("readyMs").GetDouble() / 1000;
        var received = slowest.GetProperty("received").GetInt32();
        var local = slowest.GetProperty("local").GetInt32();
        var peakMb = csharp.Max(f => f.GetProperty("peakWorkingSetMb").GetDouble());
        var complete = received == n && local == n;
        summary.Add(Line($"hydration of {n:N0} records (C#, StartAsync → ready, slowest of {csharp.Count})", $"{seconds:F2} s, {n / seconds:N0} records/s{(complete ? "" : $" (INCOMPLETE: received {received}, stored {local})")}", $"≤ {HydrationTargetSeconds} s", complete && seconds <= HydrationTargetSeconds));
        summary.Add(raw is { } wire
            ? $"  raw fetch of the same pages (no storing): {wire.Seconds:F2} s → the C# client takes {seconds / wire.Seconds:F1}× the wire time"
            : "  raw fetch of the same pages: failed (see above)");
        summary.Add(rawStored is { } bare
            ? $"  raw fetch + raw LiteDB inserts of the same pages (a page per transaction, no events/merge/journal): {bare.Seconds:F2} s → the C# client takes {seconds / bare.Seconds:F1}× that floor"
            : "  raw fetch + raw LiteDB: failed (see above)");
        summary.Add(Line("  peak working set of the C# client process", $"{peakMb:F0} MB", $"≤ {WorkingSetTargetMb} MB", peakMb <= WorkingSetTargetMb));
        if (js is { } j && j.TryGetProperty("elapsedMs", out _))
        {
            var partial = j.GetProperty("partial").GetBoolean();
            var jsLocal = j.TryGetProperty("local", out var l) ? l.GetInt32() : 0;
            var jsSeconds = (partial || j.GetProperty("readyMs").ValueKind != JsonValueKind.Number ? j.GetProperty("elapsedMs").GetDouble() : j.GetProperty("readyMs").GetDouble()) / 1000;
            var speedup = jsSeconds / seconds;
            var jsFigure = partial
                ? $"capped at {jsSeconds:F0} s with {jsLocal:N0} of {n:N0} stored, so speed ratio C#/JS ≥ {speedup:F2}× (peak RSS {j.GetProperty("peakRssMb").GetDouble():F0} MB)"
                : $"{jsSeconds:F2} s ({jsLocal:N0} stored, peak RSS {j.GetProperty("peakRssMb").GetDouble():F0} MB) → speed ratio C#/JS {speedup:F2}× ({(speedup >= 1 ? "C#" : "amplify-js")} faster)";
            summary.Add(Line("  amplify-js, same records, same backend, same run", jsFigure, $"≥ {SpeedupTarget}× faster", speedup >= SpeedupTarget));
        }
        else
        {
            summary.Add("  amplify-js comparison: skipped (" + (jsSkipped ?? "it failed; see above") + ")");
        }
        return true;
    }

    private static async Task<(JsonElement? Result, string? Skipped)> JsHydrationAsync(BackendServerProcess backend, int n, int capSeconds)
    {
        var compat = Path.Combine(RepoRoot, "tests", "AmplifyJsCompat");
        var modules = Path.Combine(compat, "node_modules");
        if (!Directory.Exists(Path.Combine(modules, "@aws-amplify", "datastore")))
        {
            Console.Error.WriteLine("[js] tests/AmplifyJsCompat/node_modules is missing: npm ci");
            if (!await RunQuietlyAsync("npm", compat, "ci", "--no-audit", "--no-fund")) return (null, "node/npm not available or npm ci failed in tests/AmplifyJsCompat");
        }
        var script = Path.Combine(RepoRoot, "tests", "Benchmarks", "js", "hydrate.cjs");
        var environment = new Dictionary<string, string> { ["NODE_PATH"] = modules, ["NODE_EXTRA_CA_CERTS"] = backend.CertificatePemPath ?? "" };
        var result = await ChildProgram.RunAsync("js", "node", new[] { "--max-old-space-size=8192", script, backend.OutputsPath!, n.ToString(CultureInfo.InvariantCulture), capSeconds.ToString(CultureInfo.InvariantCulture) },
            TimeSpan.FromSeconds(capSeconds + 120), environment);
        return result is null ? (null, "node is not available or the script failed") : (result, null);
    }

    private static async Task<bool> OutboxAsync(BackendServerProcess backend, string root, int m, List<string> summary)
    {
        // One-in-flight mutations from a bare HttpClient first, on the same (still empty) backend.
        var raw = await RawBaselineAsync("raw mutations", () => RawSyncBaseline.CreatePostsAsync(backend, m));
        if (raw is { } sent) Print("sync-outbox-raw-http", ("m", m), ("perSec", sent.Sent / sent.Seconds), ("p50Ms", sent.P50Ms), ("p99Ms", sent.P99Ms));
        var db = Path.Combine(root, "outbox.db");
        var result = await ChildProgram.RunAsync("csharp", "dotnet", new[] { SyncClientDll, "outbox", "--config", backend.OutputsPath!, "--db", db, "--m", m.ToString(CultureInfo.InvariantCulture) }, TimeSpan.FromMinutes(12));
        DeleteDatabase(db);
        if (result is not { } figures)
        {
            summary.Add("outbox drain: the C# client failed (see above)");
            return false;
        }
        Console.WriteLine("{\"scenario\":\"sync-outbox-drain\"," + figures.GetRawText()[1..]);
        var rate = figures.GetProperty("mutationsPerSec").GetDouble();
        var clean = figures.GetProperty("left").GetInt32() == 0 && figures.GetProperty("failed").GetInt32() == 0 && figures.GetProperty("processed").GetInt32() == m;
        summary.Add(Line($"outbox drain of {m:N0} queued saves (one in flight, StartAsync → empty)", $"{rate:N0} mutations/s ({figures.GetProperty("drainMs").GetDouble() / 1000:F2} s){(clean ? "" : " (NOT CLEAN: see the JSON line)")}", $"≥ {OutboxTargetPerSec:N0}/s", clean && rate >= OutboxTargetPerSec));
        summary.Add(raw is { } http
            ? $"  raw one-in-flight HTTP mutations: {http.Sent / http.Seconds:N0}/s → the C# drain reaches {100 * rate / (http.Sent / http.Seconds):F0}% of it"
            : "  raw one-in-flight HTTP mutations: failed (see above)");
        return clean;
    }

    private static async Task<bool> LatencyAsync(BackendServerProcess backend, string root, int k, List<string> summary)
    {
        var directory = Path.Combine(root, "latency");
        Directory.CreateDirectory(directory);
        var result = await ChildProgram.RunAsync("csharp", "dotnet", new[] { SyncClientDll, "latency", "--config", backend.OutputsPath!, "--dir", directory, "--k", k.ToString(CultureInfo.InvariantCulture) }, TimeSpan.FromMinutes(10));
        if (result is not { } figures)
        {
            summary.Add("save → observe: the C# clients failed (see above)");
            return false;
        }
        Console.WriteLine("{\"scenario\":\"sync-save-observe\"," + figures.GetRawText()[1..]);
        var p50 = figures.GetProperty("p50Ms").GetDouble();
        var p99 = figures.GetProperty("p99Ms").GetDouble();
        var missed = figures.GetProperty("missed").GetInt32();
        summary.Add(Line($"save on A → observe on B ({k} saves, one at a time)", $"p50 {p50:F2} ms, p95 {figures.GetProperty("p95Ms").GetDouble():F2} ms, p99 {p99:F2} ms, max {figures.GetProperty("maxMs").GetDouble():F2} ms{(missed == 0 ? "" : $", {missed} MISSED")}", $"p50 < {P50TargetMs} ms, p99 < {P99TargetMs} ms", missed == 0 && p50 < P50TargetMs && p99 < P99TargetMs));
        return missed == 0;
    }

    // A failed baseline is reported and leaves the C# figure without its comparison; it does not stop the run.
    private static async Task<T?> RawBaselineAsync<T>(string what, Func<Task<T>> run) where T : struct
    {
        try
        {
            return await run();
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or JsonException or OperationCanceledException or KeyNotFoundException)
        {
            Console.Error.WriteLine($"[{what}] {e.Message}");
            return null;
        }
    }

    private static string Line(string what, string figure, string target, bool met)
        => $"{what}: {figure}  [target {target}: {(met ? "met" : "NOT met")}]";

    private static void Print(string scenario, params (string Name, double Value)[] figures)
        => Console.WriteLine("{\"scenario\":\"" + scenario + "\"," + string.Join(",", figures.Select(f => $"\"{f.Name}\":{f.Value.ToString("0.###", CultureInfo.InvariantCulture)}")) + "}");

    private static async Task<bool> RunQuietlyAsync(string fileName, string directory, params string[] arguments)
    {
        try
        {
            var info = new ProcessStartInfo(fileName) { WorkingDirectory = directory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments) info.ArgumentList.Add(argument);
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0) Console.Error.WriteLine(await output + await error);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static void DeleteDatabase(string db)
    {
        foreach (var file in Directory.Exists(Path.GetDirectoryName(db)) ? Directory.GetFiles(Path.GetDirectoryName(db)!, Path.GetFileNameWithoutExtension(db) + "*") : Array.Empty<string>())
        {
            try { File.Delete(file); } catch (IOException) { }
        }
    }

    private static string Metadata(string key)
        => typeof(SyncBenchmark).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value
           ?? throw new InvalidOperationException($"The assembly metadata {key} is missing.");
}
