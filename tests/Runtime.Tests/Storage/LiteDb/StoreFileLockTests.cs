using Amplify.DataStore.Predicates;
using Amplify.DataStore.Storage;
using Amplify.DataStore.Storage.LiteDb;
using Amplify.DataStore.Runtime.Tests.Storage.Models;

namespace Amplify.DataStore.Runtime.Tests.Storage.LiteDb;

/// <summary>
/// A store owns its file while open: a second adapter on it is refused with a <see cref="DataStoreException"/> naming the
/// file, whatever path reaches it (symbolic links of the directory or the file, <c>..</c>), and the file is free again
/// once the owner is disposed. (Other processes: <c>tests/Store.Tests/Storage/LiteDb/FileOwnershipTests.cs</c>.)
/// </summary>
public class StoreFileLockTests : StorageDirectoryTests
{
    private static LiteDbStorageAdapter Adapter(string path) => new(new LiteDbOptions { FilePath = path });

    private static async Task<LiteDbStorageAdapter> OpenAsync(string path)
    {
        var adapter = Adapter(path);
        await adapter.OpenAsync(StorageTestSchema.Instance, default);
        return adapter;
    }

    private static void AssertRefused(string path, string realPath)
    {
        var second = Adapter(path);
        var error = Assert.ThrowsAsync<DataStoreException>(async () => await second.OpenAsync(StorageTestSchema.Instance, default));
        Assert.That(error!.Message, Does.Contain(realPath).And.Contain("in use"));
    }

    [Test]
    public async Task TheSamePath_IsRefused_UntilTheOwnerIsDisposed()
    {
        var owner = await OpenAsync(FilePath);
        AssertRefused(FilePath, FilePath);
        AssertRefused(FilePath, FilePath); // a refusal leaves no claim behind
        await owner.DisposeAsync();
        await using var next = await OpenAsync(FilePath);
        await next.WriteAsync(s => s.Upsert(Counter.Metadata, new Counter { Id = 1, Value = 1 }), default);
        Assert.That(File.Exists(FilePath + ".lock"), Is.True, "the lock file stays next to the database");
    }

    [Test]
    public async Task ThroughASymlinkedDirectory_TheFileIsRecognized()
    {
        var dir = Directory.CreateDirectory(Path.Combine(DirectoryPath, "dir")).FullName;
        var link = Path.Combine(DirectoryPath, "link");
        Directory.CreateSymbolicLink(link, dir);
        var real = Path.Combine(dir, "two.db");
        await using var owner = await OpenAsync(real);
        AssertRefused(Path.Combine(link, "two.db"), real);
        // A relative link target and ".." after the link resolve like the OS does.
        var relative = Path.Combine(DirectoryPath, "relative");
        Directory.CreateSymbolicLink(relative, "dir");
        AssertRefused(Path.Combine(relative, "..", "dir", ".", "two.db"), real);
        AssertRefused(Path.Combine(relative, "two.db"), real);
    }

    [Test]
    public async Task ThroughASymlinkToTheFile_OrALinkChain_TheFileIsRecognized()
    {
        await using var owner = await OpenAsync(FilePath);
        var fileLink = Path.Combine(DirectoryPath, "alias.db");
        File.CreateSymbolicLink(fileLink, FilePath);
        var chain = Path.Combine(DirectoryPath, "chain.db");
        File.CreateSymbolicLink(chain, fileLink);
        AssertRefused(fileLink, FilePath);
        AssertRefused(chain, FilePath);
    }

    [Test]
    public async Task ADotDotPath_IsTheSameFile()
    {
        Directory.CreateDirectory(Path.Combine(DirectoryPath, "sub"));
        await using var owner = await OpenAsync(FilePath);
        AssertRefused(Path.Combine(DirectoryPath, "sub", "..", "store.db"), FilePath);
    }

    [Test]
    public void RealPath_FollowsLinks_AndKeepsComponentsThatDoNotExistYet()
    {
        var dir = Directory.CreateDirectory(Path.Combine(DirectoryPath, "data")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(DirectoryPath, "l"), dir);
        Assert.That(RealPath.Resolve(Path.Combine(DirectoryPath, "l", "new", "x.db")), Is.EqualTo(Path.Combine(dir, "new", "x.db")));
        var loop = Path.Combine(DirectoryPath, "loop");
        File.CreateSymbolicLink(loop, loop);
        Assert.That(() => RealPath.Resolve(loop), Throws.InstanceOf<IOException>().With.Message.Contains("symbolic links"));
    }

    [Test]
    public async Task LockFileHeld_ByAnotherHandle_IsRefused_NamingTheLockFile()
    {
        // What another process holding the file looks like from here: the OS lock on the sidecar is taken.
        using (var held = new FileStream(FilePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var adapter = Adapter(FilePath);
            var error = Assert.ThrowsAsync<DataStoreException>(async () => await adapter.OpenAsync(StorageTestSchema.Instance, default));
            Assert.That(error!.Message, Does.Contain("in use by another process").And.Contain(FilePath + ".lock"));
            Assert.That(File.Exists(FilePath), Is.False, "a refused store does not touch the database");
        }
        await using var owner = await OpenAsync(FilePath);
        Assert.That(await owner.QueryAsync(Counter.Metadata, MatchAll.Instance, null, 0, null, default), Is.Empty);
    }
}
