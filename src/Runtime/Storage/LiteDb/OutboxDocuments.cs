using System;
using System.Collections.Generic;
using LiteDB;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// Maps <see cref="OutboxEntry"/> to documents of the <c>__outbox</c> collection: <c>_id</c> is the entry ID (time-ordered,
/// so the primary index is the queue order), the operation is stored by name.
/// </summary>
internal static class OutboxDocuments
{
    /// <summary>The document of an entry.</summary>
    public static BsonDocument ToDocument(OutboxEntry entry) => new()
    {
        [DocumentLayout.IdField] = entry.Id,
        ["model"] = entry.ModelName,
        ["key"] = entry.ModelKey,
        ["operation"] = OperationName(entry.Operation),
        ["data"] = entry.Data,
        ["condition"] = entry.Condition is { } condition ? new BsonValue(condition) : BsonValue.Null,
        ["createdAt"] = entry.CreatedAtUnixMs,
    };

    /// <summary>All entries, oldest (smallest ID) first.</summary>
    public static List<OutboxEntry> ReadAll(LiteDatabase database)
    {
        var entries = new List<OutboxEntry>();
        var documents = database.GetCollection(DocumentLayout.OutboxCollection).Query()
            .OrderBy(BsonExpression.Create(DocumentLayout.PathOf(DocumentLayout.IdField)))
            .ToDocuments();
        foreach (var document in documents) entries.Add(FromDocument(document));
        return entries;
    }

    private static OutboxEntry FromDocument(BsonDocument document) => new(
        document[DocumentLayout.IdField].AsString,
        document["model"].AsString,
        document["key"].AsString,
        ParseOperation(document["operation"].AsString),
        document["data"].AsString,
        document["condition"] is { IsString: true } condition ? condition.AsString : null,
        document["createdAt"].AsInt64);

    private static string OperationName(OutboxOperation operation) => operation switch
    {
        OutboxOperation.Create => nameof(OutboxOperation.Create),
        OutboxOperation.Update => nameof(OutboxOperation.Update),
        OutboxOperation.Delete => nameof(OutboxOperation.Delete),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown outbox operation."),
    };

    private static OutboxOperation ParseOperation(string name) => name switch
    {
        nameof(OutboxOperation.Create) => OutboxOperation.Create,
        nameof(OutboxOperation.Update) => OutboxOperation.Update,
        nameof(OutboxOperation.Delete) => OutboxOperation.Delete,
        _ => throw new InvalidOperationException($"Unknown outbox operation '{name}'."),
    };
}
