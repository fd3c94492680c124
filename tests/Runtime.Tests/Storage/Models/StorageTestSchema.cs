using Amplify.DataStore.Metadata;

namespace Amplify.DataStore.Runtime.Tests.Storage.Models;

/// <summary>The schema of the storage test models.</summary>
public static class StorageTestSchema
{
    public static ModelSchema Instance { get; } = new(
        "storage-tests-1",
        [Counter.Metadata, Item.Metadata, Order.Metadata, Owner.Metadata],
        [],
        [new EnumMetadata { Name = "ItemStatus", Values = ["ACTIVE", "ARCHIVED", "DRAFT"] }]);
}
