using System.Collections.Generic;
using System.Linq;
using Amplify.DataStore.Schema;

namespace Amplify.DataStore.LocalBackend.Api;

/// <summary>
/// A DynamoDB Query the transformer's API runs on a table's primary key or on a secondary index: equality on the
/// partition field (and, for a hasMany connection, on every field the parent fixes), an optional condition on the
/// remaining sort-key fields, results in sort-key order.
/// </summary>
/// <param name="EqualFields">The fields compared for equality: the partition key, or the foreign-key fields a parent fixes.</param>
/// <param name="SortKeys">The sort-key fields after <paramref name="EqualFields"/>; several form one composite key (<c>a#b</c>).</param>
/// <param name="KeyName">The key's name in type names: <c>Primary</c> or the index name with an upper-case first letter.</param>
internal sealed record KeyQuery(IReadOnlyList<string> EqualFields, IReadOnlyList<FieldDefinition> SortKeys, string KeyName)
{
    /// <summary>The argument carrying the sort-key condition (the field's name, or the camel-cased names of a composite key), if any.</summary>
    public string? SortArgument => SortKeys.Count switch
    {
        0 => null,
        1 => SortKeys[0].Name,
        _ => KeyConditionTypes.CompositeArgumentName(SortKeys.Select(k => k.Name)),
    };

    /// <summary>The input type of <see cref="SortArgument"/>.</summary>
    public string? SortArgumentType(string model) => SortKeys.Count switch
    {
        0 => null,
        1 => KeyConditionTypes.ScalarConditionName(SortKeys[0]),
        _ => KeyConditionTypes.CompositeConditionName(model, KeyName),
    };

    /// <summary>The query on a model's primary key.</summary>
    public static KeyQuery ForPrimaryKey(ModelDefinition model)
        => new(new[] { model.PrimaryKey.PartitionKey }, model.PrimaryKey.SortKeys.Select(k => model.FindField(k)!).ToArray(), KeyConditionTypes.KeyName(null));

    /// <summary>The query on a secondary index.</summary>
    public static KeyQuery ForIndex(ModelDefinition model, IndexDefinition index)
        => new(new[] { index.Fields[0] }, index.Fields.Skip(1).Select(k => model.FindField(k)!).ToArray(), KeyConditionTypes.KeyName(index.Name));

    /// <summary>
    /// The query a hasMany connection runs on its children: the index (or else the primary key) of <paramref name="child"/>
    /// whose leading fields are the foreign keys, or null when none is (an implicit foreign key: equality only).
    /// </summary>
    public static KeyQuery? ForChildren(ModelDefinition child, IReadOnlyList<string> foreignKeys)
    {
        foreach (var index in child.Indexes)
        {
            if (StartsWith(index.Fields, foreignKeys)) return Remaining(child, index.Fields, foreignKeys, index.Name);
        }
        return StartsWith(child.PrimaryKey.Fields, foreignKeys) ? Remaining(child, child.PrimaryKey.Fields, foreignKeys, null) : null;
    }

    /// <summary>The transformer's default query field of an <c>@index</c> without <c>queryField</c>: <c>commentsByPostIDAndContent</c>.</summary>
    public static string DefaultQueryField(ModelDefinition model, IndexDefinition index)
        => char.ToLowerInvariant(model.PluralName[0]) + model.PluralName[1..] + "By" + string.Join("And", index.Fields.Select(f => char.ToUpperInvariant(f[0]) + f[1..]));

    private static KeyQuery Remaining(ModelDefinition model, IReadOnlyList<string> keyFields, IReadOnlyList<string> fixedFields, string? indexName)
        => new(fixedFields.ToArray(), keyFields.Skip(fixedFields.Count).Select(k => model.FindField(k)!).ToArray(), KeyConditionTypes.KeyName(indexName));

    private static bool StartsWith(IReadOnlyList<string> keyFields, IReadOnlyList<string> fields)
    {
        if (fields.Count == 0 || fields.Count > keyFields.Count) return false;
        for (int i = 0; i < fields.Count; i++)
        {
            if (keyFields[i] != fields[i]) return false;
        }
        return true;
    }
}
