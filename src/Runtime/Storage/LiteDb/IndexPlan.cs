using System;
using System.Collections.Generic;
using Amplify.DataStore.Metadata;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// The secondary indexes of each model's collection: the first field of every <c>@index</c>, every foreign-key field
/// (belongsTo/hasOne target names on the model; hasMany, and Gen 2 hasOne(references), associated fields on the child)
/// and every field of a composite
/// primary key. Fields are indexed on the path queries compare on (the sortable companion for temporal fields); list
/// and embedded fields and a single key field (already <c>_id</c>) get none.
/// </summary>
internal static class IndexPlan
{
    private const int MaxNameLength = 32; // LiteDB's index-name limit

    /// <summary>The (name, expression) pairs to ensure, per model name.</summary>
    public static Dictionary<string, List<(string Name, string Expression)>> For(ModelSchema schema)
    {
        var fields = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        void Add(string model, string field)
        {
            if (!fields.TryGetValue(model, out var set)) fields[model] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.Add(field);
        }

        foreach (var model in schema.Models)
        {
            foreach (var index in model.Indexes)
            {
                if (index.Fields.Count > 0) Add(model.Name, index.Fields[0]);
            }
            if (model.PrimaryKey.IsComposite)
            {
                foreach (var key in model.PrimaryKey.Fields) Add(model.Name, key);
            }
            foreach (var field in model.Fields)
            {
                if (field.Association is not { } association) continue;
                if (association.Type == AssociationType.HasMany || association is { Type: AssociationType.HasOne, TargetNames.Count: 0 })
                {
                    // The child holds the key (a @hasMany, or a @hasOne with Gen 2 references).
                    foreach (var foreignKey in association.AssociatedWith) Add(association.RelatedModel, foreignKey);
                }
                else
                {
                    foreach (var foreignKey in association.TargetNames) Add(model.Name, foreignKey);
                }
            }
        }

        var result = new Dictionary<string, List<(string Name, string Expression)>>(StringComparer.Ordinal);
        foreach (var (modelName, names) in fields)
        {
            if (schema.FindModel(modelName) is not { } model) continue;
            var storage = ModelStorage.For(model);
            var indexes = new List<(string Name, string Expression)>();
            foreach (var name in names)
            {
                if (storage.Find(name) is not { IsList: false } field || field.ComparePath == DocumentLayout.PathOf(DocumentLayout.IdField)) continue;
                indexes.Add((IndexName(name), field.ComparePath));
            }
            result[modelName] = indexes;
        }
        return result;
    }

    // Index names allow only letters, digits and '_' and at most 32 characters; GraphQL names are such words already.
    private static string IndexName(string field)
    {
        string name = "ix_" + field;
        if (name.Length <= MaxNameLength) return name;
        uint hash = 2166136261;
        foreach (char c in field) hash = (hash ^ c) * 16777619; // FNV-1a: stable across runs, unlike string.GetHashCode
        return string.Concat(name.AsSpan(0, MaxNameLength - 9), "_", hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
    }
}
