using System;
using System.Collections.Generic;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.PredicateOperators;

namespace Amplify.DataStore.Predicates;

/// <summary>
/// Builds a field condition from names known only at run time (a field name and an AppSync operator name), with the
/// same per-type operator rules the generated typed builders enforce at compile time. The analyzers check constant
/// names and operators at build time (ADS2002, ADS2003).
/// </summary>
internal static class DynamicPredicate
{
    public static Predicate<T> Create<T>(string field, string operatorName, object?[] operands)
        where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(operatorName);
        ArgumentNullException.ThrowIfNull(operands);
        var model = T.Metadata;
        var metadata = model.FindField(field)
            ?? throw new ArgumentException($"Model '{model.Name}' has no field '{field}'.", nameof(field));
        var allowed = OperatorsFor(metadata);
        if (allowed.Length == 0) throw new ArgumentException($"Field '{model.Name}.{field}' cannot be used in a predicate.", nameof(field));
        if (Array.IndexOf(allowed, operatorName) < 0)
        {
            throw new ArgumentException($"Operator '{operatorName}' is not valid for field '{model.Name}.{field}'; use one of: {string.Join(", ", allowed)}.", nameof(operatorName));
        }
        var op = operatorName switch
        {
            "eq" => PredicateOperator.Eq,
            "ne" => PredicateOperator.Ne,
            "le" => PredicateOperator.Le,
            "lt" => PredicateOperator.Lt,
            "ge" => PredicateOperator.Ge,
            "gt" => PredicateOperator.Gt,
            "contains" => PredicateOperator.Contains,
            "notContains" => PredicateOperator.NotContains,
            "beginsWith" => PredicateOperator.BeginsWith,
            "between" => PredicateOperator.Between,
            "in" => PredicateOperator.In,
            _ => PredicateOperator.NotIn,
        };
        var (min, max) = op switch
        {
            PredicateOperator.Between => (2, 2),
            PredicateOperator.In or PredicateOperator.NotIn => (1, int.MaxValue),
            _ => (1, 1),
        };
        if (operands.Length < min || operands.Length > max)
        {
            throw new ArgumentException($"Operator '{operatorName}' on '{model.Name}.{field}' takes {(min == max ? min.ToString(System.Globalization.CultureInfo.InvariantCulture) : "at least " + min)} operand(s); got {operands.Length}.", nameof(operands));
        }
        var values = new List<FieldValue>(operands.Length);
        foreach (var operand in operands)
        {
            try
            {
                values.Add(T.ConvertValue(field, operand));
            }
            catch (Exception ex) when (ex is InvalidCastException or FormatException or ArgumentException)
            {
                throw new ArgumentException($"Operand '{operand}' does not fit field '{model.Name}.{field}' ({metadata.TypeName}): {ex.Message}", nameof(operands), ex);
            }
        }
        return new Predicate<T>(new FieldCondition(FieldPath.Of(field), op, values));
    }

    private static string[] OperatorsFor(FieldMetadata field) => OperatorTable.OperatorsFor(CategoryOf(field));

    /// <summary>The field's row of the shared operator table.</summary>
    internal static OperatorCategory CategoryOf(FieldMetadata field) => OperatorTable.Categorize(
        field.IsStored && field.Kind is not (FieldKind.Embedded or FieldKind.Model), field.IsList, field.Kind == FieldKind.Enum, field.Scalar.ToString());
}
