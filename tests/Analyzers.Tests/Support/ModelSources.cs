using NUnit.Framework;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Amplify.DataStore.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Amplify.DataStore.Analyzers.Tests.Support;

/// <summary>The generator's output for a schema sample, so analyzer tests compile against real generated models.</summary>
internal static class ModelSources
{
    public const string Namespace = "TestApp.Models";

    private static readonly ConcurrentDictionary<string, ImmutableArray<(string Name, string Text)>> s_cache = new();

    public static string SchemaPath(string sample) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Schemas", sample);

    public static string SchemaText(string sample) => File.ReadAllText(SchemaPath(sample));

    /// <summary>The generated sources of <paramref name="sample"/> (e.g. <c>blog.graphql</c>).</summary>
    public static ImmutableArray<(string Name, string Text)> For(string sample) => s_cache.GetOrAdd(sample, Generate);

    private static ImmutableArray<(string Name, string Text)> Generate(string sample)
    {
        var compilation = CSharpCompilation.Create("Models", references: References.All, options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = CSharpGeneratorDriver.Create(
            new[] { new ModelGenerator().AsSourceGenerator() },
            new AdditionalText[] { new TextFile(sample, SchemaText(sample)) },
            new CSharpParseOptions(LanguageVersion.Latest),
            new Options(new Dictionary<string, string> { ["build_property.AmplifyModelsNamespace"] = Namespace }));
        var result = driver.RunGenerators(compilation).GetRunResult();
        if (result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        return result.GeneratedTrees.Select(t => (Path.GetFileName(t.FilePath), t.GetText().ToString())).ToImmutableArray();
    }

    internal sealed class TextFile(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(values);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
