using System.Collections.Generic;
using System.Collections.Immutable;
using Amplify.DataStore.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Amplify.DataStore.Analyzers.Rules;

/// <summary>
/// ADS2007: <c>post with { Id = … }</c> on a generated model assigns a primary-key property, so the "copy" is a
/// different item. <c>CopyOf</c> drafts need no check: the generated <c>Draft</c> exposes key properties get-only, so
/// assigning one there does not compile (CS0200).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PrimaryKeyChangeAnalyzer : DataStoreAnalyzer
{
    private const string WithExpression = "a 'with' expression";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.PrimaryKeyChanged);

    /// <inheritdoc/>
    private protected override void Register(CompilationStartAnalysisContext start, DataStoreCompilation dataStore)
    {
        start.RegisterOperationAction(c => Analyze(c, dataStore), OperationKind.With);
    }

    private static void Analyze(OperationAnalysisContext context, DataStoreCompilation dataStore)
    {
        var with = (IWithOperation)context.Operation;
        if (with.Type is not { } type || with.Initializer.Initializers.IsEmpty) return;
        if (dataStore.ModelFor(type) is not { } model) return;

        var keyFields = new HashSet<string>(model.PrimaryKey.Fields);
        foreach (var initializer in with.Initializer.Initializers)
        {
            if (initializer is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment) continue;
            var field = SchemaIndex.FieldForProperty(model, target.Property.Name);
            if (field is null || !keyFields.Contains(field.Name)) continue;
            if (KeepsOriginalValue(with.Operand, assignment.Value, target.Property)) continue;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.PrimaryKeyChanged, assignment.Syntax.GetLocation(),
                target.Property.Name, type.Name, WithExpression));
        }
    }

    /// <summary>
    /// <c>post with { Id = post.Id }</c> restates the key rather than changing it; only recognised when both sides name
    /// the same local, parameter or field, since anything else may have a different value.
    /// </summary>
    private static bool KeepsOriginalValue(IOperation original, IOperation value, IPropertySymbol property)
    {
        if (Unwrap(value) is not IPropertyReferenceOperation { Instance: { } instance } read
            || !SymbolEqualityComparer.Default.Equals(read.Property, property)) return false;
        var source = SymbolOf(Unwrap(original));
        return source is not null && SymbolEqualityComparer.Default.Equals(source, SymbolOf(Unwrap(instance)));
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion) operation = conversion.Operand;
        return operation;
    }

    private static ISymbol? SymbolOf(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
        _ => null,
    };
}
