using LiteDB;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// The <c>__sync</c> collection: one <c>{ _id: record, v, t, d }</c> document per synced record, where the record is the
/// model name and <see cref="StorageKey.ToModelKey"/> together (as the outbox's record index; see
/// <see cref="OutboxDocuments.RecordOf"/>). Kept apart from the model documents, so items, their codecs and the memory
/// image stay the model's public shape.
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

    /// <summary>The document holding <paramref name="metadata"/> for record <paramref name="id"/>.</summary>
    public static BsonDocument ToDocument(string id, SyncMetadata metadata) => new()
    {
        [DocumentLayout.IdField] = id,
        ["v"] = metadata.Version,
        ["t"] = metadata.LastChangedAtUnixMs,
        ["d"] = metadata.Deleted,
    };
}
