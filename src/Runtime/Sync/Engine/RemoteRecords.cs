using System;
using System.Text;
using System.Text.Json.Nodes;
using Amplify.DataStore.Engine;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Serialization;
using Amplify.DataStore.Storage;

namespace Amplify.DataStore.Sync.Engine;

/// <summary>Reads the records AppSync sends (sync pages, mutation responses, subscription events) into model instances plus their sync metadata.</summary>
internal static class RemoteRecords
{
    /// <summary>The record as a <see cref="RemoteChange"/>; throws <see cref="ModelSerializationException"/> naming the path when it does not fit the model.</summary>
    public static RemoteChange Read(ModelMetadata model, JsonObject record)
    {
        var item = ReadModel(model, record);
        var version = record["_version"] is JsonValue v && v.TryGetValue<long>(out var ver) ? (int)ver : 0;
        var changedAt = record["_lastChangedAt"] is JsonValue c && c.TryGetValue<long>(out var at) ? at : 0;
        var deleted = record["_deleted"] is JsonValue d && d.TryGetValue<bool>(out var del) && del;
        return new RemoteChange(item, deleted, new SyncMetadata(version, changedAt, deleted));
    }

    /// <summary>The record as a model instance (sync fields and anything else the model does not have are skipped).</summary>
    public static object ReadModel(ModelMetadata model, JsonObject record)
    {
        var reader = new JsonModelReader(Encoding.UTF8.GetBytes(record.ToJsonString()));
        var item = model.Codec.Read(reader);
        reader.EnsureEndOfInput();
        return item;
    }

    /// <summary>A queued entry's data as a model instance.</summary>
    public static object ReadEntry(ModelMetadata model, OutboxEntry entry)
        => ReadModel(model, JsonNode.Parse(entry.Data) as JsonObject ?? throw new InvalidOperationException($"Outbox entry {entry.Id} has no item data."));
}
