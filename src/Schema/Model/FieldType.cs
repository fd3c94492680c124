namespace Amplify.DataStore.Schema;

/// <summary>The named type of a field, without list or nullability wrappers.</summary>
/// <param name="Kind">Scalar, enum, non-model or model.</param>
/// <param name="Name">The GraphQL type name (e.g. <c>String</c>, <c>PostStatus</c>, <c>Comment</c>).</param>
/// <param name="Scalar">The scalar kind when <paramref name="Kind"/> is <see cref="TypeKind.Scalar"/>.</param>
public sealed record FieldType(TypeKind Kind, string Name, ScalarKind Scalar)
{
    /// <summary>A scalar field type.</summary>
    public static FieldType Of(ScalarKind scalar) => new(TypeKind.Scalar, scalar.ToString(), scalar);
}
