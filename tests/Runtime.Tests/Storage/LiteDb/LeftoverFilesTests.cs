using Amplify.DataStore.Predicates;
using Amplify.DataStore.Storage;
using Amplify.DataStore.Storage.LiteDb;
using Amplify.DataStore.Runtime.Tests.Storage.Models;

namespace Amplify.DataStore.Runtime.Tests.Storage.LiteDb;

/// <summary>
/// Resetting a store by deleting files after a crash: LiteDB's log and the write journal left by a killed process are
/// discarded with a warning when their data file is gone or is another database, in every order of deletion, and
/// applied as before when they belong to the data file beside them. (A real SIGKILL version:
/// <c>tests/Store.Tests/Storage/LiteDb/ResetAfterCrashTests.cs</c>.)
/// </summary>
public class LeftoverFilesTests : StorageDirectoryTests
{
    private static async Task<LiteDbStorageAdapter> OpenAsync(string path, ListLogger? logger = null)
    {
        var adapter = new LiteDbStorageAdapter(new LiteDbOptions
        {
            FilePath = path,
            MemoryImageLimit = 0,
            JournalCommitDelay = Timeout.InfiniteTimeSpan, // commits only when a read needs one
            IdleCheckpointDelay = Timeout.InfiniteTimeSpan, // committed pages stay in LiteDB's log
            Logger = logger,
        });
        await adapter.OpenAsync(StorageTestSchema.Instance, default);
        return adapter;
    }

    private static Task SaveAsync(IStorageAdapter adapter, int from, int count) => adapter.WriteAsync(s =>
    {
        for (int i = from; i < from + count; i++) s.Upsert(Counter.Metadata, new Counter { Id = i, Value = i });
        return 0;
    }, default).AsTask();

    private static async Task<List<int>> IdsAsync(IStorageAdapter adapter)
        => (await adapter.QueryAsync(Counter.Metadata, MatchAll.Instance, null, 0, null, default)).Cast<Counter>().Select(c => c.Id).ToList();

    /// <summary>
    /// The files a process killed now would leave: items 0–99 committed to LiteDB's log only (not checkpointed into the
    /// data file) and 100–149 acknowledged from the write journal only. Returns the copy's database path.
    /// </summary>
    private async Task<string> CrashLeftoversAsync(string name)
    {
        await using var adapter = await OpenAsync(FilePath);
        await SaveAsync(adapter, 0, 100);
        Assert.That(await IdsAsync(adapter), Has.Count.EqualTo(100)); // a LiteDB read commits the journaled batch
        await SaveAsync(adapter, 100, 50);
        var copy = Directory.CreateDirectory(Path.Combine(DirectoryPath, name)).FullName;
        foreach (var file in Directory.GetFiles(DirectoryPath).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal))) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        var db = Path.Combine(copy, "store.db");
        Assert.That(new FileInfo(LeftoverFiles.LogPathFor(db)).Length, Is.GreaterThan(0), "committed pages wait in LiteDB's log");
        Assert.That(new FileInfo(db + ".journal").Length, Is.GreaterThan(WriteJournal.HeaderSize), "acknowledged batches wait in the journal");
        return db;
    }

    /// <summary>A warning names each discarded file (the open store has made new, empty ones in their place).</summary>
    private static void AssertDiscarded(ListLogger logger, string db, params string[] files)
    {
        foreach (var file in files)
        {
            Assert.That(logger.Entries, Has.One.Matches<(Microsoft.Extensions.Logging.LogLevel Level, string Message)>(
                e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains($"'{file}'") && e.Message.Contains(db)),
                $"a warning names {file}");
        }
    }

    [Test]
    public async Task UntouchedLeftovers_AreApplied()
    {
        var db = await CrashLeftoversAsync("crash");
        var logger = new ListLogger();
        await using var reopened = await OpenAsync(db, logger);
        Assert.That(await IdsAsync(reopened), Is.EqualTo(Enumerable.Range(0, 150)));
        Assert.That(logger.Messages, Has.None.Contains("Discarded"));
    }

    [Test]
    public async Task DeletingTheDataFileAndTheJournal_DoesNotBringTheLoggedItemsBack()
    {
        var db = await CrashLeftoversAsync("reset");
        File.Delete(db);
        File.Delete(db + ".journal");
        var logger = new ListLogger();
        await using (var reopened = await OpenAsync(db, logger))
        {
            Assert.That(await IdsAsync(reopened), Is.Empty);
            AssertDiscarded(logger, db, LeftoverFiles.LogPathFor(db));
            await SaveAsync(reopened, 500, 1);
        }
        await using var again = await OpenAsync(db);
        Assert.That(await IdsAsync(again), Is.EqualTo(new[] { 500 }), "the reset store keeps its own writes");
    }

    [Test]
    public async Task DeletingTheDataFileAndTheLog_DoesNotApplyTheJournal()
    {
        var db = await CrashLeftoversAsync("reset");
        File.Delete(db);
        File.Delete(LeftoverFiles.LogPathFor(db));
        var logger = new ListLogger();
        await using var reopened = await OpenAsync(db, logger);
        Assert.That(await IdsAsync(reopened), Is.Empty);
        AssertDiscarded(logger, db, db + ".journal");
    }

    [TestCase(false, TestName = "DeletingOnlyTheDataFile_DiscardsBothTheLogAndTheJournal")]
    [TestCase(true, TestName = "AnEmptyDataFile_CountsAsMissing")]
    public async Task OnlyTheDataFileGone_DiscardsBothTheLogAndTheJournal(bool leftEmpty)
    {
        var db = await CrashLeftoversAsync("reset");
        if (leftEmpty) File.WriteAllBytes(db, []);
        else File.Delete(db);
        var logger = new ListLogger();
        await using var reopened = await OpenAsync(db, logger);
        Assert.That(await IdsAsync(reopened), Is.Empty);
        AssertDiscarded(logger, db, LeftoverFiles.LogPathFor(db), db + ".journal");
    }

    [Test]
    public async Task ADataFileReplacedByAnotherDatabase_KeepsItsOwnItems_AndDiscardsTheOldLog()
    {
        var db = await CrashLeftoversAsync("replaced");
        var other = Path.Combine(DirectoryPath, "other.db");
        await using (var adapter = await OpenAsync(other))
        {
            await SaveAsync(adapter, 1000, 3);
        }
        File.Copy(other, db, overwrite: true); // e.g. a backup restored over the crashed file
        var logger = new ListLogger();
        await using var reopened = await OpenAsync(db, logger);
        Assert.That(await IdsAsync(reopened), Is.EqualTo(new[] { 1000, 1001, 1002 }));
        AssertDiscarded(logger, db, LeftoverFiles.LogPathFor(db), db + ".journal");
    }

    [Test]
    public async Task AJournalOfAnotherDatabase_AtTheSameEpoch_IsDiscarded_NotApplied()
    {
        // Database A at epoch 0 with two batches only in its journal (no LiteDB commit of them yet).
        string copy;
        await using (var a = await OpenAsync(FilePath))
        {
            await SaveAsync(a, 0, 2);
            await SaveAsync(a, 2, 2);
            copy = Directory.CreateDirectory(Path.Combine(DirectoryPath, "a")).FullName;
            File.Copy(FilePath + ".journal", Path.Combine(copy, "store.db.journal"));
        }
        // Database B, also at epoch 0 (never had a journaled commit), put where A was; only A's journal is left next to it.
        var b = Path.Combine(copy, "store.db");
        await (await OpenAsync(Path.Combine(DirectoryPath, "b.db"))).DisposeAsync();
        File.Copy(Path.Combine(DirectoryPath, "b.db"), b);
        var logger = new ListLogger();
        await using var reopened = await OpenAsync(b, logger);
        Assert.That(await IdsAsync(reopened), Is.Empty, "B gets none of A's items");
        AssertDiscarded(logger, b, b + ".journal");
    }

    [Test]
    public void TheLogFile_IsNamedAsLiteDbNamesIt()
    {
        Assert.That(LeftoverFiles.LogPathFor(Path.Combine("d", "app.db")), Is.EqualTo(Path.Combine("d", "app-log.db")));
        Assert.That(LeftoverFiles.LogPathFor(Path.Combine("d", "app")), Is.EqualTo(Path.Combine("d", "app-log")));
    }
}
