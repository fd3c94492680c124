using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Amplify.DataStore.Metadata;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>The storage layout of one model, derived once from its metadata and cached per <see cref="ModelMetadata"/>.</summary>
internal sealed class ModelStorage
{
    private static readonly ConditionalWeakTable<ModelMetadata, ModelStorage> s_cache = new();

    private readonly Dictionary<string, FieldStorage> _fields = new(StringComparer.Ordinal);

    private ModelStorage(ModelMetadata model)
    {
        Model = model;
        var keyNames = model.PrimaryKey.Fields;
        bool rawId = keyNames.Count == 1 && model.FindField(keyNames[0]) is { IsList: false } keyField
            && FieldStorage.ClassOf(keyField) is StorageClass.String or StorageClass.Int32 or StorageClass.Int64 or StorageClass.Double;
        HasRawId = rawId;
        foreach (var field in model.Fields)
        {
            var cls = FieldStorage.ClassOf(field);
            if (cls == StorageClass.Unsupported) continue;
            string valuePath = DocumentLayout.PathOf(field.Name);
            string comparePath = rawId && field.Name == keyNames[0] ? DocumentLayout.PathOf(DocumentLayout.IdField)
                : !field.IsList && cls is StorageClass.Date or StorageClass.Time or StorageClass.DateTime ? DocumentLayout.SortKeyPathOf(field.Name)
                : valuePath;
            _fields[field.Name] = new FieldStorage(field.Name, cls, field.IsList, valuePath, comparePath);
        }
        var keys = new FieldStorage?[keyNames.Count];
        for (int i = 0; i < keys.Length; i++) keys[i] = Find(keyNames[i]) is { IsList: false } f ? f : null;
        KeyFields = keys;
    }

    /// <summary>The layout of <paramref name="model"/>.</summary>
    public static ModelStorage For(ModelMetadata model) => s_cache.GetValue(model, static m => new ModelStorage(m));

    /// <summary>The model.</summary>
    public ModelMetadata Model { get; }

    /// <summary>The LiteDB collection: the model's GraphQL name.</summary>
    public string CollectionName => Model.Name;

    /// <summary>
    /// True when the key is one String/Int/AWSTimestamp/Float field stored as <c>_id</c> itself; otherwise <c>_id</c> is
    /// an order-preserving composite string (<see cref="DocumentKey"/>).
    /// </summary>
    public bool HasRawId { get; }

    /// <summary>The primary-key fields in key order; null where a key field is not a storable scalar.</summary>
    public IReadOnlyList<FieldStorage?> KeyFields { get; }

    /// <summary>The stored scalar (or scalar list) field named <paramref name="name"/>, or null.</summary>
    public FieldStorage? Find(string name) => _fields.TryGetValue(name, out var field) ? field : null;
}
