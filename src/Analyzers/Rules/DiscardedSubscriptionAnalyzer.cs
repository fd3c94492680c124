using System.Collections.Immutable;
using Amplify.DataStore.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Amplify.DataStore.Analyzers.Rules;

/// <summary>
/// ADS2008: <c>store.Observe&lt;Post&gt;().Subscribe(…)</c> (or <c>ObserveQuery</c>, <c>Events</c>, any
/// <c>DataStoreObservable&lt;T&gt;</c>) whose <c>IDisposable</c> is dropped: as a statement on its own or assigned to
/// the discard <c>_</c>. Nothing can stop that subscription later. Extension <c>Subscribe</c> methods on the
/// observable (System.Reactive's, say) count too.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DiscardedSubscriptionAnalyzer : DataStoreAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.SubscriptionDiscarded);

    /// <inheritdoc/>
    private protected override void Register(CompilationStartAnalysisContext start, DataStoreCompilation dataStore)
    {
        var observable = start.Compilation.GetTypeByMetadataName("Amplify.DataStore.Observation.DataStoreObservable`1");
        var disposable = start.Compilation.GetTypeByMetadataName("System.IDisposable");
        if (observable is null || disposable is null) return;
        start.RegisterOperationAction(c => Analyze(c, observable, disposable), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol observable, INamedTypeSymbol disposable)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name != "Subscribe" || !SymbolEqualityComparer.Default.Equals(method.ReturnType, disposable)) return;

        // Instance Subscribe on the observable, or an extension whose 'this' argument is the observable.
        var receiver = method.IsExtensionMethod
            ? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null)
            : invocation.Instance;
        if (receiver is IConversionOperation { IsImplicit: true } conversion) receiver = conversion.Operand;
        if (receiver?.Type is null || !IsObservable(receiver.Type, observable)) return;

        if (!IsDiscarded(invocation)) return;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SubscriptionDiscarded, NameLocation(invocation), method.Name));
    }

    private static bool IsObservable(ITypeSymbol type, INamedTypeSymbol observable)
    {
        for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, observable)) return true;
        }
        return false;
    }

    /// <summary>The result goes nowhere: the call is a statement of its own, or is assigned to <c>_</c>.</summary>
    private static bool IsDiscarded(IInvocationOperation invocation)
    {
        IOperation current = invocation;
        // observable?.Subscribe(…) as a statement: the invocation sits inside the conditional access.
        while (current.Parent is IConditionalAccessOperation access && access.WhenNotNull == current) current = access;
        return current.Parent switch
        {
            IExpressionStatementOperation => true,
            ISimpleAssignmentOperation { Target: IDiscardOperation } assignment => assignment.Value == current && assignment.Parent is IExpressionStatementOperation,
            _ => false,
        };
    }

    /// <summary>The <c>Subscribe</c> name rather than the whole call, whose callbacks may span many lines.</summary>
    private static Location NameLocation(IInvocationOperation invocation) => invocation.Syntax is InvocationExpressionSyntax syntax
        ? syntax.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.GetLocation(),
            MemberBindingExpressionSyntax binding => binding.Name.GetLocation(),
            SimpleNameSyntax name => name.GetLocation(),
            _ => syntax.GetLocation(),
        }
        : invocation.Syntax.GetLocation();
}
