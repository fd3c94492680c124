namespace Amplify.DataStore.Metadata;

/// <summary>One field of a model or embedded type.</summary>
public sealed class FieldMetadata
{
    /// <summary>The GraphQL (wire and storage) name.</summary>
    public required string Name { get; init; }

    /// <summary>The C# property name.</summary>
    public required string PropertyName { get; init; }

    /// <summary>Scalar, enum, embedded or model.</summary>
    public required FieldKind Kind { get; init; }

    /// <summary>The GraphQL type name (e.g. <c>String</c>, <c>PostStatus</c>).</summary>
    public required string TypeName { get; init; }

    /// <summary>The scalar, when <see cref="Kind"/> is <see cref="FieldKind.Scalar"/>.</summary>
    public ScalarType Scalar { get; init; }

    /// <summary>The element (or scalar) is non-null.</summary>
    public bool IsRequired { get; init; }

    /// <summary>The field is a list.</summary>
    public bool IsList { get; init; }

    /// <summary>For lists: the list itself is non-null.</summary>
    public bool IsListRequired { get; init; }

    /// <summary>Set by the store or server only (timestamps).</summary>
    public bool IsReadOnly { get; init; }

    /// <summary>True for the implicit <c>id</c>, timestamps, implied foreign keys and join-model fields.</summary>
    public bool IsGenerated { get; init; }

    /// <summary>The relationship, for relationship fields.</summary>
    public AssociationMetadata? Association { get; init; }

    /// <summary>The <c>@default</c> literal, if any.</summary>
    public string? DefaultValue { get; init; }

    /// <summary>Field-level auth rules.</summary>
    public System.Collections.Generic.IReadOnlyList<AuthRuleMetadata> AuthRules { get; init; } = System.Array.Empty<AuthRuleMetadata>();

    /// <summary>True when the field is stored on the model's document (not a hasMany/hasOne/belongsTo navigation).</summary>
    public bool IsStored => Association is null;

    /// <inheritdoc/>
    public override string ToString() => Name;
}
