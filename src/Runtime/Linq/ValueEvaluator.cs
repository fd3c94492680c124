using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;

namespace Amplify.DataStore.Linq;

/// <summary>
/// Evaluates the parts of a LINQ predicate that do not depend on the model parameter: constants and captured
/// variables, once per translation.
/// </summary>
/// <remarks>
/// This is where LINQ predicates use light reflection that typed predicates do not: a captured local, field or
/// property is read with <see cref="FieldInfo.GetValue"/> / <see cref="PropertyInfo.GetValue(object?)"/> on the
/// closure object the compiler made. Anything else that is independent of the parameter (a method call such as
/// <c>ModelId.NewId()</c>, arithmetic on captured values, an explicit numeric cast) is compiled with the expression
/// interpreter (no Reflection.Emit) and run once.
/// </remarks>
internal static class ValueEvaluator
{
    /// <summary>True when <paramref name="expression"/> reads <paramref name="parameter"/> anywhere.</summary>
    public static bool DependsOn(Expression expression, ParameterExpression parameter)
    {
        var finder = new ParameterFinder(parameter);
        finder.Visit(expression);
        return finder.Found;
    }

    /// <summary>The value of an expression that does not depend on the model parameter.</summary>
    public static object? Evaluate(Expression expression)
    {
        switch (expression)
        {
            case ConstantExpression constant:
                return constant.Value;
            case MemberExpression { Member: FieldInfo field } member:
                return field.GetValue(member.Expression is null ? null : Instance(member));
            case MemberExpression { Member: PropertyInfo property } member:
                return property.GetValue(member.Expression is null ? null : Instance(member));
            case UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked, Method: null } convert
                when IsRepresentationPreserving(convert.Operand.Type, convert.Type):
                return Rebox(Evaluate(convert.Operand), convert.Type);
            default:
                return Compile(expression);
        }
    }

    /// <summary>
    /// The items of a collection the predicate tests membership in (<c>values.Contains(p.Field)</c>): an array or
    /// collection initializer is evaluated item by item, anything else is evaluated and enumerated.
    /// </summary>
    public static IReadOnlyList<object?> EvaluateItems(Expression collection)
    {
        var items = new List<object?>();
        switch (collection)
        {
            case NewArrayExpression { NodeType: ExpressionType.NewArrayInit } array:
                foreach (var item in array.Expressions) items.Add(Evaluate(item));
                break;
            case ListInitExpression { NewExpression.Arguments.Count: 0 } list when list.Initializers.All(i => i.Arguments.Count == 1):
                foreach (var init in list.Initializers) items.Add(Evaluate(init.Arguments[0]));
                break;
            default:
                if (Evaluate(collection) is not System.Collections.IEnumerable enumerable)
                {
                    throw new InvalidOperationException($"'{ExpressionFormatter.Format(collection)}' is null, so no item can be a member of it.");
                }
                foreach (var item in enumerable) items.Add(item);
                break;
        }
        return items;
    }

    private static object Instance(MemberExpression member)
        => Evaluate(member.Expression!) ?? throw new InvalidOperationException(
            $"'{ExpressionFormatter.Format(member.Expression!)}' is null, so '{member.Member.Name}' cannot be read.");

    // Boxing already erases these conversions: a boxed int? is a boxed int, an enum and its underlying value differ
    // only in their boxed type, which Rebox restores.
    private static bool IsRepresentationPreserving(Type from, Type to)
    {
        var source = ClrConversions.StripNullable(from);
        var target = ClrConversions.StripNullable(to);
        return source == target
            || to == typeof(object)
            || (source.IsEnum && Enum.GetUnderlyingType(source) == target)
            || (target.IsEnum && Enum.GetUnderlyingType(target) == source)
            || (!source.IsValueType && !target.IsValueType && target.IsAssignableFrom(source));
    }

    private static object? Rebox(object? value, Type type)
    {
        if (value is null) return null;
        var target = ClrConversions.StripNullable(type);
        if (target.IsEnum && !value.GetType().IsEnum) return Enum.ToObject(target, value);
        if (value.GetType().IsEnum && !target.IsEnum && target != typeof(object))
        {
            return Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
        }
        return value;
    }

    private static object? Compile(Expression expression)
    {
        var body = expression.Type == typeof(object) ? expression : Expression.Convert(expression, typeof(object));
        return Expression.Lambda<Func<object?>>(body).Compile(preferInterpretation: true)();
    }

    private sealed class ParameterFinder(ParameterExpression parameter) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        public override Expression? Visit(Expression? node) => Found ? node : base.Visit(node);

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (node == parameter) Found = true;
            return node;
        }
    }
}
