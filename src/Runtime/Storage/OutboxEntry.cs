using System.Collections.Generic;

namespace Amplify.DataStore.Storage;

/// <summary>
/// A local mutation waiting to be sent to AppSync. Written in the same transaction as the model change it records,
/// so an acknowledged write always has its outbox entry (the sync engine drains and collapses them).
/// </summary>
/// <param name="Id">A unique, time-ordered entry ID.</param>
/// <param name="ModelName">The model's GraphQL name.</param>
/// <param name="ModelKey">The item's key as unambiguous text (<see cref="StorageKey.ToModelKey"/>).</param>
/// <param name="Operation">Create, update or delete.</param>
/// <param name="Data">The item as AppSync JSON (for deletes: the deleted item).</param>
/// <param name="Condition">The condition of a conditional update or delete, as AppSync condition JSON (a <c>Model…ConditionInput</c>); null otherwise (a create never carries one).</param>
/// <param name="CreatedAtUnixMs">When the entry was written.</param>
public sealed record OutboxEntry(
    string Id,
    string ModelName,
    string ModelKey,
    OutboxOperation Operation,
    string Data,
    string? Condition,
    long CreatedAtUnixMs)
{
    /// <summary>
    /// The entry's place in the queue: assigned by the storage when the entry is appended (one more than the last queued
    /// entry), stored with it, and kept when the entry is replaced. Never derived from the clock, so a clock that steps
    /// back cannot reorder the queue. 0 until appended.
    /// </summary>
    public long Sequence { get; init; }

    /// <summary>
    /// The server version (<c>_version</c>) of the record this change was made on, from its
    /// <see cref="SyncMetadata"/> when the entry was written; null for a record the server has not sent yet. The sync
    /// engine sends it as the mutation's <c>_version</c>.
    /// </summary>
    public int? BaseVersion { get; init; }

    /// <summary>
    /// For an update: the fields (GraphQL names) this change set, as the store saw them differ from the stored item, so the
    /// sync engine sends only those (plus the keys and <c>_version</c>), as AppSync expects; merged entries carry the
    /// union. Null means every field (creates, deletes, and updates whose stored item was not known).
    /// </summary>
    public IReadOnlyList<string>? ChangedFields { get; init; }
}
