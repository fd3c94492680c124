using Amplify.DataStore.Metadata;
using Amplify.DataStore.Predicates;
using Amplify.DataStore.Sorting;
using Amplify.DataStore.Storage;
using Amplify.DataStore.Storage.LiteDb;
using Amplify.DataStore.Runtime.Tests.Storage.Models;
using static Amplify.DataStore.Runtime.Tests.Storage.P;

namespace Amplify.DataStore.Runtime.Tests.Storage.LiteDb;

/// <summary>
/// The conformance suite on a LiteDB file with the memory image on (reads answered from materialized models), plus
/// what the image must guarantee: the same answers as LiteDB, its own writes visible inside a transaction, rollbacks
/// invisible, read-your-writes while loads race with commits, and the size limit.
/// </summary>
public class LiteDbMemoryImageTests : StorageAdapterConformanceTests
{
    private protected override IStorageAdapter CreateAdapter(string directory)
        => new LiteDbStorageAdapter(new LiteDbOptions { FilePath = System.IO.Path.Combine(directory, "store.db") });

    private LiteDbStorageAdapter LiteDb => (LiteDbStorageAdapter)Adapter;

    protected override Task SettleAsync() => LiteDb.Writer!.CommitJournaledAsync(default);

    private async Task<LiteDbStorageAdapter> OpenAsync(string name, int limit)
    {
        var adapter = new LiteDbStorageAdapter(new LiteDbOptions { FilePath = System.IO.Path.Combine(Directory, name), MemoryImageLimit = limit });
        await adapter.OpenAsync(StorageTestSchema.Instance, default);
        return adapter;
    }

    [Test]
    public async Task PropertyTest_ImageAnswersEqualLiteDbAnswers()
    {
        await using var image = await OpenAsync("image.db", limit: 1000);
        await using var plain = await OpenAsync("plain.db", limit: 0);
        var random = new RandomData(seed: 77);
        var items = Enumerable.Range(0, 120).Select(random.Item).ToArray();
        await UpsertAsync(image, items);
        await UpsertAsync(plain, items);
        int nonEmpty = 0;
        for (int i = 0; i < 400; i++)
        {
            var predicate = random.Predicate(depth: 3, expressibleOnly: false);
            var sort = random.Sort();
            int skip = random.Next(4) == 0 ? random.Next(30) : 0;
            int? limit = random.Next(3) == 0 ? random.Next(40) : null;
            var fromImage = await image.QueryAsync(Item.Metadata, predicate, sort, skip, limit, default);
            var fromLiteDb = await plain.QueryAsync(Item.Metadata, predicate, sort, skip, limit, default);
            if (fromLiteDb.Count > 0) nonEmpty++;
            Assert.That(fromImage.Cast<Item>().Select(x => x.Id), Is.EqualTo(fromLiteDb.Cast<Item>().Select(x => x.Id)),
                $"#{i} {predicate} sorted by [{string.Join(", ", sort)}] skip {skip} limit {limit}");
        }
        TestContext.Out.WriteLine($"{nonEmpty} of 400 queries returned items");
        Assert.That(nonEmpty, Is.GreaterThan(400 / 4), "enough queries returned something (empty == empty proves nothing)");
        Assert.That(image.IsImageLoaded(Item.Metadata), Is.True, "the answers came from memory");
        Assert.That(plain.IsImageLoaded(Item.Metadata), Is.False);
        foreach (var item in items.Take(20))
        {
            Assert.That(await image.GetAsync(Item.Metadata, StorageKey.Of(Item.Metadata, item), default), Is.SameAs(item).Or.EqualTo(item));
        }
    }

    [Test]
    public async Task A_new_store_keeps_its_image_from_the_first_write()
    {
        Assert.That(LiteDb.IsImageLoaded(Counter.Metadata), Is.True, "empty collections start with an empty image");
        await UpsertAsync(new Counter { Id = 1, Value = 1 });
        Assert.That(LiteDb.IsImageLoaded(Counter.Metadata), Is.True);
        Assert.That(await Adapter.GetAsync(Counter.Metadata, Counter.KeyOf(1), default), Is.EqualTo(new Counter { Id = 1, Value = 1 }));
    }

    [Test]
    public async Task A_reopened_store_loads_the_image_on_the_first_query_not_on_a_read_by_key()
    {
        await UpsertAsync(new Counter { Id = 1, Value = 1 }, new Counter { Id = 2, Value = 2 });
        await Adapter.DisposeAsync();
        var reopened = (LiteDbStorageAdapter)await OpenAdapterAsync();
        Assert.That(reopened.IsImageLoaded(Counter.Metadata), Is.False);
        Assert.That(await reopened.GetAsync(Counter.Metadata, Counter.KeyOf(2), default), Is.EqualTo(new Counter { Id = 2, Value = 2 }));
        Assert.That(reopened.IsImageLoaded(Counter.Metadata), Is.False, "a read by key does not scan the model");
        var all = await reopened.QueryAsync(Counter.Metadata, MatchAll.Instance, null, 0, null, default);
        Assert.That(all, Is.EqualTo(new[] { new Counter { Id = 1, Value = 1 }, new Counter { Id = 2, Value = 2 } }));
        Assert.That(reopened.IsImageLoaded(Counter.Metadata), Is.True);
    }

    [Test]
    public async Task A_transaction_reads_its_own_changes_over_the_image_and_a_rollback_leaves_it_untouched()
    {
        await UpsertAsync(new Counter { Id = 1, Value = 1 }, new Counter { Id = 2, Value = 2 }, new Counter { Id = 3, Value = 3 });
        await QueryAsync<Counter>(MatchAll.Instance); // loaded
        Assert.That(LiteDb.IsImageLoaded(Counter.Metadata), Is.True);
        var failing = Adapter.WriteAsync<int>(session =>
        {
            session.Upsert(Counter.Metadata, new Counter { Id = 4, Value = 2 });
            Assert.That(session.Delete(Counter.Metadata, Counter.KeyOf(1)), Is.True);
            Assert.That(session.Delete(Counter.Metadata, Counter.KeyOf(1)), Is.False, "already deleted in this transaction");
            Assert.That(session.Upsert(Counter.Metadata, new Counter { Id = 2, Value = 20 }), Is.False, "a replace");
            Assert.That(session.Get(Counter.Metadata, Counter.KeyOf(1)), Is.Null);
            Assert.That(session.Get(Counter.Metadata, Counter.KeyOf(4)), Is.EqualTo(new Counter { Id = 4, Value = 2 }));
            var evens = session.Query(Counter.Metadata, C("value", PredicateOperator.Eq, I(2))).Cast<Counter>().Select(c => c.Id);
            Assert.That(evens, Is.EquivalentTo(new[] { 4 }), "2 now has value 20; 4 was added");
            Assert.That(session.Query(Counter.Metadata, MatchAll.Instance).Cast<Counter>().Select(c => c.Id), Is.EquivalentTo(new[] { 2, 3, 4 }));
            throw new InvalidOperationException("roll back");
        }, default);
        Assert.That(async () => await failing, Throws.InvalidOperationException);
        Assert.That(await QueryAsync<Counter>(MatchAll.Instance), Is.EqualTo(new[] { new Counter { Id = 1, Value = 1 }, new Counter { Id = 2, Value = 2 }, new Counter { Id = 3, Value = 3 } }));

        await Adapter.WriteAsync(session =>
        {
            session.DeleteAll(Counter.Metadata);
            Assert.That(session.Get(Counter.Metadata, Counter.KeyOf(3)), Is.Null);
            Assert.That(session.Upsert(Counter.Metadata, new Counter { Id = 3, Value = 30 }), Is.True, "an insert after the delete-all");
            Assert.That(session.Query(Counter.Metadata, MatchAll.Instance), Is.EqualTo(new[] { new Counter { Id = 3, Value = 30 } }));
            return 0;
        }, default);
        Assert.That(await QueryAsync<Counter>(MatchAll.Instance), Is.EqualTo(new[] { new Counter { Id = 3, Value = 30 } }));
        Assert.That(await Adapter.GetAsync(Counter.Metadata, Counter.KeyOf(1), default), Is.Null);
    }

    [Test]
    public async Task A_model_past_the_limit_is_read_from_LiteDb_and_comes_back_when_it_shrinks()
    {
        await using var adapter = await OpenAsync("limited.db", limit: 10);
        await UpsertAsync(adapter, Enumerable.Range(0, 10).Select(i => (object)new Counter { Id = i, Value = i }).ToArray());
        Assert.That(adapter.IsImageLoaded(Counter.Metadata), Is.True);
        await UpsertAsync(adapter, new Counter { Id = 10, Value = 10 });
        Assert.That(adapter.IsImageLoaded(Counter.Metadata), Is.False, "11 items: dropped");
        var all = await adapter.QueryAsync(Counter.Metadata, MatchAll.Instance, null, 0, null, default);
        Assert.That(all.Cast<Counter>().Select(c => c.Id), Is.EqualTo(Enumerable.Range(0, 11)));
        Assert.That(adapter.IsImageLoaded(Counter.Metadata), Is.False, "not reloaded while too large");
        await adapter.WriteAsync(s => s.Delete(Counter.Metadata, Counter.KeyOf(0)), default);
        all = await adapter.QueryAsync(Counter.Metadata, MatchAll.Instance, null, 0, null, default);
        Assert.That(all.Cast<Counter>().Select(c => c.Id), Is.EqualTo(Enumerable.Range(1, 10)));
        Assert.That(adapter.IsImageLoaded(Counter.Metadata), Is.True, "10 items again: loaded by the query");
    }

    [Test]
    public async Task A_model_past_the_limit_keeps_its_key_hashes_so_new_keys_insert_and_known_keys_still_update()
    {
        await using var adapter = await OpenAsync("hashes.db", limit: 10);
        await UpsertAsync(adapter, Enumerable.Range(0, 11).Select(i => (object)new Counter { Id = i, Value = i }).ToArray());
        Assert.That(adapter.IsImageLoaded(Counter.Metadata), Is.False, "11 items: the items are dropped");
        Assert.That(adapter.IsKnownAbsent(Counter.Metadata, Counter.KeyOf(100)), Is.True, "a key never written is known absent");
        Assert.That(adapter.IsKnownAbsent(Counter.Metadata, Counter.KeyOf(5)), Is.False, "a key held before the drop");

        // New keys (inserted without a lookup), rewrites of held keys, a delete and a re-insert of the deleted key, a
        // key inserted past the limit and rewritten: each must end as one document with its last value.
        await adapter.WriteAsync(s =>
        {
            for (int i = 11; i < 30; i++) s.Upsert(Counter.Metadata, new Counter { Id = i, Value = i });
            return true;
        }, default);
        Assert.That(adapter.IsKnownAbsent(Counter.Metadata, Counter.KeyOf(20)), Is.False, "a key inserted past the limit is added");
        Assert.That(await adapter.WriteAsync(s => s.Upsert(Counter.Metadata, new Counter { Id = 3, Value = 300 }), default), Is.False, "an update");
        Assert.That(await adapter.WriteAsync(s => s.Upsert(Counter.Metadata, new Counter { Id = 20, Value = 2000 }), default), Is.False, "an update");
        Assert.That(await adapter.WriteAsync(s => s.Delete(Counter.Metadata, Counter.KeyOf(7)), default), Is.True);
        Assert.That(await adapter.WriteAsync(s => s.Delete(Counter.Metadata, Counter.KeyOf(100)), default), Is.False, "never held");
        Assert.That(adapter.IsKnownAbsent(Counter.Metadata, Counter.KeyOf(7)), Is.False, "a deleted key's hash stays (a superset is safe)");
        Assert.That(await adapter.WriteAsync(s => s.Upsert(Counter.Metadata, new Counter { Id = 7, Value = 700 }), default), Is.True, "re-inserted");
        await SettleAsync();

        var all = (await adapter.QueryAsync(Counter.Metadata, MatchAll.Instance, null, 0, null, default)).Cast<Counter>().ToArray();
        Assert.That(all.Select(c => c.Id), Is.EqualTo(Enumerable.Range(0, 30)));
        Assert.That(all.Single(c => c.Id == 3).Value, Is.EqualTo(300));
        Assert.That(all.Single(c => c.Id == 20).Value, Is.EqualTo(2000));
        Assert.That(all.Single(c => c.Id == 7).Value, Is.EqualTo(700));
        Assert.That(await adapter.GetAsync(Counter.Metadata, Counter.KeyOf(100), default), Is.Null);

        adapter.InvalidateImages();
        Assert.That(adapter.IsKnownAbsent(Counter.Metadata, Counter.KeyOf(100)), Is.False, "an invalidated image knows nothing");
    }

    [TestCase(1000, true, TestName = "Sync_metadata_arriving_with_a_server_copy_after_local_only_writes_is_kept (image kept)")]
    [TestCase(2, true, TestName = "Sync_metadata_arriving_with_a_server_copy_after_local_only_writes_is_kept (items dropped for size)")]
    [TestCase(1000, false, TestName = "Sync_metadata_set_on_its_own_after_local_only_writes_is_kept (image kept)")]
    [TestCase(2, false, TestName = "Sync_metadata_set_on_its_own_after_local_only_writes_is_kept (items dropped for size)")]
    public async Task Sync_metadata_arriving_after_local_only_writes_is_kept(int limit, bool withServerCopy)
    {
        var file = $"flag-{limit}-{withServerCopy}.db";
        var adapter = await OpenAsync(file, limit);
        try
        {
            // Local-only so far: the image knows no document carries metadata, so saves and deletes do not read them first.
            await UpsertAsync(adapter, new Counter { Id = 1, Value = 1 }, new Counter { Id = 2, Value = 2 }, new Counter { Id = 3, Value = 3 });
            await adapter.WriteAsync(s => s.Delete(Counter.Metadata, Counter.KeyOf(2)), default);
            await adapter.WriteAsync(s => s.Upsert(Counter.Metadata, new Counter { Id = 1, Value = 10 }), default);
            Assert.That(await adapter.WriteAsync(s => s.GetSyncMetadata(Counter.Metadata, Counter.KeyOf(1)), default), Is.Null);

            // The first metadata of the model arrives, and in the same transaction a local save of the record.
            await adapter.WriteAsync(s =>
            {
                if (withServerCopy) s.Upsert(Counter.Metadata, new Counter { Id = 3, Value = 33 }, new SyncMetadata(5, 5000, false));
                else s.SetSyncMetadata(Counter.Metadata, Counter.KeyOf(3), new SyncMetadata(5, 5000, false));
                s.Upsert(Counter.Metadata, new Counter { Id = 3, Value = 30 });
                return 0;
            }, default);
            Assert.That(await adapter.WriteAsync(s => s.GetSyncMetadata(Counter.Metadata, Counter.KeyOf(3)), default), Is.EqualTo((SyncMetadata?)new SyncMetadata(5, 5000, false)), "the save in the same transaction kept it");
            // Later transactions save and delete it: the version outlives both.
            await adapter.WriteAsync(s => s.Upsert(Counter.Metadata, new Counter { Id = 3, Value = 300 }), default);
            Assert.That(await adapter.WriteAsync(s => s.GetSyncMetadata(Counter.Metadata, Counter.KeyOf(3)), default), Is.EqualTo((SyncMetadata?)new SyncMetadata(5, 5000, false)), "a later local save kept it");
            await adapter.WriteAsync(s => s.Upsert(Counter.Metadata, new Counter { Id = 4, Value = 4 }, new SyncMetadata(7, 7000, false)), default);
            await adapter.Writer!.CommitJournaledAsync(default);
        }
        finally
        {
            await adapter.DisposeAsync();
        }

        // Reopened: the image is loaded from the documents, which carry metadata, so it is looked for again.
        await using var reopened = await OpenAsync(file, limit);
        var all = await reopened.QueryAsync(Counter.Metadata, MatchAll.Instance, null, 0, null, default);
        Assert.That(all.Cast<Counter>().Select(c => (c.Id, c.Value)), Is.EqualTo(new[] { (1, (int?)10), (3, (int?)300), (4, (int?)4) }));
        await reopened.WriteAsync(s => s.Upsert(Counter.Metadata, new Counter { Id = 4, Value = 40 }), default);
        await reopened.WriteAsync(s => s.Delete(Counter.Metadata, Counter.KeyOf(3)), default);
        Assert.That(await reopened.WriteAsync(s => (s.Get(Counter.Metadata, Counter.KeyOf(3)), s.GetSyncMetadata(Counter.Metadata, Counter.KeyOf(3)), s.GetSyncMetadata(Counter.Metadata, Counter.KeyOf(4))), default),
            Is.EqualTo(((object?)null, (SyncMetadata?)new SyncMetadata(5, 5000, false), (SyncMetadata?)new SyncMetadata(7, 7000, false))), "after a reopen a delete moves it to a tombstone and a save keeps it");
    }

    [Test]
    public async Task Callers_read_their_own_writes_while_image_loads_race_with_commits()
    {
        const int writers = 6, rounds = 60;
        using var stop = new CancellationTokenSource();
        // Keeps dropping the image so that loads keep racing with the commits below.
        var invalidator = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                LiteDb.InvalidateImages();
                await Task.Yield();
            }
        });
        var loader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested) await Adapter.QueryAsync(Counter.Metadata, MatchAll.Instance, null, 0, null, default);
        });
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (int r = 1; r <= rounds; r++)
            {
                var saved = new Counter { Id = w, Value = r };
                await UpsertAsync(Adapter, saved);
                var all = await Adapter.QueryAsync(Counter.Metadata, MatchAll.Instance, null, 0, null, default);
                Assert.That(all.Cast<Counter>().Single(c => c.Id == w).Value, Is.EqualTo(r), $"writer {w} round {r}: query");
                Assert.That(await Adapter.GetAsync(Counter.Metadata, Counter.KeyOf(w), default), Is.EqualTo(saved), $"writer {w} round {r}: get");
                if (r % 10 == 0)
                {
                    await Adapter.WriteAsync(s => s.Delete(Counter.Metadata, Counter.KeyOf(w)), default);
                    Assert.That(await Adapter.QueryAsync(Counter.Metadata, C("id", PredicateOperator.Eq, I(w)), null, 0, null, default), Is.Empty, $"writer {w} round {r}: delete");
                }
            }
        })));
        stop.Cancel();
        await Task.WhenAll(invalidator, loader);
        var final = await Adapter.QueryAsync(Counter.Metadata, MatchAll.Instance, null, 0, null, default);
        Assert.That(final, Is.Empty, "every writer deleted its counter in its last round");
        await UpsertAsync(new Counter { Id = 99, Value = 1 });
        await Adapter.DisposeAsync();
        var reopened = await OpenAdapterAsync();
        Assert.That(await reopened.QueryAsync(Counter.Metadata, MatchAll.Instance, null, 0, null, default), Is.EqualTo(new[] { new Counter { Id = 99, Value = 1 } }));
    }

    [Test]
    public Task Reads_see_committed_data_only() => AssertReadsSeeCommittedDataOnlyAsync();

    [TestCase(10, TestName = "Large_In_queries_in_a_transaction_match_on_a_small_model (image)")]
    [TestCase(40, TestName = "Large_In_queries_in_a_transaction_match_on_a_big_model (LiteDB index)")]
    public async Task Large_In_queries_in_a_transaction_match(int count)
    {
        await UpsertAsync(Enumerable.Range(0, count).Select(i => (object)new Counter { Id = i, Value = i % 7 }).ToArray());
        var wanted = Enumerable.Range(0, 30).Where(i => i % 2 == 0).Select(i => I(i)).ToArray(); // 15 values, plus a pending one below
        var found = await Adapter.WriteAsync(session =>
        {
            session.Upsert(Counter.Metadata, new Counter { Id = 1000, Value = 1 });
            session.Delete(Counter.Metadata, Counter.KeyOf(2));
            var values = wanted.Append(I(1000)).Append(I(5000)).ToArray();
            return session.Query(Counter.Metadata, C("id", PredicateOperator.In, values)).Cast<Counter>().Select(c => c.Id).Order().ToArray();
        }, default);
        var expected = Enumerable.Range(0, count).Where(i => i % 2 == 0 && i < 30 && i != 2).Append(1000).ToArray();
        Assert.That(found, Is.EqualTo(expected));
    }

    [Test]
    public void A_negative_limit_is_rejected()
        => Assert.That(() => new LiteDbStorageAdapter(new LiteDbOptions { FilePath = "x.db", MemoryImageLimit = -1 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
