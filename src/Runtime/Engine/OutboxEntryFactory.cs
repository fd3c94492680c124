using System;
using System.Globalization;
using System.Threading;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Predicates;
using Amplify.DataStore.Serialization;
using Amplify.DataStore.Storage;

namespace Amplify.DataStore.Engine;

/// <summary>Builds outbox entries: time-ordered IDs, the item as <see cref="ModelJson"/> writes it and the condition as AppSync condition JSON.</summary>
internal static class OutboxEntryFactory
{
    private static long s_sequence;

    /// <summary>
    /// The entry for one local write, with the server version of the record it was made on (its base version, from the
    /// record's sync metadata in <paramref name="session"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The condition has a part AppSync's condition input cannot express; thrown
    /// inside the write's transaction, so the write is refused rather than queued with a condition AppSync would reject.</exception>
    public static OutboxEntry Create(IStorageSession session, ModelMetadata model, object item, OutboxOperation operation, PredicateNode? condition)
    {
        var conditionJson = AppSyncConditionWriter.ToJson(model, condition);
        var key = StorageKey.Of(model, item);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        // Millisecond time plus a process-wide sequence: unique and ordered within one store.
        var id = now.ToString("D13", CultureInfo.InvariantCulture) + "-" + Interlocked.Increment(ref s_sequence).ToString("D12", CultureInfo.InvariantCulture);
        return new OutboxEntry(id, model.Name, key.ToModelKey(), operation, ModelJson.Serialize(model.Codec, item), conditionJson, now)
        {
            BaseVersion = session.GetSyncMetadata(model, key)?.Version,
        };
    }
}
