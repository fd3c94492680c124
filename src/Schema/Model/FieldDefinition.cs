namespace Amplify.DataStore.Schema;

/// <summary>One field of a model or non-model type, with list and nullability fully described.</summary>
/// <param name="Name">The GraphQL field name (the wire and storage name).</param>
/// <param name="Type">The named type.</param>
/// <param name="IsRequired">The element (or scalar) is non-null: <c>T!</c> or <c>[T!]</c>.</param>
/// <param name="IsList">The field is a list.</param>
/// <param name="IsListRequired">For lists: the list itself is non-null (<c>[T]!</c>).</param>
/// <param name="IsReadOnly">Set by the store or server only (timestamps).</param>
/// <param name="Origin">Declared or synthesised.</param>
/// <param name="Association">The relationship, for relationship fields.</param>
/// <param name="DefaultValue">The <c>@default(value:)</c> literal, as written, or <see langword="null"/>.</param>
/// <param name="AuthRules">Field-level <c>@auth</c> rules.</param>
public sealed record FieldDefinition(
    string Name,
    FieldType Type,
    bool IsRequired,
    bool IsList,
    bool IsListRequired,
    bool IsReadOnly,
    FieldOrigin Origin,
    Association? Association,
    string? DefaultValue,
    EquatableArray<AuthRule> AuthRules)
{
    /// <summary>True when this field is a relationship (its value is not stored as a column of this model).</summary>
    public bool IsRelationship => Association is not null;

    /// <summary>True when a value must be present on the stored item (non-null scalar, or non-null list).</summary>
    public bool IsValueRequired => IsList ? IsListRequired : IsRequired;
}
