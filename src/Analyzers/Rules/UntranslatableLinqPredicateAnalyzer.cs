using System.Collections.Immutable;
using Amplify.DataStore.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Amplify.DataStore.Analyzers.Rules;

/// <summary>
/// ADS2001 (and ADS2002 for string operators applied to non-text fields): a lambda passed as an
/// <c>Expression&lt;Func&lt;T, bool&gt;&gt;</c> to a <c>DataStore</c> method (<c>QueryAsync</c>, <c>DeleteAsync</c>,
/// <c>Observe</c>, …) that the runtime's LINQ translator would reject with a <c>NotSupportedException</c>.
/// </summary>
/// <remarks>
/// The walk over the lambda's operation tree is in <see cref="UntranslatableLinqPredicateWalker"/> and follows the
/// grammar of <c>src/Runtime/Linq/PredicateExpressionTranslator.cs</c> case by case, so that everything the runtime
/// translates produces nothing here.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UntranslatableLinqPredicateAnalyzer : DataStoreAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UntranslatableLinqPredicate, DiagnosticDescriptors.OperatorNotValidForField);

    /// <inheritdoc/>
    private protected override void Register(CompilationStartAnalysisContext start, DataStoreCompilation dataStore)
    {
        if (dataStore.ExpressionOfT is null) return;
        start.RegisterOperationAction(c => Analyze(c, dataStore), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, DataStoreCompilation dataStore)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!dataStore.IsDataStoreMethod(invocation.TargetMethod)) return;
        foreach (var argument in invocation.Arguments)
        {
            // Only the Expression<Func<T, bool>> overloads go through the translator.
            if (argument.Parameter?.Type is not INamedTypeSymbol { TypeArguments.Length: 1 } parameterType
                || !SymbolEqualityComparer.Default.Equals(parameterType.OriginalDefinition, dataStore.ExpressionOfT)
                || parameterType.TypeArguments[0] is not INamedTypeSymbol { TypeArguments.Length: 2 } delegateType
                || delegateType.TypeArguments[1].SpecialType != SpecialType.System_Boolean)
            {
                continue;
            }
            if (LambdaOf(argument.Value) is not { } lambda || lambda.Symbol.Parameters.Length != 1) continue;
            if (dataStore.ModelFor(lambda.Symbol.Parameters[0].Type) is not { } model) continue;
            if (Body(lambda) is not { } body) continue;
            var walker = new UntranslatableLinqPredicateWalker(lambda.Symbol.Parameters[0], model, dataStore.Schema);
            foreach (var diagnostic in walker.Check(body)) context.ReportDiagnostic(diagnostic);
        }
    }

    // A lambda written in place; a variable holding an expression is not followed (its lambda is analyzed nowhere).
    private static IAnonymousFunctionOperation? LambdaOf(IOperation value)
    {
        while (true)
        {
            switch (value)
            {
                case IAnonymousFunctionOperation lambda: return lambda;
                case IDelegateCreationOperation creation: value = creation.Target; break;
                case IConversionOperation conversion: value = conversion.Operand; break;
                default: return null;
            }
        }
    }

    // An expression-bodied lambda is a block with one return; a block-bodied one cannot be an expression tree.
    private static IOperation? Body(IAnonymousFunctionOperation lambda)
        => lambda.Body.Operations.Length == 1 && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } value } ? value : null;
}
