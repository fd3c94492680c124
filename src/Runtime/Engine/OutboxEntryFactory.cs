using System;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Serialization;
using Amplify.DataStore.Storage;

namespace Amplify.DataStore.Engine;

/// <summary>Builds outbox entries: time-ordered IDs and the item as AppSync JSON.</summary>
internal static class OutboxEntryFactory
{
    private static long s_sequence;

    public static OutboxEntry Create(ModelMetadata model, object item, OutboxOperation operation, string? condition)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        // Millisecond time plus a process-wide sequence: unique and ordered within one store.
        var id = now.ToString("D13", CultureInfo.InvariantCulture) + "-" + Interlocked.Increment(ref s_sequence).ToString("D12", CultureInfo.InvariantCulture);
        return new OutboxEntry(id, model.Name, StorageKey.Of(model, item).ToModelKey(), operation, ToJson(model, item), condition, now);
    }

    public static string ToJson(ModelMetadata model, object item)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            model.Codec.Write(item, new JsonModelWriter(json));
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
