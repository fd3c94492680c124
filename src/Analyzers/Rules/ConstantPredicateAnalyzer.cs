using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Amplify.DataStore.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Amplify.DataStore.Analyzers.Rules;

/// <summary>
/// ADS2004: predicates whose outcome the constants already decide — <c>Between(10, 1)</c>, <c>Eq(null)</c>/<c>Ne(null)</c>
/// on a required field, <c>BeginsWith("")</c>/<c>Contains("")</c> on a required string, <c>In()</c>/<c>NotIn()</c> with
/// no values, and contradictory constant ranges on one field joined by <c>&amp;</c> or <c>Predicate.And</c>. Covers the
/// typed builders (<c>X.Where(p =&gt; …)</c>) and <c>Predicate.Field&lt;T&gt;(…)</c> with constant names.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstantPredicateAnalyzer : DataStoreAnalyzer
{
    /// <summary>Diagnostic property naming the code fix that applies (<see cref="SwapBetweenFix"/>).</summary>
    public const string FixProperty = "Fix";

    /// <summary>Value of <see cref="FixProperty"/>: swap the two bounds of a Between.</summary>
    public const string SwapBetweenFix = "SwapBetween";

    /// <summary>Diagnostic property: index, in the call's argument list, of the low bound.</summary>
    public const string LowArgumentProperty = "LowArgument";

    /// <summary>Diagnostic property: index, in the call's argument list, of the high bound.</summary>
    public const string HighArgumentProperty = "HighArgument";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ConstantPredicate);

    /// <inheritdoc/>
    private protected override void Register(CompilationStartAnalysisContext start, DataStoreCompilation dataStore)
    {
        if (dataStore.PredicateOfT is null) return;
        start.RegisterOperationAction(c => AnalyzeInvocation(c, dataStore), OperationKind.Invocation);
        start.RegisterOperationAction(c => AnalyzeAnd(c, dataStore), OperationKind.Binary);
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, DataStoreCompilation dataStore)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (IsPredicateAnd(invocation, dataStore))
        {
            AnalyzeConjunction(context, dataStore, invocation);
            return;
        }
        if (ConstantPredicateFieldAccess.Read(invocation, dataStore) is not { Operands: { } operands } access) return;
        bool isDynamic = access.Path.Count == 0;
        switch (access.Operator)
        {
            case "between" when operands.Count == 2:
                CheckBetween(context, access, operands[0], operands[1]);
                break;
            case "eq" or "ne" when operands.Count == 1 && IsNullConstant(operands[0]):
                if (RequiredField(access) is { } required)
                {
                    bool eq = access.Operator == "eq";
                    Report(context, access.Invocation.Syntax, eq ? "false" : "true",
                        $"'{required.Name}' is required ({required.Type.Name}!), so every item has a value; {(eq ? "Eq(null)" : "Ne(null)")} tests for a missing one");
                }
                break;
            case "beginsWith" or "contains" when !access.IsListHandle && operands.Count == 1
                    && ConstantPredicateFieldAccess.ConstantOf(operands[0]) is (true, "") :
                if (RequiredField(access) is { } text && !text.IsList)
                {
                    var verb = access.Operator == "beginsWith" ? "begins with" : "contains";
                    Report(context, access.Invocation.Syntax, "true", $"every value of the required field '{text.Name}' {verb} the empty string");
                }
                break;
            case "in" when operands.Count == 0 && !isDynamic:
                // Predicate.Field with no operands throws at run time instead; only the typed In() silently matches nothing.
                Report(context, access.Invocation.Syntax, "false", "In with no values matches no item");
                break;
            case "notIn" when operands.Count == 0 && !isDynamic && !access.IsNested:
                Report(context, access.Invocation.Syntax, "true", "NotIn with no values excludes no item");
                break;
        }
    }

    private static void CheckBetween(OperationAnalysisContext context, ConstantPredicateFieldAccess access, IOperation low, IOperation high)
    {
        var (lowKnown, lowValue) = ConstantPredicateFieldAccess.ConstantOf(low);
        var (highKnown, highValue) = ConstantPredicateFieldAccess.ConstantOf(high);
        if (!lowKnown || !highKnown || ConstantPredicateRange.Compare(lowValue, highValue) is not > 0) return;
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (ArgumentIndex(access.Invocation, low) is { } lowIndex && ArgumentIndex(access.Invocation, high) is { } highIndex)
        {
            properties = properties
                .Add(FixProperty, SwapBetweenFix)
                .Add(LowArgumentProperty, lowIndex.ToString(CultureInfo.InvariantCulture))
                .Add(HighArgumentProperty, highIndex.ToString(CultureInfo.InvariantCulture));
        }
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ConstantPredicate, access.Invocation.Syntax.GetLocation(), properties,
            access.Invocation.Syntax.ToString(), "false",
            $"the low bound {low.Syntax} is greater than the high bound {high.Syntax}, and Between matches low <= value <= high; swap the bounds"));
    }

    /// <summary>The position of an operand's argument in the call as written (named arguments may be in any order).</summary>
    private static int? ArgumentIndex(IInvocationOperation invocation, IOperation operand)
    {
        if (operand.Syntax.Parent is not ArgumentSyntax argument || invocation.Syntax is not InvocationExpressionSyntax call) return null;
        int index = call.ArgumentList.Arguments.IndexOf(argument);
        return index < 0 ? null : index;
    }

    /// <summary>
    /// The schema field when an Eq(null)-style check can rely on it: a required, stored field of the model itself.
    /// Not through a relationship (there "no parent" decides), and not the read-only timestamps, which a local item
    /// may not carry yet.
    /// </summary>
    private static Schema.FieldDefinition? RequiredField(ConstantPredicateFieldAccess access)
        => access is { IsNested: false, Field: { IsValueRequired: true, IsReadOnly: false, IsRelationship: false } field } ? field : null;

    private static bool IsNullConstant(IOperation operand) => ConstantPredicateFieldAccess.ConstantOf(operand) is (true, null);

    private static void AnalyzeAnd(OperationAnalysisContext context, DataStoreCompilation dataStore)
    {
        var binary = (IBinaryOperation)context.Operation;
        if (IsPredicateAndOperator(binary, dataStore)) AnalyzeConjunction(context, dataStore, binary);
    }

    private static void AnalyzeConjunction(OperationAnalysisContext context, DataStoreCompilation dataStore, IOperation conjunction)
    {
        // Report once, at the outermost conjunction: (a & b) & c is one AND of three.
        if (IsConjunct(conjunction, dataStore)) return;
        var conjuncts = new List<IOperation>();
        Flatten(conjunction, dataStore, conjuncts);
        var ranges = new List<(ConstantPredicateFieldAccess Access, ConstantPredicateRange Range)>();
        foreach (var operand in conjuncts)
        {
            if (operand is IInvocationOperation invocation
                && ConstantPredicateFieldAccess.Read(invocation, dataStore) is { IsListHandle: false } access
                && ConstantPredicateRange.Of(access) is { } range)
            {
                ranges.Add((access, range));
            }
        }
        for (int i = 0; i < ranges.Count; i++)
        {
            for (int j = i + 1; j < ranges.Count; j++)
            {
                if (ranges[i].Access.FieldKey != ranges[j].Access.FieldKey || !ranges[i].Range.IsDisjointFrom(ranges[j].Range)) continue;
                Report(context, conjunction.Syntax, "false",
                    $"no value of '{ranges[i].Access.FieldName}' satisfies both '{ranges[i].Access.Invocation.Syntax}' and '{ranges[j].Access.Invocation.Syntax}'");
                return;
            }
        }
    }

    /// <summary>True when <paramref name="operation"/> is itself an operand of an enclosing AND.</summary>
    private static bool IsConjunct(IOperation operation, DataStoreCompilation dataStore)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation) parent = parent.Parent;
        if (parent is IBinaryOperation binary) return IsPredicateAndOperator(binary, dataStore);
        if (parent is IArrayInitializerOperation { Parent: IArrayCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation call } } })
        {
            return IsPredicateAnd(call, dataStore);
        }
        return parent is IArgumentOperation { Parent: IInvocationOperation direct } && IsPredicateAnd(direct, dataStore);
    }

    private static void Flatten(IOperation operation, DataStoreCompilation dataStore, List<IOperation> conjuncts)
    {
        operation = ConstantPredicateFieldAccess.Unwrap(operation);
        if (operation is IBinaryOperation binary && IsPredicateAndOperator(binary, dataStore))
        {
            Flatten(binary.LeftOperand, dataStore, conjuncts);
            Flatten(binary.RightOperand, dataStore, conjuncts);
        }
        else if (operation is IInvocationOperation call && IsPredicateAnd(call, dataStore))
        {
            foreach (var argument in call.Arguments)
            {
                if (ConstantPredicateFieldAccess.Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } initializer })
                {
                    foreach (var element in initializer.ElementValues) Flatten(element, dataStore, conjuncts);
                }
            }
        }
        else
        {
            conjuncts.Add(operation);
        }
    }

    private static bool IsPredicateAndOperator(IBinaryOperation binary, DataStoreCompilation dataStore)
        => binary.OperatorMethod is { Name: "op_BitwiseAnd" } method
           && SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, dataStore.PredicateOfT);

    private static bool IsPredicateAnd(IInvocationOperation invocation, DataStoreCompilation dataStore)
        => invocation.TargetMethod.Name == "And"
           && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType?.OriginalDefinition, dataStore.PredicateStatic);

    private static void Report(OperationAnalysisContext context, SyntaxNode node, string outcome, string why)
        => context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ConstantPredicate, node.GetLocation(), node.ToString(), outcome, why));
}
