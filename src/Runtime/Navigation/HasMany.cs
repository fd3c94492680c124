using System;
using System.Collections.Generic;
using Amplify.DataStore.Predicates;

namespace Amplify.DataStore;

/// <summary>
/// A <c>@hasMany</c> navigation: which <typeparamref name="TChild"/> items belong to a parent. It holds no loaded
/// data (so models stay immutable values); the store loads it with <see cref="Predicate"/>.
/// </summary>
/// <typeparam name="TChild">The child model type.</typeparam>
public sealed class HasMany<TChild> : IEquatable<HasMany<TChild>>
    where TChild : class, IModel<TChild>
{
    private readonly string[] _childKeyFields;
    private readonly FieldValue[] _parentKey;

    /// <summary>Creates the navigation for a parent key.</summary>
    /// <param name="childKeyFields">The foreign-key fields on the child, in the parent key's order.</param>
    /// <param name="parentKey">The parent's primary-key values.</param>
    public HasMany(IReadOnlyList<string> childKeyFields, IReadOnlyList<FieldValue> parentKey)
    {
        ArgumentNullException.ThrowIfNull(childKeyFields);
        ArgumentNullException.ThrowIfNull(parentKey);
        if (childKeyFields.Count != parentKey.Count || childKeyFields.Count == 0)
        {
            throw new ArgumentException("The child key fields and the parent key must have the same, non-zero length.");
        }
        _childKeyFields = [.. childKeyFields];
        _parentKey = [.. parentKey];
    }

    /// <summary>The foreign-key fields on the child.</summary>
    public IReadOnlyList<string> ChildKeyFields => _childKeyFields;

    /// <summary>The parent's key values.</summary>
    public IReadOnlyList<FieldValue> ParentKey => _parentKey;

    /// <summary>The predicate selecting the children: every foreign-key field equals the parent's key.</summary>
    public Predicate<TChild> Predicate => KeyPredicate.Build<TChild>(_childKeyFields, _parentKey);

    /// <inheritdoc/>
    public bool Equals(HasMany<TChild>? other)
        => other is not null && _childKeyFields.AsSpan().SequenceEqual(other._childKeyFields) && _parentKey.AsSpan().SequenceEqual(other._parentKey);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as HasMany<TChild>);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_childKeyFields.Length, _parentKey.Length > 0 ? _parentKey[0] : default);

    /// <inheritdoc/>
    public override string ToString() => $"{typeof(TChild).Name} where {Predicate}";
}
