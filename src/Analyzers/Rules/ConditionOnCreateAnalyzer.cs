using System.Collections.Immutable;
using Amplify.DataStore.Analyzers.Infrastructure;
using Amplify.DataStore.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Amplify.DataStore.Analyzers.Rules;

/// <summary>
/// ADS2006: <c>SaveAsync(new Post { … }, condition)</c>. A condition only applies when the stored item exists; an item
/// created here with a fresh generated key cannot exist yet, so the condition is silently ignored. Reported only where
/// the item is certainly new: an object creation that leaves the auto-generated key alone, written in the call or in
/// the initializer of a local that is not written, passed anywhere, or re-entered (loop, lambda) before the call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConditionOnCreateAnalyzer : DataStoreAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ConditionOnCreate);

    /// <inheritdoc/>
    private protected override void Register(CompilationStartAnalysisContext start, DataStoreCompilation dataStore)
    {
        start.RegisterOperationAction(c => Analyze(c, dataStore), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, DataStoreCompilation dataStore)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "SaveAsync" || dataStore.ConditionArgument(invocation) is not { } condition) return;
        IArgumentOperation? item = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0) item = argument;
        }
        if (item is null) return;

        var value = ConstantPredicateFieldAccess.Unwrap(item.Value);
        if (value is IObjectCreationOperation creation)
        {
            if (IsCertainlyNew(creation, dataStore)) Report(context, condition);
        }
        else if (value is ILocalReferenceOperation { Local: { } local } && value.SemanticModel is { } semanticModel
                 && ConditionOnCreateLocalOrigin.Find(local, semanticModel, context.CancellationToken) is { } origin
                 && semanticModel.GetOperation(origin.Value, context.CancellationToken) is { } initialValue
                 && ConstantPredicateFieldAccess.Unwrap(initialValue) is IObjectCreationOperation initial
                 && IsCertainlyNew(initial, dataStore)
                 && NothingBetween(origin, item.Syntax, invocation.Syntax))
        {
            Report(context, condition);
        }
    }

    private static void Report(OperationAnalysisContext context, IArgumentOperation condition)
        => context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ConditionOnCreate, condition.Syntax.GetLocation()));

    /// <summary>
    /// True for <c>new Model { … }</c> of a model whose single key field gets a fresh UUID unless set, when the
    /// initializer does not set it: no stored item can have that key. A creation that sets the key
    /// (<c>new Post { Id = existing.Id, … }</c>) may well replace an existing item, so it is left alone.
    /// </summary>
    private static bool IsCertainlyNew(IObjectCreationOperation creation, DataStoreCompilation dataStore)
    {
        if (creation.Type is not { } type || creation.Arguments.Length != 0) return false;
        if (dataStore.ModelFor(type) is not { } model || !HasGeneratedKey(model)) return false;
        var keyProperty = CSharpNaming.PropertyName(CSharpNaming.TypeName(model.Name), model.PrimaryKey.PartitionKey);
        if (creation.Initializer is { } initializer)
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is IAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: var name } } && name == keyProperty) return false;
                // Anything else that could reach the key (nested initializers, dynamic members) makes the item unknown.
                if (member is not IAssignmentOperation { Target: IPropertyReferenceOperation }) return false;
            }
        }
        return true;
    }

    /// <summary>Mirrors the generator: a single ID or String key field is initialised with a new UUID.</summary>
    private static bool HasGeneratedKey(ModelDefinition model)
    {
        if (model.PrimaryKey.IsComposite || model.FindField(model.PrimaryKey.PartitionKey) is not { } key) return false;
        return key is { IsList: false, Type: { Kind: Schema.TypeKind.Scalar, Scalar: ScalarKind.ID or ScalarKind.String } };
    }

    /// <summary>
    /// True when, between the declaration and the save, the local is only read through member accesses
    /// (<c>post.Title</c>), and the save cannot run twice for one creation (no loop or lambda between them).
    /// Any other use — passed to a method (which might save it), copied, captured — makes the rule stay silent.
    /// </summary>
    private static bool NothingBetween(ConditionOnCreateLocalOrigin origin, SyntaxNode itemArgument, SyntaxNode call)
    {
        int start = origin.Declarator.Span.End;
        int end = call.SpanStart;
        foreach (var reference in origin.References)
        {
            if (itemArgument.Span.Contains(reference.Span)) continue;
            if (reference.SpanStart < start || reference.SpanStart > end) continue;
            if (reference.Parent is MemberAccessExpressionSyntax access && access.Expression == reference
                && access.Parent is not InvocationExpressionSyntax)
            {
                continue;
            }
            return false;
        }
        for (var node = call.Parent; node is not null && node != origin.Scope; node = node.Parent)
        {
            if (node is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax
                or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or GotoStatementSyntax)
            {
                return false;
            }
        }
        // A backward goto or a label in the scope could re-run the save with the same item; stay silent.
        foreach (var node in origin.Scope.DescendantNodes())
        {
            if (node is GotoStatementSyntax or LabeledStatementSyntax) return false;
        }
        return true;
    }
}
