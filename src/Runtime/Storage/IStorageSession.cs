using System.Collections.Generic;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Predicates;

namespace Amplify.DataStore.Storage;

/// <summary>
/// What a write transaction sees: synchronous reads of the current state (including this transaction's own
/// changes) and the mutations to apply. Valid only inside the work passed to <see cref="IStorageAdapter.WriteAsync{T}"/>,
/// on the adapter's writer thread.
/// </summary>
internal interface IStorageSession
{
    /// <summary>The stored item with <paramref name="key"/>, or null.</summary>
    object? Get(ModelMetadata model, StorageKey key);

    /// <summary>The stored items matching <paramref name="predicate"/> (single-segment field paths only).</summary>
    IReadOnlyList<object> Query(ModelMetadata model, PredicateNode predicate);

    /// <summary>Inserts or replaces an item (by its primary key); true when it was inserted, false when it replaced one.</summary>
    bool Upsert(ModelMetadata model, object item);

    /// <summary>
    /// <see cref="Upsert(ModelMetadata, object)"/> of an item the server sent, storing <paramref name="metadata"/> as the
    /// record's sync metadata in the same write (null: keeps what was stored, as a local save does).
    /// </summary>
    bool Upsert(ModelMetadata model, object item, SyncMetadata? metadata);

    /// <summary>Deletes the item with <paramref name="key"/>; false when there was none.</summary>
    bool Delete(ModelMetadata model, StorageKey key);

    /// <summary>Deletes every item of <paramref name="model"/>; returns how many.</summary>
    int DeleteAll(ModelMetadata model);

    /// <summary>
    /// Appends an outbox entry at the end of the queue; returns it with its <see cref="OutboxEntry.Sequence"/>. An entry
    /// ID already queued fails the work.
    /// </summary>
    OutboxEntry AppendOutbox(OutboxEntry entry);

    /// <summary>All outbox entries in queue order (by <see cref="OutboxEntry.Sequence"/>).</summary>
    IReadOnlyList<OutboxEntry> ReadOutbox();

    /// <summary>How many entries are queued.</summary>
    int CountOutbox();

    /// <summary>The head of the queue (the entry to send next), or null when the outbox is empty.</summary>
    OutboxEntry? PeekOutbox();

    /// <summary>
    /// The last queued entry for one record (<paramref name="modelName"/>, <paramref name="modelKey"/>), or null when
    /// none is pending: what a new local change of that record is merged with.
    /// </summary>
    OutboxEntry? LastOutboxFor(string modelName, string modelKey);

    /// <summary>Every queued entry for one record, in queue order (none when nothing is pending for it).</summary>
    IReadOnlyList<OutboxEntry> OutboxFor(string modelName, string modelKey);

    /// <summary>
    /// Replaces the queued entry that has <paramref name="entry"/>'s ID, keeping its place in the queue (a merge);
    /// false when no entry has that ID.
    /// </summary>
    bool ReplaceOutbox(OutboxEntry entry);

    /// <summary>Removes the entry with <paramref name="id"/> (sent, or cancelled by a merge); false when there is none.</summary>
    bool RemoveOutbox(string id);

    /// <summary>Removes every outbox entry.</summary>
    void ClearOutbox();

    /// <summary>The sync metadata of a record (what the server last said about it), or null when it was never synced.</summary>
    SyncMetadata? GetSyncMetadata(ModelMetadata model, StorageKey key);

    /// <summary>True when any record of <paramref name="model"/> has sync metadata (false before its first sync, or after a clear).</summary>
    bool HasSyncMetadata(ModelMetadata model);

    /// <summary>
    /// Stores the sync metadata of a record. It outlives the item (a delete of the item keeps it: a tombstone's version
    /// still matters to later merges and to the delete mutation) and goes only with <see cref="ClearSyncMetadata"/>; a
    /// save of the item without metadata keeps it too.
    /// </summary>
    void SetSyncMetadata(ModelMetadata model, StorageKey key, SyncMetadata metadata);

    /// <summary>Removes every record's sync metadata (a wipe or <c>ClearAsync</c>).</summary>
    void ClearSyncMetadata();

    /// <summary>
    /// Keeps a mutation the server refused for good (unauthorized, invalid) in the dead-letter collection, where the app
    /// can inspect it and retry or discard it; an entry with the same ID is replaced.
    /// </summary>
    void AddFailedMutation(FailedMutation failed);

    /// <summary>The dead-letter collection, oldest failure first.</summary>
    IReadOnlyList<FailedMutation> ReadFailedMutations();

    /// <summary>Removes the failed mutation whose entry ID is <paramref name="id"/>; false when there is none.</summary>
    bool RemoveFailedMutation(string id);

    /// <summary>Empties the dead-letter collection (a wipe or <c>ClearAsync</c>).</summary>
    void ClearFailedMutations();

    /// <summary>A store setting (e.g. the schema version), or null.</summary>
    string? GetSetting(string key);

    /// <summary>Sets a store setting.</summary>
    void SetSetting(string key, string value);

    /// <summary>Removes a store setting (nothing when it is not set).</summary>
    void RemoveSetting(string key);
}
