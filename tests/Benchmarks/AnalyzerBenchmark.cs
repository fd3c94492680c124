using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Amplify.DataStore.Benchmarks;

/// <summary>
/// What the usage analyzers add to a build: a project of N files (a tenth of them use DataStore) against a schema of M
/// models, compiled in memory. Prints the compile time, the .NET SDK's own analyzers' time (what a build runs anyway)
/// and ours, per analyzer, from Roslyn's analyzer telemetry.
/// </summary>
internal static class AnalyzerBenchmark
{
    public static async Task<bool> RunAsync(int files, int models, int repeat)
    {
        var schema = new GeneratorBenchmark.SchemaText("/bench/schema.graphql", SyntheticSchema.Create(models, 15));
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var references = References();
        var generated = Generate(schema, parseOptions, references);
        var trees = generated.Concat(UserFiles(files, models).Select((text, i) => CSharpSyntaxTree.ParseText(text, parseOptions, path: $"/bench/File{i}.cs"))).ToArray();
        var compilation = CSharpCompilation.Create("Bench", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var ours = typeof(Amplify.DataStore.Analyzers.DiagnosticDescriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var sdk = SdkAnalyzers();
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(schema));

        double compileMs = 0, oursMs = 0, sdkMs = 0;
        int ourDiagnostics = 0, errors = 0;
        for (int r = 0; r <= repeat; r++) // run 0 warms up (JIT), then `repeat` measured runs
        {
            var fresh = compilation.Clone();
            var sw = Stopwatch.StartNew();
            errors = fresh.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            using (var pe = new MemoryStream()) fresh.Emit(pe);
            var compile = sw.Elapsed.TotalMilliseconds;

            var withAnalyzers = fresh.WithAnalyzers(ours.AddRange(sdk), new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var telemetry = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
            double o = 0, s = 0;
            foreach (var (analyzer, info) in telemetry.AnalyzerTelemetryInfo)
            {
                if (ours.Contains(analyzer))
                {
                    o += info.ExecutionTime.TotalMilliseconds;
                    if (r == repeat) Console.Error.WriteLine(FormattableString.Invariant($"  {analyzer.GetType().Name}: {info.ExecutionTime.TotalMilliseconds:F1} ms"));
                }
                else s += info.ExecutionTime.TotalMilliseconds;
            }
            if (r == 0) continue;
            compileMs += compile / repeat;
            oursMs += o / repeat;
            sdkMs += s / repeat;
            ourDiagnostics = diagnostics.Count(d => d.Id.StartsWith("ADS2", StringComparison.Ordinal));
        }
        bool ok = errors == 0 && ourDiagnostics == 0;
        Console.WriteLine(FormattableString.Invariant(
            $"{{\"scenario\":\"analyzers-{files}-files-{models}-models\",\"files\":{files},\"models\":{models},\"dataStoreFiles\":{files / 10},\"compileMs\":{compileMs:F1},\"sdkAnalyzersMs\":{sdkMs:F1},\"sdkAnalyzers\":{sdk.Length},\"dataStoreAnalyzersMs\":{oursMs:F1},\"addedToAnalyzerTimePercent\":{(sdkMs > 0 ? oursMs / sdkMs * 100 : double.NaN):F2},\"addedToCompilePercent\":{oursMs / compileMs * 100:F2},\"runs\":{repeat},\"ok\":{(ok ? "true" : "false")}}}"));
        if (!ok) Console.Error.WriteLine($"compile errors: {errors}, DataStore diagnostics on clean code: {ourDiagnostics}");
        return ok;
    }

    private static IEnumerable<string> UserFiles(int files, int models)
    {
        for (int i = 0; i < files; i++)
        {
            int m = i % models;
            if (i % 10 != 0)
            {
                yield return $$"""
                    namespace Bench.App;
                    public sealed class Service{{i}}
                    {
                        private readonly System.Collections.Generic.List<int> _values = new();
                        public int Sum(int limit)
                        {
                            int total = 0;
                            foreach (var v in _values) if (v < limit) total += v * 2;
                            return total + System.Linq.Enumerable.Count(_values, v => v % 3 == 0);
                        }
                        public string Describe() => $"{nameof(Service{{i}})} with {_values.Count} values";
                    }
                    """;
                continue;
            }
            yield return $$"""
                namespace Bench.App;
                using System.Threading.Tasks;
                using Amplify.DataStore;
                using Bench.Models;
                public sealed class Repository{{i}}(DataStore store)
                {
                    public async Task<int> RunAsync(string id)
                    {
                        var typed = await store.QueryAsync(Model{{m}}.Where(p => p.Field1.Gt(3) & p.Field0.BeginsWith("a")));
                        var linq = await store.QueryAsync<Model{{m}}>(p => p.Field1 > 3 && p.Field0 != "b");
                        var dynamic = await store.QueryAsync(Predicate.Field<Model{{m}}>("field1", "between", 1, 9));
                        var one = await store.QueryByIdAsync<Model{{m}}>(id);
                        if (one is not null) await store.SaveAsync(one with { Field0 = "edited" }, Model{{m}}.Where(p => p.Field1.Lt(100)));
                        using var subscription = store.Observe<Model{{m}}>().Subscribe(_ => { });
                        await store.DeleteAsync<Model{{m}}>(p => p.Field0 == "gone");
                        return typed.Count + linq.Count + dynamic.Count;
                    }
                }
                """;
        }
    }

    private static IEnumerable<SyntaxTree> Generate(GeneratorBenchmark.SchemaText schema, CSharpParseOptions parseOptions, ImmutableArray<MetadataReference> references)
    {
        var driver = CSharpGeneratorDriver.Create(new[] { new ModelGenerator().AsSourceGenerator() }, new[] { (AdditionalText)schema }, parseOptions,
            new NamespaceOptions("Bench.Models"));
        var run = driver.RunGenerators(CSharpCompilation.Create("Models", references: references)).GetRunResult();
        return run.GeneratedTrees;
    }

    private static ImmutableArray<MetadataReference> References()
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return tpa.Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "System.dll" or "netstandard.dll" or "mscorlib.dll" or "LiteDB.dll"
                || n.StartsWith("Microsoft.Extensions.Logging.Abstractions", StringComparison.Ordinal)))
            .Append(typeof(Amplify.DataStore.IModel).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    /// <summary>The .NET SDK's built-in analyzers (CA rules), as a build runs them; empty if they cannot be loaded here.</summary>
    private static ImmutableArray<DiagnosticAnalyzer> SdkAnalyzers()
    {
        try
        {
            var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
            var sdkDir = Directory.GetDirectories(Path.Combine(dotnetRoot, "sdk")).OrderBy(d => d, StringComparer.Ordinal).Last();
            var folder = Path.Combine(sdkDir, "Sdks", "Microsoft.NET.Sdk", "analyzers");
            var loader = new Loader();
            return new[] { "Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll" }
                .SelectMany(f => new AnalyzerFileReference(Path.Combine(folder, f), loader).GetAnalyzers(LanguageNames.CSharp))
                .ToImmutableArray();
        }
        catch (Exception ex) when (ex is IOException or ReflectionTypeLoadException or TypeLoadException or FileLoadException or InvalidOperationException)
        {
            Console.Error.WriteLine("The SDK analyzers could not be loaded: " + ex.Message);
            return ImmutableArray<DiagnosticAnalyzer>.Empty;
        }
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }

    private sealed class NamespaceOptions(string ns) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(ns);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Values(string ns) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = ns;
                return key == "build_property.AmplifyModelsNamespace";
            }
        }
    }
}
