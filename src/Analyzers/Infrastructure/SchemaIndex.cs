using System;
using System.Collections.Generic;
using System.Threading;
using Amplify.DataStore.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Amplify.DataStore.Analyzers.Infrastructure;

/// <summary>
/// The project's schema (its <c>.graphql</c> AdditionalFiles, parsed by the shared schema library) indexed by the C#
/// names the generator gives models and fields.
/// </summary>
internal sealed class SchemaIndex
{
    private readonly Dictionary<string, ModelDefinition> _modelsByTypeName = new(StringComparer.Ordinal);

    private SchemaIndex(SchemaModel? schema, string? files)
    {
        Schema = schema;
        Files = files ?? "no .graphql AdditionalFiles";
        if (schema is null) return;
        foreach (var model in schema.Models) _modelsByTypeName[CSharpNaming.TypeName(model.Name)] = model;
    }

    /// <summary>The parsed schema, or null when the project has none (or it does not parse).</summary>
    public SchemaModel? Schema { get; }

    /// <summary>The schema files, for messages.</summary>
    public string Files { get; }

    /// <summary>Reads and parses the schema files of a compilation.</summary>
    public static SchemaIndex Load(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var files = new List<SchemaFile>();
        foreach (var file in options.AdditionalFiles)
        {
            if (!file.Path.EndsWith(".graphql", StringComparison.OrdinalIgnoreCase)) continue;
            var text = file.GetText(cancellationToken)?.ToString();
            if (text is not null) files.Add(new SchemaFile(file.Path, text));
        }
        if (files.Count == 0) return new SchemaIndex(null, null);
        files.Sort((x, y) => string.CompareOrdinal(x.Path, y.Path)); // the generator's order, so its parse is reused
        var result = SchemaParser.Parse(files, cancellationToken);
        var names = string.Join(", ", files.ConvertAll(f => System.IO.Path.GetFileName(f.Path)));
        return new SchemaIndex(result.HasErrors ? null : result.Schema, names);
    }

    /// <summary>The schema model a generated C# type name stands for.</summary>
    public ModelDefinition? ModelForTypeName(string typeName) => _modelsByTypeName.TryGetValue(typeName, out var m) ? m : null;

    /// <summary>The field behind a generated property of <paramref name="model"/>.</summary>
    public static FieldDefinition? FieldForProperty(ModelDefinition model, string propertyName)
    {
        var typeName = CSharpNaming.TypeName(model.Name);
        foreach (var field in model.Fields)
        {
            if (CSharpNaming.PropertyName(typeName, field.Name) == propertyName) return field;
        }
        return null;
    }

    /// <summary>The closest field name by edit distance (for "did you mean"), or null when nothing is close.</summary>
    public static string? Suggest(ModelDefinition model, string name)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var field in model.Fields)
        {
            if (field.Association is not null) continue;
            int d = EditDistance(name.ToLowerInvariant(), field.Name.ToLowerInvariant());
            if (d < bestDistance)
            {
                bestDistance = d;
                best = field.Name;
            }
        }
        return best is not null && bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
