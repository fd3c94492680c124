using System.Diagnostics;
using System.Reflection;
using NUnit.Framework;
using StoreTests.Models;

namespace Amplify.DataStore.Store.Tests.Storage.LiteDb;

using Amplify.DataStore;

/// <summary>
/// A child process saves posts in a loop and prints each acknowledged id; it is killed with SIGKILL at a random moment.
/// On reopen every acknowledged save must be present and the file must open cleanly. Repeated with different kill points,
/// with the store's defaults, with acknowledged saves held in the write journal only (the reopen must replay it), and
/// without the journal (every save committed to LiteDB before it is acknowledged).
/// </summary>
[NonParallelizable]
public class CrashTests
{
    private static readonly string CrashWriter = typeof(CrashTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrashWriter").Value!;

    [TestCase(1, 150, "default")]
    [TestCase(2, 400, "journal-only")]
    [TestCase(3, 900, "no-journal")]
    [TestCase(4, 1500, "default")]
    [TestCase(5, 2500, "journal-only")]
    [TestCase(6, 1200, "no-journal")]
    public async Task Every_acknowledged_save_survives_a_kill(int seed, int baseDelayMs, string mode)
    {
        Assert.That(File.Exists(CrashWriter), Is.True, CrashWriter);
        using var dir = new TestDirectory();
        var db = dir.File("crash.db");
        var acknowledged = new List<string>();
        var ready = new TaskCompletionSource();
        var psi = new ProcessStartInfo("dotnet", $"\"{CrashWriter}\" \"{db}\" 4 {mode}") { RedirectStandardOutput = true, RedirectStandardError = true };
        using var child = Process.Start(psi)!;
        child.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            if (e.Data == "READY") ready.TrySetResult();
            else if (e.Data.StartsWith("ACK ", StringComparison.Ordinal)) lock (acknowledged) acknowledged.Add(e.Data[4..]);
        };
        child.BeginOutputReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await Task.Delay(baseDelayMs + new Random(seed).Next(0, 200));
        child.Kill(entireProcessTree: true); // SIGKILL on Linux: no flush, no dispose
        await child.WaitForExitAsync();
        string[] acked;
        lock (acknowledged) acked = acknowledged.ToArray();
        Assert.That(acked, Is.Not.Empty, "the writer acknowledged saves before it was killed");
        var journal = new FileInfo(db + ".journal");
        long journalBytes = journal.Exists ? journal.Length : 0;
        if (mode == "journal-only") Assert.That(journalBytes, Is.GreaterThan(24), "the acknowledged saves were only in the journal (beyond its 24-byte header)");
        if (mode == "no-journal") Assert.That(journal.Exists, Is.False);

        var wiped = false;
        await using var store = await DataStore.OpenAsync(AmplifyModels.Schema, o => o.UseLiteDb(db).OnEvent(e => wiped |= e is Events.LocalDataWipedEvent));
        Assert.That(wiped, Is.False, "the writer used the same schema version");
        var stored = (await store.QueryAsync<Post>()).Select(p => p.Id).ToHashSet();
        var lost = acked.Where(id => !stored.Contains(id)).ToList();
        Assert.That(lost, Is.Empty, $"{lost.Count} of {acked.Length} acknowledged saves were lost");
        TestContext.Out.WriteLine($"{mode}: killed after {acked.Length} acknowledged saves ({journalBytes} journal bytes); {stored.Count} stored");
        // The file is usable after the crash.
        await store.SaveAsync(Posts.New("after crash"));
    }
}
