using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Amplify.DataStore;

/// <summary>Creates <see cref="ValueList{T}"/> instances; also the builder behind collection expressions.</summary>
public static class ValueList
{
    /// <summary>A list holding a copy of <paramref name="items"/> (used by <c>ValueList&lt;T&gt; list = [a, b];</c>).</summary>
#if NET9_0_OR_GREATER
    [OverloadResolutionPriority(1)] // C# 13 and later: this one, without allocating a params array.
#endif
    public static ValueList<T> Create<T>(params ReadOnlySpan<T> items)
        => items.IsEmpty ? ValueList<T>.Empty : new ValueList<T>(items.ToArray());

    /// <summary>
    /// A list holding a copy of <paramref name="items"/> (the overload C# 12 and older call: they do not treat
    /// <c>params ReadOnlySpan</c> as params).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public static ValueList<T> Create<T>(params T[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return Create(new ReadOnlySpan<T>(items));
    }

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
