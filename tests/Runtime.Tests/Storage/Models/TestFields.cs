using Amplify.DataStore.Metadata;

namespace Amplify.DataStore.Runtime.Tests.Storage.Models;

/// <summary>Field metadata shorthands for the hand-written storage test models.</summary>
internal static class TestFields
{
    public static FieldMetadata Scalar(string name, string property, ScalarType scalar, bool required = false, bool list = false) => new()
    {
        Name = name,
        PropertyName = property,
        Kind = FieldKind.Scalar,
        TypeName = scalar.ToString(),
        Scalar = scalar,
        IsRequired = required,
        IsList = list,
    };

    public static FieldMetadata BelongsTo(string name, string property, string related, IReadOnlyList<string> targetNames, IReadOnlyList<string> relatedKey) => new()
    {
        Name = name,
        PropertyName = property,
        Kind = FieldKind.Model,
        TypeName = related,
        Association = new AssociationMetadata
        {
            Type = AssociationType.BelongsTo,
            RelatedModel = related,
            TargetNames = targetNames,
            AssociatedWith = relatedKey,
        },
    };

    public static FieldMetadata HasMany(string name, string property, string related, IReadOnlyList<string> associatedWith) => new()
    {
        Name = name,
        PropertyName = property,
        Kind = FieldKind.Model,
        TypeName = related,
        IsList = true,
        Association = new AssociationMetadata
        {
            Type = AssociationType.HasMany,
            RelatedModel = related,
            TargetNames = [],
            AssociatedWith = associatedWith,
        },
    };
}
