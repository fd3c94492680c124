using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Numerics;

namespace Amplify.DataStore.LocalBackend.Filtering;

/// <summary>
/// How the filter evaluator sees values: their kind, DynamoDB-style equality and ordering, size, and
/// <c>attributeType</c> name. Numbers compare numerically across CLR types (an Int operand arrives as <c>int</c>,
/// the stored value is a <c>long</c>); values of different kinds are never equal and never ordered.
/// </summary>
internal static class FilterValues
{
    /// <summary>The kind of <paramref name="value"/>.</summary>
    public static FilterValueKind KindOf(object? value) => value switch
    {
        null => FilterValueKind.Null,
        string => FilterValueKind.String,
        bool => FilterValueKind.Boolean,
        sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal or BigInteger => FilterValueKind.Number,
        IReadOnlyDictionary<string, object?> or IDictionary<string, object?> => FilterValueKind.Map,
        IEnumerable => FilterValueKind.List,
        _ => FilterValueKind.Other,
    };

    /// <summary>Deep equality: numbers numerically, strings ordinally, lists element by element, maps key by key.</summary>
    public static bool AreEqual(object? left, object? right)
    {
        FilterValueKind kind = KindOf(left);
        if (kind != KindOf(right))
            return false;

        switch (kind)
        {
            case FilterValueKind.Null:
                return true;
            case FilterValueKind.String:
                return string.Equals((string)left!, (string)right!, StringComparison.Ordinal);
            case FilterValueKind.Number:
                return CompareNumbers(left!, right!) == 0;
            case FilterValueKind.List:
                IReadOnlyList<object?> leftItems = AsList(left!);
                IReadOnlyList<object?> rightItems = AsList(right!);
                if (leftItems.Count != rightItems.Count)
                    return false;
                for (int i = 0; i < leftItems.Count; i++)
                {
                    if (!AreEqual(leftItems[i], rightItems[i]))
                        return false;
                }

                return true;
            case FilterValueKind.Map:
                IReadOnlyDictionary<string, object?> leftMap = AsMap(left!);
                IReadOnlyDictionary<string, object?> rightMap = AsMap(right!);
                if (leftMap.Count != rightMap.Count)
                    return false;
                foreach (KeyValuePair<string, object?> entry in leftMap)
                {
                    if (!rightMap.TryGetValue(entry.Key, out object? other) || !AreEqual(entry.Value, other))
                        return false;
                }

                return true;
            default:
                return Equals(left, right);
        }
    }

    /// <summary>
    /// The order of two strings or two numbers (negative, zero, positive); null when they cannot be ordered, i.e.
    /// when their kinds differ or are anything else (booleans, lists, maps and nulls have no order in a filter).
    /// </summary>
    public static int? Compare(object? left, object? right)
    {
        FilterValueKind kind = KindOf(left);
        if (kind != KindOf(right))
            return null;
        return kind switch
        {
            FilterValueKind.String => CompareCodePoints((string)left!, (string)right!),
            FilterValueKind.Number => CompareNumbers(left!, right!),
            _ => null,
        };
    }

    /// <summary>DynamoDB's <c>size()</c>: the length of a string, the count of a list or map; null for other kinds.</summary>
    public static long? SizeOf(object? value) => KindOf(value) switch
    {
        FilterValueKind.String => ((string)value!).Length,
        FilterValueKind.List => AsList(value!).Count,
        FilterValueKind.Map => AsMap(value!).Count,
        _ => null,
    };

    /// <summary>The <c>ModelAttributeTypes</c> name of a stored value; null for CLR types with no DynamoDB counterpart.</summary>
    public static string? AttributeTypeOf(object? value) => KindOf(value) switch
    {
        FilterValueKind.Null => "_null",
        FilterValueKind.String => "string",
        FilterValueKind.Number => "number",
        FilterValueKind.Boolean => "bool",
        FilterValueKind.List => "list",
        FilterValueKind.Map => "map",
        _ => null,
    };

    /// <summary>A value of kind <see cref="FilterValueKind.List"/> as a list, without copying when it already is one.</summary>
    public static IReadOnlyList<object?> AsList(object value)
    {
        if (value is IReadOnlyList<object?> list)
            return list;
        var copy = new List<object?>();
        foreach (object? item in (IEnumerable)value)
            copy.Add(item);
        return copy;
    }

    /// <summary>A value of kind <see cref="FilterValueKind.Map"/> as a read-only dictionary.</summary>
    public static IReadOnlyDictionary<string, object?> AsMap(object value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => map,
        IDictionary<string, object?> map => new ReadOnlyDictionary<string, object?>(map),
        _ => throw new ArgumentException("Not a map.", nameof(value)),
    };

    // Integers compare exactly (as BigInteger, so ulong and long mix); a decimal against an integer or decimal
    // compares as decimal; anything involving floating-point (or a decimal against a BigInteger, which decimal
    // cannot hold) compares as double.
    private static int CompareNumbers(object left, object right)
    {
        bool leftIntegral = IsIntegral(left);
        bool rightIntegral = IsIntegral(right);
        if (leftIntegral && rightIntegral)
            return ToBigInteger(left).CompareTo(ToBigInteger(right));
        if ((left is decimal || right is decimal) && left is not (double or float or BigInteger) && right is not (double or float or BigInteger))
            return Convert.ToDecimal(left, CultureInfo.InvariantCulture).CompareTo(Convert.ToDecimal(right, CultureInfo.InvariantCulture));
        return ToDouble(left).CompareTo(ToDouble(right));
    }

    private static bool IsIntegral(object number) => number is not (double or float or decimal);

    private static double ToDouble(object number) => number is BigInteger big
        ? (double)big
        : Convert.ToDouble(number, CultureInfo.InvariantCulture);

    private static BigInteger ToBigInteger(object integer) => integer switch
    {
        BigInteger big => big,
        ulong unsigned => unsigned,
        _ => Convert.ToInt64(integer, CultureInfo.InvariantCulture),
    };

    // DynamoDB orders strings by their UTF-8 bytes, which is code point order. UTF-16 ordinal order agrees except
    // that surrogates (U+D800–DFFF, i.e. characters above U+FFFF) sort before U+E000–FFFF; shifting them fixes that.
    private static int CompareCodePoints(string left, string right)
    {
        int length = Math.Min(left.Length, right.Length);
        for (int i = 0; i < length; i++)
        {
            char a = left[i];
            char b = right[i];
            if (a == b)
                continue;
            if (a >= 0xD800 && b >= 0xD800)
                return Shift(a).CompareTo(Shift(b));
            return a.CompareTo(b);
        }

        return left.Length.CompareTo(right.Length);

        static int Shift(char c) => c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
