using Amplify.DataStore.Storage;
using Amplify.DataStore.Storage.LiteDb;

namespace Amplify.DataStore.Store.Tests;

/// <summary>Adapters on real files.</summary>
internal static class TestAdapters
{
    public static IStorageAdapter LiteDb(string path) => new LiteDbStorageAdapter(new LiteDbOptions { FilePath = path });
}
