using System;
using System.Collections.Generic;

namespace Amplify.DataStore.LocalBackend.Data;

/// <summary>
/// Helpers for item images: a stored item is a dictionary of attribute name to value (null, string, long, double, bool,
/// a list of values, or a nested dictionary for non-model types). Images are never mutated once stored; a write builds a
/// new one, so readers can hold on to what they read without locks.
/// </summary>
internal static class ItemImage
{
    /// <summary>A mutable copy of <paramref name="item"/>.</summary>
    public static Dictionary<string, object?> Copy(IReadOnlyDictionary<string, object?> item)
    {
        var copy = new Dictionary<string, object?>(item.Count + 4, StringComparer.Ordinal);
        foreach (var (key, value) in item) copy[key] = value;
        return copy;
    }

    /// <summary>The item's version (0 when it has none).</summary>
    public static long VersionOf(IReadOnlyDictionary<string, object?> item)
        => item.TryGetValue(SyncFields.Version, out var v) && v is long l ? l : 0;

    /// <summary>The item's last-changed time in epoch milliseconds.</summary>
    public static long LastChangedAtOf(IReadOnlyDictionary<string, object?> item)
        => item.TryGetValue(SyncFields.LastChangedAt, out var v) && v is long l ? l : 0;

    /// <summary>True when the item is a tombstone.</summary>
    public static bool IsDeleted(IReadOnlyDictionary<string, object?> item)
        => item.TryGetValue(SyncFields.Deleted, out var v) && v is true;

    /// <summary>True when the item is a tombstone whose time to live has passed at <paramref name="nowMs"/>.</summary>
    public static bool IsExpiredTombstone(IReadOnlyDictionary<string, object?> item, long nowMs)
        => IsDeleted(item) && item.TryGetValue(SyncFields.Ttl, out var v) && v is long ttlSeconds && ttlSeconds * 1000 <= nowMs;

    /// <summary>Deep value equality of two attribute values.</summary>
    public static bool ValueEquals(object? a, object? b)
    {
        switch (a)
        {
            case null: return b is null;
            case IReadOnlyDictionary<string, object?> da when b is IReadOnlyDictionary<string, object?> db:
                if (da.Count != db.Count) return false;
                foreach (var (key, value) in da)
                {
                    if (!db.TryGetValue(key, out var other) || !ValueEquals(value, other)) return false;
                }
                return true;
            case IReadOnlyList<object?> la when b is IReadOnlyList<object?> lb:
                if (la.Count != lb.Count) return false;
                for (int i = 0; i < la.Count; i++) if (!ValueEquals(la[i], lb[i])) return false;
                return true;
            default: return a.Equals(b);
        }
    }
}
