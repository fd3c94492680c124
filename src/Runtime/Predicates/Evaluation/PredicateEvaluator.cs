using System;
using System.Collections.Generic;
using Amplify.DataStore.Metadata;

namespace Amplify.DataStore.Predicates.Evaluation;

/// <summary>
/// Evaluates predicate trees on materialized models. This is the reference semantics every storage adapter must
/// reproduce exactly (the LiteDB adapter compiles what it can to queries and checks itself against this class).
/// </summary>
/// <remarks>
/// <para>Field values come from the model's codec (<see cref="IModelCodec.GetFieldValue"/>); a missing value is null.
/// Single-operand operators use the first operand (none counts as null). Conditions never throw for unexpected operand
/// kinds: comparing incompatible kinds is simply false.</para>
/// <list type="bullet">
/// <item><description><b>Eq</b> with a null operand is "is null"; with a non-null operand it is true when the field is
/// non-null and equal: numbers compare numerically across Int and Float, strings ordinally (case-sensitive), AWSDate/
/// AWSTime/AWSDateTime by their text (<see cref="FieldValue.Equals(FieldValue)"/>), booleans by value, lists element by
/// element. <b>Ne</b> is exactly the negation of Eq, so it is true for a null field when the operand is non-null.</description></item>
/// <item><description><b>Lt, Le, Gt, Ge</b> are false when the field or operand is null, and when either is not an
/// ordered kind (numbers, strings, AWSDate, AWSTime, AWSDateTime; never booleans or lists) or the kinds differ (numbers
/// with numbers only). Strings order ordinally; temporal values by instant, ties by text
/// (<see cref="FieldValue.CompareTo"/>). <b>Between</b> takes exactly two operands and is <c>Ge(low) &amp;&amp; Le(high)</c>
/// (inclusive both ends; any other operand count is false).</description></item>
/// <item><description><b>BeginsWith</b> is an ordinal prefix test on a string field with a string operand; otherwise false.</description></item>
/// <item><description><b>Contains</b> is an ordinal, case-sensitive substring test for a string field with a string
/// operand (the empty string is contained in every string), and element equality (as Eq, a null operand matching a
/// null element) for a list field; it is false for a null field and for any other kind. <b>NotContains</b> is its negation
/// (so true for a null field).</description></item>
/// <item><description><b>In</b> is true when Eq holds for any operand (a null operand matches a null field; no operands
/// is false). <b>NotIn</b> is its negation.</description></item>
/// <item><description>Groups: <b>And</b> needs every child (an empty And is true), <b>Or</b> any child (an empty Or is
/// false), <b>Not</b> negates its child; <see cref="MatchAll"/> is true.</description></item>
/// </list>
/// <para>Only single-segment field paths are supported; the engine resolves paths through related models first.</para>
/// </remarks>
internal static class PredicateEvaluator
{
    /// <summary>True when <paramref name="item"/>, a model of <paramref name="model"/>, satisfies <paramref name="predicate"/>.</summary>
    /// <exception cref="ArgumentException">A condition uses a nested (multi-segment) or empty field path.</exception>
    public static bool Matches(ModelMetadata model, object item, PredicateNode predicate)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(predicate);
        return Evaluate(model.Codec, item, predicate);
    }

    /// <summary>True when the field value <paramref name="value"/> satisfies <paramref name="condition"/> (its path is ignored).</summary>
    public static bool Matches(FieldValue value, FieldCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return Test(value, condition.Operator, condition.Values);
    }

    private static bool Evaluate(IModelCodec codec, object item, PredicateNode node)
    {
        switch (node)
        {
            case MatchAll:
                return true;
            case FieldCondition condition:
                return Test(codec.GetFieldValue(item, SingleField(condition.Field)), condition.Operator, condition.Values);
            case PredicateGroup group:
                var children = group.Children;
                switch (group.Kind)
                {
                    case GroupKind.And:
                        for (int i = 0; i < children.Count; i++) if (!Evaluate(codec, item, children[i])) return false;
                        return true;
                    case GroupKind.Or:
                        for (int i = 0; i < children.Count; i++) if (Evaluate(codec, item, children[i])) return true;
                        return false;
                    default:
                        return !Evaluate(codec, item, children[0]);
                }
            default:
                throw new ArgumentException($"Unsupported predicate node {node.GetType().Name}.", nameof(node));
        }
    }

    /// <summary>The field name of a single-segment path.</summary>
    internal static string SingleField(FieldPath path)
    {
        if (path.Segments.Count != 1)
        {
            throw new ArgumentException($"Only single-segment field paths can be evaluated by storage, not '{path}'.", nameof(path));
        }
        return path.Segments[0];
    }

    private static bool Test(FieldValue value, PredicateOperator op, IReadOnlyList<FieldValue> operands)
    {
        var operand = operands.Count > 0 ? operands[0] : FieldValue.Null;
        return op switch
        {
            PredicateOperator.Eq => IsEqual(value, operand),
            PredicateOperator.Ne => !IsEqual(value, operand),
            PredicateOperator.Lt => Compare(value, operand) is < 0,
            PredicateOperator.Le => Compare(value, operand) is <= 0,
            PredicateOperator.Gt => Compare(value, operand) is > 0,
            PredicateOperator.Ge => Compare(value, operand) is >= 0,
            PredicateOperator.Between => operands.Count == 2 && Compare(value, operands[0]) is >= 0 && Compare(value, operands[1]) is <= 0,
            PredicateOperator.BeginsWith => value.AsString() is { } s && operand.AsString() is { } prefix && s.StartsWith(prefix, StringComparison.Ordinal),
            PredicateOperator.Contains => Contains(value, operand),
            PredicateOperator.NotContains => !Contains(value, operand),
            PredicateOperator.In => IsAnyEqual(value, operands),
            PredicateOperator.NotIn => !IsAnyEqual(value, operands),
            _ => false,
        };
    }

    private static bool IsEqual(FieldValue value, FieldValue operand)
        => operand.IsNull ? value.IsNull : !value.IsNull && value.Equals(operand);

    private static bool IsAnyEqual(FieldValue value, IReadOnlyList<FieldValue> operands)
    {
        for (int i = 0; i < operands.Count; i++) if (IsEqual(value, operands[i])) return true;
        return false;
    }

    /// <summary>The order of two ordered, comparable, non-null values; null when the comparison does not apply.</summary>
    internal static int? Compare(FieldValue value, FieldValue operand)
        => IsOrdered(value.Kind) && IsOrdered(operand.Kind) ? value.CompareTo(operand) : null;

    private static bool IsOrdered(FieldValueKind kind) => kind is FieldValueKind.Integer or FieldValueKind.Float
        or FieldValueKind.String or FieldValueKind.Date or FieldValueKind.Time or FieldValueKind.DateTime;

    private static bool Contains(FieldValue value, FieldValue operand)
    {
        switch (value.Kind)
        {
            case FieldValueKind.String:
                return operand.AsString() is { } part && value.AsString()!.Contains(part, StringComparison.Ordinal);
            case FieldValueKind.List:
                var items = value.AsList();
                for (int i = 0; i < items.Count; i++) if (items[i].Equals(operand)) return true;
                return false;
            default:
                return false;
        }
    }
}
