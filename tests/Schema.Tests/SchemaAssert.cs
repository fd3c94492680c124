using System.IO;
using System.Linq;

namespace Amplify.DataStore.Schema.Tests;

/// <summary>Helpers shared by the schema tests.</summary>
internal static class SchemaAssert
{
    /// <summary>Parses text as one file named <c>schema.graphql</c>.</summary>
    public static SchemaParseResult Parse(string text) => SchemaParser.Parse("schema.graphql", text);

    /// <summary>Parses a sample file or folder under schema-samples.</summary>
    public static SchemaParseResult ParseSample(string name)
    {
        string path = Path.Combine(TestPaths.Samples, name);
        if (Directory.Exists(path))
        {
            var files = Directory.GetFiles(path, "*.graphql").OrderBy(f => f, System.StringComparer.Ordinal)
                .Select(f => new SchemaFile(Path.GetFileName(f), File.ReadAllText(f))).ToArray();
            return SchemaParser.Parse(files);
        }
        return SchemaParser.Parse(name, File.ReadAllText(path));
    }

    /// <summary>Parses and asserts there are no errors; returns the schema.</summary>
    public static SchemaModel Valid(SchemaParseResult result)
    {
        var errors = result.Diagnostics.Where(d => d.Severity == SchemaDiagnosticSeverity.Error).ToList();
        Assert.That(errors, Is.Empty, "unexpected errors:\n" + string.Join("\n", errors));
        Assert.That(result.Schema, Is.Not.Null);
        return result.Schema!;
    }

    public static SchemaModel Valid(string text) => Valid(Parse(text));

    public static ModelDefinition Model(this SchemaModel schema, string name)
    {
        var model = schema.FindModel(name);
        Assert.That(model, Is.Not.Null, $"model {name} not found; models: {string.Join(", ", schema.Models.Select(m => m.Name))}");
        return model!;
    }

    public static FieldDefinition Field(this ModelDefinition model, string name)
    {
        var field = model.FindField(name);
        Assert.That(field, Is.Not.Null, $"field {model.Name}.{name} not found; fields: {string.Join(", ", model.Fields.Select(f => f.Name))}");
        return field!;
    }

    public static string[] FieldNames(this ModelDefinition model) => model.Fields.Select(f => f.Name).ToArray();

    /// <summary>Asserts exactly one diagnostic with <paramref name="id"/> at line/column and returns it.</summary>
    public static SchemaDiagnostic Single(SchemaParseResult result, string id, int line, int column)
    {
        var matches = result.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.That(matches, Has.Count.EqualTo(1), $"expected one {id}; got:\n{string.Join("\n", result.Diagnostics)}");
        var d = matches[0];
        Assert.That((d.Location.StartLine, d.Location.StartColumn), Is.EqualTo((line, column)), d.ToString());
        return d;
    }
}
