using System;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Amplify.DataStore.Metadata;

namespace Amplify.DataStore.Linq;

/// <summary>
/// Finds the metadata of a <c>@belongsTo</c> parent model for nested paths such as <c>c =&gt; c.Post!.Id == id</c>.
/// </summary>
/// <remarks>
/// <see cref="ModelMetadata"/> has no back-reference to its schema, so the parent's metadata is found either in the
/// <see cref="ModelSchema"/> the caller passes (no reflection) or, without one, by reading the parent type's static
/// <see cref="IModel{TSelf}.Metadata"/> through one generic instantiation per parent type, cached for the process.
/// </remarks>
internal static class RelatedModelMetadata
{
    private static readonly ConcurrentDictionary<Type, ModelMetadata?> s_byType = new();

    private static readonly MethodInfo s_metadataOf =
        typeof(RelatedModelMetadata).GetMethod(nameof(MetadataOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// The metadata of the model named <paramref name="modelName"/> whose generated type is <paramref name="clrType"/>,
    /// or null when <paramref name="clrType"/> is not a generated model.
    /// </summary>
    public static ModelMetadata? Find(Type clrType, string modelName, ModelSchema? schema)
    {
        if (schema?.FindModel(modelName) is { } fromSchema && fromSchema.Codec.ClrType == clrType) return fromSchema;
        return s_byType.GetOrAdd(clrType, static t => ReadStaticMetadata(t));
    }

    [UnconditionalSuppressMessage("AOT", "IL3050:RequiresDynamicCode",
        Justification = "Model types are classes (IModel<T> is constrained to class), so the instantiation uses shared canonical code.")]
    [UnconditionalSuppressMessage("Trimming", "IL2060:MakeGenericMethod",
        Justification = "MetadataOf has no DynamicallyAccessedMembers requirements on its type parameter.")]
    private static ModelMetadata? ReadStaticMetadata(Type clrType)
    {
        if (!clrType.IsClass || !typeof(IModel).IsAssignableFrom(clrType)) return null;
        try
        {
            return (ModelMetadata?)s_metadataOf.MakeGenericMethod(clrType).Invoke(null, null);
        }
        catch (ArgumentException)
        {
            // The type implements IModel but not IModel<itself>: not a generated model.
            return null;
        }
    }

    private static ModelMetadata MetadataOf<TModel>() where TModel : class, IModel<TModel> => TModel.Metadata;
}
