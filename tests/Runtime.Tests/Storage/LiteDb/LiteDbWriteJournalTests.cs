using System.Buffers.Binary;
using Amplify.DataStore.Predicates;
using Amplify.DataStore.Storage;
using Amplify.DataStore.Storage.LiteDb;
using Amplify.DataStore.Runtime.Tests.Storage.Models;
using LiteDB;

namespace Amplify.DataStore.Runtime.Tests.Storage.LiteDb;

/// <summary>
/// The write journal: batches acknowledged before their LiteDB commit wait there, reads that LiteDB must answer get them
/// committed first, a rollback redoes them, a big batch bypasses it, and a crash's leftovers are applied on the next open
/// exactly once (torn tails dropped, records a commit already holds skipped, a journal of another file state refused).
/// </summary>
public class LiteDbWriteJournalTests : StorageDirectoryTests
{
    private string JournalPath => FilePath + ".journal";

    private async Task<LiteDbStorageAdapter> OpenAsync(string? filePath = null, int imageLimit = 0, int commitSize = 4 << 20, string? password = null, Func<Stream, Stream>? wrap = null)
    {
        var adapter = new LiteDbStorageAdapter(new LiteDbOptions
        {
            FilePath = filePath ?? FilePath,
            MemoryImageLimit = imageLimit,
            JournalCommitSize = commitSize,
            JournalCommitDelay = Timeout.InfiniteTimeSpan, // commits only when something needs one
            Password = password,
            JournalStreamWrapper = wrap,
        });
        await adapter.OpenAsync(StorageTestSchema.Instance, default);
        return adapter;
    }

    private static Task SaveAsync(IStorageAdapter adapter, params Counter[] counters) => adapter.WriteAsync(s =>
    {
        foreach (var counter in counters) s.Upsert(Counter.Metadata, counter);
        return 0;
    }, default).AsTask();

    private static async Task<List<Counter>> CountersAsync(IStorageAdapter adapter)
        => (await adapter.QueryAsync(Counter.Metadata, MatchAll.Instance, null, 0, null, default)).Cast<Counter>().ToList();

    /// <summary>What LiteDB itself has committed (read outside the writer).</summary>
    private static int CommittedCount(LiteDbStorageAdapter adapter) => adapter.Database!.GetCollection("Counter").Count();

    /// <summary>Copies the store's files as they are now: what a process killed at this moment leaves behind.</summary>
    private string CopyFiles(string name)
    {
        var copy = Path.Combine(DirectoryPath, name);
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(DirectoryPath).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal))) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        return Path.Combine(copy, "store.db");
    }

    [Test]
    public async Task AcknowledgedBatches_WaitInTheJournal_AndAReadLiteDbMustAnswerCommitsThemFirst()
    {
        await using var adapter = await OpenAsync();
        for (int i = 0; i < 10; i++) await SaveAsync(adapter, new Counter { Id = i, Value = i });
        var writer = adapter.Writer!;
        Assert.Multiple(() =>
        {
            Assert.That(writer.JournalAppends, Is.EqualTo(10));
            Assert.That(writer.HasUncommitted, Is.True);
            Assert.That(CommittedCount(adapter), Is.Zero, "LiteDB has not committed them yet");
            Assert.That(new FileInfo(JournalPath).Length, Is.GreaterThan(WriteJournal.HeaderSize + 10 * 8));
        });
        Assert.That(await adapter.GetAsync(Counter.Metadata, Counter.KeyOf(7), default), Is.EqualTo(new Counter { Id = 7, Value = 7 }));
        Assert.Multiple(() =>
        {
            Assert.That(writer.HasUncommitted, Is.False);
            Assert.That(CommittedCount(adapter), Is.EqualTo(10));
            Assert.That(new FileInfo(JournalPath).Length, Is.EqualTo(WriteJournal.HeaderSize), "a commit empties the journal to its header");
        });
    }

    [Test]
    public async Task AReadThatNeedsACommit_WaitsForTheRunningBatchOnly_NotForQueuedOnes()
    {
        await using var adapter = await OpenAsync();
        await SaveAsync(adapter, new Counter { Id = 1, Value = 1 });
        using var entered1 = new ManualResetEventSlim();
        using var release1 = new ManualResetEventSlim();
        using var entered2 = new ManualResetEventSlim();
        using var release2 = new ManualResetEventSlim();
        var first = adapter.WriteAsync(s => { entered1.Set(); release1.Wait(); return 0; }, default).AsTask();
        Assert.That(entered1.Wait(TimeSpan.FromSeconds(10)), Is.True);
        var second = adapter.WriteAsync(s =>
        {
            entered2.Set();
            release2.Wait();
            return s.Upsert(Counter.Metadata, new Counter { Id = 2, Value = 2 });
        }, default).AsTask();
        var read = adapter.GetAsync(Counter.Metadata, Counter.KeyOf(1), default).AsTask();
        Assert.That(read.IsCompleted, Is.False, "the commit waits for the running batch");
        release1.Set();
        try
        {
            // The second write is still held: the read must not be queued behind it.
            Assert.That(await read.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo(new Counter { Id = 1, Value = 1 }));
            Assert.That(entered2.Wait(TimeSpan.FromSeconds(10)), Is.True);
        }
        finally
        {
            release2.Set();
        }
        await Task.WhenAll(first, second);
        Assert.That(await adapter.GetAsync(Counter.Metadata, Counter.KeyOf(2), default), Is.EqualTo(new Counter { Id = 2, Value = 2 }));
    }

    [Test]
    public async Task ReadsAnsweredFromTheMemoryImage_DoNotWaitForACommit()
    {
        await using var adapter = await OpenAsync(imageLimit: 1000);
        await SaveAsync(adapter, new Counter { Id = 1, Value = 1 });
        Assert.That(await CountersAsync(adapter), Has.Count.EqualTo(1));
        Assert.That(await adapter.GetAsync(Counter.Metadata, Counter.KeyOf(1), default), Is.Not.Null);
        Assert.That(adapter.Writer!.HasUncommitted, Is.True, "the image already held the write");
    }

    [Test]
    public async Task ARollback_RedoesTheJournaledBatchesItDiscarded()
    {
        await using (var adapter = await OpenAsync())
        {
            await SaveAsync(adapter, new Counter { Id = 1, Value = 1 });
            await SaveAsync(adapter, new Counter { Id = 2, Value = 2 });
            var failing = adapter.WriteAsync<int>(s =>
            {
                s.Upsert(Counter.Metadata, new Counter { Id = 3 });
                s.Delete(Counter.Metadata, Counter.KeyOf(1));
                throw new InvalidOperationException("undo me");
            }, default);
            Assert.That(async () => await failing, Throws.InvalidOperationException);
            Assert.That(adapter.Writer!.Rollbacks, Is.EqualTo(1));
            await SaveAsync(adapter, new Counter { Id = 4, Value = 4 });
            Assert.That((await CountersAsync(adapter)).Select(c => c.Id), Is.EqualTo(new[] { 1, 2, 4 }));
        }
        await using var reopened = await OpenAsync();
        Assert.That((await CountersAsync(reopened)).Select(c => c.Id), Is.EqualTo(new[] { 1, 2, 4 }));
    }

    [Test]
    public async Task ABatchPastTheCommitSize_IsCommittedWithTheWaitingOnes_NotJournaled()
    {
        await using var adapter = await OpenAsync(commitSize: 400);
        var writer = adapter.Writer!;
        await SaveAsync(adapter, new Counter { Id = 0 });
        Assert.That((writer.JournalAppends, writer.Commits, writer.HasUncommitted), Is.EqualTo((1L, 0L, true)));
        await SaveAsync(adapter, Enumerable.Range(1, 20).Select(i => new Counter { Id = i }).ToArray());
        Assert.Multiple(() =>
        {
            Assert.That(writer.JournalAppends, Is.EqualTo(1), "the big batch was not journaled");
            Assert.That(writer.Commits, Is.EqualTo(1));
            Assert.That(writer.HasUncommitted, Is.False);
            Assert.That(CommittedCount(adapter), Is.EqualTo(21));
            Assert.That(new FileInfo(JournalPath).Length, Is.EqualTo(WriteJournal.HeaderSize));
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task AFailedJournalWrite_FailsThatBatchOnly_AndLosesNothingAcknowledged(bool cuttingItOffFailsToo)
    {
        FailingStream? journal = null;
        await using (var adapter = await OpenAsync(wrap: s => journal = new FailingStream(s)))
        {
            var writer = adapter.Writer!;
            await SaveAsync(adapter, new Counter { Id = 1 });
            await SaveAsync(adapter, new Counter { Id = 2 });
            journal!.FailWrites = 1; // half the record reaches the file
            if (cuttingItOffFailsToo) journal.FailSetLengths = 1; // and it stays there
            Assert.That(async () => await SaveAsync(adapter, new Counter { Id = 3 }), Throws.InstanceOf<IOException>().With.Message.Contains("No space left"));
            long commits = writer.Commits, appends = writer.JournalAppends;
            await SaveAsync(adapter, new Counter { Id = 4 });
            Assert.That((writer.Commits - commits, writer.JournalAppends - appends), Is.EqualTo((1L, 0L)),
                "the next batch commits (with the journaled ones, redone) instead of appending after a possibly torn record");
            await SaveAsync(adapter, new Counter { Id = 5 });
            Assert.That(writer.JournalAppends - appends, Is.EqualTo(1), "journaling resumes once the commit emptied the journal");
            Assert.That((await CountersAsync(adapter)).Select(c => c.Id), Is.EqualTo(new[] { 1, 2, 4, 5 }));
        }
        await using var reopened = await OpenAsync();
        Assert.That((await CountersAsync(reopened)).Select(c => c.Id), Is.EqualTo(new[] { 1, 2, 4, 5 }));
    }

    [Test]
    public async Task AFailureToEmptyTheJournal_StopsJournaling_AndLosesNothing()
    {
        FailingStream? journal = null;
        string copy;
        await using (var adapter = await OpenAsync(wrap: s => journal = new FailingStream(s)))
        {
            var writer = adapter.Writer!;
            await SaveAsync(adapter, new Counter { Id = 1, Value = 1 });
            journal!.FailSetLengths = 1;
            // A read LiteDB must answer commits; emptying the journal afterwards fails.
            Assert.That(await adapter.GetAsync(Counter.Metadata, Counter.KeyOf(1), default), Is.EqualTo(new Counter { Id = 1, Value = 1 }));
            Assert.That(new FileInfo(JournalPath).Length, Is.GreaterThan(WriteJournal.HeaderSize), "the committed record is still in the file");
            copy = CopyFiles("after-failed-reset");
            long commits = writer.Commits, appends = writer.JournalAppends;
            await SaveAsync(adapter, new Counter { Id = 1, Value = 2 });
            Assert.That((writer.Commits - commits, writer.JournalAppends - appends, writer.HasUncommitted), Is.EqualTo((1L, 0L, false)),
                "from now on every batch commits before it is acknowledged");
        }
        await using (var reopened = await OpenAsync())
        {
            Assert.That(await CountersAsync(reopened), Is.EqualTo(new[] { new Counter { Id = 1, Value = 2 } }));
        }
        // A crash right after the failure: the record left in the journal is older than the commit holding it, so it is
        // not applied again (it would be harmless here, but not after later changes).
        await using var crashed = await OpenAsync(copy);
        Assert.That(await CountersAsync(crashed), Is.EqualTo(new[] { new Counter { Id = 1, Value = 1 } }));
        Assert.That(new FileInfo(copy + ".journal").Length, Is.EqualTo(WriteJournal.HeaderSize));
    }

    [Test]
    public async Task ACrashLeavesTheJournal_AndTheNextOpenAppliesEveryAcknowledgedBatch()
    {
        string copy;
        await using (var adapter = await OpenAsync())
        {
            await SaveAsync(adapter, new Counter { Id = 1, Value = 1 }, new Counter { Id = 2, Value = 2 });
            await adapter.WriteAsync(s =>
            {
                s.Upsert(Counter.Metadata, new Counter { Id = 1, Value = 10 });
                s.Delete(Counter.Metadata, Counter.KeyOf(2));
                s.AppendOutbox(new OutboxEntry("e1", "Counter", "1", OutboxOperation.Update, "{}", null, 1));
                s.SetSetting("schemaVersion", "v2");
                return 0;
            }, default);
            await adapter.WriteAsync(s => s.DeleteAll(Owner.Metadata), default);
            Assert.That(CommittedCount(adapter), Is.Zero);
            copy = CopyFiles("crash");
        }
        await using var reopened = await OpenAsync(copy);
        Assert.That(await CountersAsync(reopened), Is.EqualTo(new[] { new Counter { Id = 1, Value = 10 } }));
        var (outbox, setting) = await reopened.WriteAsync(s => (s.ReadOutbox(), s.GetSetting("schemaVersion")), default);
        Assert.That(outbox.Select(e => e.Id), Is.EqualTo(new[] { "e1" }));
        Assert.That(setting, Is.EqualTo("v2"));
        Assert.That(new FileInfo(copy + ".journal").Length, Is.EqualTo(WriteJournal.HeaderSize), "applied and emptied");
    }

    [Test]
    public async Task QueueChangesAndSyncMetadataInTheJournal_AreReplayed_AndSequencesSurviveTheReopen()
    {
        static OutboxEntry E(string id, string data = "{}") => new(id, "Counter", id, OutboxOperation.Update, data, null, 0);
        string copy;
        await using (var adapter = await OpenAsync())
        {
            await adapter.WriteAsync(s => (s.AppendOutbox(E("e1")), s.AppendOutbox(E("e2")), s.AppendOutbox(E("e3"))), default);
            await CountersAsync(adapter); // a LiteDB read: the appends are committed
            await adapter.WriteAsync(s =>
            {
                s.SetSyncMetadata(Counter.Metadata, Counter.KeyOf(1), new SyncMetadata(5, 500, false));
                return (s.ReplaceOutbox(E("e1", "{\"merged\":1}")), s.RemoveOutbox("e2"));
            }, default);
            Assert.That(adapter.Writer!.HasUncommitted, Is.True, "the merge and the removal are only in the journal");
            copy = CopyFiles("crash");
        }
        await using var reopened = await OpenAsync(copy);
        var outbox = await reopened.WriteAsync(s => s.ReadOutbox(), default);
        Assert.That(outbox.Select(e => (e.Id, e.Sequence, e.Data)), Is.EqualTo(new[] { ("e1", 1L, "{\"merged\":1}"), ("e3", 3L, "{}") }));
        var next = await reopened.WriteAsync(s => s.AppendOutbox(E("e4")), default);
        Assert.That(next.Sequence, Is.EqualTo(4), "the sequence continues after the last queued entry");
        Assert.That(await reopened.WriteAsync(s => s.GetSyncMetadata(Counter.Metadata, Counter.KeyOf(1)), default), Is.EqualTo((SyncMetadata?)new SyncMetadata(5, 500, false)));
    }

    [Test]
    public async Task ARecordCutShortByACrash_IsDropped_AndTheCompleteOnesAreApplied()
    {
        string copy;
        await using (var adapter = await OpenAsync())
        {
            await SaveAsync(adapter, new Counter { Id = 1 });
            await SaveAsync(adapter, new Counter { Id = 2 });
            copy = CopyFiles("torn");
        }
        // Cut the second record in half: its batch was being written when the process died.
        long length = new FileInfo(copy + ".journal").Length;
        long secondRecord = length - (length - WriteJournal.HeaderSize) / 2;
        using (var journal = new FileStream(copy + ".journal", FileMode.Open)) journal.SetLength(secondRecord + 5);
        await using var reopened = await OpenAsync(copy);
        Assert.That((await CountersAsync(reopened)).Select(c => c.Id), Is.EqualTo(new[] { 1 }));
    }

    [Test]
    public async Task ADamagedRecord_EndsTheJournal()
    {
        string copy;
        await using (var adapter = await OpenAsync())
        {
            await SaveAsync(adapter, new Counter { Id = 1 });
            await SaveAsync(adapter, new Counter { Id = 2 });
            copy = CopyFiles("damaged");
        }
        var bytes = File.ReadAllBytes(copy + ".journal");
        bytes[^3] ^= 0xFF; // inside the last record's payload: its checksum no longer matches
        File.WriteAllBytes(copy + ".journal", bytes);
        await using var reopened = await OpenAsync(copy);
        Assert.That((await CountersAsync(reopened)).Select(c => c.Id), Is.EqualTo(new[] { 1 }));
    }

    [Test]
    public async Task RecordsACommitAlreadyHolds_AreNotAppliedAgain()
    {
        // A journal as it was before a commit emptied it (the crash came between that commit and emptying the file).
        byte[] staleJournal;
        await using (var adapter = await OpenAsync())
        {
            await SaveAsync(adapter, new Counter { Id = 1, Value = 1 });
            staleJournal = File.ReadAllBytes(JournalPath);
            await SaveAsync(adapter, new Counter { Id = 1, Value = 2 });
            await CountersAsync(adapter); // commits both
            Assert.That(CommittedCount(adapter), Is.EqualTo(1));
        }
        File.WriteAllBytes(JournalPath, staleJournal);
        await using var reopened = await OpenAsync();
        Assert.That(await CountersAsync(reopened), Is.EqualTo(new[] { new Counter { Id = 1, Value = 2 } }), "the stale Value = 1 was not replayed");
    }

    [Test]
    public async Task AJournalAheadOfItsDatabase_IsRefusedWithAClearError()
    {
        await (await OpenAsync()).DisposeAsync();
        var backup = Path.Combine(DirectoryPath, "backup.db");
        File.Copy(FilePath, backup); // the database at epoch 0
        await using (var adapter = await OpenAsync())
        {
            await SaveAsync(adapter, new Counter { Id = 1 });
            await CountersAsync(adapter); // commit: the database is at epoch 1 now
            await SaveAsync(adapter, new Counter { Id = 2 });
            File.Copy(JournalPath, Path.Combine(DirectoryPath, "ahead.journal"));
        }
        // The same database restored from the older backup, the later journal kept. (A journal of another database is
        // discarded instead, see LeftoverFilesTests.)
        File.Copy(backup, FilePath, overwrite: true);
        File.Copy(Path.Combine(DirectoryPath, "ahead.journal"), JournalPath, overwrite: true);
        var adapter2 = new LiteDbStorageAdapter(new LiteDbOptions { FilePath = FilePath });
        Assert.That(async () => await adapter2.OpenAsync(StorageTestSchema.Instance, default),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains(JournalPath).And.Message.Contains("epoch 1"));
        await adapter2.DisposeAsync();
    }

    [Test]
    public async Task ACompleteRecordThatCannotBeRead_IsRefusedWithItsPosition()
    {
        await (await OpenAsync()).DisposeAsync(); // a database at epoch 0
        var payload = new byte[] { 9, 0, 0 }; // unknown operation kind, valid checksum
        var record = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(4), Crc32.Compute(payload));
        payload.CopyTo(record, 8);
        var header = new byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0x4A_53_44_41);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), 1);
        File.WriteAllBytes(JournalPath, [.. header, .. record]);
        var adapter = new LiteDbStorageAdapter(new LiteDbOptions { FilePath = FilePath });
        Assert.That(async () => await adapter.OpenAsync(StorageTestSchema.Instance, default),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("at byte 16"));
        await adapter.DisposeAsync();
    }

    [Test]
    public async Task DisposeCommitsAndRemovesTheJournal()
    {
        await using (var adapter = await OpenAsync())
        {
            await SaveAsync(adapter, new Counter { Id = 1 });
            Assert.That(File.Exists(JournalPath), Is.True);
        }
        Assert.That(File.Exists(JournalPath), Is.False);
        using var raw = new LiteDatabase(new ConnectionString { Filename = FilePath, Connection = ConnectionType.Direct });
        Assert.That(raw.GetCollection("Counter").Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task WithAPassword_NothingIsJournaled_ButALeftoverJournalIsStillApplied()
    {
        string copy;
        await using (var adapter = await OpenAsync())
        {
            await SaveAsync(adapter, new Counter { Id = 1 });
            copy = CopyFiles("plain");
        }
        // The leftover of an unencrypted run, opened without journaling: applied, then the file is removed.
        var reopened = new LiteDbStorageAdapter(new LiteDbOptions { FilePath = copy, UseWriteJournal = false, MemoryImageLimit = 0 });
        await reopened.OpenAsync(StorageTestSchema.Instance, default);
        Assert.That((await CountersAsync(reopened)).Select(c => c.Id), Is.EqualTo(new[] { 1 }));
        Assert.That(File.Exists(copy + ".journal"), Is.False);
        await reopened.DisposeAsync();

        await using var encrypted = await OpenAsync(Path.Combine(DirectoryPath, "secret.db"), password: "s3cret");
        await SaveAsync(encrypted, new Counter { Id = 1 });
        Assert.That((encrypted.Writer!.JournalAppends, encrypted.Writer.HasUncommitted), Is.EqualTo((0L, false)));
        Assert.That(File.Exists(Path.Combine(DirectoryPath, "secret.db.journal")), Is.False);
    }

    [Test]
    public void JournalRecords_RoundTripEveryOperationKindAndKeyType()
    {
        var round = new JournalRound();
        var document = new BsonDocument { ["_id"] = "a", ["n"] = 1, ["at"] = new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc) };
        BsonValue[] ids = ["key", "ключ €", "", 5, int.MinValue, 1L << 40, 2.5, new Guid("6c9f0b2a-58a1-4d6e-9b43-2f8a1d0c7e11")];
        round.AddUpsert("Ünïcode", document);
        foreach (var id in ids) round.AddDelete("Counter", id);
        round.AddDeleteAll("__outbox");
        var record = round.Seal().ToArray();
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(record), Is.EqualTo(record.Length - 8));
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(record.AsSpan(4)), Is.EqualTo(Crc32.Compute(record.AsSpan(8))));
        var decoded = new List<JournalOperation>();
        JournalRound.Decode(record.AsSpan(8), decoded);
        Assert.Multiple(() =>
        {
            Assert.That(decoded.Select(o => (o.Kind, o.Collection)), Is.EqualTo(
                new[] { (JournalOperationKind.Upsert, "Ünïcode") }
                    .Concat(ids.Select(_ => (JournalOperationKind.Delete, "Counter")))
                    .Append((JournalOperationKind.DeleteAll, "__outbox"))));
            Assert.That(decoded[0].Document, Is.EqualTo(document));
            Assert.That(decoded.Skip(1).Take(ids.Length).Select(o => o.Document!["_id"]), Is.EqualTo(ids));
            Assert.That(decoded.Skip(1).Take(ids.Length).Select(o => o.Document!["_id"].Type), Is.EqualTo(ids.Select(id => id.Type)));
            Assert.That(decoded[^1].Document, Is.Null);
        });
    }

    [Test]
    public void Crc32_MatchesTheStandardCheckValue() => Assert.That(Crc32.Compute("123456789"u8), Is.EqualTo(0xCBF4_3926));

    [Test]
    public void ARoundPastTheRoomLeft_StopsEncoding_AndCannotBeSealed()
    {
        var round = new JournalRound();
        round.Clear(room: 100);
        for (int i = 0; i < 10; i++) round.AddUpsert("Counter", new BsonDocument { ["_id"] = i, ["v"] = new string('x', 20) });
        Assert.That((round.HasOperations, round.Overflowed), Is.EqualTo((true, true)));
        Assert.That(() => round.Seal(), Throws.InvalidOperationException);
        round.Clear();
        Assert.That((round.HasOperations, round.Overflowed), Is.EqualTo((false, false)));
        round.AddDeleteAll("Counter");
        Assert.That(round.Seal().Length, Is.EqualTo(8 + 1 + 2 + "Counter".Length));
    }

    [Test]
    public void NegativeJournalSizesAndDelays_AreRejected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new LiteDbStorageAdapter(new LiteDbOptions { FilePath = "x.db", JournalCommitSize = -1 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new LiteDbStorageAdapter(new LiteDbOptions { FilePath = "x.db", JournalCommitDelay = TimeSpan.FromMilliseconds(-5) }), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }
}
