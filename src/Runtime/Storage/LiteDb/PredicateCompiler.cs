using System;
using System.Collections.Generic;
using System.Globalization;
using Amplify.DataStore.Predicates;
using Amplify.DataStore.Predicates.Evaluation;
using LiteDB;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// Compiles predicate trees to parameterized LiteDB expressions with exactly the semantics of
/// <see cref="PredicateEvaluator"/>; what cannot be expressed that way is left as an in-memory residual.
/// </summary>
/// <remarks>
/// <para>
/// Identical semantics rest on the database using binary (ordinal) collation and on the schema fixing each field's
/// BSON type, so every comparison is between same-typed values: operands are converted to the field's type (Int operands
/// of Float fields become doubles, Float operands of Int/AWSTimestamp fields are rounded to the equivalent whole-number
/// bound, or found never equal). LiteDB orders null below every value, so Lt/Le get an <c>IS_NUMBER</c>/<c>IS_STRING</c>
/// guard; AWSDate/AWSTime/AWSDateTime compare on their <see cref="TemporalSortKey"/> companions.
/// </para>
/// <para>
/// Compiled: Eq/Ne/In/NotIn on every stored scalar (and null tests on lists), Lt/Le/Gt/Ge/Between on numbers, strings and
/// temporal fields, BeginsWith as an ordinal range, Contains/NotContains on strings (<c>REPLACE</c>, which is ordinal) and
/// on scalar lists (<c>[*] ANY =</c>), and every combination with And/Or/Not. Conditions that are always false (or true)
/// for the field's type are folded to constants. Left in memory: fields that are not stored scalars (embedded types,
/// relationships, unknown names), list-valued operands, and Float operands of whole-number fields that are not finite or
/// beyond ±2^53. Under a top-level And only the inexpressible conjuncts stay in memory; under Or/Not the whole group does.
/// </para>
/// </remarks>
internal sealed class PredicateCompiler
{
    // Beyond 2^53 doubles are all integers and long→double conversion rounds, so exact rewriting is not attempted.
    private const double MaxExactInteger = 9_007_199_254_740_992d;

    private readonly ModelStorage _storage;
    private readonly List<BsonValue> _parameters = new();

    private PredicateCompiler(ModelStorage storage) => _storage = storage;

    /// <summary>Splits <paramref name="predicate"/> into a LiteDB filter and an in-memory residual.</summary>
    public static CompiledPredicate Compile(ModelStorage storage, PredicateNode predicate)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(predicate);
        var compiler = new PredicateCompiler(storage);
        var conjuncts = new List<PredicateNode>();
        Flatten(predicate, conjuncts);
        var filters = new List<string>();
        var residual = new List<PredicateNode>();
        foreach (var conjunct in conjuncts)
        {
            int mark = compiler._parameters.Count;
            var result = compiler.Node(conjunct);
            switch (result.Kind)
            {
                case ResultKind.True:
                    break;
                case ResultKind.False:
                    return CompiledPredicate.Nothing;
                case ResultKind.Residual:
                    compiler.Truncate(mark);
                    residual.Add(conjunct);
                    break;
                default:
                    filters.Add(result.Source!);
                    break;
            }
        }
        return new CompiledPredicate(
            MatchesNothing: false,
            Where: filters.Count == 0 ? null : string.Join(" AND ", filters),
            Parameters: compiler._parameters.ToArray(),
            Residual: residual.Count switch
            {
                0 => null,
                1 => residual[0],
                _ => new PredicateGroup(GroupKind.And, residual.ToArray()),
            });
    }

    private static void Flatten(PredicateNode node, List<PredicateNode> conjuncts)
    {
        if (node is PredicateGroup { Kind: GroupKind.And } and)
        {
            foreach (var child in and.Children) Flatten(child, conjuncts);
        }
        else if (node is not MatchAll)
        {
            conjuncts.Add(node);
        }
    }

    private Result Node(PredicateNode node)
    {
        switch (node)
        {
            case MatchAll:
                return Result.True;
            case FieldCondition condition:
                return Condition(condition);
            case PredicateGroup { Kind: GroupKind.Not } not:
                return Not(Node(not.Children[0]));
            case PredicateGroup group:
                return Group(group);
            default:
                return Result.Residual;
        }
    }

    private Result Group(PredicateGroup group)
    {
        bool isAnd = group.Kind == GroupKind.And;
        int mark = _parameters.Count;
        var parts = new List<string>(group.Children.Count);
        bool residual = false;
        foreach (var child in group.Children)
        {
            var result = Node(child);
            switch (result.Kind)
            {
                // A deciding constant (false under And, true under Or) wins even over residual children.
                case ResultKind.False when isAnd:
                case ResultKind.True when !isAnd:
                    Truncate(mark);
                    return result;
                case ResultKind.True or ResultKind.False:
                    break;
                case ResultKind.Residual:
                    residual = true;
                    break;
                default:
                    parts.Add(result.Source!);
                    break;
            }
        }
        if (residual)
        {
            Truncate(mark);
            return Result.Residual;
        }
        return parts.Count switch
        {
            0 => isAnd ? Result.True : Result.False,
            1 => Result.Expr(parts[0]),
            _ => Result.Expr("(" + string.Join(isAnd ? " AND " : " OR ", parts) + ")"),
        };
    }

    private static Result Not(Result result) => result.Kind switch
    {
        ResultKind.True => Result.False,
        ResultKind.False => Result.True,
        ResultKind.Residual => Result.Residual,
        _ => Result.Expr("(" + result.Source + ") = false"),
    };

    private Result Condition(FieldCondition condition)
    {
        if (condition.Field.Segments.Count != 1 || _storage.Find(condition.Field.Segments[0]) is not { } field)
        {
            return Result.Residual;
        }
        var operand = condition.Value;
        return condition.Operator switch
        {
            PredicateOperator.Eq => Equality(field, operand, negate: false),
            PredicateOperator.Ne => Equality(field, operand, negate: true),
            PredicateOperator.Lt or PredicateOperator.Le or PredicateOperator.Gt or PredicateOperator.Ge => Order(field, condition.Operator, operand),
            PredicateOperator.Between => condition.Values.Count == 2 ? Between(field, condition.Values[0], condition.Values[1]) : Result.False,
            PredicateOperator.BeginsWith => BeginsWith(field, operand),
            PredicateOperator.Contains => Contains(field, operand),
            PredicateOperator.NotContains => Not(Contains(field, operand)),
            PredicateOperator.In => In(field, condition.Values),
            PredicateOperator.NotIn => Not(In(field, condition.Values)),
            _ => Result.False,
        };
    }

    private Result Equality(FieldStorage field, FieldValue operand, bool negate)
    {
        string op = negate ? "!=" : "=";
        if (operand.IsNull) return Result.Expr($"{field.ValuePath} {op} null");
        // List equality with a list operand is element-wise with numeric coercion: left to memory.
        if (field.IsList) return operand.Kind == FieldValueKind.List ? Result.Residual : Result.Constant(negate);
        switch (EqualityOperand(field.Class, operand, listElement: false, out var value))
        {
            case Outcome.Value:
                return Result.Expr($"{field.ComparePath} {op} {Parameter(value!)}");
            case Outcome.Residual:
                return Result.Residual;
            default:
                return Result.Constant(negate);
        }
    }

    private Result Order(FieldStorage field, PredicateOperator op, FieldValue operand)
    {
        if (field.IsList || operand.IsNull) return Result.False;
        switch (OrderOperand(field.Class, op, operand, out var value))
        {
            case Outcome.Value:
                string comparison = $"{field.ComparePath} {Symbol(op)} {Parameter(value!)}";
                // LiteDB sorts null below every value, so "less than" must exclude nulls explicitly.
                return op is PredicateOperator.Lt or PredicateOperator.Le
                    ? Result.Expr($"({TypeGuard(field)} AND {comparison})")
                    : Result.Expr(comparison);
            case Outcome.Residual:
                return Result.Residual;
            default:
                return Result.False;
        }
    }

    private Result Between(FieldStorage field, FieldValue low, FieldValue high)
    {
        if (field.IsList || low.IsNull || high.IsNull) return Result.False;
        var lowOutcome = OrderOperand(field.Class, PredicateOperator.Ge, low, out var lowValue);
        var highOutcome = OrderOperand(field.Class, PredicateOperator.Le, high, out var highValue);
        if (lowOutcome == Outcome.False || highOutcome == Outcome.False) return Result.False;
        if (lowOutcome == Outcome.Residual || highOutcome == Outcome.Residual) return Result.Residual;
        // An index range swaps reversed bounds, but an empty range must match nothing.
        if (lowValue!.CompareTo(highValue!, Collation.Binary) > 0) return Result.False;
        // The non-null lower bound already excludes nulls.
        return Result.Expr($"{field.ComparePath} BETWEEN {Parameter(lowValue!)} AND {Parameter(highValue!)}");
    }

    private Result BeginsWith(FieldStorage field, FieldValue operand)
    {
        if (field.IsList || field.Class != StorageClass.String || operand.AsString() is not { } prefix) return Result.False;
        if (prefix.Length == 0) return Result.Expr($"{TypeGuard(field)}");
        // Under ordinal order the strings starting with p are exactly [p, successor(p)), so an index range can serve it.
        string lower = $"{field.ComparePath} >= {Parameter(prefix)}";
        return Successor(prefix) is { } upper
            ? Result.Expr($"({lower} AND {field.ComparePath} < {Parameter(upper)})")
            : Result.Expr(lower);
    }

    private Result Contains(FieldStorage field, FieldValue operand)
    {
        if (field.IsList)
        {
            if (operand.IsNull) return Result.Expr($"{field.ValuePath}[*] ANY = null");
            if (operand.Kind == FieldValueKind.List) return Result.False;
            return EqualityOperand(field.Class, operand, listElement: true, out var element) switch
            {
                Outcome.Value => Result.Expr($"{field.ValuePath}[*] ANY = {Parameter(element!)}"),
                Outcome.Residual => Result.Residual,
                _ => Result.False,
            };
        }
        if (field.Class != StorageClass.String || operand.AsString() is not { } part) return Result.False;
        if (part.Length == 0) return Result.Expr($"{TypeGuard(field)}");
        // String.Replace is ordinal (INDEXOF and LIKE are not), so "replacing changes it" is an exact substring test.
        string path = field.ComparePath;
        return Result.Expr($"REPLACE({path}, {Parameter(part)}, '') != {path}");
    }

    private Result In(FieldStorage field, IReadOnlyList<FieldValue> operands)
    {
        bool matchNull = false;
        var values = new BsonArray();
        foreach (var operand in operands)
        {
            if (operand.IsNull)
            {
                matchNull = true;
            }
            else if (operand.Kind == FieldValueKind.List)
            {
                if (field.IsList) return Result.Residual;
            }
            else if (!field.IsList)
            {
                switch (EqualityOperand(field.Class, operand, listElement: false, out var value))
                {
                    case Outcome.Value:
                        values.Add(value!);
                        break;
                    case Outcome.Residual:
                        return Result.Residual;
                }
            }
        }
        var terms = new List<string>(2);
        if (values.Count == 1) terms.Add($"{field.ComparePath} = {Parameter(values[0])}");
        else if (values.Count > 1) terms.Add($"{field.ComparePath} IN {Parameter(values)}");
        if (matchNull) terms.Add($"{field.ValuePath} = null");
        return terms.Count switch
        {
            0 => Result.False,
            1 => Result.Expr(terms[0]),
            _ => Result.Expr("(" + string.Join(" OR ", terms) + ")"),
        };
    }

    /// <summary>The operand converted to the field's BSON type for an equality test.</summary>
    private static Outcome EqualityOperand(StorageClass cls, FieldValue operand, bool listElement, out BsonValue? value)
    {
        value = null;
        switch (cls)
        {
            case StorageClass.String when operand.AsString() is { } s:
                value = s;
                return Outcome.Value;
            case StorageClass.Int32 or StorageClass.Int64 when operand.Kind == FieldValueKind.Integer:
                value = Whole(cls, operand.AsInteger());
                return Outcome.Value;
            case StorageClass.Int32 or StorageClass.Int64 when operand.Kind == FieldValueKind.Float:
                double d = operand.AsDouble();
                if (!IsExactlyRepresentable(d)) return Outcome.Residual;
                if (Math.Floor(d) != d) return Outcome.False; // no whole number equals a fraction
                value = Whole(cls, (long)d);
                return Outcome.Value;
            case StorageClass.Double when operand.Kind is FieldValueKind.Integer or FieldValueKind.Float:
                value = operand.AsDouble();
                return Outcome.Value;
            case StorageClass.Boolean when operand.Kind == FieldValueKind.Boolean:
                value = operand.AsBoolean();
                return Outcome.Value;
            case StorageClass.Date when operand.Kind == FieldValueKind.Date:
            case StorageClass.Time when operand.Kind == FieldValueKind.Time:
            case StorageClass.DateTime when operand.Kind == FieldValueKind.DateTime:
                // List elements are stored as wire text (equal text = equal value); top-level fields compare on the companion key.
                value = listElement ? operand.AsObject()!.ToString() : TemporalSortKey.For(operand);
                return Outcome.Value;
            default:
                return Outcome.False;
        }
    }

    /// <summary>The operand converted to the field's BSON type for an ordering test; Float bounds of whole-number fields are rounded.</summary>
    private static Outcome OrderOperand(StorageClass cls, PredicateOperator op, FieldValue operand, out BsonValue? value)
    {
        value = null;
        switch (cls)
        {
            case StorageClass.String when operand.AsString() is { } s:
                value = s;
                return Outcome.Value;
            case StorageClass.Int32 or StorageClass.Int64 when operand.Kind == FieldValueKind.Integer:
                value = Whole(cls, operand.AsInteger());
                return Outcome.Value;
            case StorageClass.Int32 or StorageClass.Int64 when operand.Kind == FieldValueKind.Float:
                double d = operand.AsDouble();
                if (!IsExactlyRepresentable(d)) return Outcome.Residual;
                // For a whole number n: n < d ⇔ n < ⌈d⌉, n ≤ d ⇔ n ≤ ⌊d⌋, n > d ⇔ n > ⌊d⌋, n ≥ d ⇔ n ≥ ⌈d⌉.
                value = Whole(cls, (long)(op is PredicateOperator.Lt or PredicateOperator.Ge ? Math.Ceiling(d) : Math.Floor(d)));
                return Outcome.Value;
            case StorageClass.Double when operand.Kind is FieldValueKind.Integer or FieldValueKind.Float:
                value = operand.AsDouble();
                return Outcome.Value;
            case StorageClass.Date when operand.Kind == FieldValueKind.Date:
            case StorageClass.Time when operand.Kind == FieldValueKind.Time:
            case StorageClass.DateTime when operand.Kind == FieldValueKind.DateTime:
                value = TemporalSortKey.For(operand);
                return Outcome.Value;
            default:
                return Outcome.False; // booleans, mismatched kinds
        }
    }

    private static bool IsExactlyRepresentable(double d) => double.IsFinite(d) && Math.Abs(d) < MaxExactInteger;

    // Same-typed parameters keep LiteDB on its fast, exact same-type comparison.
    private static BsonValue Whole(StorageClass cls, long n)
        => cls == StorageClass.Int32 && n is >= int.MinValue and <= int.MaxValue ? new BsonValue((int)n) : new BsonValue(n);

    private static string TypeGuard(FieldStorage field) => field.Class is StorageClass.Int32 or StorageClass.Int64 or StorageClass.Double
        ? $"IS_NUMBER({field.ComparePath}) = true"
        : $"IS_STRING({field.ComparePath}) = true";

    private static string Symbol(PredicateOperator op) => op switch
    {
        PredicateOperator.Lt => "<",
        PredicateOperator.Le => "<=",
        PredicateOperator.Gt => ">",
        _ => ">=",
    };

    /// <summary>The smallest string greater than every string starting with <paramref name="prefix"/>, or null if none.</summary>
    internal static string? Successor(string prefix)
    {
        for (int i = prefix.Length - 1; i >= 0; i--)
        {
            if (prefix[i] != char.MaxValue) return string.Concat(prefix.AsSpan(0, i), new string((char)(prefix[i] + 1), 1));
        }
        return null;
    }

    private string Parameter(BsonValue value)
    {
        _parameters.Add(value);
        return "@" + (_parameters.Count - 1).ToString(CultureInfo.InvariantCulture);
    }

    private void Truncate(int count) => _parameters.RemoveRange(count, _parameters.Count - count);

    private enum Outcome
    {
        Value,
        False,
        Residual,
    }

    private enum ResultKind
    {
        True,
        False,
        Expr,
        Residual,
    }

    private readonly record struct Result(ResultKind Kind, string? Source)
    {
        public static Result True => new(ResultKind.True, null);

        public static Result False => new(ResultKind.False, null);

        public static Result Residual => new(ResultKind.Residual, null);

        public static Result Constant(bool value) => value ? True : False;

        public static Result Expr(string source) => new(ResultKind.Expr, source);
    }
}
