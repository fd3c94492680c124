using Microsoft.CodeAnalysis.Diagnostics;

namespace Amplify.DataStore.Analyzers.Infrastructure;

/// <summary>
/// The base of every usage rule: skips generated code, runs concurrently, and registers the rule's actions only in
/// compilations that reference DataStore, with the compilation's shared <see cref="DataStoreCompilation"/>.
/// </summary>
public abstract class DataStoreAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (DataStoreCompilation.TryCreate(start.Compilation, start.Options, start.CancellationToken) is { } dataStore) Register(start, dataStore);
        });
    }

    /// <summary>Registers the rule's actions for a compilation that uses DataStore.</summary>
    private protected abstract void Register(CompilationStartAnalysisContext start, DataStoreCompilation dataStore);
}
