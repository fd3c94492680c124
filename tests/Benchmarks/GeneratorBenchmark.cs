using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Amplify.DataStore.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Amplify.DataStore.Benchmarks;

/// <summary>Times a full generator run and an incremental no-op run on a synthetic schema.</summary>
internal static class GeneratorBenchmark
{
    public static void Run(int models, int fields)
    {
        var schema = new SchemaText("/bench/schema.graphql", SyntheticSchema.Create(models, fields));
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create("Bench",
            new[] { CSharpSyntaxTree.ParseText("public class Unrelated { public int A; }", parseOptions) },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText("public class Unrelated { public int A; public int B; }", parseOptions));

        GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(new[] { new ModelGenerator().AsSourceGenerator() }, new[] { (AdditionalText)schema }, parseOptions);

        // Where a cold run's time goes: parse + validate alone, then the emitters alone (both include their JIT).
        var parseWatch = Stopwatch.StartNew();
        var parsed = Amplify.DataStore.Schema.SchemaParser.Parse(schema.Path, schema.GetText()!.ToString());
        var parseMs = parseWatch.Elapsed.TotalMilliseconds;
        Print("schema-parse-cold", models, fields, parseMs, 0, 0, parsed.Schema is not null);

        // Cold: the first generator run in this process, JIT included (what a fresh compiler server pays once).
        var sw = Stopwatch.StartNew();
        var driver = NewDriver().RunGenerators(compilation);
        var cold = sw.Elapsed.TotalMilliseconds;
        var run = driver.GetRunResult();
        int files = run.GeneratedTrees.Length;
        long chars = run.GeneratedTrees.Sum(t => (long)t.Length);
        bool ok = run.Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error) && files == models + 2;

        var full = Measure(7, () => NewDriver().RunGenerators(compilation));
        // The driver keeps the state of its run on `compilation`; running it on an edit of an unrelated C# file is the
        // incremental no-op path the IDE and the compiler server take on every keystroke.
        var noop = Measure(31, () => driver.RunGenerators(edited));
        Print("generator-full-cold", models, fields, cold, files, chars, ok);
        Print("generator-full", models, fields, full, files, chars, ok);
        Print("generator-noop", models, fields, noop, files, chars, ok);
    }

    private static double Measure(int iterations, Action action)
    {
        var samples = new List<double>(iterations);
        for (int i = 0; i < iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            samples.Add(sw.Elapsed.TotalMilliseconds);
        }
        samples.Sort();
        return samples[samples.Count / 2];
    }

    private static void Print(string scenario, int models, int fields, double ms, int files, long chars, bool ok)
        => Console.WriteLine(FormattableString.Invariant(
            $"{{\"scenario\":\"{scenario}\",\"models\":{models},\"fields\":{fields},\"medianMs\":{ms:F1},\"files\":{files},\"chars\":{chars},\"ok\":{(ok ? "true" : "false")}}}"));

    internal sealed class SchemaText : AdditionalText
    {
        private readonly SourceText _text;

        public SchemaText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }
}
