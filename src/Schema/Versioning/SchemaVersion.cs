using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace Amplify.DataStore.Schema;

/// <summary>
/// Computes the schema-version hash: a lowercase hex SHA-256 over a canonical description of the <em>storage shape</em>
/// (models, non-models and enums as they are persisted). A local store compares it with the version it was created
/// with to decide whether its data is still readable.
/// </summary>
/// <remarks>
/// Included: type names; per type its fields (sorted by name) with type name, type kind, <c>IsRequired</c>,
/// <c>IsList</c>, <c>IsListRequired</c> and the association kind, related model and target names; the primary key
/// fields (in key order); secondary index names and fields; enum names and values (sorted, since the store keeps
/// values as strings). Excluded on purpose, because they do not change what is stored: <c>@auth</c>, <c>@default</c>,
/// comments and whitespace, field and type order, plural names and index query fields.
/// </remarks>
public static class SchemaVersion
{
    // Bump when the canonical text changes so that old hashes never collide with new ones.
    private const string FormatHeader = "amplify-datastore-schema-version 1";

    /// <summary>Computes the version of a schema; its own <see cref="SchemaModel.Version"/> is ignored.</summary>
    /// <param name="schema">The schema.</param>
    /// <returns>64 lowercase hex characters.</returns>
    public static string Compute(SchemaModel schema)
    {
        if (schema is null) throw new ArgumentNullException(nameof(schema));
        return Compute(schema.Models, schema.NonModels, schema.Enums);
    }

    /// <summary>Computes the version from the parts of a schema.</summary>
    /// <param name="models">The models (any order).</param>
    /// <param name="nonModels">The non-model types (any order).</param>
    /// <param name="enums">The enums (any order).</param>
    /// <returns>64 lowercase hex characters.</returns>
    public static string Compute(
        IEnumerable<ModelDefinition> models,
        IEnumerable<NonModelDefinition> nonModels,
        IEnumerable<EnumDefinition> enums)
    {
        if (models is null) throw new ArgumentNullException(nameof(models));
        if (nonModels is null) throw new ArgumentNullException(nameof(nonModels));
        if (enums is null) throw new ArgumentNullException(nameof(enums));
        return Hash(CanonicalText(models, nonModels, enums));
    }

    /// <summary>
    /// The canonical text the hash is computed over; exposed so that a changed version can be explained by diffing
    /// two texts.
    /// </summary>
    /// <param name="models">The models (any order).</param>
    /// <param name="nonModels">The non-model types (any order).</param>
    /// <param name="enums">The enums (any order).</param>
    /// <returns>One line per item, <c>\n</c>-separated.</returns>
    public static string CanonicalText(
        IEnumerable<ModelDefinition> models,
        IEnumerable<NonModelDefinition> nonModels,
        IEnumerable<EnumDefinition> enums)
    {
        var sb = new StringBuilder();
        sb.Append(FormatHeader).Append('\n');

        foreach (var model in Sorted(models, m => m.Name))
        {
            sb.Append("model ").Append(model.Name).Append('\n');
            sb.Append(" key ").Append(string.Join(",", model.PrimaryKey.Fields)).Append('\n');
            foreach (var field in Sorted(model.Fields, f => f.Name)) AppendField(sb, field);
            foreach (var index in Sorted(model.Indexes, i => i.Name))
            {
                sb.Append(" index ").Append(index.Name).Append(' ').Append(string.Join(",", index.Fields)).Append('\n');
            }
        }

        foreach (var nonModel in Sorted(nonModels, n => n.Name))
        {
            sb.Append("nonmodel ").Append(nonModel.Name).Append('\n');
            foreach (var field in Sorted(nonModel.Fields, f => f.Name)) AppendField(sb, field);
        }

        foreach (var e in Sorted(enums, e => e.Name))
        {
            sb.Append("enum ").Append(e.Name).Append(' ').Append(string.Join(",", Sorted(e.Values, v => v))).Append('\n');
        }

        return sb.ToString();
    }

    private static void AppendField(StringBuilder sb, FieldDefinition field)
    {
        sb.Append(" field ").Append(field.Name)
          .Append(' ').Append(field.Type.Kind.ToString()).Append(':').Append(field.Type.Name)
          .Append(" required=").Append(field.IsRequired ? '1' : '0')
          .Append(" list=").Append(field.IsList ? '1' : '0')
          .Append(" listRequired=").Append(field.IsListRequired ? '1' : '0');
        if (field.Association is { } a)
        {
            sb.Append(" association=").Append(a.Kind.ToString()).Append(':').Append(a.RelatedModel)
              .Append(" targets=").Append(string.Join(",", a.TargetNames));
        }
        sb.Append('\n');
    }

    private static List<T> Sorted<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var list = new List<T>(items);
        // Ordinal and stable: culture must never change the hash.
        list.Sort((x, y) => string.CompareOrdinal(key(x), key(y)));
        return list;
    }

    private static string Hash(string text)
    {
        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var hex = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes) hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        return hex.ToString();
    }
}
