using System.Collections.Immutable;
using System.Linq;
using Amplify.DataStore.Analyzers.Infrastructure;
using Amplify.DataStore.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Amplify.DataStore.Analyzers.Rules;

/// <summary>
/// ADS2003 and ADS2002 on the dynamic predicate API, <c>Predicate.Field&lt;T&gt;("field", "operator", operands…)</c>,
/// when the field name and operator are constants: the checks <c>DynamicPredicate.Create</c> makes at run time
/// (unknown field, field that cannot be used in a predicate, operator not valid for the field's type or unknown).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FieldOperatorAnalyzer : DataStoreAnalyzer
{
    /// <summary>The <see cref="Diagnostic.Properties"/> key of the suggested field name on ADS2003.</summary>
    public const string SuggestionProperty = "SuggestedField";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnknownField, DiagnosticDescriptors.OperatorNotValidForField);

    /// <inheritdoc/>
    private protected override void Register(CompilationStartAnalysisContext start, DataStoreCompilation dataStore)
    {
        if (dataStore.PredicateStatic is null) return;
        start.RegisterOperationAction(c => Analyze(c, dataStore), OperationKind.Invocation);
    }

    /// <summary>The field's GraphQL type as the schema writes it (<c>Int!</c>, <c>[String!]</c>), for messages.</summary>
    internal static string GraphQLType(FieldDefinition field)
    {
        var element = field.Type.Name + (field.IsRequired ? "!" : "");
        return field.IsList ? "[" + element + "]" + (field.IsListRequired ? "!" : "") : element;
    }

    private static void Analyze(OperationAnalysisContext context, DataStoreCompilation dataStore)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name != "Field" || method.TypeArguments.Length != 1
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType, dataStore.PredicateStatic))
        {
            return;
        }
        if (dataStore.ModelFor(method.TypeArguments[0]) is not { } model) return;
        var fieldArgument = Argument(invocation, "field");
        if (fieldArgument?.ConstantValue is not { HasValue: true, Value: string fieldName }) return;
        var field = model.FindField(fieldName);
        if (field is null)
        {
            var suggestion = SchemaIndex.Suggest(model, fieldName);
            var properties = suggestion is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, suggestion);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnknownField, fieldArgument.Syntax.GetLocation(), properties,
                model.Name, fieldName, suggestion is null ? "" : $"; did you mean '{suggestion}'?"));
            return;
        }
        var operatorArgument = Argument(invocation, "operator");
        if (operatorArgument?.ConstantValue is not { HasValue: true, Value: string operatorName }) return;
        if (PredicateOperatorRules.IsValid(field, operatorName)) return;
        var category = PredicateOperatorRules.CategoryOf(field);
        var valid = category == PredicateFieldCategory.None
            ? NoOperators(model, field)
            : string.Join(", ", PredicateOperatorRules.OperatorsFor(category));
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.OperatorNotValidForField, operatorArgument.Syntax.GetLocation(),
            operatorName, model.Name + "." + field.Name, GraphQLType(field), valid));
    }

    // The runtime rejects every operator on these fields ("cannot be used in a predicate"); the message's
    // "use one of:" then says what to compare instead.
    private static string NoOperators(ModelDefinition model, FieldDefinition field)
    {
        if (field.Association is { TargetNames.Count: > 0, Kind: AssociationKind.BelongsTo or AssociationKind.HasOne } association)
        {
            return $"none (a relationship cannot be compared; compare its foreign key '{association.TargetNames[0]}' instead)";
        }
        if (field.Association is not null) return "none (a relationship cannot be compared; query the related model instead)";
        return field.Type.Scalar == ScalarKind.AWSJSON
            ? "none (AWSJSON fields cannot be compared)"
            : $"none ({field.Type.Name} is a non-model type, which predicates cannot reach into)";
    }

    private static IOperation? Argument(IInvocationOperation invocation, string parameterName)
        => invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameterName)?.Value;
}
