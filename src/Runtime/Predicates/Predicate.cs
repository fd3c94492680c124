using System;
using System.Collections.Generic;
using Amplify.DataStore.Predicates;

namespace Amplify.DataStore;

/// <summary>
/// A typed predicate over model <typeparamref name="T"/>, built with the generated <c>T.Where(...)</c> and combined
/// with <c>&amp;</c>, <c>|</c> and <c>!</c>.
/// </summary>
/// <remarks>
/// With implicit usings, <c>System.Predicate&lt;T&gt;</c> is also in scope: put <c>using Amplify.DataStore;</c> after a
/// file-scoped <c>namespace</c> line (or use <c>var</c>) so <c>Predicate&lt;Post&gt;</c> means this type.
/// </remarks>
/// <typeparam name="T">The model type.</typeparam>
public sealed class Predicate<T> : IEquatable<Predicate<T>>
    where T : class, IModel<T>
{
    /// <summary>Wraps an untyped predicate tree.</summary>
    public Predicate(PredicateNode node) => Node = node ?? throw new ArgumentNullException(nameof(node));

    /// <summary>Matches every item of <typeparamref name="T"/>.</summary>
    public static Predicate<T> All { get; } = new(MatchAll.Instance);

    /// <summary>The untyped tree.</summary>
    public PredicateNode Node { get; }

    /// <summary>True for <see cref="All"/>.</summary>
    public bool IsAll => Node is MatchAll;

    /// <summary>Both predicates match (nested ANDs are flattened).</summary>
    public static Predicate<T> operator &(Predicate<T> left, Predicate<T> right) => Predicate.And(left, right);

    /// <summary>Either predicate matches (nested ORs are flattened).</summary>
    public static Predicate<T> operator |(Predicate<T> left, Predicate<T> right) => Predicate.Or(left, right);

    /// <summary>The predicate does not match.</summary>
    public static Predicate<T> operator !(Predicate<T> operand) => Predicate.Not(operand);

    /// <inheritdoc/>
    public bool Equals(Predicate<T>? other) => other is not null && Node.Equals(other.Node);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Predicate<T>);

    /// <inheritdoc/>
    public override int GetHashCode() => Node.GetHashCode();

    /// <inheritdoc/>
    public override string ToString() => Node.ToString() ?? string.Empty;
}

/// <summary>Combinators for <see cref="Predicate{T}"/>.</summary>
public static class Predicate
{
    /// <summary>All of the predicates match. <c>All</c> operands are dropped; nested ANDs are flattened.</summary>
    public static Predicate<T> And<T>(params Predicate<T>[] predicates) where T : class, IModel<T>
        => Combine(GroupKind.And, predicates);

    /// <summary>Any of the predicates matches. An <c>All</c> operand makes the whole group <c>All</c>; nested ORs are flattened.</summary>
    public static Predicate<T> Or<T>(params Predicate<T>[] predicates) where T : class, IModel<T>
        => Combine(GroupKind.Or, predicates);

    /// <summary>The predicate does not match; <c>Not(Not(p))</c> is <c>p</c>.</summary>
    public static Predicate<T> Not<T>(Predicate<T> predicate) where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(predicate);
        if (predicate.Node is PredicateGroup { Kind: GroupKind.Not } inner) return new Predicate<T>(inner.Children[0]);
        return new Predicate<T>(new PredicateGroup(GroupKind.Not, new[] { predicate.Node }));
    }

    /// <summary>
    /// A condition on a field named at run time, e.g. <c>Predicate.Field&lt;Post&gt;("rating", "gt", 4)</c>: the GraphQL
    /// field name, an AppSync operator name (<c>eq ne le lt ge gt contains notContains beginsWith between in notIn</c>,
    /// as valid for the field's type) and its operands (two for <c>between</c>, one or more for <c>in</c>/<c>notIn</c>).
    /// Prefer the generated <c>T.Where(...)</c> builders, which check all of this at compile time; for constant names
    /// the analyzers do (ADS2002, ADS2003).
    /// </summary>
    /// <exception cref="ArgumentException">The field does not exist, the operator is not valid for its type, or the
    /// operands do not fit.</exception>
    public static Predicate<T> Field<T>(string field, string @operator, params object?[] operands) where T : class, IModel<T>
        => DynamicPredicate.Create<T>(field, @operator, operands);

    private static Predicate<T> Combine<T>(GroupKind kind, Predicate<T>[] predicates) where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(predicates);
        if (predicates.Length == 0) throw new ArgumentException($"{kind} needs at least one predicate.", nameof(predicates));
        var children = new List<PredicateNode>(predicates.Length);
        foreach (var p in predicates)
        {
            ArgumentNullException.ThrowIfNull(p, nameof(predicates));
            if (p.Node is MatchAll)
            {
                // x AND all = x; x OR all = all.
                if (kind == GroupKind.Or) return Predicate<T>.All;
                continue;
            }
            if (p.Node is PredicateGroup g && g.Kind == kind) children.AddRange(g.Children);
            else children.Add(p.Node);
        }
        if (children.Count == 0) return Predicate<T>.All;
        return new Predicate<T>(new PredicateGroup(kind, children.ToArray()));
    }
}
