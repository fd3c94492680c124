namespace Amplify.DataStore.Metadata;

/// <summary>What a field's named type is.</summary>
public enum FieldKind
{
    /// <summary>A scalar.</summary>
    Scalar,
    /// <summary>An enum (stored as its wire name).</summary>
    Enum,
    /// <summary>A non-model (embedded) type.</summary>
    Embedded,
    /// <summary>A model (relationship field).</summary>
    Model,
}
