using System;
using System.Collections.Generic;

namespace Amplify.DataStore.Metadata;

/// <summary>Everything the runtime knows about one <c>@model</c> type.</summary>
public sealed class ModelMetadata
{
    private Dictionary<string, FieldMetadata>? _byName;

    /// <summary>The GraphQL type name.</summary>
    public required string Name { get; init; }

    /// <summary>The plural name (<c>syncPosts</c>, <c>listPosts</c>).</summary>
    public required string PluralName { get; init; }

    /// <summary>All fields, including implicit ones, in declaration order.</summary>
    public required IReadOnlyList<FieldMetadata> Fields { get; init; }

    /// <summary>The primary key.</summary>
    public required PrimaryKeyMetadata PrimaryKey { get; init; }

    /// <summary>Secondary indexes.</summary>
    public IReadOnlyList<IndexMetadata> Indexes { get; init; } = Array.Empty<IndexMetadata>();

    /// <summary>Model-level auth rules.</summary>
    public IReadOnlyList<AuthRuleMetadata> AuthRules { get; init; } = Array.Empty<AuthRuleMetadata>();

    /// <summary>The creation timestamp field, or <see langword="null"/> when disabled.</summary>
    public string? CreatedAtField { get; init; }

    /// <summary>The update timestamp field, or <see langword="null"/> when disabled.</summary>
    public string? UpdatedAtField { get; init; }

    /// <summary>True for a join model synthesised by <c>@manyToMany</c>.</summary>
    public bool IsJoinModel { get; init; }

    /// <summary>True when the model syncs with AppSync (every <c>@model</c> does).</summary>
    public bool IsSyncable { get; init; } = true;

    /// <summary>The generated read/write code.</summary>
    public required IModelCodec Codec { get; init; }

    /// <summary>Finds a field by GraphQL name.</summary>
    public FieldMetadata? FindField(string name)
    {
        var map = _byName;
        if (map is null)
        {
            map = new Dictionary<string, FieldMetadata>(StringComparer.Ordinal);
            foreach (var f in Fields) map[f.Name] = f;
            _byName = map;
        }
        return map.TryGetValue(name, out var field) ? field : null;
    }

    /// <summary>Gets a field by GraphQL name or throws naming the model and field.</summary>
    public FieldMetadata GetField(string name) => FindField(name)
        ?? throw new KeyNotFoundException($"Model '{Name}' has no field '{name}'.");

    /// <inheritdoc/>
    public override string ToString() => Name;
}
