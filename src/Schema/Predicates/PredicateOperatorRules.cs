using System;
using System.Collections.Generic;

namespace Amplify.DataStore.Schema;

/// <summary>
/// The predicate operators (AppSync's names) and which of them each kind of field accepts. Shared by the analyzers;
/// the runtime's dynamic predicate API and the generated typed builders apply the same table.
/// </summary>
public static class PredicateOperatorRules
{
    private static readonly string[] TextOperators = { "eq", "ne", "le", "lt", "ge", "gt", "contains", "notContains", "beginsWith", "between", "in", "notIn" };
    private static readonly string[] OrderedOperators = { "eq", "ne", "le", "lt", "ge", "gt", "between", "in", "notIn" };
    private static readonly string[] EqualityOperators = { "eq", "ne", "in", "notIn" };
    private static readonly string[] ListOperators = { "contains", "notContains" };

    /// <summary>The category of <paramref name="field"/>.</summary>
    public static PredicateFieldCategory CategoryOf(FieldDefinition field)
    {
        if (field is null) throw new ArgumentNullException(nameof(field));
        if (field.Association is not null || field.Type.Kind is TypeKind.NonModel or TypeKind.Model || field.Type.Scalar == ScalarKind.AWSJSON)
        {
            return PredicateFieldCategory.None;
        }
        if (field.IsList) return PredicateFieldCategory.List;
        if (field.Type.Kind == TypeKind.Enum || field.Type.Scalar == ScalarKind.Boolean) return PredicateFieldCategory.Equality;
        return field.Type.Scalar is ScalarKind.ID or ScalarKind.String or ScalarKind.AWSEmail or ScalarKind.AWSURL or ScalarKind.AWSPhone or ScalarKind.AWSIPAddress
            ? PredicateFieldCategory.Text
            : PredicateFieldCategory.Ordered;
    }

    /// <summary>The operators a category accepts.</summary>
    public static IReadOnlyList<string> OperatorsFor(PredicateFieldCategory category) => category switch
    {
        PredicateFieldCategory.Text => TextOperators,
        PredicateFieldCategory.Ordered => OrderedOperators,
        PredicateFieldCategory.Equality => EqualityOperators,
        PredicateFieldCategory.List => ListOperators,
        _ => Array.Empty<string>(),
    };

    /// <summary>True when <paramref name="operatorName"/> is valid on <paramref name="field"/>.</summary>
    public static bool IsValid(FieldDefinition field, string operatorName)
    {
        foreach (var op in OperatorsFor(CategoryOf(field)))
        {
            if (op == operatorName) return true;
        }
        return false;
    }
}
