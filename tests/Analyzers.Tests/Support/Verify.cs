using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Amplify.DataStore.Analyzers.Tests.Support;

/// <summary>
/// Runs an analyzer (and optionally its code fix) with the Roslyn testing library over test code that uses the
/// generated models of a schema sample; the schema is an AdditionalFile, as in a real project. Test code is a file
/// with <c>using Amplify.DataStore; using TestApp.Models;</c> already in scope; mark expected diagnostics with
/// <c>{|#0:…|}</c> and pass <c>Diagnostic(descriptor).WithLocation(0).WithArguments(…)</c>.
/// </summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public const string Usings = "using System.Linq;\nusing System.Threading.Tasks;\nusing Amplify.DataStore;\nusing TestApp.Models;\n";

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) => AnalyzerAsync(source, "blog.graphql", expected);

    public static async Task AnalyzerAsync(string source, string schema, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>();
        Configure(test.TestState, source, schema);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    public static Task CodeFixAsync<TCodeFix>(string source, string fixedSource, params DiagnosticResult[] expected)
        where TCodeFix : CodeFixProvider, new()
        => CodeFixAsync<TCodeFix>(source, fixedSource, "blog.graphql", expected);

    public static async Task CodeFixAsync<TCodeFix>(string source, string fixedSource, string schema, params DiagnosticResult[] expected)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>();
        Configure(test.TestState, source, schema);
        Configure(test.FixedState, fixedSource, schema);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    private static void Configure(SolutionState state, string source, string schema)
    {
        state.Sources.Add(("Test.cs", Usings + source));
        foreach (var (name, text) in ModelSources.For(schema)) state.Sources.Add(("Generated/" + name, text));
        state.AdditionalFiles.Add((ModelSources.SchemaPath(schema), ModelSources.SchemaText(schema)));
        state.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        state.AdditionalReferences.AddRange(References.All);
        state.OutputKind = OutputKind.DynamicallyLinkedLibrary;
    }
}
