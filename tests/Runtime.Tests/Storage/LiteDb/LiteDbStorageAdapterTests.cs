using Amplify.DataStore.Metadata;
using Amplify.DataStore.Predicates;
using Amplify.DataStore.Predicates.Evaluation;
using Amplify.DataStore.Sorting;
using Amplify.DataStore.Storage;
using Amplify.DataStore.Storage.LiteDb;
using Amplify.DataStore.Runtime.Tests.Storage.Models;
using LiteDB;
using static Amplify.DataStore.Runtime.Tests.Storage.P;

namespace Amplify.DataStore.Runtime.Tests.Storage.LiteDb;

/// <summary>
/// The conformance suite on a real LiteDB file with the memory image off, so every read is a LiteDB query, plus
/// LiteDB-specific behaviour (layout, indexes, plans, threading). <see cref="LiteDbMemoryImageTests"/> runs the suite
/// with the image on, <see cref="LiteDbCommitPerBatchTests"/> without the write journal.
/// </summary>
public class LiteDbStorageAdapterTests : StorageAdapterConformanceTests
{
    private protected override IStorageAdapter CreateAdapter(string directory)
        => new LiteDbStorageAdapter(new LiteDbOptions { FilePath = System.IO.Path.Combine(directory, "store.db"), MemoryImageLimit = 0 });

    private LiteDbStorageAdapter LiteDb => (LiteDbStorageAdapter)Adapter;

    protected override Task SettleAsync() => LiteDb.Writer!.CommitJournaledAsync(default);

    private LiteDatabase Database => LiteDb.Database!;

    [Test]
    public async Task Documents_HaveTheDocumentedLayout()
    {
        var item = FullItem("full");
        await UpsertAsync(item, new Counter { Id = 5, Value = 1 }, new Item { Id = "nulls", Name = "n" });
        await SettleAsync(); // LiteDB read directly below
        var doc = Database.GetCollection("Item").FindById("full");
        Assert.Multiple(() =>
        {
            Assert.That(doc["_id"].AsString, Is.EqualTo("full"));
            Assert.That(doc["id"].AsString, Is.EqualTo("full"));
            Assert.That(doc["name"].AsString, Is.EqualTo(item.Name), "no trimming, U+0000 kept");
            Assert.That(doc["count"].Type, Is.EqualTo(BsonType.Int32));
            Assert.That(doc["rating"].Type, Is.EqualTo(BsonType.Double));
            Assert.That(doc["active"].AsBoolean, Is.True);
            Assert.That(doc["stamp"].Type, Is.EqualTo(BsonType.Int64));
            Assert.That(doc["stamp"].AsInt64, Is.EqualTo(1_700_000_000_000));
            Assert.That(doc["data"].AsString, Is.EqualTo(item.Data!.Value.RawText));
            Assert.That(doc["day"].AsString, Is.EqualTo("0044-03-15"));
            Assert.That(doc["time"].AsString, Is.EqualTo("12:30:24.5+05:30:00"));
            Assert.That(doc["at"].AsString, Is.EqualTo("2026-11-25T01:02:03.123456789+05:30"));
            Assert.That(doc["status"].AsString, Is.EqualTo("ARCHIVED"));
            Assert.That(doc["tags"].AsArray.Select(v => v.AsString), Is.EqualTo(new[] { "a", "", "c" }));
            Assert.That(doc["scores"].AsArray[1].IsNull, Is.True);
            Assert.That(doc["days"].AsArray[1].AsString, Is.EqualTo("2024-03-01+14:00"));
            Assert.That(doc["address"]["geo"]["lat"].AsDouble, Is.EqualTo(1.5));
            Assert.That(doc["__k"].AsDocument.Keys, Is.EquivalentTo(new[] { "day", "time", "at" }));
            Assert.That(doc["__k"]["at"].AsString, Does.EndWith(" 2026-11-25T01:02:03.123456789+05:30"));
            Assert.That(Database.GetCollection("Counter").FindById(5)["_id"].Type, Is.EqualTo(BsonType.Int32));
            var nulls = Database.GetCollection("Item").FindById("nulls");
            Assert.That(nulls["count"].IsNull && nulls.ContainsKey("count"), Is.True, "nulls are stored explicitly");
            Assert.That(nulls.ContainsKey("__k"), Is.False, "no companions without temporal values");
        });
    }

    [Test]
    public async Task SyncMetadata_LivesInTheItemsDocument_AndTombstonesInTheSyncCollection()
    {
        await Adapter.WriteAsync(s => s.Upsert(Item.Metadata, new Item { Id = "live", Name = "x" }, new SyncMetadata(3, 3000, false)), default);
        await Adapter.WriteAsync(s => { s.Delete(Item.Metadata, StorageKey.Of("gone")); s.SetSyncMetadata(Item.Metadata, StorageKey.Of("gone"), new SyncMetadata(8, 8000, true)); return 0; }, default);
        await SettleAsync(); // LiteDB read directly below
        var live = Database.GetCollection("Item").FindById("live");
        Assert.That(live["__s"].AsDocument.ToString(), Is.EqualTo(new BsonDocument { ["v"] = 3, ["t"] = 3000L }.ToString()), "one write per synced record");
        var sync = Database.GetCollection("__sync");
        Assert.That(sync.Count(), Is.EqualTo(1), "only the deleted record has a document of its own");
        Assert.That(sync.FindAll().Single()["d"].AsBoolean, Is.True);
        Assert.That(await Adapter.WriteAsync(s => (s.Get(Item.Metadata, StorageKey.Of("live")) as Item)?.Name, default), Is.EqualTo("x"), "the model never sees __s");
    }

    [Test]
    public async Task SyncMetadata_OfAFileWrittenBeforeItLivedInDocuments_IsStillRead()
    {
        // Earlier versions kept every record's metadata in __sync; such a file needs no migration.
        await UpsertAsync(new Item { Id = "old", Name = "x" });
        await SettleAsync();
        Database.GetCollection("__sync").Upsert(new BsonDocument { ["_id"] = SyncMetadataDocuments.IdOf("Item", StorageKey.Of("old")), ["v"] = 5, ["t"] = 5000L, ["d"] = false });
        Assert.That(await Adapter.WriteAsync(s => (s.GetSyncMetadata(Item.Metadata, StorageKey.Of("old")), s.HasSyncMetadata(Item.Metadata)), default),
            Is.EqualTo(((SyncMetadata?)new SyncMetadata(5, 5000, false), true)));
        // The next server copy goes into the document, which wins from then on.
        await Adapter.WriteAsync(s => s.Upsert(Item.Metadata, new Item { Id = "old", Name = "y" }, new SyncMetadata(6, 6000, false)), default);
        Assert.That(await Adapter.WriteAsync(s => s.GetSyncMetadata(Item.Metadata, StorageKey.Of("old")), default), Is.EqualTo((SyncMetadata?)new SyncMetadata(6, 6000, false)));
    }

    [Test]
    public async Task CompositeIds_AreOrderPreservingStrings()
    {
        var random = new RandomData(5);
        var orders = Enumerable.Range(0, 60).Select(i => new Order
        {
            CustomerId = RandomData.Words[random.Next(RandomData.Words.Length)],
            PlacedAt = AwsDateTime.Parse(RandomData.DateTimes[random.Next(RandomData.DateTimes.Length)]),
            Line = RandomData.Ints[random.Next(RandomData.Ints.Length)],
        }).DistinctBy(o => o.Key).ToArray();
        await UpsertAsync(orders);
        await SettleAsync(); // LiteDB read directly below
        var ids = Database.GetCollection("Order").FindAll().Select(d => d["_id"]).ToList();
        Assert.That(ids.All(id => id.IsString), Is.True);
        Assert.That(ids, Has.Count.EqualTo(orders.Length), "distinct keys never collide");
        var byId = Database.GetCollection("Order").FindAll().OrderBy(d => d["_id"].AsString, StringComparer.Ordinal)
            .Select(d => d["customerId"].AsString + "|" + d["placedAt"].AsString + "|" + d["line"].AsInt32);
        var byKey = orders.ToList();
        byKey.Sort(ItemComparer.Create(Order.Metadata, null));
        Assert.That(byId, Is.EqualTo(byKey.Select(o => o.CustomerId + "|" + o.PlacedAt + "|" + o.Line)));
    }

    [Test]
    public void Indexes_CoverIndexFieldsForeignKeysAndCompositeKeys()
    {
        var indexes = Database.GetCollection("$indexes").FindAll()
            .Select(d => $"{d["collection"].AsString}.{d["name"].AsString}={d["expression"].AsString}")
            .Where(s => !s.Contains("._id=", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        Assert.That(indexes, Is.EqualTo(new[]
        {
            "Item.ix_ownerId=$.ownerId",
            "Item.ix_status=$.status",
            "Order.ix_customerId=$.customerId",
            "Order.ix_line=$.line",
            "Order.ix_placedAt=$.__k.placedAt",
            "__outbox.record=$.record",
            "__outbox.seq=$.seq",
        }));
    }

    [Test]
    public async Task Queries_UseIndexes()
    {
        await UpsertAsync(MatrixItems());
        string IndexOf(ModelMetadata model, PredicateNode predicate) => LiteDb.Explain(model, predicate, null)["index"]["name"].AsString;
        Assert.Multiple(() =>
        {
            Assert.That(IndexOf(Item.Metadata, C("status", PredicateOperator.Eq, S("ACTIVE"))), Is.EqualTo("ix_status"));
            Assert.That(IndexOf(Item.Metadata, C("id", PredicateOperator.Eq, S("i01"))), Is.EqualTo("_id"));
            Assert.That(IndexOf(Item.Metadata, And(C("ownerId", PredicateOperator.Eq, S("o1")), C("count", PredicateOperator.Lt, I(3)))), Is.EqualTo("ix_ownerId"));
            Assert.That(IndexOf(Item.Metadata, C("status", PredicateOperator.In, S("ACTIVE"), S("DRAFT"))), Is.EqualTo("ix_status"));
            Assert.That(IndexOf(Order.Metadata, C("placedAt", PredicateOperator.Gt, DateTime("2024-01-01T00:00:00Z"))), Is.EqualTo("ix_placedAt"));
            Assert.That(IndexOf(Order.Metadata, C("customerId", PredicateOperator.BeginsWith, S("ab"))), Is.EqualTo("ix_customerId"));
        });
    }

    [Test]
    public async Task PropertyTest_ExpressiblePredicates_RunEntirelyInLiteDb()
    {
        var random = new RandomData(seed: 4242);
        var items = Enumerable.Range(0, 80).Select(random.Item).ToArray();
        await UpsertAsync(items);
        int filtered = 0, nonEmpty = 0;
        for (int i = 0; i < 300; i++)
        {
            var predicate = random.Predicate(depth: 3, expressibleOnly: true);
            var actual = (await QueryAsync<Item>(predicate)).Select(x => x.Id);
            var plan = LiteDb.LastQueryPlan!;
            Assert.That(plan.Residual, Is.Null, $"#{i} {predicate} was not fully compiled");
            if (plan.Filter.Where is not null) filtered++;
            var expected = items.Where(x => PredicateEvaluator.Matches(Item.Metadata, x, predicate)).Select(x => x.Id).Order(StringComparer.Ordinal).ToList();
            if (expected.Count > 0) nonEmpty++;
            Assert.That(actual, Is.EqualTo(expected), $"#{i} {predicate} compiled to {plan.Filter.Where}");
        }
        TestContext.Out.WriteLine($"{nonEmpty} of 300 predicates matched at least one item; {filtered} filtered in LiteDB");
        Assert.That(nonEmpty, Is.GreaterThan(300 / 4), "enough predicates matched something (empty == empty proves nothing)");
        Assert.That(filtered, Is.GreaterThan(100), "many random predicates filter in LiteDB (the rest fold to constants)");
    }

    [Test]
    public async Task Sort_RunsInLiteDbWhenItCanBeExact()
    {
        await UpsertAsync(MatrixItems());
        async Task<LiteDbQueryPlan> Plan(params SortClause[] sort)
        {
            await QueryAsync<Item>(MatchAll.Instance, sort);
            return LiteDb.LastQueryPlan!;
        }
        var none = await Plan();
        Assert.That((none.OrderBy, none.SortInMemory, none.PageInDatabase), Is.EqualTo(("$._id", false, true)));
        var ascending = await Plan(new SortClause("count", SortDirection.Ascending), new SortClause("at", SortDirection.Ascending));
        Assert.That((ascending.OrderBy, ascending.SortInMemory), Is.EqualTo(("[$.count, $.__k.at, $._id]", false)));
        var keyDescending = await Plan(new SortClause("id", SortDirection.Descending));
        Assert.That((keyDescending.OrderBy, keyDescending.Descending, keyDescending.SortInMemory), Is.EqualTo(("$._id", true, false)));
        var descending = await Plan(new SortClause("count", SortDirection.Descending));
        Assert.That(descending.SortInMemory, Is.True);
        var list = await Plan(new SortClause("tags", SortDirection.Ascending));
        Assert.That(list.SortInMemory, Is.True);
    }

    [Test]
    public Task Reads_SeeCommittedDataOnly() => AssertReadsSeeCommittedDataOnlyAsync();

    [Test]
    public async Task GroupCommit_BatchesWritesQueuedDuringATransaction()
    {
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var writer = LiteDb.Writer!;
        long batches = writer.Batches, appends = writer.JournalAppends, rollbacks = writer.Rollbacks;
        var blocker = Adapter.WriteAsync(s => { entered.Set(); release.Wait(); return -1; }, default).AsTask();
        Assert.That(entered.Wait(TimeSpan.FromSeconds(10)), Is.True);
        var writes = Enumerable.Range(0, 16).Select(i => Adapter.WriteAsync(session =>
        {
            session.Upsert(Counter.Metadata, new Counter { Id = i, Value = i });
            session.AppendOutbox(new OutboxEntry($"e{i:D2}", "Counter", i.ToString(System.Globalization.CultureInfo.InvariantCulture), OutboxOperation.Create, "{}", null, i));
            return i == 3 ? throw new InvalidOperationException("three") : i;
        }, default).AsTask()).ToArray();
        release.Set();
        Assert.That(await blocker, Is.EqualTo(-1));
        for (int i = 0; i < writes.Length; i++)
        {
            if (i == 3) Assert.That(async () => await writes[i], Throws.InvalidOperationException.With.Message.EqualTo("three"));
            else Assert.That(await writes[i], Is.EqualTo(i));
        }
        Assert.Multiple(() =>
        {
            Assert.That(writer.Batches - batches, Is.EqualTo(2), "the blocker, then all 16 queued writes together");
            Assert.That(writer.JournalAppends - appends, Is.EqualTo(1), "one journal record for the 16 (the blocker wrote nothing)");
            Assert.That(writer.Rollbacks - rollbacks, Is.EqualTo(1), "one rollback for the failing work, then the rest re-ran");
        });
        var outbox = await Adapter.WriteAsync(s => s.ReadOutbox(), default);
        Assert.That(outbox.Select(e => e.Id), Is.EqualTo(Enumerable.Range(0, 16).Where(i => i != 3).Select(i => $"e{i:D2}")));
        Assert.That(await QueryAsync<Counter>(MatchAll.Instance), Has.Count.EqualTo(15));
    }

    [Test]
    public async Task AFailingWorkAlone_RollsBackOnce_AndCommitsAndJournalsNothing()
    {
        var writer = LiteDb.Writer!;
        await UpsertAsync(new Counter { Id = 1 }); // the writer now expects one caller
        await SettleAsync();
        long commits = writer.Commits, rollbacks = writer.Rollbacks, appends = writer.JournalAppends;
        Assert.That(async () => await Adapter.WriteAsync<int>(s =>
        {
            s.Upsert(Counter.Metadata, new Counter { Id = 2 });
            throw new InvalidOperationException("no");
        }, default), Throws.InvalidOperationException);
        Assert.Multiple(() =>
        {
            Assert.That(writer.Rollbacks - rollbacks, Is.EqualTo(1));
            Assert.That(writer.Commits - commits, Is.Zero);
            Assert.That(writer.JournalAppends - appends, Is.Zero);
        });
        Assert.That(await QueryAsync<Counter>(MatchAll.Instance), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task AFailingWorkThatWroteNothing_NeedsNoRollback_AndTheJournaledWritesBeforeItStay()
    {
        var writer = LiteDb.Writer!;
        long rollbacks = writer.Rollbacks;
        await UpsertAsync(new Counter { Id = 1 });
        Assert.That(async () => await Adapter.WriteAsync<int>(s => s.Get(Counter.Metadata, Counter.KeyOf(1)) is null ? 0 : throw new InvalidOperationException("exists"), default),
            Throws.InvalidOperationException.With.Message.EqualTo("exists"));
        Assert.That(writer.Rollbacks - rollbacks, Is.Zero);
        Assert.That(await QueryAsync<Counter>(MatchAll.Instance), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task GroupCommit_ALongWorkTakesNoLateArrivals_EvenWhenShortOfTheLastBatchSize()
    {
        var writer = LiteDb.Writer!;
        // A batch of 16 makes the writer expect 16 callers again.
        await RunBlockedAsync(blocked: () => Enumerable.Range(0, 16).Select(i => Adapter.WriteAsync(s => s.Upsert(Counter.Metadata, new Counter { Id = i }), default).AsTask()).ToArray());
        long batches = writer.Batches, appends = writer.JournalAppends;
        // One long work, and five writes that arrive while it runs: they form the next transaction.
        await RunBlockedAsync(blocked: () => Enumerable.Range(100, 5).Select(i => Adapter.WriteAsync(s => s.Upsert(Counter.Metadata, new Counter { Id = i }), default).AsTask()).ToArray());
        Assert.Multiple(() =>
        {
            Assert.That(writer.Batches - batches, Is.EqualTo(2), "the long work alone, then the five");
            Assert.That(writer.JournalAppends - appends, Is.EqualTo(1), "the five in one record (the long work wrote nothing)");
        });
        Assert.That(await QueryAsync<Counter>(MatchAll.Instance), Has.Count.EqualTo(21));

        // Runs a work that blocks the writer while `blocked` queues more writes, holds it 20 ms (well past the 1 ms
        // gathering limit), then awaits everything.
        async Task RunBlockedAsync(Func<Task[]> blocked)
        {
            using var entered = new ManualResetEventSlim();
            using var release = new ManualResetEventSlim();
            var blocker = Adapter.WriteAsync(s => { entered.Set(); release.Wait(); return 0; }, default).AsTask();
            Assert.That(entered.Wait(TimeSpan.FromSeconds(10)), Is.True);
            var writes = blocked();
            Thread.Sleep(20);
            release.Set();
            await blocker;
            await Task.WhenAll(writes);
        }
    }

    [Test]
    public async Task Writes_RunOnOneThread_AndCallersNeverContinueOnIt()
    {
        var threads = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Adapter.WriteAsync(s => Environment.CurrentManagedThreadId, default).AsTask()));
        Assert.That(threads.Distinct(), Has.Exactly(1).Items);
        int writerThread = threads[0];
        for (int i = 0; i < 20; i++)
        {
            await Adapter.WriteAsync(s => 0, default);
            Assert.That(Environment.CurrentManagedThreadId, Is.Not.EqualTo(writerThread));
        }
    }

    [Test]
    public async Task AdapterReadsAndWrites_InsideAWork_AreRejected()
    {
        var read = Adapter.WriteAsync(s => Adapter.GetAsync(Counter.Metadata, Counter.KeyOf(1), default).AsTask().GetAwaiter().GetResult(), default);
        Assert.That(async () => await read, Throws.InvalidOperationException);
        var nested = Adapter.WriteAsync(s => Adapter.WriteAsync(_ => 1, default).AsTask().GetAwaiter().GetResult(), default);
        Assert.That(async () => await nested, Throws.InvalidOperationException);
    }

    [Test]
    public async Task Checkpoint_RunsBetweenBatches()
    {
        await UpsertAsync(Enumerable.Range(0, 100).Select(i => (object)new Counter { Id = i }).ToArray());
        await LiteDb.CheckpointAsync(default);
        await UpsertAsync(new Counter { Id = 1000 });
        Assert.That(await QueryAsync<Counter>(MatchAll.Instance), Has.Count.EqualTo(101));
    }

    [Test]
    public void Open_RejectsSchemasLiteDbCannotHold()
    {
        static ModelSchema SchemaWith(params FieldMetadata[] fields) => new("v", [new ModelMetadata
        {
            Name = "Counter",
            PluralName = "Counters",
            PrimaryKey = new PrimaryKeyMetadata { Fields = ["id"] },
            Codec = ModelCodec<Counter>.Instance,
            Fields = [TestFields.Scalar("id", "Id", ScalarType.Int, required: true), .. fields],
        }], [], []);
        Assert.Multiple(() =>
        {
            foreach (var schema in new[]
            {
                SchemaWith(TestFields.Scalar("_id", "Underscore", ScalarType.String)),
                SchemaWith(TestFields.Scalar("value", "Value", ScalarType.Int), TestFields.Scalar("Value", "Value2", ScalarType.Int)),
            })
            {
                var adapter = new LiteDbStorageAdapter(new LiteDbOptions { FilePath = System.IO.Path.Combine(Directory, Guid.NewGuid().ToString("N") + ".db") });
                Assert.That(async () => await adapter.OpenAsync(schema, default), Throws.InstanceOf<NotSupportedException>());
            }
        });
    }

    [Test]
    public async Task Open_Twice_IsRejected_AndUseBeforeOpenFails()
    {
        Assert.That(async () => await Adapter.OpenAsync(StorageTestSchema.Instance, default), Throws.InvalidOperationException);
        await using var unopened = new LiteDbStorageAdapter(new LiteDbOptions { FilePath = System.IO.Path.Combine(Directory, "other.db") });
        Assert.That(async () => await unopened.QueryAsync(Counter.Metadata, MatchAll.Instance, null, 0, null, default), Throws.InvalidOperationException);
    }

    [Test]
    public void SecondAdapter_OnTheSameFile_IsRejected()
    {
        var second = CreateAdapter(Directory);
        Assert.That(async () => await second.OpenAsync(StorageTestSchema.Instance, default), Throws.InstanceOf<DataStoreException>().With.Message.Contains("in use"));
    }

    [Test]
    public async Task InMemoryFallbacks_AreLoggedAtDebug()
    {
        var logger = new ListLogger();
        await using var adapter = new LiteDbStorageAdapter(new LiteDbOptions { FilePath = System.IO.Path.Combine(Directory, "logged.db"), Logger = logger, MemoryImageLimit = 0 });
        await adapter.OpenAsync(StorageTestSchema.Instance, default);
        await adapter.QueryAsync(Item.Metadata, C("count", PredicateOperator.Eq, I(1)), null, 0, null, default);
        Assert.That(logger.Messages, Is.Empty, "fully compiled queries log nothing");
        await adapter.QueryAsync(Item.Metadata, And(C("count", PredicateOperator.Eq, I(1)), C("address", PredicateOperator.Eq, Null)), null, 0, null, default);
        Assert.That(logger.Messages, Has.One.Contains("address").And.Contains("$.count = @0"));
    }
}
