using LiteDB;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// Where <see cref="SyncMetadata"/> is stored: a live synced item's in its own document, as <c>__s: { v, t }</c> (one write
/// per record; the codecs and the memory image never see it); a deleted record's as a tombstone in the <c>__sync</c>
/// collection, one <c>{ _id: record, v, t, d }</c> document per record, where the record is the model name and
/// <see cref="StorageKey.ToModelKey"/> together (as the outbox's record index; see <see cref="OutboxDocuments.RecordOf"/>).
/// Files written before <c>__s</c> existed hold every record's metadata in <c>__sync</c>; it is still read there when a
/// document has none, so they need no migration.
/// </summary>
internal static class SyncMetadataDocuments
{
    /// <summary>The document ID of a record.</summary>
    public static string IdOf(string modelName, StorageKey key) => OutboxDocuments.RecordOf(modelName, key.ToModelKey());

    /// <summary>The metadata of a record, or null when it was never synced.</summary>
    public static SyncMetadata? Get(LiteDatabase database, string id)
        => database.GetCollection(DocumentLayout.SyncMetadataCollection).FindById(id) is { } document
            ? new SyncMetadata(document["v"].AsInt32, document["t"].AsInt64, document["d"].AsBoolean)
            : null;

    /// <summary>The <c>__s</c> value of a live item's document.</summary>
    public static BsonDocument ToField(SyncMetadata metadata) => new()
    {
        ["v"] = metadata.Version,
        ["t"] = metadata.LastChangedAtUnixMs,
    };

    /// <summary>The metadata an item's <c>__s</c> value holds.</summary>
    public static SyncMetadata FromField(BsonValue field)
        => new(field["v"].AsInt32, field["t"].AsInt64, Deleted: false);

    /// <summary>The tombstone document holding <paramref name="metadata"/> for record <paramref name="id"/>.</summary>
    public static BsonDocument ToDocument(string id, SyncMetadata metadata) => new()
    {
        [DocumentLayout.IdField] = id,
        ["v"] = metadata.Version,
        ["t"] = metadata.LastChangedAtUnixMs,
        ["d"] = metadata.Deleted,
    };
}
