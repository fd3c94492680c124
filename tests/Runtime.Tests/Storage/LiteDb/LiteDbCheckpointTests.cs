using Amplify.DataStore.Predicates;
using Amplify.DataStore.Storage.LiteDb;
using Amplify.DataStore.Runtime.Tests.Storage.Models;
using LiteDB;

namespace Amplify.DataStore.Runtime.Tests.Storage.LiteDb;

/// <summary>
/// When LiteDB's write-ahead log reaches the data file: at idle moments once it is big enough, at the size cap in the
/// middle of a burst (LiteDB's CHECKPOINT pragma), and at dispose; never losing a commit.
/// </summary>
public class LiteDbCheckpointTests : StorageDirectoryTests
{
    private async Task<LiteDbStorageAdapter> OpenAsync(int checkpointLogPages = 1_000, int maxLogPages = 8_000, TimeSpan? idleDelay = null, bool journal = true)
    {
        var adapter = new LiteDbStorageAdapter(new LiteDbOptions
        {
            FilePath = FilePath,
            UseWriteJournal = journal,
            CheckpointLogPages = checkpointLogPages,
            MaxLogPages = maxLogPages,
            IdleCheckpointDelay = idleDelay ?? TimeSpan.FromMilliseconds(20),
        });
        await adapter.OpenAsync(StorageTestSchema.Instance, default);
        return adapter;
    }

    private static async Task SaveCountersAsync(LiteDbStorageAdapter adapter, int from, int count)
    {
        for (int i = from; i < from + count; i++)
        {
            var counter = new Counter { Id = i, Value = i };
            await adapter.WriteAsync(s => s.Upsert(Counter.Metadata, counter), default);
        }
    }

    private static long LogBytes(LiteDbStorageAdapter adapter)
        => adapter.Database!.GetCollection("$database").FindAll().Single()["logFileSize"].AsInt64;

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (condition()) return true;
            await Task.Delay(10);
        }
        return condition();
    }

    [Test]
    public async Task AnIdleWriter_AppliesALogThatReachedTheSize()
    {
        await using var adapter = await OpenAsync(checkpointLogPages: 1);
        await SaveCountersAsync(adapter, 0, 50);
        Assert.That(await EventuallyAsync(() => adapter.Writer!.IdleCheckpoints >= 1), Is.True, "an idle checkpoint ran");
        Assert.That(LogBytes(adapter), Is.Zero, "the log was applied and emptied");
        var items = await adapter.QueryAsync(Counter.Metadata, MatchAll.Instance, null, 0, null, default);
        Assert.That(items, Has.Count.EqualTo(50));
    }

    [Test]
    public async Task AnIdleWriter_LeavesASmallLogAlone()
    {
        await using var adapter = await OpenAsync(checkpointLogPages: 100_000);
        await SaveCountersAsync(adapter, 0, 50);
        await Task.Delay(200); // ten idle delays
        Assert.That(adapter.Writer!.IdleCheckpoints, Is.Zero);
        Assert.That(LogBytes(adapter), Is.GreaterThan(0), "the commits are still in the log");
    }

    [Test]
    public async Task IdleCheckpoints_CanBeTurnedOff()
    {
        await using var adapter = await OpenAsync(checkpointLogPages: 1, idleDelay: Timeout.InfiniteTimeSpan);
        await SaveCountersAsync(adapter, 0, 50);
        await Task.Delay(200);
        Assert.That(adapter.Writer!.IdleCheckpoints, Is.Zero);
        Assert.That(LogBytes(adapter), Is.GreaterThan(0));
    }

    [Test]
    public async Task WritesKeepComing_SoNoIdleCheckpointInterruptsThem_UntilTheyStop()
    {
        await using var adapter = await OpenAsync(checkpointLogPages: 1, idleDelay: TimeSpan.FromSeconds(2));
        await SaveCountersAsync(adapter, 0, 200); // back to back: the writer is never idle for 2 s
        Assert.That(adapter.Writer!.IdleCheckpoints, Is.Zero);
        Assert.That(await EventuallyAsync(() => adapter.Writer!.IdleCheckpoints == 1), Is.True);
    }

    [Test]
    public async Task MaxLogPages_IsTheFilesCheckpointPragma_AndChangesWithTheOption()
    {
        await using (var adapter = await OpenAsync(maxLogPages: 123))
        {
            Assert.That(adapter.Database!.Pragma("CHECKPOINT").AsInt32, Is.EqualTo(123));
        }
        await using (var adapter = await OpenAsync(maxLogPages: 0))
        {
            Assert.That(adapter.Database!.Pragma("CHECKPOINT").AsInt32, Is.Zero);
        }
    }

    [Test]
    public async Task WithNoCapAndNoIdleCheckpoints_DisposeStillAppliesTheLog_AndEveryCommitSurvives()
    {
        await using (var adapter = await OpenAsync(maxLogPages: 0, idleDelay: Timeout.InfiniteTimeSpan))
        {
            await SaveCountersAsync(adapter, 0, 300);
            Assert.That(LogBytes(adapter), Is.GreaterThan(0));
        }
        Assert.That(File.Exists(Path.Combine(DirectoryPath, "store-log.db")), Is.False, "dispose applied and removed the log");
        using (var raw = new LiteDatabase(new ConnectionString { Filename = FilePath, Connection = ConnectionType.Direct }))
        {
            Assert.That(raw.GetCollection("Counter").Count(), Is.EqualTo(300));
        }
    }

    [Test]
    public async Task ALogLeftByACrash_IsAppliedOnReopen()
    {
        // Copy the file pair while the log still holds every commit: what a killed process leaves behind.
        var copy = Path.Combine(DirectoryPath, "copy");
        Directory.CreateDirectory(copy);
        // Without the write journal, so every save is in LiteDB's log (LiteDbWriteJournalTests covers the journal).
        await using (var adapter = await OpenAsync(maxLogPages: 0, idleDelay: Timeout.InfiniteTimeSpan, journal: false))
        {
            await SaveCountersAsync(adapter, 0, 120);
            Assert.That(File.Exists(Path.Combine(DirectoryPath, "store-log.db")), Is.True);
            foreach (var file in Directory.GetFiles(DirectoryPath).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal))) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }
        await using var reopened = new LiteDbStorageAdapter(new LiteDbOptions { FilePath = Path.Combine(copy, "store.db") });
        await reopened.OpenAsync(StorageTestSchema.Instance, default);
        var items = await reopened.QueryAsync(Counter.Metadata, MatchAll.Instance, null, 0, null, default);
        Assert.That(items, Has.Count.EqualTo(120));
    }

    [Test]
    public void NegativeSizesAndDelays_AreRejected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new LiteDbStorageAdapter(new LiteDbOptions { FilePath = "x.db", CheckpointLogPages = -1 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new LiteDbStorageAdapter(new LiteDbOptions { FilePath = "x.db", MaxLogPages = -1 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new LiteDbStorageAdapter(new LiteDbOptions { FilePath = "x.db", IdleCheckpointDelay = TimeSpan.FromMilliseconds(-5) }), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }
}
