using System;
using System.Collections.Generic;

namespace Amplify.DataStore.Metadata;

/// <summary>
/// The full metadata of a generated schema: models, embedded types, enums and the schema-version hash.
/// Generated as static data (<c>AmplifyModels.Schema</c>); no reflection is needed to use it.
/// </summary>
public sealed class ModelSchema
{
    private readonly Dictionary<string, ModelMetadata> _models = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, ModelMetadata> _byType = new();
    private readonly Dictionary<string, EmbeddedTypeMetadata> _embedded = new(StringComparer.Ordinal);

    /// <summary>Creates the schema.</summary>
    public ModelSchema(string version, IReadOnlyList<ModelMetadata> models, IReadOnlyList<EmbeddedTypeMetadata> embeddedTypes, IReadOnlyList<EnumMetadata> enums)
    {
        Version = version ?? throw new ArgumentNullException(nameof(version));
        Models = models ?? throw new ArgumentNullException(nameof(models));
        EmbeddedTypes = embeddedTypes ?? throw new ArgumentNullException(nameof(embeddedTypes));
        Enums = enums ?? throw new ArgumentNullException(nameof(enums));
        foreach (var m in models)
        {
            _models.Add(m.Name, m);
            _byType.Add(m.Codec.ClrType, m);
        }
        foreach (var e in embeddedTypes) _embedded.Add(e.Name, e);
    }

    /// <summary>The schema-version hash; changes exactly when the on-device storage shape changes.</summary>
    public string Version { get; }

    /// <summary>The models, sorted by name.</summary>
    public IReadOnlyList<ModelMetadata> Models { get; }

    /// <summary>The non-model (embedded) types.</summary>
    public IReadOnlyList<EmbeddedTypeMetadata> EmbeddedTypes { get; }

    /// <summary>The enums.</summary>
    public IReadOnlyList<EnumMetadata> Enums { get; }

    /// <summary>Finds a model by GraphQL name.</summary>
    public ModelMetadata? FindModel(string name) => _models.TryGetValue(name, out var m) ? m : null;

    /// <summary>Finds a non-model (embedded) type by GraphQL name.</summary>
    public EmbeddedTypeMetadata? FindEmbeddedType(string name) => _embedded.TryGetValue(name, out var e) ? e : null;

    /// <summary>Gets the metadata of a generated model type, or throws if the type is not part of this schema.</summary>
    public ModelMetadata GetModel<T>() where T : class, IModel<T>
        => _byType.TryGetValue(typeof(T), out var m) ? m
        : throw new ArgumentException($"Type '{typeof(T).FullName}' is not a model of this schema (version {Version}).");

    /// <summary>Gets a model by GraphQL name, or throws naming it.</summary>
    public ModelMetadata GetModel(string name) => FindModel(name)
        ?? throw new KeyNotFoundException($"The schema has no model named '{name}'.");
}
