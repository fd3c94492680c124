using System;
using System.Collections.Generic;
using System.Linq;
using Amplify.DataStore.Storage;

namespace Amplify.DataStore.Engine;

/// <summary>
/// Queues a local change in the outbox, collapsing it with the record's last pending entry so the server sees the fewest
/// mutations that give the same result (amplify-js's rules, reference §5.4, with two fixes noted below). The entry in
/// flight is never touched: the server may already be applying it.
/// <list type="table">
/// <listheader><term>Last pending entry</term><description>Incoming → result</description></listheader>
/// <item><term>none, or the one in flight</term><description>any → appended</description></item>
/// <item><term>Create</term><description>Delete → both gone (the record never reaches the server)</description></item>
/// <item><term>Create</term><description>Create/Update → the create carries the new data, in its place (a create sends no condition)</description></item>
/// <item><term>Update/Delete, neither conditional</term><description>Update/Delete → one entry of the incoming kind, appended: the
/// older entry's base version, the union of changed fields</description></item>
/// <item><term>Update/Delete, either conditional</term><description>any → appended (amplify-js merges the incoming change into a
/// conditional entry and so drops its condition; the condition must reach the server)</description></item>
/// <item><term>Delete</term><description>Create → appended (a re-create after a delete: the server must see both)</description></item>
/// </list>
/// </summary>
internal static class OutboxCollapse
{
    /// <summary>Queues <paramref name="entry"/>, collapsing it as the table above says.</summary>
    /// <param name="session">The write's transaction.</param>
    /// <param name="entry">The new change's entry.</param>
    /// <param name="inFlightId">The ID of the entry being sent, or null.</param>
    public static void Enqueue(IStorageSession session, OutboxEntry entry, string? inFlightId)
    {
        var last = session.LastOutboxFor(entry.ModelName, entry.ModelKey);
        if (last is null || last.Id == inFlightId)
        {
            session.AppendOutbox(entry);
            return;
        }
        switch (last.Operation, entry.Operation)
        {
            case (OutboxOperation.Create, OutboxOperation.Delete):
                session.RemoveOutbox(last.Id);
                return;
            case (OutboxOperation.Create, _):
                session.ReplaceOutbox(last with { Data = entry.Data });
                return;
            case (OutboxOperation.Delete, OutboxOperation.Create):
                session.AppendOutbox(entry);
                return;
        }
        if (last.Condition is not null || entry.Condition is not null)
        {
            session.AppendOutbox(entry);
            return;
        }
        session.RemoveOutbox(last.Id);
        session.AppendOutbox(entry with
        {
            BaseVersion = last.BaseVersion ?? entry.BaseVersion,
            ChangedFields = entry.Operation == OutboxOperation.Delete ? null : Union(last.ChangedFields, entry.ChangedFields),
        });
    }

    private static IReadOnlyList<string>? Union(IReadOnlyList<string>? older, IReadOnlyList<string>? newer)
        => older is null || newer is null ? null : older.Union(newer, StringComparer.Ordinal).ToArray();
}
