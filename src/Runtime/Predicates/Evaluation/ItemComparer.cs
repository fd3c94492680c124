using System;
using System.Collections.Generic;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Sorting;

namespace Amplify.DataStore.Predicates.Evaluation;

/// <summary>
/// Orders materialized models the way every storage adapter must: by the sort clauses (null first ascending, last
/// descending; numbers numerically, strings ordinally, AWSDate/AWSTime/AWSDateTime by instant then text, false before
/// true), then by the primary-key fields ascending, so the order is total and paging is stable.
/// </summary>
internal static class ItemComparer
{
    /// <summary>A comparer for items of <paramref name="model"/> under <paramref name="sort"/> (null or empty: key order).</summary>
    public static IComparer<object> Create(ModelMetadata model, IReadOnlyList<SortClause>? sort)
    {
        ArgumentNullException.ThrowIfNull(model);
        var keys = new List<(string Field, bool Descending)>();
        if (sort is not null)
        {
            foreach (var clause in sort)
            {
                ArgumentNullException.ThrowIfNull(clause, nameof(sort));
                keys.Add((clause.Field, clause.Direction == SortDirection.Descending));
            }
        }
        foreach (var field in model.PrimaryKey.Fields) keys.Add((field, false));
        return new Comparer(model.Codec, keys.ToArray());
    }

    private sealed class Comparer(IModelCodec codec, (string Field, bool Descending)[] keys) : IComparer<object>
    {
        public int Compare(object? x, object? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x is null) return -1;
            if (y is null) return 1;
            foreach (var (field, descending) in keys)
            {
                int c = SortOrdering.Compare(codec.GetFieldValue(x, field), codec.GetFieldValue(y, field));
                if (c != 0) return descending ? -c : c;
            }
            return 0;
        }
    }
}
