using System.Collections.Immutable;
using Amplify.DataStore.Analyzers.Infrastructure;
using Amplify.DataStore.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Amplify.DataStore.Analyzers.Rules;

/// <summary>
/// ADS2005: a <c>SaveAsync</c>/<c>DeleteAsync</c> condition goes to AppSync as the mutation's <c>condition</c>, a
/// <c>ModelXConditionInput</c>. That input has only the model's own scalar and enum fields, and not the partition field
/// of the primary key. Reported: conditions through a relationship (<c>c.Post.Id.Eq(x)</c>) and conditions on the
/// partition key field. The condition may be written in the call or in a local assigned only by its declaration.
/// </summary>
/// <remarks>
/// The issue also names sync expressions and subscription filters; the runtime has neither yet, so there is nothing to
/// check for them (see docs/diagnostics/ADS2005.md).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AppSyncPredicateAnalyzer : DataStoreAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.NotEvaluableByAppSync);

    /// <inheritdoc/>
    private protected override void Register(CompilationStartAnalysisContext start, DataStoreCompilation dataStore)
    {
        start.RegisterOperationAction(c => Analyze(c, dataStore), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, DataStoreCompilation dataStore)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (dataStore.ConditionArgument(invocation) is not { } argument) return;
        var method = invocation.TargetMethod;
        if (method.TypeArguments.Length != 1 || dataStore.ModelFor(method.TypeArguments[0]) is not { } model) return;
        var condition = ConstantPredicateFieldAccess.Unwrap(argument.Value);
        // A condition kept in a local: check what the local was initialised with, but report at the call that sends
        // it (one local may feed several calls; each is a separate request).
        SyntaxNode? reportAt = null;
        if (condition is ILocalReferenceOperation { Local: { } local } && condition.SemanticModel is { } semanticModel)
        {
            if (ConditionOnCreateLocalOrigin.Find(local, semanticModel, context.CancellationToken) is not { } origin
                || semanticModel.GetOperation(origin.Value, context.CancellationToken) is not { } initial)
            {
                return;
            }
            condition = initial;
            reportAt = argument.Syntax;
        }
        foreach (var operation in condition.DescendantsAndSelf())
        {
            if (operation is not IInvocationOperation call || ConstantPredicateFieldAccess.Read(call, dataStore) is not { } access) continue;
            if (Why(access, model, method.Name) is not { } why) continue;
            var location = (reportAt ?? call.Syntax).GetLocation();
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NotEvaluableByAppSync, location, call.Syntax.ToString(), why));
        }
    }

    private static string? Why(ConstantPredicateFieldAccess access, ModelDefinition model, string methodName)
    {
        var input = "Model" + model.Name + "ConditionInput";
        if (access.IsNested)
        {
            var relationProperty = access.Path[0];
            var relation = SchemaIndex.FieldForProperty(model, relationProperty.Name);
            var why = $"the condition of {methodName} is a {input}, which has only {model.Name}'s own fields, not the related '{relation?.Name ?? relationProperty.Name}'";
            return ForeignKeyAlternative(access, model, relation) is { } foreignKey ? why + $"; compare the foreign key '{foreignKey}' instead" : why;
        }
        if (access.Field is { } field && access.Model is { } fieldModel && fieldModel.Name == model.Name && field.Name == model.PrimaryKey.PartitionKey)
        {
            return $"{input} has no '{field.Name}': the partition field of the primary key cannot be part of a condition (the key already chooses the item)";
        }
        return null;
    }

    /// <summary>
    /// For <c>c.Post.Id.Eq(x)</c> through a belongs-to with a single-field key: the child's own foreign-key property
    /// (<c>CommentPostId</c>), which holds the same value and is in the condition input.
    /// </summary>
    private static string? ForeignKeyAlternative(ConstantPredicateFieldAccess access, ModelDefinition model, FieldDefinition? relation)
    {
        if (access.Path.Count != 2 || relation?.Association is not { } association || association.TargetNames.Count != 1) return null;
        if (access.Model is not { } related || related.PrimaryKey.IsComposite || access.Field?.Name != related.PrimaryKey.PartitionKey) return null;
        if (association.Kind is not (AssociationKind.BelongsTo or AssociationKind.HasOne)) return null;
        return CSharpNaming.PropertyName(CSharpNaming.TypeName(model.Name), association.TargetNames[0]);
    }
}
