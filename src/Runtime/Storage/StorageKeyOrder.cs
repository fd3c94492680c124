using System;
using System.Collections.Generic;
using Amplify.DataStore.Predicates.Evaluation;

namespace Amplify.DataStore.Storage;

/// <summary>
/// Orders storage keys value by value with <see cref="SortOrdering"/>: exactly the primary-key tie-break of
/// <see cref="ItemComparer"/>, so items kept in this order are already in the order of an unsorted query.
/// </summary>
internal sealed class StorageKeyOrder : IComparer<StorageKey>
{
    /// <summary>The one instance.</summary>
    public static readonly StorageKeyOrder Instance = new();

    private StorageKeyOrder()
    {
    }

    /// <inheritdoc/>
    public int Compare(StorageKey? x, StorageKey? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        // The common key, one ID string: SortOrdering orders two strings ordinally, so compare them directly.
        if (x.SingleString is { } a && y.SingleString is { } b) return Math.Sign(string.CompareOrdinal(a, b));
        var left = x.Values;
        var right = y.Values;
        int count = left.Count < right.Count ? left.Count : right.Count;
        for (int i = 0; i < count; i++)
        {
            int c = SortOrdering.Compare(left[i], right[i]);
            if (c != 0) return c;
        }
        return left.Count.CompareTo(right.Count);
    }
}
