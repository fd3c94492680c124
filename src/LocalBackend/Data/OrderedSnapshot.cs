using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Amplify.DataStore.LocalBackend.Data;

/// <summary>
/// One base-table snapshot as arrays in key order, so a page can start after its token's key by binary search: the
/// immutable sorted dictionary cannot seek, and walking every item before the key made each page of a paginated scan
/// cost as much as all the pages before it. Built once per snapshot (on the first scan after a write) and shared by
/// readers; it holds references to the snapshot's own keys and items only, so it adds two arrays of the table's size.
/// </summary>
internal sealed class OrderedSnapshot
{
    private readonly string[] _keys;
    private readonly IReadOnlyDictionary<string, object?>[] _items;

    public OrderedSnapshot(ImmutableSortedDictionary<string, IReadOnlyDictionary<string, object?>> source)
    {
        Source = source;
        _keys = new string[source.Count];
        _items = new IReadOnlyDictionary<string, object?>[source.Count];
        int i = 0;
        foreach (var (key, item) in source)
        {
            _keys[i] = key;
            _items[i] = item;
            i++;
        }
    }

    /// <summary>The snapshot these arrays were built from (ordered by <see cref="StringComparer.Ordinal"/>).</summary>
    public ImmutableSortedDictionary<string, IReadOnlyDictionary<string, object?>> Source { get; }

    /// <summary>The entries whose keys sort after <paramref name="afterKey"/> (all of them when it is null), in key order.</summary>
    public IEnumerable<KeyValuePair<string, IReadOnlyDictionary<string, object?>>> After(string? afterKey)
    {
        int start = 0;
        if (afterKey is not null)
        {
            int found = Array.BinarySearch(_keys, afterKey, StringComparer.Ordinal);
            start = found >= 0 ? found + 1 : ~found;
        }
        for (int i = start; i < _keys.Length; i++) yield return new(_keys[i], _items[i]);
    }
}
