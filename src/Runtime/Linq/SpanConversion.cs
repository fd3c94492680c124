using System;
using System.Linq.Expressions;

namespace Amplify.DataStore.Linq;

/// <summary>
/// Recognises the array-to-span conversion C# 14 inserts when <c>array.Contains(x)</c> binds to
/// <c>MemoryExtensions.Contains</c>, so membership tests over captured arrays see the array itself.
/// </summary>
internal static class SpanConversion
{
    /// <summary>True for <see cref="ReadOnlySpan{T}"/> and <see cref="Span{T}"/>.</summary>
    public static bool IsSpanType(Type type)
    {
        if (!type.IsGenericType) return false;
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(ReadOnlySpan<>) || definition == typeof(Span<>);
    }

    /// <summary>True for a call of a span type's <c>op_Implicit</c> (array to span).</summary>
    public static bool IsImplicitSpanConversion(MethodCallExpression call)
        => call.Object is null && call.Method.Name == "op_Implicit" && call.Arguments.Count == 1 && IsSpanType(call.Type);

    /// <summary>The array or collection beneath an implicit span conversion, or <paramref name="expression"/> itself.</summary>
    public static Expression Unwrap(Expression expression) => expression switch
    {
        MethodCallExpression call when IsImplicitSpanConversion(call) => call.Arguments[0],
        UnaryExpression { NodeType: ExpressionType.Convert } convert when IsSpanType(convert.Type) => convert.Operand,
        _ => expression,
    };
}
