namespace Amplify.DataStore.LocalBackend.Data;

/// <summary>The metadata attributes a versioned data source keeps on every item (AppSync's names).</summary>
internal static class SyncFields
{
    /// <summary>Version counter: 1 on create, +1 per accepted write.</summary>
    public const string Version = "_version";

    /// <summary>Epoch milliseconds of the last accepted write.</summary>
    public const string LastChangedAt = "_lastChangedAt";

    /// <summary>Tombstone flag.</summary>
    public const string Deleted = "_deleted";

    /// <summary>Epoch seconds when a tombstone leaves the base table.</summary>
    public const string Ttl = "_ttl";

    /// <summary>The model name, as AppSync's resolvers store it.</summary>
    public const string TypeName = "__typename";

    /// <summary>True for the attributes a client may never set.</summary>
    public static bool IsMetadata(string name) => name is Version or LastChangedAt or Deleted or Ttl or TypeName;
}
