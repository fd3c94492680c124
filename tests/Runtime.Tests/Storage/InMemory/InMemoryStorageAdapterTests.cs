using Amplify.DataStore.Storage;
using Amplify.DataStore.Storage.InMemory;
using NUnit.Framework;

namespace Amplify.DataStore.Runtime.Tests.Storage.InMemory;

/// <summary>The in-memory adapter passes the same conformance suite as LiteDB (minus durability across reopen).</summary>
[TestFixture]
public class InMemoryStorageAdapterTests : StorageAdapterConformanceTests
{
    private protected override IStorageAdapter CreateAdapter(string directory) => new InMemoryStorageAdapter();

    protected override bool IsDurable => false;
}
