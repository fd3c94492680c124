using Amplify.DataStore.Storage;
using Amplify.DataStore.Storage.LiteDb;

namespace Amplify.DataStore.Runtime.Tests.Storage.LiteDb;

/// <summary>
/// The conformance suite on a LiteDB file without the write journal: every batch is acknowledged after its own LiteDB
/// commit (as with an encrypted file).
/// </summary>
public class LiteDbCommitPerBatchTests : StorageAdapterConformanceTests
{
    private protected override IStorageAdapter CreateAdapter(string directory)
        => new LiteDbStorageAdapter(new LiteDbOptions { FilePath = Path.Combine(directory, "store.db"), MemoryImageLimit = 0, UseWriteJournal = false });

    [Test]
    public async Task EveryBatchThatWrites_IsCommittedBeforeItIsAcknowledged_AndNoJournalFileExists()
    {
        var adapter = (LiteDbStorageAdapter)Adapter;
        var writer = adapter.Writer!;
        long commits = writer.Commits;
        await UpsertAsync(new Models.Counter { Id = 1 });
        await UpsertAsync(new Models.Counter { Id = 2 });
        Assert.Multiple(() =>
        {
            Assert.That(writer.Commits - commits, Is.EqualTo(2));
            Assert.That(writer.JournalAppends, Is.Zero);
            Assert.That(writer.HasUncommitted, Is.False);
            Assert.That(File.Exists(adapter.JournalPath), Is.False);
        });
    }
}
