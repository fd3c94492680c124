using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Logging;
using NUnit.Framework;
using StoreTests.Models;

namespace Amplify.DataStore.Store.Tests.Storage.LiteDb;

using Amplify.DataStore;

/// <summary>
/// "Resetting" a store after a crash by deleting some of its files: a writer is killed with SIGKILL (leaving LiteDB's
/// log and the write journal), then the data file is deleted together with the journal, with the log, or alone. The next
/// open must neither bring the old items back nor fail: the leftovers are discarded with a warning naming each file.
/// </summary>
[NonParallelizable]
public class ResetAfterCrashTests
{
    private static readonly string CrashWriter = typeof(ResetAfterCrashTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrashWriter").Value!;

    [TestCase("data+journal")]
    [TestCase("data+log")]
    [TestCase("data")]
    public async Task DeletingTheDataFile_AfterAKill_StartsEmpty_InEveryOrder(string deleted)
    {
        using var dir = new TestDirectory();
        var db = dir.File("reset.db");
        var log = dir.File("reset-log.db");
        var journal = db + ".journal";
        var acknowledged = await KillWriterAfterSavesAsync(db);
        Assert.That(File.Exists(log) && new FileInfo(log).Length > 0, Is.True, "the kill left LiteDB's log");
        Assert.That(File.Exists(journal), Is.True, "the kill left the write journal");
        var kept = new List<string>();
        File.Delete(db);
        if (deleted.Contains("journal", StringComparison.Ordinal)) File.Delete(journal); else kept.Add(journal);
        if (deleted.Contains("log", StringComparison.Ordinal)) File.Delete(log); else kept.Add(log);

        var loggers = new ListLoggerFactory();
        await using (var store = await DataStore.OpenAsync(AmplifyModels.Schema, o => o.UseLiteDb(db).UseLoggerFactory(loggers)))
        {
            Assert.That(await store.QueryAsync<Post>(), Is.Empty, $"none of the {acknowledged} saves of the deleted database comes back");
            await store.SaveAsync(Posts.New("after the reset"));
        }
        foreach (var file in kept)
        {
            Assert.That(loggers.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains($"'{file}'", StringComparison.Ordinal)), Is.EqualTo(1),
                $"one warning names the discarded {file}");
        }
        await using var reopened = await dir.OpenAsync("reset.db");
        Assert.That((await reopened.QueryAsync<Post>()).Select(p => p.Title), Is.EqualTo(new[] { "after the reset" }));
        TestContext.Out.WriteLine($"deleted {deleted} after {acknowledged} acknowledged saves; discarded {string.Join(", ", kept.Select(Path.GetFileName))}");
    }

    /// <summary>Runs the crash writer until it has acknowledged a few thousand saves, then kills it; returns how many.</summary>
    private static async Task<int> KillWriterAfterSavesAsync(string db)
    {
        int acked = 0;
        var ready = new TaskCompletionSource();
        var enough = new TaskCompletionSource();
        using var child = Process.Start(new ProcessStartInfo("dotnet", $"\"{CrashWriter}\" \"{db}\" 4 default") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        child.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "READY") ready.TrySetResult();
            else if (e.Data?.StartsWith("ACK ", StringComparison.Ordinal) == true && Interlocked.Increment(ref acked) >= 3000) enough.TrySetResult();
        };
        child.BeginOutputReadLine();
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await enough.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            child.Kill(entireProcessTree: true); // SIGKILL: no commit, no checkpoint, no dispose
            await child.WaitForExitAsync();
        }
        return Volatile.Read(ref acked);
    }

    private sealed class ListLoggerFactory : ILoggerFactory
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        private sealed class Logger(ListLoggerFactory owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner.Entries) owner.Entries.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
