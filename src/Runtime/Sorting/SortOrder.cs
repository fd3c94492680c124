using System;
using System.Collections.Generic;
using System.Linq;

namespace Amplify.DataStore.Sorting;

/// <summary>An ordered list of sort keys (untyped view, e.g. in <see cref="QueryOptions"/>).</summary>
public abstract class SortOrder
{
    private protected SortOrder(IReadOnlyList<SortClause> clauses) => Clauses = clauses ?? throw new ArgumentNullException(nameof(clauses));

    /// <summary>The sort keys, most significant first.</summary>
    public IReadOnlyList<SortClause> Clauses { get; }

    /// <summary>The model type the order was built for.</summary>
    public abstract Type ModelType { get; }
}

/// <summary>An ordered list of sort keys for model <typeparamref name="T"/>, built with the generated <c>T.Sort(...)</c>.</summary>
/// <typeparam name="T">The model type.</typeparam>
public sealed class SortOrder<T> : SortOrder, IEquatable<SortOrder<T>>
    where T : class, IModel<T>
{
    /// <summary>Creates a sort order.</summary>
    public SortOrder(IReadOnlyList<SortClause> clauses) : base(clauses)
    {
    }

    /// <inheritdoc/>
    public override Type ModelType => typeof(T);

    /// <inheritdoc/>
    public bool Equals(SortOrder<T>? other) => other is not null && Clauses.SequenceEqual(other.Clauses);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SortOrder<T>);

    /// <inheritdoc/>
    public override int GetHashCode() => Clauses.Count;

    /// <inheritdoc/>
    public override string ToString() => string.Join(", ", Clauses.Select(c => $"{c.Field} {c.Direction}"));
}
