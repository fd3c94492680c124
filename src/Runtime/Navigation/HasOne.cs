using System;
using System.Collections.Generic;
using Amplify.DataStore.Predicates;

namespace Amplify.DataStore;

/// <summary>
/// A <c>@hasOne</c> navigation: the parent holds the child's key in its foreign-key fields, or (Amplify Gen 2
/// <c>references</c>) the child holds the parent's key in its referencing fields. Holds no loaded data; the store
/// loads the child with <see cref="Predicate"/>.
/// </summary>
/// <typeparam name="TChild">The child model type.</typeparam>
public sealed class HasOne<TChild> : IEquatable<HasOne<TChild>>
    where TChild : class, IModel<TChild>
{
    private readonly string[] _childKeyFields;
    private readonly FieldValue[] _key;

    /// <summary>Creates the navigation.</summary>
    /// <param name="childKeyFields">The child's primary-key fields (or, with references, its referencing fields).</param>
    /// <param name="key">The parent's foreign-key values, or with references its primary-key values (null values mean "no child").</param>
    public HasOne(IReadOnlyList<string> childKeyFields, IReadOnlyList<FieldValue> key)
    {
        ArgumentNullException.ThrowIfNull(childKeyFields);
        ArgumentNullException.ThrowIfNull(key);
        if (childKeyFields.Count != key.Count || key.Count == 0)
        {
            throw new ArgumentException("The child key fields and the key must have the same, non-zero length.");
        }
        _childKeyFields = [.. childKeyFields];
        _key = [.. key];
    }

    /// <summary>True when the parent has no child key set.</summary>
    public bool IsEmpty
    {
        get
        {
            foreach (var v in _key) if (v.IsNull) return true;
            return false;
        }
    }

    /// <summary>The values the child's <c>childKeyFields</c> must hold.</summary>
    public IReadOnlyList<FieldValue> Key => _key;

    /// <summary>The predicate selecting the child (by its primary key, or by its referencing fields).</summary>
    public Predicate<TChild> Predicate => KeyPredicate.Build<TChild>(_childKeyFields, _key);

    /// <inheritdoc/>
    public bool Equals(HasOne<TChild>? other)
        => other is not null && _childKeyFields.AsSpan().SequenceEqual(other._childKeyFields) && _key.AsSpan().SequenceEqual(other._key);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as HasOne<TChild>);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_childKeyFields.Length, _key[0]);

    /// <inheritdoc/>
    public override string ToString() => $"{typeof(TChild).Name} where {Predicate}";
}
