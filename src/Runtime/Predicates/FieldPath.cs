using System;
using System.Collections.Generic;

namespace Amplify.DataStore.Predicates;

/// <summary>
/// The GraphQL field names leading to a value: <c>rating</c>, or <c>post.id</c> for a field of a
/// <c>@belongsTo</c> parent. Compared by value.
/// </summary>
public sealed class FieldPath : IEquatable<FieldPath>
{
    private readonly string[] _segments;

    private FieldPath(string[] segments) => _segments = segments;

    /// <summary>The empty path (the model itself).</summary>
    public static FieldPath Root { get; } = new(Array.Empty<string>());

    /// <summary>A one-segment path.</summary>
    public static FieldPath Of(string fieldName) => Root.Append(fieldName);

    /// <summary>The field names from the model outwards.</summary>
    public IReadOnlyList<string> Segments => _segments;

    /// <summary>The last field name.</summary>
    public string Leaf => _segments.Length == 0 ? string.Empty : _segments[^1];

    /// <summary>True when the path goes through a related model.</summary>
    public bool IsNested => _segments.Length > 1;

    /// <summary>A new path with one more segment.</summary>
    public FieldPath Append(string fieldName)
    {
        ArgumentException.ThrowIfNullOrEmpty(fieldName);
        var next = new string[_segments.Length + 1];
        _segments.CopyTo(next, 0);
        next[^1] = fieldName;
        return new FieldPath(next);
    }

    /// <inheritdoc/>
    public bool Equals(FieldPath? other) => other is not null && _segments.AsSpan().SequenceEqual(other._segments);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FieldPath);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var s in _segments) hash.Add(s, StringComparer.Ordinal);
        return hash.ToHashCode();
    }

    /// <summary>The dotted path, e.g. <c>post.id</c>.</summary>
    public override string ToString() => string.Join(".", _segments);
}
