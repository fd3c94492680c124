using Amplify.DataStore.Metadata;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>Where and how one model field lives in its LiteDB document.</summary>
/// <param name="Name">The GraphQL field name (the document key).</param>
/// <param name="Class">The representation of the value (of each element, for lists).</param>
/// <param name="IsList">True for list fields (BSON arrays).</param>
/// <param name="ValuePath">The path of the stored value, e.g. <c>$.rating</c>.</param>
/// <param name="ComparePath">
/// The path compared and sorted on: the sortable companion <c>$.__k.name</c> for temporal fields, <c>$._id</c> for a
/// single primary-key field stored as its own value, otherwise <see cref="ValuePath"/>.
/// </param>
internal sealed record FieldStorage(string Name, StorageClass Class, bool IsList, string ValuePath, string ComparePath)
{
    /// <summary>The representation of a field's values, from its metadata.</summary>
    public static StorageClass ClassOf(FieldMetadata field)
    {
        if (!field.IsStored) return StorageClass.Unsupported;
        return field.Kind switch
        {
            FieldKind.Enum => StorageClass.String,
            FieldKind.Scalar => field.Scalar switch
            {
                ScalarType.ID or ScalarType.String or ScalarType.AWSEmail or ScalarType.AWSURL or ScalarType.AWSPhone
                    or ScalarType.AWSIPAddress or ScalarType.AWSJSON => StorageClass.String,
                ScalarType.Int => StorageClass.Int32,
                ScalarType.Float => StorageClass.Double,
                ScalarType.Boolean => StorageClass.Boolean,
                ScalarType.AWSTimestamp => StorageClass.Int64,
                ScalarType.AWSDate => StorageClass.Date,
                ScalarType.AWSTime => StorageClass.Time,
                ScalarType.AWSDateTime => StorageClass.DateTime,
                _ => StorageClass.Unsupported,
            },
            _ => StorageClass.Unsupported,
        };
    }
}
