using System;
using System.Buffers;
using System.Text.Json;
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
        => WithUtf8(record, model, static (model, utf8) => Read(model, utf8));

    /// <summary>
    /// The record given as its own UTF-8 JSON object (e.g. a slice of a sync page's body) as a <see cref="RemoteChange"/>;
    /// a record given as a JSON tree is written out and read here too, so both are read by the same code.
    /// </summary>
    public static RemoteChange Read(ModelMetadata model, ReadOnlyMemory<byte> record)
    {
        var item = ReadModel(model, record);
        int version = 0;
        long changedAt = 0;
        bool deleted = false;
        var json = new Utf8JsonReader(record.Span);
        json.Read(); // the record's StartObject (the model reader accepted it)
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            // ValueTextEquals compares the unescaped name.
            bool isVersion = json.ValueTextEquals("_version"u8), isChangedAt = !isVersion && json.ValueTextEquals("_lastChangedAt"u8);
            bool isDeleted = !isVersion && !isChangedAt && json.ValueTextEquals("_deleted"u8);
            json.Read();
            if (isVersion && json.TokenType == JsonTokenType.Number && json.TryGetInt64(out var v)) version = (int)v;
            else if (isChangedAt && json.TokenType == JsonTokenType.Number && json.TryGetInt64(out var at)) changedAt = at;
            else if (isDeleted) deleted = json.TokenType == JsonTokenType.True;
            json.Skip();
        }
        return new RemoteChange(item, deleted, new SyncMetadata(version, changedAt, deleted));
    }

    /// <summary>The record as a model instance (sync fields and anything else the model does not have are skipped).</summary>
    public static object ReadModel(ModelMetadata model, JsonObject record)
        => WithUtf8(record, model, static (model, utf8) => ReadModel(model, utf8));

    private static object ReadModel(ModelMetadata model, ReadOnlyMemory<byte> record)
    {
        var reader = new JsonModelReader(record);
        var item = model.Codec.Read(reader);
        reader.EnsureEndOfInput();
        return item;
    }

    // Writes the record as UTF-8 straight into a per-thread buffer (a sync page reads a thousand records in a row), rather
    // than through a string and a fresh byte array per record; read is done with the bytes when it returns.
    private static T WithUtf8<T>(JsonObject record, ModelMetadata model, Func<ModelMetadata, ReadOnlyMemory<byte>, T> read)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            record.WriteTo(writer);
        }
        try
        {
            return read(model, buffer.WrittenMemory);
        }
        finally
        {
            if (buffer.Capacity > MaxKeptBuffer) t_buffer = null; // one huge record does not pin its buffer for good
        }
    }

    private const int MaxKeptBuffer = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    /// <summary>A queued entry's data as a model instance.</summary>
    public static object ReadEntry(ModelMetadata model, OutboxEntry entry)
        => ReadModel(model, JsonNode.Parse(entry.Data) as JsonObject ?? throw new InvalidOperationException($"Outbox entry {entry.Id} has no item data."));
}
