using Amplify.DataStore.LocalBackend.Data;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Data;

/// <summary>
/// The purge of expired tombstones against writes running at the same time: a key re-created while the purge runs must
/// keep its row in the file, or the next restart loses an acknowledged write.
/// </summary>
public class VersionedStorePurgeTests
{
    private string _directory = null!;

    [SetUp]
    public void SetUp()
    {
        _directory = Path.Combine(Path.GetTempPath(), "ads-purge-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void TearDown()
    {
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    [Test]
    public async Task A_key_re_created_while_the_purge_runs_keeps_its_row_and_survives_a_restart()
    {
        var file = Path.Combine(_directory, "items.db");
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero));
        var persistence = new HoldingPersistence(new LiteDbItemPersistence(file));
        var store = new VersionedStore(persistence, clock, deltaTtl: TimeSpan.FromHours(1), tombstoneTtl: TimeSpan.FromMinutes(1));
        try
        {
            await store.WriteAsync("Post", "k", _ => new Dictionary<string, object?> { ["id"] = "k", ["title"] = "first" });
            await store.WriteAsync("Post", "k", current => new Dictionary<string, object?>(current!) { [SyncFields.Deleted] = true });
            clock.Advance(TimeSpan.FromMinutes(2)); // the tombstone has expired but is still stored
            Assert.That(store.Get("Post", "k"), Is.Null, "an expired tombstone is not served");

            // The re-create's commit reaches the file and then lingers before memory is updated: the window in which a
            // purge that chose the expired tombstone would delete the new row.
            persistence.HoldAfterNextCommit = TimeSpan.FromMilliseconds(400);
            var recreate = Task.Run(() => store.WriteAsync("Post", "k", _ => new Dictionary<string, object?> { ["id"] = "k", ["title"] = "again" }));
            Assert.That(persistence.CommittedAndHolding.Wait(TimeSpan.FromSeconds(10)), Is.True, "the re-create reached the file");
            var purge = Task.Run(store.Purge);
            var (item, written) = await recreate;
            await purge;
            Assert.That(written, Is.True);
            Assert.That(item!["title"], Is.EqualTo("again"));
            Assert.That(store.Get("Post", "k")?["title"], Is.EqualTo("again"), "memory holds the re-created item");
        }
        finally
        {
            store.Dispose();
        }

        var reopened = new VersionedStore(new LiteDbItemPersistence(file), clock, deltaTtl: TimeSpan.FromHours(1), tombstoneTtl: TimeSpan.FromMinutes(1));
        try
        {
            var restored = reopened.Get("Post", "k");
            Assert.That(restored, Is.Not.Null, "the acknowledged re-create survived the restart");
            Assert.That(restored!["title"], Is.EqualTo("again"));
            Assert.That(Convert.ToInt64(restored[SyncFields.Version]), Is.EqualTo(1), "an expired tombstone is gone: the key starts again at version 1");
        }
        finally
        {
            reopened.Dispose();
        }
    }

    /// <summary>The LiteDB persistence, holding the thread after one chosen commit so a test can act in that window.</summary>
    private sealed class HoldingPersistence(IItemPersistence inner) : IItemPersistence
    {
        public TimeSpan? HoldAfterNextCommit { get; set; }

        public ManualResetEventSlim CommittedAndHolding { get; } = new();

        public IEnumerable<(string Model, string Key, IReadOnlyDictionary<string, object?> Item)> LoadItems() => inner.LoadItems();

        public IEnumerable<DeltaEntry> LoadDelta() => inner.LoadDelta();

        public void Commit(IReadOnlyList<ItemWrite> writes)
        {
            inner.Commit(writes);
            if (HoldAfterNextCommit is { } hold)
            {
                HoldAfterNextCommit = null;
                CommittedAndHolding.Set();
                Thread.Sleep(hold);
            }
        }

        public void Purge(IReadOnlyList<(string Model, string Key)> expiredItems, long deltaBeforeSequence) => inner.Purge(expiredItems, deltaBeforeSequence);

        public void Checkpoint() => inner.Checkpoint();

        public void Dispose()
        {
            inner.Dispose();
            CommittedAndHolding.Dispose();
        }
    }
}
