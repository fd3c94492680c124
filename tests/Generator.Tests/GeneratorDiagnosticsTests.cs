using System.Linq;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace Amplify.DataStore.Generator.Tests;

/// <summary>Schema diagnostics reach the compiler located in the .graphql file, with help links and no generated code.</summary>
public class GeneratorDiagnosticsTests
{
    private static Diagnostic[] Run(string schema, out GeneratorRunResult run)
    {
        var file = new GeneratorHarness.InMemoryAdditionalText("/proj/schema.graphql", schema);
        var (_, result, _) = GeneratorHarness.Run(new[] { file });
        run = result.Results.Single();
        return run.Diagnostics.ToArray();
    }

    [Test]
    public void Unknown_type_is_an_error_at_the_field_type_line_and_column()
    {
        var diagnostics = Run("type Post @model {\n  id: ID!\n  author: Author\n}\n", out var run);
        var d = diagnostics.Single(x => x.Id == "ADS1002");
        Assert.That(d.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        var span = d.Location.GetLineSpan();
        Assert.That(span.Path, Is.EqualTo("/proj/schema.graphql"));
        Assert.That(span.StartLinePosition.Line, Is.EqualTo(2), "0-based line 2 = line 3");
        Assert.That(d.GetMessage(), Does.Contain("Author"));
        Assert.That(d.Descriptor.HelpLinkUri, Does.EndWith("docs/diagnostics/ADS1002.md"));
        Assert.That(run.GeneratedSources, Is.Empty, "no code is generated for a schema with errors");
    }

    [Test]
    public void Syntax_error_is_reported_with_its_position()
    {
        var diagnostics = Run("type Post @model {\n  id: ID!\n  title String\n}\n", out _);
        var d = diagnostics.Single(x => x.Id == "ADS1001");
        var span = d.Location.GetLineSpan();
        Assert.That(span.StartLinePosition.Line, Is.EqualTo(2));
        Assert.That(d.Location.Kind, Is.EqualTo(LocationKind.ExternalFile));
    }

    [Test]
    public void Warnings_do_not_stop_generation()
    {
        var diagnostics = Run("type Post @model @foo {\n  id: ID!\n}\n", out var run);
        Assert.That(diagnostics.Select(d => d.Id), Does.Contain("ADS1012"));
        Assert.That(diagnostics.Single(d => d.Id == "ADS1012").DefaultSeverity, Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(run.GeneratedSources.Select(s => s.HintName), Does.Contain("Post.g.cs"));
    }

    [Test]
    public void Every_schema_diagnostic_id_has_a_descriptor_and_a_doc_page()
    {
        var ids = typeof(Amplify.DataStore.Schema.SchemaDiagnosticIds)
            .GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.That(ids, Is.Not.Empty);
        foreach (var id in ids)
        {
            Assert.That(Diagnostics.DiagnosticDescriptors.Find(id), Is.Not.Null, id);
            Assert.That(System.IO.File.Exists(System.IO.Path.Combine(TestPaths.RepoRoot, "docs", "diagnostics", id + ".md")), Is.True, id + ".md");
        }
    }

    [Test]
    public void Custom_namespace_property_is_honoured()
    {
        var file = new GeneratorHarness.InMemoryAdditionalText("/proj/schema.graphql", "type Note @model { id: ID! text: String }");
        var compilation = GeneratorHarness.CreateCompilation("public class A { }");
        GeneratorHarness.CreateDriver(new[] { file }, "My.Custom.Space").RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        Assert.That(output.GetTypeByMetadataName("My.Custom.Space.Note"), Is.Not.Null);
        Assert.That(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
    }
}
