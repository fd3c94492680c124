namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>Names of the fields and collections the adapter adds to what the models write.</summary>
internal static class DocumentLayout
{
    /// <summary>The document key: the primary-key value, or an order-preserving composite string.</summary>
    public const string IdField = "_id";

    /// <summary>
    /// A sub-document with a sortable key per top-level AWSDate/AWSTime/AWSDateTime field, so LiteDB can compare and
    /// sort them by instant. GraphQL reserves names starting with <c>__</c>, so it never collides with a model field.
    /// </summary>
    public const string SortKeysField = "__k";

    /// <summary>
    /// A synced item's <see cref="SyncMetadata"/> (<c>{ v, t }</c>), kept in the item's own document so that storing a
    /// synced record is one write, not two. A deleted record's metadata (its tombstone) lives in
    /// <see cref="SyncMetadataCollection"/>, as every record's did before this field existed.
    /// </summary>
    public const string SyncField = "__s";

    /// <summary>True for the top-level names the adapter adds to a model's document (no model field may use them).</summary>
    public static bool IsReserved(string name) => name is IdField or SortKeysField or SyncField;

    /// <summary>The outbox collection.</summary>
    public const string OutboxCollection = "__outbox";

    /// <summary>The key/value settings collection.</summary>
    public const string SettingsCollection = "__settings";

    /// <summary>
    /// The collection of deleted records' <see cref="SyncMetadata"/> (tombstones), one document per record; files written
    /// before <see cref="SyncField"/> also hold live records' metadata here, which is read when their document has none.
    /// </summary>
    public const string SyncMetadataCollection = "__sync";

    /// <summary>The dead-letter collection: mutations the server refused for good, kept for the app to retry or discard.</summary>
    public const string FailedMutationCollection = "__failed";

    /// <summary>The path of a top-level field.</summary>
    public static string PathOf(string field) => "$." + field;

    /// <summary>The path of a temporal field's sortable key.</summary>
    public static string SortKeyPathOf(string field) => "$." + SortKeysField + "." + field;
}
