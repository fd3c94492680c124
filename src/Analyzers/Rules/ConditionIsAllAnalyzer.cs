using System.Collections.Immutable;
using Amplify.DataStore.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Amplify.DataStore.Analyzers.Rules;

/// <summary>ADS2009: <c>SaveAsync(item, Predicate&lt;T&gt;.All)</c> / <c>DeleteAsync(item, Predicate&lt;T&gt;.All)</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConditionIsAllAnalyzer : DataStoreAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ConditionIsAll);

    /// <inheritdoc/>
    private protected override void Register(CompilationStartAnalysisContext start, DataStoreCompilation dataStore)
    {
        start.RegisterOperationAction(c => Analyze(c, dataStore), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, DataStoreCompilation dataStore)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (dataStore.ConditionArgument(invocation) is not { } argument) return;
        var value = argument.Value is IConversionOperation conversion ? conversion.Operand : argument.Value;
        if (value is IPropertyReferenceOperation { Property.Name: "All" } all && dataStore.IsPredicate(all.Property.ContainingType))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ConditionIsAll, argument.Syntax.GetLocation(),
                ((INamedTypeSymbol)all.Property.ContainingType).TypeArguments[0].Name, invocation.TargetMethod.Name));
        }
    }
}
