using System;
using System.Collections.Generic;
using System.Linq;

namespace Amplify.DataStore.Predicates;

/// <summary>An AND, OR or NOT group of predicates.</summary>
public sealed class PredicateGroup : PredicateNode, IEquatable<PredicateGroup>
{
    /// <summary>Creates a group.</summary>
    public PredicateGroup(GroupKind kind, IReadOnlyList<PredicateNode> children)
    {
        ArgumentNullException.ThrowIfNull(children);
        if (kind == GroupKind.Not && children.Count != 1)
        {
            throw new ArgumentException("A NOT group has exactly one child.", nameof(children));
        }
        Kind = kind;
        Children = children;
    }

    /// <summary>And, Or or Not.</summary>
    public GroupKind Kind { get; }

    /// <summary>The grouped predicates (one for Not).</summary>
    public IReadOnlyList<PredicateNode> Children { get; }

    /// <inheritdoc/>
    public bool Equals(PredicateGroup? other)
        => other is not null && Kind == other.Kind && Children.SequenceEqual(other.Children);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PredicateGroup);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Children.Count);

    /// <inheritdoc/>
    public override string ToString() => Kind == GroupKind.Not
        ? $"not({Children[0]})"
        : $"{Kind.ToString().ToLowerInvariant()}({string.Join(", ", Children)})";
}
