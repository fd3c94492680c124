using System;
using System.Collections.Generic;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>Skip and limit applied in memory to a filtered, ordered result.</summary>
internal static class ResultPage
{
    /// <summary>The items from <paramref name="skip"/> on, at most <paramref name="limit"/> of them (the list itself when that is all).</summary>
    public static List<object> Of(List<object> items, int skip, int? limit)
    {
        int start = Math.Min(skip, items.Count);
        int count = limit is { } max ? Math.Min(max, items.Count - start) : items.Count - start;
        return start == 0 && count == items.Count ? items : items.GetRange(start, count);
    }
}
