using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Amplify.DataStore.Metadata;

namespace Amplify.DataStore.Linq;

/// <summary>
/// A model's C# property names mapped to its field metadata (<see cref="FieldMetadata.PropertyName"/> to
/// <see cref="FieldMetadata.Name"/>), built once per model so that repeated translation is a dictionary lookup.
/// </summary>
internal sealed class ModelMemberMap
{
    // Keyed by metadata instance: a related model reached through a schema or through reflection shares one map.
    private static readonly ConditionalWeakTable<ModelMetadata, ModelMemberMap> s_byMetadata = new();

    private readonly Dictionary<string, FieldMetadata> _byProperty;

    private ModelMemberMap(ModelMetadata metadata)
    {
        Metadata = metadata;
        _byProperty = new Dictionary<string, FieldMetadata>(metadata.Fields.Count, StringComparer.Ordinal);
        foreach (var field in metadata.Fields) _byProperty[field.PropertyName] = field;
    }

    /// <summary>The model's metadata.</summary>
    public ModelMetadata Metadata { get; }

    /// <summary>The generated code that converts CLR values of the model's fields to <see cref="FieldValue"/>s.</summary>
    public IModelCodec Codec => Metadata.Codec;

    /// <summary>The map of <typeparamref name="T"/>, read from its static metadata without reflection.</summary>
    public static ModelMemberMap Of<T>() where T : class, IModel<T> => Cache<T>.Map;

    /// <summary>The map of the model <paramref name="metadata"/> describes.</summary>
    public static ModelMemberMap Of(ModelMetadata metadata) => s_byMetadata.GetValue(metadata, static m => new ModelMemberMap(m));

    /// <summary>The field behind the C# property <paramref name="propertyName"/>, or null when it is not a schema field.</summary>
    public FieldMetadata? FindByProperty(string propertyName) => _byProperty.TryGetValue(propertyName, out var field) ? field : null;

    private static class Cache<T> where T : class, IModel<T>
    {
        public static readonly ModelMemberMap Map = Of(T.Metadata);
    }
}
