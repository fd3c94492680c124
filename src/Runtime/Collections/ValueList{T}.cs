using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;

namespace Amplify.DataStore;

/// <summary>
/// An immutable list with value equality: two lists are equal when they have the same count and pairwise equal items
/// (<see cref="EqualityComparer{T}.Default"/>). Generated models use it for list fields so that record equality
/// compares list contents. It is a reference type, so <c>ValueList&lt;T&gt;?</c> can mean "no list" as distinct from
/// an empty one. Build one with a collection expression (<c>ValueList&lt;string&gt; tags = ["a", "b"];</c>),
/// <see cref="ValueList.Create{T}(ReadOnlySpan{T})"/> or <see cref="ValueList.From{T}(IEnumerable{T})"/>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public sealed class ValueList<T> : IReadOnlyList<T>, IList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    // Takes ownership: callers pass a fresh array nobody else can mutate.
    internal ValueList(T[] items) => _items = items;

    /// <summary>The shared empty list.</summary>
    public static ValueList<T> Empty { get; } = new(Array.Empty<T>());

    /// <summary>The number of items.</summary>
    public int Count => _items.Length;

    /// <summary>True when there are no items.</summary>
    public bool IsEmpty => _items.Length == 0;

    /// <summary>The item at <paramref name="index"/>.</summary>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    public T this[int index] => _items[index];

    T IList<T>.this[int index]
    {
        get => _items[index];
        set => throw ReadOnly();
    }

    bool ICollection<T>.IsReadOnly => true;

    /// <summary>The items as a read-only span.</summary>
    public ReadOnlySpan<T> AsSpan() => _items;

    /// <summary>The index of the first item equal to <paramref name="item"/>, or -1.</summary>
    public int IndexOf(T item) => Array.IndexOf(_items, item);

    /// <summary>True when an item equals <paramref name="item"/>.</summary>
    public bool Contains(T item) => Array.IndexOf(_items, item) >= 0;

    /// <summary>Copies the items into <paramref name="array"/> starting at <paramref name="arrayIndex"/>.</summary>
    public void CopyTo(T[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);

    /// <summary>Returns a struct enumerator over the items.</summary>
    public Enumerator GetEnumerator() => new(_items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    void IList<T>.Insert(int index, T item) => throw ReadOnly();

    void IList<T>.RemoveAt(int index) => throw ReadOnly();

    void ICollection<T>.Add(T item) => throw ReadOnly();

    void ICollection<T>.Clear() => throw ReadOnly();

    bool ICollection<T>.Remove(T item) => throw ReadOnly();

    /// <summary>True when <paramref name="other"/> has the same count and pairwise equal items.</summary>
    public bool Equals(ValueList<T>? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other._items.Length != _items.Length) return false;
        var comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < _items.Length; i++)
        {
            if (!comparer.Equals(_items[i], other._items[i])) return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    /// <summary>A hash of the items, consistent with <see cref="Equals(ValueList{T})"/>.</summary>
    public override int GetHashCode()
    {
        // Not cached: items may be mutable reference types whose hash can change.
        var hash = new HashCode();
        hash.Add(_items.Length);
        var comparer = EqualityComparer<T>.Default;
        foreach (var item in _items) hash.Add(item, comparer);
        return hash.ToHashCode();
    }

    /// <summary>The items as <c>[a, b, c]</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("[");
        for (int i = 0; i < _items.Length; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(_items[i]?.ToString() ?? "null");
        }
        return text.Append(']').ToString();
    }

    /// <summary>Value equality (null equals only null).</summary>
    public static bool operator ==(ValueList<T>? left, ValueList<T>? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(ValueList<T>? left, ValueList<T>? right) => !(left == right);

    private static NotSupportedException ReadOnly() => new("ValueList<T> is immutable.");

    /// <summary>A struct enumerator, so <c>foreach</c> over a <see cref="ValueList{T}"/> does not allocate.</summary>
    public struct Enumerator
    {
        private readonly T[] _items;
        private int _index;

        internal Enumerator(T[] items)
        {
            _items = items;
            _index = -1;
        }

        /// <summary>The current item.</summary>
        public readonly T Current => _items[_index];

        /// <summary>Advances to the next item.</summary>
        public bool MoveNext() => ++_index < _items.Length;
    }
}
