using System;
using System.Linq.Expressions;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Predicates;

namespace Amplify.DataStore.Linq;

/// <summary>
/// One translation of a LINQ predicate over <typeparamref name="T"/> into the typed predicate tree. See
/// <see cref="PredicateTranslator"/> for the grammar.
/// </summary>
/// <typeparam name="T">The model type.</typeparam>
internal sealed class PredicateExpressionTranslator<T>
    where T : class, IModel<T>
{
    private readonly ParameterExpression _parameter;
    private readonly ModelSchema? _schema;

    private PredicateExpressionTranslator(ParameterExpression parameter, ModelSchema? schema)
    {
        _parameter = parameter;
        _schema = schema;
    }

    /// <summary>Translates <paramref name="lambda"/>.</summary>
    public static Predicate<T> Translate(Expression<Func<T, bool>> lambda, ModelSchema? schema)
    {
        var translator = new PredicateExpressionTranslator<T>(lambda.Parameters[0], schema);
        return translator.Condition(lambda.Body)
            ?? throw translator.Unsupported(lambda.Body, "it is always false, which a predicate cannot express (skip the query instead)");
    }

    // The result is null for a condition that never matches (a false constant, e.g. a captured flag), so that
    // `includeAll || p.Rating > 4` and `flag && ...` fold the way C# evaluates them; a true constant is Predicate<T>.All.
    private Predicate<T>? Condition(Expression e)
    {
        if (!ValueEvaluator.DependsOn(e, _parameter))
        {
            return ValueEvaluator.Evaluate(e) is true ? Predicate<T>.All : null;
        }
        switch (e)
        {
            case BinaryExpression { NodeType: ExpressionType.AndAlso or ExpressionType.And } conjunction when conjunction.Type == typeof(bool):
            {
                var left = Condition(conjunction.Left);
                var right = Condition(conjunction.Right);
                if (left is null || right is null) return null;
                // A folded true operand drops out rather than leaving a one-child AND.
                return left.IsAll ? right : right.IsAll ? left : Predicate.And(left, right);
            }
            case BinaryExpression { NodeType: ExpressionType.OrElse or ExpressionType.Or } disjunction when disjunction.Type == typeof(bool):
            {
                var left = Condition(disjunction.Left);
                var right = Condition(disjunction.Right);
                if (left is null) return right;
                return right is null ? left : Predicate.Or(left, right);
            }
            case UnaryExpression { NodeType: ExpressionType.Not } negation when negation.Type == typeof(bool):
            {
                // Always a NOT group (never rewritten to Ne/NotContains): NOT keeps C#'s meaning for missing values.
                var operand = Condition(negation.Operand);
                if (operand is null) return Predicate<T>.All;
                return operand.IsAll ? null : Predicate.Not(operand);
            }
            case BinaryExpression comparison when ComparisonOperator(comparison.NodeType) is { } op:
                return CompareResult(comparison, op) ?? Compare(comparison, comparison.Left, comparison.Right, op);
            case MethodCallExpression call:
                return MethodCondition(call);
            case MemberExpression member:
                return BooleanMember(member);
            default:
                throw Unsupported(e, "it " + DescribeUntranslatable(e));
        }
    }

    private Predicate<T> Compare(Expression whole, Expression left, Expression right, PredicateOperator op)
    {
        var leftField = ResolveField(left, whole);
        var rightField = ResolveField(right, whole);
        if (leftField is not null && rightField is not null)
        {
            throw Unsupported(whole, "it compares two model fields, but a condition compares one field with a value");
        }
        FieldReference field;
        Expression valueSide;
        if (leftField is not null)
        {
            (field, valueSide) = (leftField, right);
        }
        else if (rightField is not null)
        {
            // 4 < p.Rating is p.Rating > 4.
            (field, valueSide, op) = (rightField, left, Flip(op));
        }
        else
        {
            var dependent = ValueEvaluator.DependsOn(left, _parameter) ? left : right;
            throw Unsupported(whole, $"'{Format(dependent)}' {DescribeUntranslatable(dependent)}");
        }
        RequireValue(whole, valueSide);
        if (field.IsList)
        {
            throw Unsupported(whole, $"'{field.Path}' is a list field; test its elements with {Parameter}.{field.Field.PropertyName}.Contains(value)");
        }
        RequireEquality(whole, field);
        if (IsOrdering(op) && !field.IsOrdered)
        {
            throw Unsupported(whole, $"'{field.Path}' is {Describe(field)}, which supports only ==, != and membership (values.Contains(...))");
        }
        var value = ValueEvaluator.Evaluate(valueSide);
        if (value is null && IsOrdering(op))
        {
            throw Unsupported(whole, $"it orders '{field.Path}' against null, which is never true in C#; compare with a non-null value");
        }
        return Condition(field, op, ToFieldValue(whole, field, value));
    }

    // string.CompareOrdinal(p.Title, "m") > 0 is p.Title > "m" (ordinal, as the store compares strings), and
    // p.Date.CompareTo(d) < 0 is p.Date < d (dates and times have no C# < operator).
    private Predicate<T>? CompareResult(BinaryExpression comparison, PredicateOperator op)
    {
        Expression other;
        (Expression A, Expression B)? operands;
        if (CompareOperands(comparison.Left) is { } left) (operands, other) = (left, comparison.Right);
        else if (CompareOperands(comparison.Right) is { } right) (operands, other, op) = (right, comparison.Left, Flip(op));
        else return null;
        if (ValueEvaluator.DependsOn(other, _parameter) || ValueEvaluator.Evaluate(other) is not 0)
        {
            throw Unsupported(comparison, "it compares the result of a comparison method with something other than 0");
        }
        var (a, b) = operands.Value;
        var isString = a.Type == typeof(string);
        var field = ResolveField(a, comparison) ?? ResolveField(b, comparison);
        if (field is not null && field.IsString != isString)
        {
            throw Unsupported(comparison, $"'{field.Path}' is {Describe(field)}, which cannot be compared this way");
        }
        return Compare(comparison, a, b, op);
    }

    private static (Expression A, Expression B)? CompareOperands(Expression e)
    {
        if (e is not MethodCallExpression call) return null;
        var args = call.Arguments;
        if (call.Object is null)
        {
            var isOrdinal = call.Method.DeclaringType == typeof(string)
                && ((call.Method.Name == nameof(string.CompareOrdinal) && args.Count == 2)
                    || (call.Method.Name == nameof(string.Compare) && args.Count == 3
                        && args[2].Type == typeof(StringComparison) && IsOrdinalOrDefault(call, 2)));
            return isOrdinal ? (args[0], args[1]) : null;
        }
        // string.CompareTo is culture-sensitive, unlike the store: only CompareOrdinal orders strings.
        return call.Method.Name == nameof(IComparable.CompareTo) && args.Count == 1 && call.Object.Type != typeof(string)
            ? (call.Object, args[0])
            : null;
    }

    private Predicate<T> MethodCondition(MethodCallExpression call)
    {
        var method = call.Method;
        if (method.DeclaringType == typeof(string) && call.Object is not null && ResolveField(call.Object, call) is { } text)
        {
            return StringMethod(call, text);
        }
        if (method.DeclaringType == typeof(string) && method.Name == nameof(string.Equals) && call.Object is null
            && call.Arguments.Count is 2 or 3 && IsOrdinalOrDefault(call, 2))
        {
            return Compare(call, call.Arguments[0], call.Arguments[1], PredicateOperator.Eq);
        }
        if (method.Name == nameof(object.Equals) && call.Object is not null && call.Arguments.Count == 1
            && ResolveField(call.Object, call) is not null)
        {
            return Compare(call, call.Object, call.Arguments[0], PredicateOperator.Eq);
        }
        if (method.Name == "Contains")
        {
            if (ContainsOperands(call) is { } operands) return Membership(call, SpanConversion.Unwrap(operands.Collection), operands.Item);
            throw Unsupported(call, "it passes an equality comparer, whose meaning the store cannot share; use Contains without one");
        }
        throw Unsupported(call, "it " + DescribeUntranslatable(call));
    }

    private Predicate<T> StringMethod(MethodCallExpression call, FieldReference field)
    {
        var op = call.Method.Name switch
        {
            nameof(string.Contains) => PredicateOperator.Contains,
            nameof(string.StartsWith) => PredicateOperator.BeginsWith,
            nameof(string.Equals) => PredicateOperator.Eq,
            _ => (PredicateOperator?)null,
        };
        var args = call.Arguments;
        if (op is null || args.Count is 0 or > 2 || args[0].Type != typeof(string) || !IsOrdinalOrDefault(call, 1))
        {
            throw Unsupported(call, $"it calls {call.Method.Name} on a string field; the supported string methods are "
                + "Contains(value) and StartsWith(value) (optionally with StringComparison.Ordinal)");
        }
        if (!field.IsString) throw Unsupported(call, $"'{field.Path}' is {Describe(field)}, not a string field");
        RequireValue(call, args[0]);
        return Condition(field, op.Value, ToFieldValue(call, field, ValueEvaluator.Evaluate(args[0])));
    }

    // p.Tags.Contains(x) is a list Contains; values.Contains(p.Field) is In.
    private Predicate<T> Membership(MethodCallExpression call, Expression collection, Expression item)
    {
        if (ResolveField(collection, call) is { } list)
        {
            if (!list.IsList || !list.HasEquality)
            {
                throw Unsupported(call, $"'{list.Path}' is {Describe(list)}; Contains applies to list fields of scalars or enums");
            }
            RequireValue(call, item);
            return Condition(list, PredicateOperator.Contains, ToFieldValue(call, list, ValueEvaluator.Evaluate(item)));
        }
        if (collection.Type == typeof(string))
        {
            throw Unsupported(call, "it tests whether a field is a substring of a value, which predicates cannot express");
        }
        if (ValueEvaluator.DependsOn(collection, _parameter))
        {
            throw Unsupported(call, $"'{Format(collection)}' {DescribeUntranslatable(collection)}");
        }
        var field = ResolveField(item, call)
            ?? throw Unsupported(call, $"'{Format(item)}' {DescribeUntranslatable(item)}");
        if (field.IsList) throw Unsupported(call, $"'{field.Path}' is a list field, which cannot be a member of a collection");
        RequireEquality(call, field);
        var items = ValueEvaluator.EvaluateItems(collection);
        var values = new FieldValue[items.Count];
        for (int i = 0; i < values.Length; i++) values[i] = ToFieldValue(call, field, items[i]);
        return new Predicate<T>(new FieldCondition(field.Path, PredicateOperator.In, values));
    }

    private Predicate<T> BooleanMember(MemberExpression member)
    {
        // p.Count.HasValue: the field is set.
        if (member.Member.Name == nameof(Nullable<int>.HasValue) && member.Expression is { } nullable
            && Nullable.GetUnderlyingType(nullable.Type) is not null && ResolveField(nullable, member) is { } set)
        {
            RequireEquality(member, set);
            return Condition(set, PredicateOperator.Ne, FieldValue.Null);
        }
        // p.Done: the Boolean field is true.
        var field = ResolveField(member, member);
        if (field is { IsList: false, ValueType: var type } && type == typeof(bool))
        {
            return Condition(field, PredicateOperator.Eq, ToFieldValue(member, field, true));
        }
        throw Unsupported(member, field is null ? "it " + DescribeUntranslatable(member) : $"'{field.Path}' is {Describe(field)}, not a Boolean condition");
    }

    /// <summary>
    /// The field <paramref name="e"/> reads — a property of the parameter or of a <c>@belongsTo</c> parent, under the
    /// conversions the compiler inserts and <c>.Value</c> of a nullable — or null when <paramref name="e"/> is not a
    /// member chain from the parameter.
    /// </summary>
    private FieldReference? ResolveField(Expression e, Expression whole)
    {
        var inner = e;
        while (inner is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked, Method: null } convert)
        {
            if (!ClrConversions.IsLossless(convert.Operand.Type, convert.Type))
            {
                if (ResolveField(convert.Operand, whole) is { } converted)
                {
                    throw Unsupported(whole, $"it converts '{converted.Path}' to {ExpressionFormatter.TypeName(convert.Type)}, "
                        + "which changes its value; compare the field with a value of its own type");
                }
                return null;
            }
            inner = convert.Operand;
        }
        if (inner is MemberExpression { Member.Name: nameof(Nullable<int>.Value), Expression: { } nullable }
            && Nullable.GetUnderlyingType(nullable.Type) is not null)
        {
            inner = nullable;
        }
        if (inner is not MemberExpression { Expression: { } owner } member) return null;
        if (ResolveModel(owner, whole) is not { } model) return null;
        var field = FindField(model.Map, member, whole);
        if (field.Kind == FieldKind.Model)
        {
            throw Unsupported(whole, $"'{Format(inner)}' is a related model; compare one of its fields (e.g. its id) or the foreign key");
        }
        return new FieldReference(model.Path.Append(field.Name), field, model.Map, ((System.Reflection.PropertyInfo)member.Member).PropertyType);
    }

    /// <summary>The model <paramref name="e"/> denotes: the parameter, or a <c>@belongsTo</c> parent reached from it.</summary>
    private (FieldPath Path, ModelMemberMap Map)? ResolveModel(Expression e, Expression whole)
    {
        if (e == _parameter) return (FieldPath.Root, ModelMemberMap.Of<T>());
        if (e is not MemberExpression { Expression: { } owner } member) return null;
        if (ResolveModel(owner, whole) is not { } parent) return null;
        var field = FindField(parent.Map, member, whole);
        if (field.Kind == FieldKind.Embedded)
        {
            throw Unsupported(whole, $"it reads inside '{field.Name}', an embedded (non-model) type, which predicates cannot reach into");
        }
        if (field.Association is not { Type: AssociationType.BelongsTo } association)
        {
            var what = field.Association is { } a ? $"a {a.Type} relationship" : "a field value";
            throw Unsupported(whole, $"it reads a member of '{Format(e)}', {what}; only fields of the model and of its @belongsTo parents can be compared");
        }
        var related = RelatedModelMetadata.Find(member.Type, association.RelatedModel, _schema)
            ?? throw Unsupported(whole, $"it follows '{Format(e)}', but {ExpressionFormatter.TypeName(member.Type)} is not a generated model");
        return (parent.Path.Append(field.Name), ModelMemberMap.Of(related));
    }

    private FieldMetadata FindField(ModelMemberMap map, MemberExpression member, Expression whole)
    {
        if (member.Member is System.Reflection.PropertyInfo && map.FindByProperty(member.Member.Name) is { } field) return field;
        throw Unsupported(whole, $"it reads '{Format(member)}', which is not a field of the {map.Metadata.Name} model in the schema");
    }

    private FieldValue ToFieldValue(Expression whole, FieldReference field, object? value)
    {
        if (field.TryConvert(value, out var result)) return result;
        throw Unsupported(whole, $"it compares '{field.Path}' ({ExpressionFormatter.TypeName(field.ValueType)}) with a value of type "
            + ExpressionFormatter.TypeName(value!.GetType()));
    }

    private void RequireValue(Expression whole, Expression value)
    {
        if (ValueEvaluator.DependsOn(value, _parameter))
        {
            throw Unsupported(whole, $"'{Format(value)}' {DescribeUntranslatable(value)}");
        }
    }

    private void RequireEquality(Expression whole, FieldReference field)
    {
        if (!field.HasEquality) throw Unsupported(whole, $"'{field.Path}' is {Describe(field)}, which predicates cannot compare");
    }

    private static Predicate<T> Condition(FieldReference field, PredicateOperator op, FieldValue value)
        => new(new FieldCondition(field.Path, op, new[] { value }));

    private static (Expression Collection, Expression Item)? ContainsOperands(MethodCallExpression call)
    {
        var args = call.Arguments;
        if (call.Object is not null) return args.Count == 1 ? (call.Object, args[0]) : null;
        // Enumerable.Contains(values, x[, comparer]) and MemoryExtensions.Contains(span, x[, comparer]): only the
        // default comparer, whose meaning the store shares.
        if (args.Count == 2 || (args.Count == 3 && args[2] is ConstantExpression { Value: null })) return (args[0], args[1]);
        return null;
    }

    // A trailing StringComparison argument must be Ordinal: the store compares strings ordinally.
    private static bool IsOrdinalOrDefault(MethodCallExpression call, int index)
        => call.Arguments.Count <= index
            || (call.Arguments[index] is ConstantExpression { Value: StringComparison.Ordinal } && call.Arguments.Count == index + 1);

    private static PredicateOperator? ComparisonOperator(ExpressionType type) => type switch
    {
        ExpressionType.Equal => PredicateOperator.Eq,
        ExpressionType.NotEqual => PredicateOperator.Ne,
        ExpressionType.LessThan => PredicateOperator.Lt,
        ExpressionType.LessThanOrEqual => PredicateOperator.Le,
        ExpressionType.GreaterThan => PredicateOperator.Gt,
        ExpressionType.GreaterThanOrEqual => PredicateOperator.Ge,
        _ => null,
    };

    private static PredicateOperator Flip(PredicateOperator op) => op switch
    {
        PredicateOperator.Lt => PredicateOperator.Gt,
        PredicateOperator.Le => PredicateOperator.Ge,
        PredicateOperator.Gt => PredicateOperator.Lt,
        PredicateOperator.Ge => PredicateOperator.Le,
        _ => op,
    };

    private static bool IsOrdering(PredicateOperator op)
        => op is PredicateOperator.Lt or PredicateOperator.Le or PredicateOperator.Gt or PredicateOperator.Ge;

    private static string Describe(FieldReference field) => field switch
    {
        { IsList: true } => "a list field",
        { Field.Kind: FieldKind.Enum } => "an enum field",
        { Field.Kind: FieldKind.Embedded } => "an embedded (non-model) field",
        { Field.Scalar: ScalarType.Boolean } => "a Boolean field",
        { Field.Scalar: ScalarType.AWSJSON } => "an AWSJSON field",
        _ => "a " + field.Field.TypeName + " field",
    };

    private string DescribeUntranslatable(Expression e) => e switch
    {
        InvocationExpression => $"invokes a delegate with '{Parameter}', which cannot run in the store",
        MethodCallExpression { Method.Name: nameof(string.CompareTo), Object.Type: var type } when type == typeof(string)
            => "calls string.CompareTo, which is culture-sensitive; order strings with string.CompareOrdinal(field, value)",
        MethodCallExpression call => $"calls {ExpressionFormatter.TypeName(call.Method.DeclaringType!)}.{call.Method.Name} on model data, which the store cannot evaluate",
        BinaryExpression { NodeType: ExpressionType.Add or ExpressionType.AddChecked or ExpressionType.Subtract
            or ExpressionType.SubtractChecked or ExpressionType.Multiply or ExpressionType.MultiplyChecked
            or ExpressionType.Divide or ExpressionType.Modulo or ExpressionType.And or ExpressionType.Or
            or ExpressionType.ExclusiveOr or ExpressionType.LeftShift or ExpressionType.RightShift } => "computes with model data, which the store cannot evaluate",
        BinaryExpression { NodeType: ExpressionType.Coalesce } => "uses ?? on model data; compare the field and null explicitly",
        ConditionalExpression => "uses a conditional on model data; combine conditions with && and || instead",
        ParameterExpression => "is the model itself; compare one of its fields",
        _ => "is neither a model field nor a value independent of '" + Parameter + "'",
    };

    private string Parameter => _parameter.Name ?? "x";

    private static string Format(Expression e) => ExpressionFormatter.Format(e);

    private NotSupportedException Unsupported(Expression e, string reason) => new(
        $"Cannot translate '{Format(e)}' in a LINQ predicate over {typeof(T).Name}: {reason}. "
        + $"Write conditions that compare a model field with a value ({Parameter}.Field == value, {Parameter}.Field > value, "
        + $"{Parameter}.Text.Contains(value), {Parameter}.Text.StartsWith(value), {Parameter}.List.Contains(value), "
        + $"values.Contains({Parameter}.Field)) joined with &&, || and !, or use the typed predicate API ({typeof(T).Name}.Where(...)).");
}
