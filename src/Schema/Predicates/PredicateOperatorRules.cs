using System;
using System.Collections.Generic;
using Amplify.DataStore.PredicateOperators;

namespace Amplify.DataStore.Schema;

/// <summary>
/// The predicate operators (AppSync's names) and which of them each kind of field accepts. Shared by the analyzers; the
/// table itself is <c>src/Common/Predicates/OperatorTable.cs</c>, compiled into the runtime and the generator as well.
/// </summary>
public static class PredicateOperatorRules
{
    /// <summary>The category of <paramref name="field"/>.</summary>
    public static PredicateFieldCategory CategoryOf(FieldDefinition field)
    {
        if (field is null) throw new ArgumentNullException(nameof(field));
        var predicable = field.Association is null && field.Type.Kind is not (TypeKind.NonModel or TypeKind.Model);
        return (PredicateFieldCategory)OperatorTable.Categorize(predicable, field.IsList, field.Type.Kind == TypeKind.Enum, field.Type.Scalar.ToString());
    }

    /// <summary>The operators a category accepts.</summary>
    public static IReadOnlyList<string> OperatorsFor(PredicateFieldCategory category) => OperatorTable.OperatorsFor((OperatorCategory)category);

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
