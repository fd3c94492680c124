using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using Amplify.DataStore.Sync.Tests.Support;
using SyncTests.Models;

namespace Amplify.DataStore.Sync.Tests.Engine;

/// <summary>
/// A syncing client (the SyncCrashClient child process) saves posts while its outbox is being drained and is killed with
/// SIGKILL, outbox non-empty. The same file, reopened and started in this process, must deliver every save the child
/// acknowledged to the server, each created exactly once. Kill points: right after the first server answers, partway
/// through an offline backlog, and after many answers with the writers still ahead of the outbox.
/// </summary>
[NonParallelizable]
[CancelAfter(120_000)]
public class ClientCrashTests
{
    private static readonly string Child = typeof(ClientCrashTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SyncCrashClient").Value!;

    // offline saves: queued before sync starts (the outbox holds at least those not yet answered when killed);
    // then writers keep saving, each pausing between saves, while the outbox drains.
    [TestCase(100, 1, 2, 10)]
    [TestCase(100, 60, 2, 10)]
    [TestCase(0, 50, 4, 2)]
    public async Task Everything_a_killed_client_acknowledged_reaches_the_server_after_restart(int offlineSaves, int sentBeforeKill, int writers, int pauseMs)
    {
        Assert.That(File.Exists(Child), Is.True, Child);
        await using var backend = await TestBackend.StartAsync(schema: TestBackend.SyncSchema);
        var db = Path.Combine(backend.Directory, "crash-client.db");
        var config = backend.ConfigurationPath("amplify_outputs.json");

        var acknowledged = new List<string>();
        var sent = 0;
        var failed = new List<string>();
        var stderr = new System.Text.StringBuilder();
        var enoughSent = new TaskCompletionSource();
        var psi = new ProcessStartInfo("dotnet", $"\"{Child}\" \"{db}\" \"{config}\" {offlineSaves} {writers} {pauseMs}") { RedirectStandardOutput = true, RedirectStandardError = true };
        using var child = Process.Start(psi)!;
        child.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            if (e.Data.StartsWith("ACK ", StringComparison.Ordinal)) lock (acknowledged) acknowledged.Add(e.Data[4..]);
            else if (e.Data.StartsWith("FAILED ", StringComparison.Ordinal)) lock (failed) failed.Add(e.Data);
            else if (e.Data.StartsWith("SENT ", StringComparison.Ordinal) && Interlocked.Increment(ref sent) >= sentBeforeKill) enoughSent.TrySetResult();
        };
        child.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data);
        };
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        try
        {
            await enoughSent.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the child never had {sentBeforeKill} outbox entries answered (exited: {child.HasExited}). stderr: {stderr}");
        }
        child.Kill(entireProcessTree: true); // SIGKILL on Linux: no flush, no dispose, requests cut off mid-flight
        await child.WaitForExitAsync();
        string[] acked;
        lock (acknowledged) acked = acknowledged.ToArray();
        int sentAtKill = Volatile.Read(ref sent);
        Assert.That(failed, Is.Empty, "no mutation was refused before the kill");
        Assert.That(acked, Has.Length.GreaterThanOrEqualTo(Math.Max(1, offlineSaves)));

        // Reopen the same file (the OS released the child's lock), not started yet: the outbox is what the kill left.
        await using var client = await SyncClient.OpenAsync(backend, file: db);
        var local = (await client.Store.QueryAsync<Post>()).Select(p => p.Id).ToHashSet();
        var lostLocally = acked.Where(id => !local.Contains(id)).ToList();
        Assert.That(lostLocally, Is.Empty, $"{lostLocally.Count} of {acked.Length} acknowledged saves are not in the reopened file (lost, or the file was wiped)");
        var pending = await client.Store.GetPendingMutationsAsync();
        int pendingAtKill = pending.Count;
        Assert.That(pendingAtKill, Is.GreaterThan(0), "the outbox was not empty when the child was killed");
        // Entries the server applied but whose answer the kill cut off: sent again, they must count as done, not twice.
        var onServerAtKill = (await ListPostsAsync(backend)).Select(p => (string)p["id"]!).ToHashSet();
        int answerLost = pending.Count(e => onServerAtKill.Contains(e.ModelKey));

        var started = Stopwatch.StartNew();
        await client.Store.StartAsync();
        await client.WaitForEmptyOutboxAsync(TimeSpan.FromSeconds(30));
        var drained = started.Elapsed;
        Assert.That(await client.Store.GetFailedMutationsAsync(), Is.Empty, "every queued create was accepted (a create the server already had counts as sent)");

        var server = await ListPostsAsync(backend);
        var serverIds = server.Select(p => (string)p["id"]!).ToList();
        Assert.That(serverIds, Has.Count.EqualTo(serverIds.Distinct().Count()), "no id listed twice");
        var missing = acked.Where(id => !serverIds.Contains(id)).ToList();
        Assert.That(missing, Is.Empty, $"{missing.Count} of {acked.Length} acknowledged saves never reached the server");
        Assert.That(serverIds.ToHashSet().SetEquals(local), Is.True, $"the server has exactly the client's posts (server {serverIds.Count}, local {local.Count})");
        var twice = server.Where(p => (int)p["_version"]! != 1 || (bool?)p["_deleted"] == true).Select(p => p.ToJsonString()).ToList();
        Assert.That(twice, Is.Empty, "each post was created once (version 1), never re-applied or deleted");

        TestContext.Out.WriteLine($"offline {offlineSaves}, {writers} writers pausing {pauseMs} ms: killed after {acked.Length} acks and {sentAtKill} server answers; "
            + $"{pendingAtKill} entries left in the outbox ({answerLost} already on the server); drained in {drained.TotalMilliseconds:F0} ms; {serverIds.Count} posts on the server");
    }

    private static async Task<List<JsonObject>> ListPostsAsync(TestBackend backend)
    {
        var all = new List<JsonObject>();
        string? next = null;
        do
        {
            var body = await backend.GraphQLAsync(
                "query($next: String) { listPosts(limit: 500, nextToken: $next) { items { id _version _deleted } nextToken } }",
                new JsonObject { ["next"] = next });
            Assert.That(body["errors"], Is.Null, body.ToJsonString());
            var page = body["data"]!["listPosts"]!;
            all.AddRange(page["items"]!.AsArray().Select(i => i!.AsObject()));
            next = (string?)page["nextToken"];
        }
        while (next is not null);
        return all;
    }
}
