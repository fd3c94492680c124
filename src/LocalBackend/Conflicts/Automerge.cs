using System;
using System.Collections.Generic;
using Amplify.DataStore.LocalBackend.Data;

namespace Amplify.DataStore.LocalBackend.Conflicts;

/// <summary>
/// AppSync's AUTOMERGE rules, applied when a write's version is stale: scalars keep the server's value; lists are
/// concatenated (server first, duplicates kept; GraphQL lists are stored as DynamoDB lists, not sets); maps merge
/// recursively; a field the server lacks (or holds as null) takes the incoming value; omitted fields stay.
/// </summary>
internal static class Automerge
{
    /// <summary>The merged image: <paramref name="existing"/> with the <paramref name="incoming"/> attributes merged in.</summary>
    public static Dictionary<string, object?> Merge(IReadOnlyDictionary<string, object?> existing, IReadOnlyDictionary<string, object?> incoming)
    {
        var merged = ItemImage.Copy(existing);
        foreach (var (name, value) in incoming)
        {
            if (SyncFields.IsMetadata(name)) continue;
            merged[name] = MergeValue(existing.TryGetValue(name, out var current) ? current : null, value);
        }
        return merged;
    }

    private static object? MergeValue(object? server, object? incoming)
    {
        switch (server)
        {
            case null:
                return incoming;
            case IReadOnlyList<object?> serverList when incoming is IReadOnlyList<object?> incomingList:
            {
                var list = new List<object?>(serverList.Count + incomingList.Count);
                list.AddRange(serverList);
                list.AddRange(incomingList);
                return list;
            }
            case IReadOnlyDictionary<string, object?> serverMap when incoming is IReadOnlyDictionary<string, object?> incomingMap:
            {
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (k, v) in serverMap) map[k] = v;
                foreach (var (k, v) in incomingMap) map[k] = MergeValue(serverMap.TryGetValue(k, out var s) ? s : null, v);
                return map;
            }
            default:
                return server;
        }
    }
}
