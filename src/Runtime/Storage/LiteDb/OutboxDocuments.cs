using System;
using System.Collections.Generic;
using System.Linq;
using LiteDB;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// Maps <see cref="OutboxEntry"/> to documents of the <c>__outbox</c> collection: <c>_id</c> is the entry ID, <c>seq</c>
/// the queue position (indexed: the queue order), <c>record</c> the model and key together (indexed: "pending for this
/// record?"), the operation is stored by name.
/// </summary>
internal static class OutboxDocuments
{
    private const string SequenceField = "seq";
    private const string RecordField = "record";
    private static readonly BsonExpression s_bySequence = BsonExpression.Create("$." + SequenceField);

    // The record goes in as a parameter: LiteDB caches a parsed expression by its text, so Query.EQ (the value written
    // into the text) parsed a new expression for every record (~1-3 ms each, and one more cache entry per record), which
    // made the "pending for this record?" check of every synced record the bulk of a base sync.
    private const string ByRecord = "$." + RecordField + " = @0";

    /// <summary>Creates the queue-order and per-record indexes (idempotent).</summary>
    public static void EnsureIndexes(LiteDatabase database)
    {
        var collection = database.GetCollection(DocumentLayout.OutboxCollection);
        collection.EnsureIndex(SequenceField, s_bySequence, unique: false);
        collection.EnsureIndex(RecordField, BsonExpression.Create("$." + RecordField), unique: false);
    }

    /// <summary>
    /// The record an entry is about, as one indexed value. Model names are GraphQL names (no control characters), so
    /// the separator cannot occur in them and no two (model, key) pairs give the same value.
    /// </summary>
    public static string RecordOf(string modelName, string modelKey) => modelName + "\u001f" + modelKey;

    /// <summary>The document of an entry.</summary>
    public static BsonDocument ToDocument(OutboxEntry entry) => new()
    {
        [DocumentLayout.IdField] = entry.Id,
        [SequenceField] = entry.Sequence,
        [RecordField] = RecordOf(entry.ModelName, entry.ModelKey),
        ["model"] = entry.ModelName,
        ["key"] = entry.ModelKey,
        ["operation"] = OperationName(entry.Operation),
        ["data"] = entry.Data,
        ["condition"] = entry.Condition is { } condition ? new BsonValue(condition) : BsonValue.Null,
        ["createdAt"] = entry.CreatedAtUnixMs,
        ["base"] = entry.BaseVersion is { } version ? new BsonValue(version) : BsonValue.Null,
        ["changed"] = entry.ChangedFields is { } fields ? new BsonArray(fields.Select(f => new BsonValue(f))) : BsonValue.Null,
    };

    /// <summary>Every entry for a record, in queue order.</summary>
    public static List<OutboxEntry> AllFor(LiteDatabase database, string modelName, string modelKey)
    {
        var entries = new List<OutboxEntry>();
        foreach (var document in database.GetCollection(DocumentLayout.OutboxCollection).Find(BsonExpression.Create(ByRecord, new BsonValue(RecordOf(modelName, modelKey)))))
        {
            entries.Add(FromDocument(document));
        }
        entries.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        return entries;
    }

    /// <summary>The document of a failed mutation in the dead-letter collection: the entry's fields plus why and when it failed.</summary>
    public static BsonDocument ToFailedDocument(FailedMutation failed)
    {
        var document = ToDocument(failed.Mutation);
        document["errorType"] = failed.ErrorType;
        document["message"] = failed.Message;
        document["failedAt"] = failed.FailedAtUnixMs;
        return document;
    }

    /// <summary>Reads a dead-letter document.</summary>
    public static FailedMutation FromFailedDocument(BsonDocument document)
        => new(FromDocument(document), document["errorType"].AsString, document["message"].AsString, document["failedAt"].AsInt64);

    /// <summary>All entries in queue order (sequence; entries written before sequences existed come first, by ID).</summary>
    public static List<OutboxEntry> ReadAll(LiteDatabase database)
    {
        var entries = new List<OutboxEntry>();
        foreach (var document in database.GetCollection(DocumentLayout.OutboxCollection).FindAll()) entries.Add(FromDocument(document));
        entries.Sort(static (a, b) => a.Sequence != b.Sequence ? a.Sequence.CompareTo(b.Sequence) : string.CompareOrdinal(a.Id, b.Id));
        return entries;
    }

    /// <summary>The head of the queue, or null.</summary>
    public static OutboxEntry? First(LiteDatabase database)
        => database.GetCollection(DocumentLayout.OutboxCollection).Query().OrderBy(s_bySequence).Limit(1).FirstOrDefault() is { } document
            ? FromDocument(document) : null;

    /// <summary>The sequence the next appended entry gets: one more than the last queued one (1 for an empty queue).</summary>
    public static long NextSequence(LiteDatabase database)
        => database.GetCollection(DocumentLayout.OutboxCollection).Query().OrderByDescending(s_bySequence).Limit(1).FirstOrDefault() is { } last
            ? SequenceOf(last) + 1 : 1;

    /// <summary>The last queued entry for a record, or null.</summary>
    public static OutboxEntry? LastFor(LiteDatabase database, string modelName, string modelKey)
    {
        OutboxEntry? last = null;
        var documents = database.GetCollection(DocumentLayout.OutboxCollection)
            .Find(BsonExpression.Create(ByRecord, new BsonValue(RecordOf(modelName, modelKey))));
        foreach (var document in documents)
        {
            var entry = FromDocument(document);
            if (last is null || entry.Sequence > last.Sequence) last = entry;
        }
        return last;
    }

    /// <summary>The entry with <paramref name="id"/>, or null.</summary>
    public static OutboxEntry? Find(LiteDatabase database, string id)
        => database.GetCollection(DocumentLayout.OutboxCollection).FindById(id) is { } document ? FromDocument(document) : null;

    private static long SequenceOf(BsonDocument document) => document[SequenceField] is { IsNumber: true } seq ? seq.AsInt64 : 0;

    private static OutboxEntry FromDocument(BsonDocument document) => new(
        document[DocumentLayout.IdField].AsString,
        document["model"].AsString,
        document["key"].AsString,
        ParseOperation(document["operation"].AsString),
        document["data"].AsString,
        document["condition"] is { IsString: true } condition ? condition.AsString : null,
        document["createdAt"].AsInt64)
    {
        Sequence = SequenceOf(document),
        BaseVersion = document["base"] is { IsInt32: true } version ? version.AsInt32 : null,
        ChangedFields = document["changed"] is { IsArray: true } changed ? changed.AsArray.Select(f => f.AsString).ToArray() : null,
    };

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
