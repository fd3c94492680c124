using System;
using System.Collections.Generic;

namespace Amplify.DataStore;

/// <summary>Creates <see cref="ValueList{T}"/> instances; also the builder behind collection expressions.</summary>
public static class ValueList
{
    /// <summary>A list holding a copy of <paramref name="items"/> (used by <c>ValueList&lt;T&gt; list = [a, b];</c>).</summary>
    public static ValueList<T> Create<T>(params ReadOnlySpan<T> items)
        => items.IsEmpty ? ValueList<T>.Empty : new ValueList<T>(items.ToArray());

    /// <summary>A list holding a copy of <paramref name="items"/>; returns the same instance when given a <see cref="ValueList{T}"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public static ValueList<T> From<T>(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        switch (items)
        {
            case ValueList<T> list:
                return list;
            case ICollection<T> collection:
                if (collection.Count == 0) return ValueList<T>.Empty;
                var array = new T[collection.Count];
                collection.CopyTo(array, 0);
                return new ValueList<T>(array);
            default:
                var copy = new List<T>(items);
                return copy.Count == 0 ? ValueList<T>.Empty : new ValueList<T>(copy.ToArray());
        }
    }

    /// <summary>The shared empty list.</summary>
    public static ValueList<T> Empty<T>() => ValueList<T>.Empty;
}
