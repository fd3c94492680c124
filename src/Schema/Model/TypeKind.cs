namespace Amplify.DataStore.Schema;

/// <summary>What a field's named type is.</summary>
public enum TypeKind
{
    /// <summary>A built-in or AWS scalar.</summary>
    Scalar,
    /// <summary>A GraphQL enum.</summary>
    Enum,
    /// <summary>A non-model (embedded) object type.</summary>
    NonModel,
    /// <summary>An <c>@model</c> type (only on relationship fields).</summary>
    Model,
}
