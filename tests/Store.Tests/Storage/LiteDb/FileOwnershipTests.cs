using System.Diagnostics;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using NUnit.Framework;
using StoreTests.Models;

namespace Amplify.DataStore.Store.Tests.Storage.LiteDb;

using Amplify.DataStore;

/// <summary>
/// One store per file across processes: while a child process owns a store, every open from another process is refused
/// with a <see cref="DataStoreException"/> that names the file (a stress run of 1,000 random operations against 1,000
/// opens), and once the owner is killed with SIGKILL the file opens at once in another process with every acknowledged
/// save in it (the OS released the lock with the process).
/// </summary>
[NonParallelizable]
public class FileOwnershipTests
{
    private static readonly string CrashWriter = typeof(FileOwnershipTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrashWriter").Value!;

    /// <summary>A CrashWriter child whose output lines are collected.</summary>
    private sealed class Child : IDisposable
    {
        private readonly List<string> _lines = [];

        public Child(string arguments, bool input = false)
        {
            Process = Process.Start(new ProcessStartInfo("dotnet", $"\"{CrashWriter}\" {arguments}")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input,
            })!;
            Process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_lines) _lines.Add(e.Data); };
            Process.BeginOutputReadLine();
            Process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string[] Lines { get { lock (_lines) return _lines.ToArray(); } }

        public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
        {
            var until = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < until)
            {
                if (Lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal) || l.StartsWith("ERROR", StringComparison.Ordinal)) is { } line)
                {
                    Assert.That(line, Does.Not.StartWith("ERROR"), "the child reported an error");
                    return line;
                }
                if (Process.HasExited && !Lines.Any(l => l.StartsWith(prefix, StringComparison.Ordinal)))
                {
                    await Task.Delay(100); // let the last lines arrive
                    if (!Lines.Any(l => l.StartsWith(prefix, StringComparison.Ordinal))) Assert.Fail($"the child exited ({Process.ExitCode}) before printing '{prefix}': {string.Join(" / ", Lines)}");
                }
                await Task.Delay(20);
            }
            Assert.Fail($"no '{prefix}' from the child within {timeout}: {string.Join(" / ", Lines.TakeLast(5))}");
            return null!;
        }

        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.Dispose();
        }
    }

    [Test]
    public async Task TwoProcesses_TheSecondIsRefusedEveryTime_AndTheOwnersWorkIsIntact()
    {
        Assert.That(File.Exists(CrashWriter), Is.True, CrashWriter);
        using var dir = new TestDirectory();
        var db = dir.File("shared.db");
        using var owner = new Child($"\"{db}\" random-ops 1000 7", input: true);
        await owner.WaitForLineAsync("READY", TimeSpan.FromSeconds(60));
        using var contender = new Child($"\"{db}\" contend 1000");
        await contender.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        var result = await contender.WaitForLineAsync("REFUSED", TimeSpan.FromSeconds(5));
        Assert.That(contender.Lines.Where(l => l.StartsWith("ERROR", StringComparison.Ordinal)), Is.Empty);
        Assert.That(result, Is.EqualTo("REFUSED 1000 OPENED 0"));

        var done = (await owner.WaitForLineAsync("DONE", TimeSpan.FromMinutes(3))).Split(' ');
        // The contender may have finished before the owner: it must be refused while the owner still holds the file.
        Assert.That(owner.Process.HasExited, Is.False, "the owner held the file throughout");
        await owner.Process.StandardInput.WriteLineAsync("exit");
        await owner.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.That(owner.Process.ExitCode, Is.Zero);

        await using var store = await dir.OpenAsync("shared.db");
        var posts = await store.QueryAsync<Post>();
        Assert.That(posts, Has.Count.EqualTo(int.Parse(done[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(posts.Any(p => p.Title.StartsWith("intruder", StringComparison.Ordinal)), Is.False, "no write of the refused process got in");
        Assert.That(Digest(posts), Is.EqualTo(done[2]), "the file holds exactly the owner's final state");
        TestContext.Out.WriteLine($"owner: 1,000 random operations, {posts.Count} posts at the end; contender: {result}");
    }

    [Test]
    public async Task AfterTheOwnerIsKilled_AnotherProcessOpensAtOnce_WithEveryAcknowledgedSave()
    {
        using var dir = new TestDirectory();
        var db = dir.File("owned.db");
        using var owner = new Child($"\"{db}\" 4 default");
        await owner.WaitForLineAsync("READY", TimeSpan.FromSeconds(60));
        await owner.WaitForLineAsync("ACK", TimeSpan.FromSeconds(30));
        await Task.Delay(300);
        var refused = Assert.ThrowsAsync<DataStoreException>(async () => await dir.OpenAsync("owned.db"));
        Assert.That(refused!.Message, Does.Contain(db).And.Contain("in use by another process"));

        owner.Process.Kill(entireProcessTree: true); // SIGKILL: no dispose, the lock file stays behind
        await owner.Process.WaitForExitAsync();
        var acked = owner.Lines.Where(l => l.StartsWith("ACK ", StringComparison.Ordinal)).Select(l => l[4..]).ToList();
        Assert.That(File.Exists(db + ".lock"), Is.True, "the lock file outlives the process; its OS lock does not");

        await using var store = await dir.OpenAsync("owned.db"); // at once: no wait, no retry
        var stored = (await store.QueryAsync<Post>()).Select(p => p.Id).ToHashSet();
        Assert.That(acked.Where(id => !stored.Contains(id)), Is.Empty, $"every one of {acked.Count} acknowledged saves is there");
        await store.SaveAsync(Posts.New("after the kill"));
    }

    private static string Digest(IEnumerable<Post> posts)
        => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join("|", posts.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => $"{p.Id}:{p.Title}:{p.Rating}")))));
}
