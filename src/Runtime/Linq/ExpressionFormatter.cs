using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text;

namespace Amplify.DataStore.Linq;

/// <summary>
/// Renders an expression roughly as the C# the user wrote (<c>p.Title.ToUpper() == "X"</c>), for error messages:
/// captured variables appear by name rather than as closure fields, and the conversions the compiler inserts are
/// hidden.
/// </summary>
internal static class ExpressionFormatter
{
    private const int Primary = 16;
    private const int Unary = 14;

    private static readonly Dictionary<Type, string> s_keywords = new()
    {
        [typeof(bool)] = "bool", [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte", [typeof(char)] = "char",
        [typeof(short)] = "short", [typeof(ushort)] = "ushort", [typeof(int)] = "int", [typeof(uint)] = "uint",
        [typeof(long)] = "long", [typeof(ulong)] = "ulong", [typeof(float)] = "float", [typeof(double)] = "double",
        [typeof(decimal)] = "decimal", [typeof(string)] = "string", [typeof(object)] = "object", [typeof(void)] = "void",
    };

    /// <summary>The expression as C#-like text.</summary>
    public static string Format(Expression expression)
    {
        var sb = new StringBuilder();
        Write(sb, expression, 0, enumHint: null);
        return sb.ToString();
    }

    /// <summary>A short C# name for <paramref name="type"/> (<c>int?</c>, <c>List&lt;string&gt;</c>).</summary>
    public static string TypeName(Type type)
    {
        if (s_keywords.TryGetValue(type, out var keyword)) return keyword;
        if (Nullable.GetUnderlyingType(type) is { } underlying) return TypeName(underlying) + "?";
        if (type.IsArray) return TypeName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (!type.IsGenericType) return type.Name;
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        var args = string.Join(", ", Array.ConvertAll(type.GetGenericArguments(), TypeName));
        return (tick < 0 ? name : name[..tick]) + "<" + args + ">";
    }

    private static void Write(StringBuilder sb, Expression e, int minPrecedence, Type? enumHint)
    {
        var inner = StripHidden(e);
        if (!ReferenceEquals(inner, e))
        {
            Write(sb, inner, minPrecedence, enumHint);
            return;
        }
        var precedence = Precedence(e);
        var parens = precedence < minPrecedence;
        if (parens) sb.Append('(');
        WriteNode(sb, e, precedence, enumHint);
        if (parens) sb.Append(')');
    }

    private static void WriteNode(StringBuilder sb, Expression e, int precedence, Type? enumHint)
    {
        switch (e)
        {
            case ConstantExpression c:
                WriteConstant(sb, enumHint is not null && c.Value is { } v && ClrConversions.IsIntegral(v.GetType()) ? Enum.ToObject(enumHint, v) : c.Value);
                break;
            case ParameterExpression p:
                sb.Append(p.Name ?? "x");
                break;
            case MemberExpression m:
                WriteMember(sb, m);
                break;
            case MethodCallExpression call:
                WriteCall(sb, call);
                break;
            case BinaryExpression { NodeType: ExpressionType.ArrayIndex } index:
                Write(sb, index.Left, Primary, null);
                sb.Append('[');
                Write(sb, index.Right, 0, null);
                sb.Append(']');
                break;
            case BinaryExpression b:
                WriteBinary(sb, b, precedence);
                break;
            case UnaryExpression u:
                WriteUnary(sb, u);
                break;
            case InvocationExpression invoke:
                Write(sb, invoke.Expression, Primary, null);
                WriteArguments(sb, invoke.Arguments, 0);
                break;
            case LambdaExpression lambda:
                if (lambda.Parameters.Count == 1) sb.Append(lambda.Parameters[0].Name);
                else sb.Append('(').AppendJoin(", ", ParameterNames(lambda)).Append(')');
                sb.Append(" => ");
                Write(sb, lambda.Body, 0, null);
                break;
            case ConditionalExpression conditional:
                Write(sb, conditional.Test, precedence + 1, null);
                sb.Append(" ? ");
                Write(sb, conditional.IfTrue, precedence, null);
                sb.Append(" : ");
                Write(sb, conditional.IfFalse, precedence, null);
                break;
            case TypeBinaryExpression { NodeType: ExpressionType.TypeIs } typeIs:
                Write(sb, typeIs.Expression, precedence, null);
                sb.Append(" is ").Append(TypeName(typeIs.TypeOperand));
                break;
            case NewArrayExpression { NodeType: ExpressionType.NewArrayInit } array:
                sb.Append("new[] { ");
                WriteList(sb, array.Expressions, 0);
                sb.Append(" }");
                break;
            case NewExpression newObject:
                sb.Append("new ").Append(TypeName(newObject.Type));
                WriteArguments(sb, newObject.Arguments, 0);
                break;
            case ListInitExpression listInit:
                sb.Append("new ").Append(TypeName(listInit.Type)).Append(" { ");
                for (int i = 0; i < listInit.Initializers.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    WriteList(sb, listInit.Initializers[i].Arguments, 0);
                }
                sb.Append(" }");
                break;
            case IndexExpression indexer when indexer.Object is not null:
                Write(sb, indexer.Object, Primary, null);
                sb.Append('[');
                WriteList(sb, indexer.Arguments, 0);
                sb.Append(']');
                break;
            default:
                sb.Append(e);
                break;
        }
    }

    private static void WriteMember(StringBuilder sb, MemberExpression m)
    {
        var name = m.Member.Name;
        if (name.StartsWith("<>", StringComparison.Ordinal) && name.EndsWith("__this", StringComparison.Ordinal)) name = "this";
        if (m.Expression is null)
        {
            sb.Append(TypeName(m.Member.DeclaringType!)).Append('.').Append(name);
            return;
        }
        // A captured variable is a field of a compiler-generated closure object: show just its name.
        if (m.Expression is ConstantExpression { Value: { } closure } && IsCompilerGenerated(closure.GetType()))
        {
            sb.Append(name);
            return;
        }
        Write(sb, m.Expression, Primary, null);
        sb.Append('.').Append(name);
    }

    private static void WriteCall(StringBuilder sb, MethodCallExpression call)
    {
        var method = call.Method;
        var args = call.Arguments;
        if (call.Object is not null)
        {
            Write(sb, call.Object, Primary, null);
            if (method.Name == "get_Item")
            {
                sb.Append('[');
                WriteList(sb, args, 0);
                sb.Append(']');
                return;
            }
            sb.Append('.').Append(method.Name);
            WriteArguments(sb, args, 0);
            return;
        }
        if (method.IsDefined(typeof(ExtensionAttribute), inherit: false) && args.Count > 0)
        {
            // values.Contains(x), not Enumerable.Contains(values, x); MemoryExtensions' default comparer is implicit.
            var count = args.Count;
            if (method.DeclaringType?.Name == "MemoryExtensions" && count == 3 && args[2] is ConstantExpression { Value: null }) count = 2;
            Write(sb, args[0], Primary, null);
            sb.Append('.').Append(method.Name);
            WriteArguments(sb, args, 1, count);
            return;
        }
        sb.Append(TypeName(method.DeclaringType!)).Append('.').Append(method.Name);
        WriteArguments(sb, args, 0);
    }

    private static void WriteBinary(StringBuilder sb, BinaryExpression b, int precedence)
    {
        // C# compares enums as their underlying type: show the constant as the enum member again.
        var enumHint = EnumTypeOf(b.Left) ?? EnumTypeOf(b.Right);
        var rightAssociative = b.NodeType == ExpressionType.Coalesce;
        Write(sb, b.Left, rightAssociative ? precedence + 1 : precedence, enumHint);
        sb.Append(' ').Append(Operator(b.NodeType)).Append(' ');
        Write(sb, b.Right, rightAssociative ? precedence : precedence + 1, enumHint);
    }

    private static void WriteUnary(StringBuilder sb, UnaryExpression u)
    {
        switch (u.NodeType)
        {
            case ExpressionType.Not:
                sb.Append(u.Type == typeof(bool) || u.Type == typeof(bool?) ? '!' : '~');
                break;
            case ExpressionType.Negate or ExpressionType.NegateChecked:
                sb.Append('-');
                break;
            case ExpressionType.UnaryPlus:
                sb.Append('+');
                break;
            case ExpressionType.Convert or ExpressionType.ConvertChecked:
                sb.Append('(').Append(TypeName(u.Type)).Append(')');
                break;
            case ExpressionType.ArrayLength:
                Write(sb, u.Operand, Primary, null);
                sb.Append(".Length");
                return;
            case ExpressionType.TypeAs:
                Write(sb, u.Operand, Precedence(u), null);
                sb.Append(" as ").Append(TypeName(u.Type));
                return;
            case ExpressionType.Quote:
                Write(sb, u.Operand, 0, null);
                return;
            default:
                sb.Append(u);
                return;
        }
        Write(sb, u.Operand, Unary, null);
    }

    private static void WriteConstant(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case string s:
                sb.Append('"').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
                    .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal)).Append('"');
                break;
            case char ch:
                sb.Append('\'').Append(ch).Append('\'');
                break;
            case bool flag:
                sb.Append(flag ? "true" : "false");
                break;
            case Enum member:
                var type = TypeName(member.GetType());
                var text = member.ToString();
                if (text.Length > 0 && (char.IsDigit(text[0]) || text[0] == '-')) sb.Append('(').Append(type).Append(')').Append(text);
                else sb.Append(type).Append('.').Append(text.Replace(", ", " | " + type + ".", StringComparison.Ordinal));
                break;
            case IFormattable formattable:
                sb.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                sb.Append("value(").Append(TypeName(value.GetType())).Append(')');
                break;
        }
    }

    private static void WriteArguments(StringBuilder sb, IReadOnlyList<Expression> args, int start, int? end = null)
    {
        sb.Append('(');
        for (int i = start; i < (end ?? args.Count); i++)
        {
            if (i > start) sb.Append(", ");
            Write(sb, args[i], 0, null);
        }
        sb.Append(')');
    }

    private static void WriteList(StringBuilder sb, IReadOnlyList<Expression> items, int minPrecedence)
    {
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0) sb.Append(", ");
            Write(sb, items[i], minPrecedence, null);
        }
    }

    private static IEnumerable<string> ParameterNames(LambdaExpression lambda)
    {
        foreach (var p in lambda.Parameters) yield return p.Name ?? "_";
    }

    // Nodes the user did not write: implicit conversions and the array-to-span conversion C# 14 inserts for Contains.
    private static Expression StripHidden(Expression e)
    {
        while (true)
        {
            switch (e)
            {
                case UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked, Method: null } convert
                    when convert.Type == typeof(object) || ClrConversions.IsLossless(convert.Operand.Type, convert.Type):
                    e = convert.Operand;
                    continue;
                case UnaryExpression { NodeType: ExpressionType.Convert } convert when SpanConversion.IsSpanType(convert.Type):
                    e = convert.Operand;
                    continue;
                case MethodCallExpression call when SpanConversion.IsImplicitSpanConversion(call):
                    e = call.Arguments[0];
                    continue;
                default:
                    return e;
            }
        }
    }

    private static Type? EnumTypeOf(Expression e)
    {
        var type = ClrConversions.StripNullable(StripHidden(e).Type);
        return type.IsEnum ? type : null;
    }

    private static bool IsCompilerGenerated(Type type)
        => type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) || type.Name.StartsWith('<');

    private static int Precedence(Expression e) => e.NodeType switch
    {
        ExpressionType.Multiply or ExpressionType.MultiplyChecked or ExpressionType.Divide or ExpressionType.Modulo => 13,
        ExpressionType.Add or ExpressionType.AddChecked or ExpressionType.Subtract or ExpressionType.SubtractChecked => 12,
        ExpressionType.LeftShift or ExpressionType.RightShift => 11,
        ExpressionType.LessThan or ExpressionType.LessThanOrEqual or ExpressionType.GreaterThan
            or ExpressionType.GreaterThanOrEqual or ExpressionType.TypeIs or ExpressionType.TypeAs => 10,
        ExpressionType.Equal or ExpressionType.NotEqual => 9,
        ExpressionType.And => 8,
        ExpressionType.ExclusiveOr => 7,
        ExpressionType.Or => 6,
        ExpressionType.AndAlso => 5,
        ExpressionType.OrElse => 4,
        ExpressionType.Coalesce => 3,
        ExpressionType.Conditional => 2,
        ExpressionType.Lambda => 1,
        ExpressionType.Not or ExpressionType.Negate or ExpressionType.NegateChecked or ExpressionType.UnaryPlus
            or ExpressionType.Convert or ExpressionType.ConvertChecked => Unary,
        _ => Primary,
    };

    private static string Operator(ExpressionType type) => type switch
    {
        ExpressionType.Add or ExpressionType.AddChecked => "+",
        ExpressionType.Subtract or ExpressionType.SubtractChecked => "-",
        ExpressionType.Multiply or ExpressionType.MultiplyChecked => "*",
        ExpressionType.Divide => "/",
        ExpressionType.Modulo => "%",
        ExpressionType.LeftShift => "<<",
        ExpressionType.RightShift => ">>",
        ExpressionType.LessThan => "<",
        ExpressionType.LessThanOrEqual => "<=",
        ExpressionType.GreaterThan => ">",
        ExpressionType.GreaterThanOrEqual => ">=",
        ExpressionType.Equal => "==",
        ExpressionType.NotEqual => "!=",
        ExpressionType.And => "&",
        ExpressionType.ExclusiveOr => "^",
        ExpressionType.Or => "|",
        ExpressionType.AndAlso => "&&",
        ExpressionType.OrElse => "||",
        ExpressionType.Coalesce => "??",
        _ => type.ToString(),
    };
}
