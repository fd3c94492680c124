using System;
using System.Collections.Generic;

namespace Amplify.DataStore.Analyzers.Rules;

/// <summary>
/// The set of values a constant comparison admits, as an interval (ADS2004's contradictory ranges): <c>Gt(5)</c> is
/// (5, ∞), <c>Between(1, 3)</c> is [1, 3], <c>Eq(4)</c> is [4, 4]. On a line two intervals with no common value are
/// enough to prove that a whole AND of such conditions is empty, so checking pairs suffices.
/// </summary>
internal sealed class ConstantPredicateRange
{
    private ConstantPredicateRange(object? low, bool lowStrict, object? high, bool highStrict)
    {
        Low = low;
        LowStrict = lowStrict;
        High = high;
        HighStrict = highStrict;
    }

    /// <summary>The lower bound, or null for none.</summary>
    public object? Low { get; }

    /// <summary>True when the lower bound itself is excluded.</summary>
    public bool LowStrict { get; }

    /// <summary>The upper bound, or null for none.</summary>
    public object? High { get; }

    /// <summary>True when the upper bound itself is excluded.</summary>
    public bool HighStrict { get; }

    /// <summary>The interval of a comparison with constant operands; null for other operators or non-constant operands.</summary>
    public static ConstantPredicateRange? Of(ConstantPredicateFieldAccess access)
    {
        if (access.Operands is not { } operands) return null;
        var values = new List<object>(operands.Count);
        foreach (var operand in operands)
        {
            // A null operand has no place on the line (Eq(null) is "is missing"); leave such conditions alone.
            if (ConstantPredicateFieldAccess.ConstantOf(operand) is not (true, { } value) || !IsOrdered(value)) return null;
            values.Add(value);
        }
        return (access.Operator, values.Count) switch
        {
            ("eq", 1) => new ConstantPredicateRange(values[0], false, values[0], false),
            ("gt", 1) => new ConstantPredicateRange(values[0], true, null, false),
            ("ge", 1) => new ConstantPredicateRange(values[0], false, null, false),
            ("lt", 1) => new ConstantPredicateRange(null, false, values[0], true),
            ("le", 1) => new ConstantPredicateRange(null, false, values[0], false),
            ("between", 2) => new ConstantPredicateRange(values[0], false, values[1], false),
            _ => null,
        };
    }

    /// <summary>True when no value lies in both intervals (only when every bound involved compares).</summary>
    public bool IsDisjointFrom(ConstantPredicateRange other) => Below(High, HighStrict, other.Low, other.LowStrict) || Below(other.High, other.HighStrict, Low, LowStrict);

    private static bool Below(object? high, bool highStrict, object? low, bool lowStrict)
    {
        if (high is null || low is null) return false;
        return Compare(high, low) switch
        {
            < 0 => true,
            0 => highStrict || lowStrict,
            _ => false,
        };
    }

    /// <summary>
    /// The order of two constants the way the runtime orders field values: numbers numerically (Int and Float together),
    /// strings ordinally, booleans false before true; null when they do not compare.
    /// </summary>
    public static int? Compare(object? left, object? right)
    {
        if (left is string a && right is string b) return Math.Sign(string.CompareOrdinal(a, b));
        if (left is bool x && right is bool y) return x.CompareTo(y);
        if (!IsNumber(left) || !IsNumber(right)) return null;
        if (left is float or double || right is float or double)
        {
            double l = Convert.ToDouble(left, System.Globalization.CultureInfo.InvariantCulture);
            double r = Convert.ToDouble(right, System.Globalization.CultureInfo.InvariantCulture);
            return double.IsNaN(l) || double.IsNaN(r) ? null : l.CompareTo(r);
        }
        // Integers and decimals compare exactly as decimal (every integral constant fits).
        return Convert.ToDecimal(left, System.Globalization.CultureInfo.InvariantCulture)
            .CompareTo(Convert.ToDecimal(right, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static bool IsOrdered(object value) => value is string or bool || IsNumber(value);

    private static bool IsNumber(object? value) => value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal;
}
