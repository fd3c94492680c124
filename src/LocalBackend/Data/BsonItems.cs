using System;
using System.Collections.Generic;
using LiteDB;

namespace Amplify.DataStore.LocalBackend.Data;

/// <summary>Item images to and from LiteDB documents, keeping long and double apart (JSON would not).</summary>
internal static class BsonItems
{
    public static BsonDocument ToDocument(IReadOnlyDictionary<string, object?> item)
    {
        var doc = new BsonDocument();
        foreach (var (key, value) in item) doc[key] = ToBson(value);
        return doc;
    }

    public static Dictionary<string, object?> FromDocument(BsonDocument doc)
    {
        var item = new Dictionary<string, object?>(doc.Count, StringComparer.Ordinal);
        foreach (var (key, value) in doc) item[key] = FromBson(value);
        return item;
    }

    private static BsonValue ToBson(object? value) => value switch
    {
        null => BsonValue.Null,
        string s => new BsonValue(s),
        long l => new BsonValue(l),
        double d => new BsonValue(d),
        bool b => new BsonValue(b),
        IReadOnlyDictionary<string, object?> map => ToDocument(map),
        IReadOnlyList<object?> list => ToArray(list),
        _ => throw new InvalidOperationException($"Cannot store a value of type {value.GetType().Name}."),
    };

    private static BsonArray ToArray(IReadOnlyList<object?> list)
    {
        var array = new BsonArray();
        foreach (var v in list) array.Add(ToBson(v));
        return array;
    }

    private static object? FromBson(BsonValue value) => value.Type switch
    {
        BsonType.Null => null,
        BsonType.String => value.AsString,
        BsonType.Int32 => (long)value.AsInt32,
        BsonType.Int64 => value.AsInt64,
        BsonType.Double => value.AsDouble,
        BsonType.Boolean => value.AsBoolean,
        BsonType.Document => FromDocument(value.AsDocument),
        BsonType.Array => FromArray(value.AsArray),
        _ => throw new InvalidOperationException($"Unexpected stored value of type {value.Type}."),
    };

    private static List<object?> FromArray(BsonArray array)
    {
        var list = new List<object?>(array.Count);
        foreach (var v in array) list.Add(FromBson(v));
        return list;
    }
}
