using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace Amplify.DataStore.LocalBackend.Api;

/// <summary>
/// GraphQL.NET hands arguments over as int/long/double/decimal/string/bool, object lists and dictionaries; stored items
/// use long for integers, double for floats, <see cref="List{T}"/> and <see cref="Dictionary{TKey, TValue}"/>.
/// </summary>
internal static class ArgumentValues
{
    /// <summary>The argument as a plain dictionary (null when absent or null).</summary>
    public static Dictionary<string, object?>? Object(object? value)
        => value is IDictionary<string, object?> or IReadOnlyDictionary<string, object?> ? (Dictionary<string, object?>)Normalize(value)! : null;

    /// <summary>A value in the stored representation.</summary>
    public static object? Normalize(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b,
        int i => (long)i,
        long l => l,
        short s16 => (long)s16,
        byte b8 => (long)b8,
        uint u => (long)u,
        double d => d,
        float f => (double)f,
        decimal m => (double)m,
        System.Numerics.BigInteger big => (long)big,
        IDictionary<string, object?> map => NormalizeMap(map),
        IReadOnlyDictionary<string, object?> map => NormalizeMap(map),
        IEnumerable list => NormalizeList(list),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, object?> NormalizeMap(IEnumerable<KeyValuePair<string, object?>> map)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in map) result[key] = Normalize(value);
        return result;
    }

    private static List<object?> NormalizeList(IEnumerable list)
    {
        var result = new List<object?>();
        foreach (var value in list) result.Add(Normalize(value));
        return result;
    }
}
