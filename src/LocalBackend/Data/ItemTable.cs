using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Amplify.DataStore.LocalBackend.Data;

/// <summary>
/// A model's base table: item images by key in ordinal key order, immutable (a write makes a new table that shares
/// all but a path of the old one, so readers scan a snapshot without locks), and able to start a scan after a given
/// key in O(log n): a paginated scan that walked every item before its token's key cost as much per page as all the
/// pages before it.
/// </summary>
internal sealed class ItemTable : IEnumerable<KeyValuePair<string, IReadOnlyDictionary<string, object?>>>
{
    /// <summary>The table without items.</summary>
    public static readonly ItemTable Empty = new(ImmutableSortedSet<KeyValuePair<string, IReadOnlyDictionary<string, object?>>>.Empty.WithComparer(ByKey.Instance));

    // A sorted set rather than a sorted dictionary: only the set can find a key's position and read by position.
    private readonly ImmutableSortedSet<KeyValuePair<string, IReadOnlyDictionary<string, object?>>> _entries;

    private ItemTable(ImmutableSortedSet<KeyValuePair<string, IReadOnlyDictionary<string, object?>>> entries) => _entries = entries;

    public bool TryGetValue(string key, out IReadOnlyDictionary<string, object?> item)
    {
        if (_entries.TryGetValue(Probe(key), out var found))
        {
            item = found.Value;
            return true;
        }
        item = null!;
        return false;
    }

    /// <summary>This table with <paramref name="key"/> holding <paramref name="item"/> (added or replaced).</summary>
    public ItemTable SetItem(string key, IReadOnlyDictionary<string, object?> item) => new(_entries.Remove(Probe(key)).Add(new(key, item)));

    /// <summary>This table without <paramref name="key"/>.</summary>
    public ItemTable Remove(string key) => new(_entries.Remove(Probe(key)));

    /// <summary>The entries whose keys sort after <paramref name="afterKey"/> (all of them when it is null), in key order.</summary>
    public IEnumerable<KeyValuePair<string, IReadOnlyDictionary<string, object?>>> After(string? afterKey)
    {
        if (afterKey is null)
        {
            foreach (var entry in _entries) yield return entry;
            yield break;
        }
        int found = _entries.IndexOf(Probe(afterKey));
        for (int i = found >= 0 ? found + 1 : ~found; i < _entries.Count; i++) yield return _entries[i];
    }

    public IEnumerator<KeyValuePair<string, IReadOnlyDictionary<string, object?>>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static KeyValuePair<string, IReadOnlyDictionary<string, object?>> Probe(string key) => new(key, null!);

    private sealed class ByKey : IComparer<KeyValuePair<string, IReadOnlyDictionary<string, object?>>>
    {
        public static readonly ByKey Instance = new();

        public int Compare(KeyValuePair<string, IReadOnlyDictionary<string, object?>> x, KeyValuePair<string, IReadOnlyDictionary<string, object?>> y)
            => string.CompareOrdinal(x.Key, y.Key);
    }
}
