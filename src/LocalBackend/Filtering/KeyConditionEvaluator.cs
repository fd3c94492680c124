using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Amplify.DataStore.Schema;

namespace Amplify.DataStore.LocalBackend.Filtering;

/// <summary>
/// DynamoDB key semantics as the transformer's Query resolvers use them. A key attribute is a number (N: Int, Float,
/// AWSTimestamp fields, compared numerically) or a string (S: everything else, compared by code point, which is
/// DynamoDB's UTF-8 byte order). Several sort-key fields form one composite string attribute, the fields' values joined
/// with <c>#</c>, and conditions on it compare the joined values of the fields given, left to right, as strings. An item
/// without a value for a key field is not in the index (sparse indexes).
/// </summary>
internal static class KeyConditionEvaluator
{
    private static readonly string[] Operators = { "eq", "le", "lt", "ge", "gt", "between", "beginsWith" };

    /// <summary>A key value: a <see cref="double"/> for N attributes, a <see cref="string"/> for S; null when absent.</summary>
    public static object? KeyValue(object? value, bool number) => value switch
    {
        null => null,
        long l when number => (double)l,
        double d when number => d,
        string s when number => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : s,
        _ => Stringify(value),
    };

    /// <summary>True when the field is stored as a number attribute.</summary>
    public static bool IsNumber(FieldDefinition field)
        => field.Type.Kind == TypeKind.Scalar && field.Type.Scalar is ScalarKind.Int or ScalarKind.Float or ScalarKind.AWSTimestamp;

    /// <summary>The item's sort-key value (composite keys joined with <c>#</c>), or null when a field is missing.</summary>
    public static object? SortValue(IReadOnlyDictionary<string, object?> item, IReadOnlyList<FieldDefinition> sortKeys)
    {
        if (sortKeys.Count == 1) return KeyValue(item.GetValueOrDefault(sortKeys[0].Name), IsNumber(sortKeys[0]));
        var joined = new StringBuilder();
        for (int i = 0; i < sortKeys.Count; i++)
        {
            if (item.GetValueOrDefault(sortKeys[i].Name) is not { } value) return null;
            if (i > 0) joined.Append('#');
            joined.Append(Stringify(value));
        }
        return joined.ToString();
    }

    /// <summary>Orders two key values of one attribute: numbers numerically, strings by code point.</summary>
    public static int Compare(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (double x, double y) => x.CompareTo(y),
        (double, _) => -1,
        (_, double) => 1,
        _ => CompareCodePoints((string)a, (string)b),
    };

    /// <summary>
    /// Whether <paramref name="sortValue"/> meets <paramref name="condition"/> (one operator of <c>eq le lt ge gt between
    /// beginsWith</c>; for a composite key each operand is an object of the sort-key fields).
    /// </summary>
    /// <exception cref="FilterException">The condition is malformed: no or several operators, or a <c>between</c> without two bounds.</exception>
    public static bool Matches(object? sortValue, IReadOnlyDictionary<string, object?> condition, IReadOnlyList<FieldDefinition> sortKeys, string argument)
    {
        string? op = null;
        object? operand = null;
        foreach (var (name, value) in condition)
        {
            if (value is null) continue;
            if (Array.IndexOf(Operators, name) < 0) throw new FilterException(argument, $"unknown key condition '{name}'");
            if (op is not null) throw new FilterException(argument, "a key condition takes exactly one operator");
            op = name;
            operand = value;
        }
        if (op is null) return true;
        if (sortValue is null) return false;
        if (op == "between")
        {
            if (operand is not IReadOnlyList<object?> { Count: 2 } bounds) throw new FilterException(argument, "'between' needs exactly 2 values");
            return Compare(sortValue, Bound(bounds[0], sortKeys, argument)) >= 0 && Compare(sortValue, Bound(bounds[1], sortKeys, argument)) <= 0;
        }
        var bound = Bound(operand, sortKeys, argument);
        int order = Compare(sortValue, bound);
        return op switch
        {
            "eq" => order == 0,
            "le" => order <= 0,
            "lt" => order < 0,
            "ge" => order >= 0,
            "gt" => order > 0,
            _ => sortValue is string s && bound is string prefix && s.StartsWith(prefix, StringComparison.Ordinal),
        };
    }

    // A single key's operand as a key value; a composite key's operand as the joined values of the fields given.
    private static object? Bound(object? operand, IReadOnlyList<FieldDefinition> sortKeys, string argument)
    {
        if (sortKeys.Count == 1) return KeyValue(operand, IsNumber(sortKeys[0]));
        if (operand is not IReadOnlyDictionary<string, object?> fields) throw new FilterException(argument, "a composite key condition takes an object of the sort-key fields");
        var joined = new StringBuilder();
        for (int i = 0; i < sortKeys.Count; i++)
        {
            if (fields.GetValueOrDefault(sortKeys[i].Name) is not { } value) continue;
            if (i > 0) joined.Append('#');
            joined.Append(Stringify(value));
        }
        return joined.ToString();
    }

    // How the resolvers' templates write a value into a key string (Java's toString for numbers).
    private static string Stringify(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        double d when d == 0 => "0.0",
        double d when Math.Abs(d) is >= 1e-3 and < 1e7 && d == Math.Floor(d) => d.ToString("0.0", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static int CompareCodePoints(string a, string b)
    {
        var x = a.EnumerateRunes();
        var y = b.EnumerateRunes();
        while (true)
        {
            bool more = x.MoveNext(), other = y.MoveNext();
            if (!more || !other) return more.CompareTo(other);
            int order = x.Current.Value.CompareTo(y.Current.Value);
            if (order != 0) return order;
        }
    }
}
