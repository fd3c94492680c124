using Amplify.DataStore;
using StoreTests.Models;

namespace Amplify.DataStore.Store.Tests;

/// <summary>A fresh LiteDB file per test, deleted afterwards.</summary>
internal sealed class TestDirectory : IDisposable
{
    public TestDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "amplify-store-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name = "store.db") => System.IO.Path.Combine(Path, name);

    public Task<DataStore> OpenAsync(string name = "store.db", Action<DataStoreOptionsBuilder>? configure = null)
        => DataStore.OpenAsync(AmplifyModels.Schema, o =>
        {
            o.UseLiteDb(File(name));
            configure?.Invoke(o);
        });

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { /* best effort */ }
    }
}

internal static class Posts
{
    public static Post New(string title = "My First Post", int rating = 10, PostStatus status = PostStatus.Active)
        => new() { Title = title, Rating = rating, Status = status };
}
