using System.Collections.Immutable;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Amplify.DataStore.Analyzers.Rules;
using Amplify.DataStore.Analyzers.Tests.Support;
using Amplify.DataStore.LinqCases;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NUnit.Framework;

namespace Amplify.DataStore.Analyzers.Tests.Rules;

/// <summary>
/// The shared LINQ grammar (tests/Common/LinqPredicateCases.cs) against both of its implementations: each case is
/// compiled over the generated models; the analyzer runs on it as a store call, and the same lambda, compiled and
/// loaded, goes through the runtime's PredicateTranslator.
/// </summary>
public sealed class LinqPredicateCaseTests
{
    private const string Usings = "using System;\nusing System.Collections.Generic;\nusing System.Linq.Expressions;\n";

    private static IEnumerable<IGrouping<LinqCaseScope, LinqCase>> Scopes(LinqCase[] cases) => cases.GroupBy(c => c.Scope);

    [Test]
    public async Task The_analyzer_reports_exactly_the_untranslatable_cases()
    {
        foreach (var scope in Scopes([.. LinqPredicateCases.Translatable, .. LinqPredicateCases.Untranslatable]))
        {
            var cases = scope.ToList();
            var source = new StringBuilder(Usings).Append("class C\n{\n").Append(scope.Key.Members).Append('\n')
                .Append($"async Task M(DataStore store, {scope.Key.Parameters})\n{{\n").Append(scope.Key.Locals).Append('\n');
            var lines = new List<int>();
            foreach (var c in cases)
            {
                lines.Add(source.ToString().Count(ch => ch == '\n'));
                source.Append($"await store.QueryAsync<{c.Model}>({c.Lambda});\n");
            }
            source.Append("}\n}\n");
            var compilation = Compile(scope.Key.Schema, source.ToString());
            var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new ModelSources.TextFile(ModelSources.SchemaPath(scope.Key.Schema), ModelSources.SchemaText(scope.Key.Schema))));
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new UntranslatableLinqPredicateAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
            int offset = Verify<UntranslatableLinqPredicateAnalyzer>.Usings.Count(ch => ch == '\n');
            for (int i = 0; i < cases.Count; i++)
            {
                var reported = diagnostics
                    .Where(d => d.Location.GetLineSpan().StartLinePosition.Line - offset == lines[i])
                    .Select(d => d.Id + " " + d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan))
                    .ToList();
                var expected = cases[i].Analyzer is { } at ? new[] { DiagnosticDescriptors.UntranslatableLinqPredicate.Id + " " + at } : [];
                Assert.That(reported, Is.EqualTo(expected), cases[i].Lambda);
            }
            Assert.That(diagnostics, Has.Length.EqualTo(cases.Count(c => c.Analyzer is not null)), scope.Key.Schema);
        }
    }

    [Test]
    public void The_translator_translates_exactly_the_translatable_cases()
    {
        int translated = 0, refused = 0;
        foreach (var scope in Scopes([.. LinqPredicateCases.Translatable, .. LinqPredicateCases.Untranslatable]))
        {
            var cases = scope.ToList();
            var source = new StringBuilder(Usings).Append("public class C\n{\n").Append(scope.Key.Members).Append('\n')
                .Append($"public LambdaExpression[] Run() => Cases({scope.Key.Arguments});\n")
                .Append($"LambdaExpression[] Cases({scope.Key.Parameters})\n{{\n").Append(scope.Key.Locals).Append('\n')
                .Append("return new LambdaExpression[]\n{\n");
            foreach (var c in cases) source.Append($"(Expression<Func<{c.Model}, bool>>)({c.Lambda}),\n");
            source.Append("};\n}\n}\n");
            var compilation = Compile(scope.Key.Schema, source.ToString());
            using var image = new MemoryStream();
            var emitted = compilation.Emit(image);
            Assert.That(emitted.Success, Is.True, string.Join("\n", emitted.Diagnostics));
            var assembly = Assembly.Load(image.ToArray());
            var type = assembly.GetType("C")!;
            var lambdas = (LambdaExpression[])type.GetMethod("Run")!.Invoke(Activator.CreateInstance(type), null)!;
            var translate = typeof(Amplify.DataStore.Linq.PredicateTranslator).GetMethods()
                .Single(m => m.Name == "Translate" && m.GetParameters().Length == 1);
            for (int i = 0; i < cases.Count; i++)
            {
                var model = lambdas[i].Parameters[0].Type;
                Exception? error = null;
                try
                {
                    translate.MakeGenericMethod(model).Invoke(null, [lambdas[i]]);
                }
                catch (TargetInvocationException ex)
                {
                    error = ex.InnerException;
                }
                if (cases[i].Translator is { } names)
                {
                    Assert.That(error, Is.TypeOf<NotSupportedException>(), cases[i].Lambda);
                    Assert.That(error!.Message, Does.Contain("'" + names + "'"), cases[i].Lambda);
                    refused++;
                }
                else
                {
                    Assert.That(error, Is.Null, cases[i].Lambda);
                    translated++;
                }
            }
        }
        Assert.That((translated, refused), Is.EqualTo((LinqPredicateCases.Translatable.Length, LinqPredicateCases.Untranslatable.Length)));
    }

    private static CSharpCompilation Compile(string sample, string source)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = ModelSources.For(sample).Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, "Generated/" + s.Name))
            .Append(CSharpSyntaxTree.ParseText(Verify<UntranslatableLinqPredicateAnalyzer>.Usings + source, parse, "Test.cs"));
        var compilation = CSharpCompilation.Create("LinqCases" + Guid.NewGuid().ToString("N"), trees, References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.That(errors, Is.Empty, sample);
        return compilation;
    }
}
