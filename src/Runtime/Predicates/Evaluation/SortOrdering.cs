using System;
using System.Collections.Generic;

namespace Amplify.DataStore.Predicates.Evaluation;

/// <summary>
/// The total order sorting uses on field values: null first, then <see cref="FieldValue.CompareTo"/>; values it cannot
/// compare (different kinds, lists) order by kind, lists element by element, so every sort is deterministic.
/// </summary>
internal static class SortOrdering
{
    /// <summary>Compares two values ascending (null first).</summary>
    public static int Compare(FieldValue left, FieldValue right)
    {
        if (left.IsNull) return right.IsNull ? 0 : -1;
        if (right.IsNull) return 1;
        if (left.CompareTo(right) is { } c) return Math.Sign(c);
        int byRank = Rank(left.Kind).CompareTo(Rank(right.Kind));
        if (byRank != 0) return byRank;
        if (left.Kind == FieldValueKind.List) return CompareLists(left.AsList(), right.AsList());
        return string.CompareOrdinal(left.ToString(), right.ToString());
    }

    private static int CompareLists(IReadOnlyList<FieldValue> left, IReadOnlyList<FieldValue> right)
    {
        int count = Math.Min(left.Count, right.Count);
        for (int i = 0; i < count; i++)
        {
            int c = Compare(left[i], right[i]);
            if (c != 0) return c;
        }
        return left.Count.CompareTo(right.Count);
    }

    // Numbers share a rank because they compare with each other.
    private static int Rank(FieldValueKind kind) => kind switch
    {
        FieldValueKind.Null => 0,
        FieldValueKind.Integer or FieldValueKind.Float => 1,
        FieldValueKind.String => 2,
        FieldValueKind.Boolean => 3,
        FieldValueKind.Date => 4,
        FieldValueKind.Time => 5,
        FieldValueKind.DateTime => 6,
        _ => 7,
    };
}
