using System.Collections.Immutable;
using Amplify.DataStore.Analyzers.Rules;
using Amplify.DataStore.Analyzers.Tests.Support;
using Amplify.DataStore.PredicateOperators;
using Amplify.DataStore.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NUnit.Framework;
using TypeKind = Amplify.DataStore.Schema.TypeKind;

namespace Amplify.DataStore.Analyzers.Tests.Rules;

/// <summary>
/// The compile-time consumers of the shared operator table (src/Common/Predicates/OperatorTable.cs, linked here too):
/// the schema library's rules, the generated typed builders and the analyzers agree with it for every field type ×
/// operator of the schema samples. The runtime's dynamic predicate API is checked in Runtime.Tests.
/// </summary>
public sealed class OperatorTableConsumerTests
{
    private static readonly string[] Samples = ["aws-scalars.graphql", "blog.graphql"];

    private static IEnumerable<(string Sample, ModelDefinition Model, FieldDefinition Field)> Fields()
    {
        foreach (var sample in Samples)
        {
            var result = SchemaParser.Parse(ModelSources.SchemaPath(sample), ModelSources.SchemaText(sample));
            Assert.That(result.HasErrors, Is.False, sample);
            foreach (var model in result.Schema!.Models)
            {
                foreach (var field in model.Fields) yield return (sample, model, field);
            }
        }
    }

    // The rule by GraphQL type, written out here rather than taken from the table.
    private static OperatorCategory Expected(FieldDefinition f)
    {
        if (f.Association is not null || f.Type.Kind is TypeKind.NonModel or TypeKind.Model || f.Type.Scalar == ScalarKind.AWSJSON) return OperatorCategory.None;
        if (f.IsList) return OperatorCategory.List;
        if (f.Type.Kind == TypeKind.Enum || f.Type.Scalar == ScalarKind.Boolean) return OperatorCategory.Equality;
        return f.Type.Scalar is ScalarKind.ID or ScalarKind.String or ScalarKind.AWSEmail or ScalarKind.AWSURL or ScalarKind.AWSPhone or ScalarKind.AWSIPAddress
            ? OperatorCategory.Text
            : OperatorCategory.Ordered;
    }

    [Test]
    public void The_samples_cover_every_category()
    {
        Assert.That(Fields().Select(f => Expected(f.Field)).Distinct(), Is.EquivalentTo(Enum.GetValues<OperatorCategory>()));
    }

    [Test]
    public void The_schema_rules_are_the_table()
    {
        Assert.That(Enum.GetNames<PredicateFieldCategory>(), Is.EqualTo(Enum.GetNames<OperatorCategory>()));
        foreach (var category in Enum.GetValues<OperatorCategory>())
        {
            Assert.That(PredicateOperatorRules.OperatorsFor((PredicateFieldCategory)category), Is.EqualTo(OperatorTable.OperatorsFor(category)), category.ToString());
        }
        foreach (var (sample, model, field) in Fields())
        {
            var expected = Expected(field);
            Assert.That((OperatorCategory)PredicateOperatorRules.CategoryOf(field), Is.EqualTo(expected), $"{sample}: {model.Name}.{field.Name}");
            foreach (var op in OperatorTable.All)
            {
                Assert.That(PredicateOperatorRules.IsValid(field, op), Is.EqualTo(OperatorTable.Allows(expected, op)), $"{sample}: {model.Name}.{field.Name} {op}");
            }
        }
    }

    [Test]
    public void The_generated_builders_expose_exactly_the_tables_operators()
    {
        foreach (var sample in Samples)
        {
            var compilation = Compile(sample, "");
            foreach (var (_, model, field) in Fields().Where(f => f.Sample == sample))
            {
                var fields = compilation.GetTypeByMetadataName($"{ModelSources.Namespace}.{model.Name}+Fields`1");
                Assert.That(fields, Is.Not.Null, model.Name);
                var property = fields!.GetMembers().OfType<IPropertySymbol>().SingleOrDefault(p => string.Equals(p.Name, field.Name, StringComparison.OrdinalIgnoreCase));
                var where = $"{sample}: {model.Name}.{field.Name}";
                if (field.Association is { Kind: AssociationKind.BelongsTo })
                {
                    Assert.That(property?.Type.Name, Is.EqualTo("Fields"), where);
                    continue;
                }
                var expected = Expected(field);
                Assert.That(property?.Type.Name, Is.EqualTo(OperatorTable.HandleTypeName(expected)), where);
                if (property is null) continue;
                var operators = property.Type.GetMembers().OfType<IMethodSymbol>()
                    .Where(m => m.MethodKind == MethodKind.Ordinary && m.DeclaredAccessibility == Accessibility.Public && !m.IsStatic && m.ReturnType.Name == "Predicate")
                    .Select(m => m.Name).Distinct()
                    .Select(OperatorTable.OperatorOfMethod);
                Assert.That(operators, Is.EquivalentTo(OperatorTable.OperatorsFor(expected)), where);
            }
        }
    }

    [Test]
    public async Task The_field_operator_analyzer_refuses_exactly_what_the_table_refuses()
    {
        foreach (var sample in Samples)
        {
            var calls = new List<(string Where, bool Allowed)>();
            var source = new System.Text.StringBuilder("class C\n{\n    void M()\n    {\n");
            foreach (var (_, model, field) in Fields().Where(f => f.Sample == sample))
            {
                foreach (var op in OperatorTable.All)
                {
                    source.Append($"        _ = Predicate.Field<{model.Name}>(\"{field.Name}\", \"{op}\", {(op == "between" ? "1, 2" : "1")});\n");
                    calls.Add(($"{model.Name}.{field.Name} {op}", OperatorTable.Allows(Expected(field), op)));
                }
            }
            source.Append("    }\n}\n");
            var compilation = Compile(sample, source.ToString());
            var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new ModelSources.TextFile(ModelSources.SchemaPath(sample), ModelSources.SchemaText(sample))));
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new FieldOperatorAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
            Assert.That(diagnostics.Where(d => d.Id != "ADS2002"), Is.Empty, sample);
            const int firstLine = 8; // Usings (4 lines), class C {, void M() {
            var refused = diagnostics.Select(d => d.Location.GetLineSpan().StartLinePosition.Line - firstLine).ToHashSet();
            Assert.That(refused, Has.Count.EqualTo(calls.Count(c => !c.Allowed)).And.Count.GreaterThan(0), sample);
            for (int i = 0; i < calls.Count; i++)
            {
                Assert.That(!refused.Contains(i), Is.EqualTo(calls[i].Allowed), $"{sample}: {calls[i].Where}");
            }
        }
    }

    private static CSharpCompilation Compile(string sample, string source)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = ModelSources.For(sample).Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, "Generated/" + s.Name))
            .Append(CSharpSyntaxTree.ParseText(Verify<FieldOperatorAnalyzer>.Usings + source, parse, "Test.cs"));
        var compilation = CSharpCompilation.Create("Consumer", trees, References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.That(errors, Is.Empty, sample);
        return compilation;
    }
}
