using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Amplify.DataStore.Generator.Tests;

/// <summary>Runs <see cref="ModelGenerator"/> on an in-memory compilation, as the compiler does in a build.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public const string RootNamespace = "TestApp";

    public static CSharpCompilation CreateCompilation(params string[] sources) => CSharpCompilation.Create(
        "TestApp",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
        References.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            generalDiagnosticOption: ReportDiagnostic.Error,
            specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
            {
                // Binding-redirect style warnings from mixing framework facades are not about the generated code.
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            }));

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> schemaFiles, string? modelsNamespace = null)
    {
        var options = new Dictionary<string, string> { ["build_property.RootNamespace"] = RootNamespace };
        if (modelsNamespace is not null) options["build_property.AmplifyModelsNamespace"] = modelsNamespace;
        return CSharpGeneratorDriver.Create(
            new[] { new ModelGenerator().AsSourceGenerator() },
            schemaFiles,
            ParseOptions,
            new TestOptionsProvider(options),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator; returns the updated compilation and the run result.</summary>
    public static (Compilation Output, GeneratorDriverRunResult Result, GeneratorDriver Driver) Run(
        IEnumerable<AdditionalText> schemaFiles, params string[] sources)
    {
        var compilation = CreateCompilation(sources);
        var driver = CreateDriver(schemaFiles).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (output, driver.GetRunResult(), driver);
    }

    public static IEnumerable<AdditionalText> SampleFiles(string sampleName)
    {
        var path = Path.Combine(TestPaths.SchemaSamples, sampleName);
        if (Directory.Exists(path))
        {
            return Directory.GetFiles(path, "*.graphql", SearchOption.AllDirectories)
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (AdditionalText)new InMemoryAdditionalText(p, File.ReadAllText(p)))
                .ToArray();
        }
        return new[] { new InMemoryAdditionalText(path, File.ReadAllText(path)) };
    }

    /// <summary>Every schema sample: each top-level .graphql file and each folder (a multi-file schema).</summary>
    public static IEnumerable<string> SampleNames()
        => Directory.GetFiles(TestPaths.SchemaSamples, "*.graphql").Select(Path.GetFileName)
            .Concat(Directory.GetDirectories(TestPaths.SchemaSamples).Select(Path.GetFileName))
            .OrderBy(n => n, StringComparer.Ordinal)!;

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var framework = tpa.Where(p =>
        {
            var name = Path.GetFileName(p);
            return name.StartsWith("System.", StringComparison.Ordinal) || name is "System.dll" or "netstandard.dll" or "mscorlib.dll"
                || name.StartsWith("Microsoft.Extensions.Logging.Abstractions", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal);
        });
        return framework
            .Append(typeof(Amplify.DataStore.IModel).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    public sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly TestOptions _global;

        public TestOptionsProvider(Dictionary<string, string> global) => _global = new TestOptions(global);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TestOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => TestOptions.Empty;
    }

    private sealed class TestOptions : AnalyzerConfigOptions
    {
        public static readonly TestOptions Empty = new(new Dictionary<string, string>());
        private readonly Dictionary<string, string> _values;

        public TestOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}
