namespace Amplify.DataStore.Runtime.Tests.Storage;

/// <summary>A fixture base giving each test a fresh directory (deleted after it) and a database file path in it.</summary>
public abstract class StorageDirectoryTests
{
    /// <summary>The per-test directory.</summary>
    protected string DirectoryPath { get; private set; } = null!;

    /// <summary>The database file the test opens (<c>store.db</c> in <see cref="DirectoryPath"/>).</summary>
    protected string FilePath => Path.Combine(DirectoryPath, "store.db");

    [SetUp]
    public void CreateStorageDirectory() => DirectoryPath = StorageTestDirectory.Create();

    [TearDown]
    public void DeleteStorageDirectory() => StorageTestDirectory.Delete(DirectoryPath);
}
