using System;
using System.Collections.Generic;
using System.Globalization;

namespace Amplify.DataStore;

/// <summary>
/// A stored field value in a form predicates and sorting can compare without reflection:
/// the generated <c>GetFieldValue</c> and the typed predicate builders produce it.
/// </summary>
public readonly struct FieldValue : IEquatable<FieldValue>
{
    private readonly long _integer;
    private readonly double _float;
    private readonly object? _object;

    private FieldValue(FieldValueKind kind, long integer = 0, double @float = 0, object? obj = null)
    {
        Kind = kind;
        _integer = integer;
        _float = @float;
        _object = obj;
    }

    /// <summary>What the value holds.</summary>
    public FieldValueKind Kind { get; }

    /// <summary>True for null or missing.</summary>
    public bool IsNull => Kind == FieldValueKind.Null;

    /// <summary>The null value.</summary>
    public static FieldValue Null => default;

    /// <summary>A string value (null becomes <see cref="Null"/>).</summary>
    public static FieldValue From(string? value) => value is null ? Null : new(FieldValueKind.String, obj: value);

    /// <summary>An Int value.</summary>
    public static FieldValue From(int value) => new(FieldValueKind.Integer, integer: value);

    /// <summary>An Int value or null.</summary>
    public static FieldValue From(int? value) => value is { } v ? From(v) : Null;

    /// <summary>A whole-number value.</summary>
    public static FieldValue From(long value) => new(FieldValueKind.Integer, integer: value);

    /// <summary>A Float value.</summary>
    public static FieldValue From(double value) => new(FieldValueKind.Float, @float: value);

    /// <summary>A Float value or null.</summary>
    public static FieldValue From(double? value) => value is { } v ? From(v) : Null;

    /// <summary>A Boolean value.</summary>
    public static FieldValue From(bool value) => new(FieldValueKind.Boolean, integer: value ? 1 : 0);

    /// <summary>A Boolean value or null.</summary>
    public static FieldValue From(bool? value) => value is { } v ? From(v) : Null;

    /// <summary>An AWSDate value.</summary>
    public static FieldValue From(AwsDate value) => new(FieldValueKind.Date, obj: value);

    /// <summary>An AWSDate value or null.</summary>
    public static FieldValue From(AwsDate? value) => value is { } v ? From(v) : Null;

    /// <summary>An AWSTime value.</summary>
    public static FieldValue From(AwsTime value) => new(FieldValueKind.Time, obj: value);

    /// <summary>An AWSTime value or null.</summary>
    public static FieldValue From(AwsTime? value) => value is { } v ? From(v) : Null;

    /// <summary>An AWSDateTime value.</summary>
    public static FieldValue From(AwsDateTime value) => new(FieldValueKind.DateTime, obj: value);

    /// <summary>An AWSDateTime value or null.</summary>
    public static FieldValue From(AwsDateTime? value) => value is { } v ? From(v) : Null;

    /// <summary>An AWSTimestamp value (seconds since the epoch).</summary>
    public static FieldValue From(AwsTimestamp value) => From(value.UnixTimeSeconds);

    /// <summary>An AWSTimestamp value or null.</summary>
    public static FieldValue From(AwsTimestamp? value) => value is { } v ? From(v) : Null;

    /// <summary>An AWSJSON value, compared by its JSON text.</summary>
    public static FieldValue From(AwsJson value) => From(value.ToString());

    /// <summary>An AWSJSON value or null.</summary>
    public static FieldValue From(AwsJson? value) => value is { } v ? From(v) : Null;

    /// <summary>A list value.</summary>
    public static FieldValue FromList(IReadOnlyList<FieldValue>? items) => items is null ? Null : new(FieldValueKind.List, obj: items);

    /// <summary>A list value converted element by element.</summary>
    public static FieldValue FromList<T>(IReadOnlyList<T>? items, Func<T, FieldValue> convert)
    {
        if (items is null) return Null;
        var values = new FieldValue[items.Count];
        for (int i = 0; i < values.Length; i++) values[i] = convert(items[i]);
        return new(FieldValueKind.List, obj: values);
    }

    /// <summary>The string, when <see cref="Kind"/> is <see cref="FieldValueKind.String"/>.</summary>
    public string? AsString() => Kind == FieldValueKind.String ? (string)_object! : null;

    /// <summary>The whole number, when <see cref="Kind"/> is <see cref="FieldValueKind.Integer"/>.</summary>
    public long AsInteger() => Kind == FieldValueKind.Integer ? _integer : throw WrongKind(FieldValueKind.Integer);

    /// <summary>The number as a double, for Integer or Float values.</summary>
    public double AsDouble() => Kind switch
    {
        FieldValueKind.Float => _float,
        FieldValueKind.Integer => _integer,
        _ => throw WrongKind(FieldValueKind.Float),
    };

    /// <summary>The boolean, when <see cref="Kind"/> is <see cref="FieldValueKind.Boolean"/>.</summary>
    public bool AsBoolean() => Kind == FieldValueKind.Boolean ? _integer != 0 : throw WrongKind(FieldValueKind.Boolean);

    /// <summary>The date, time or date-time object, for temporal kinds.</summary>
    public object? AsObject() => _object;

    /// <summary>The items, when <see cref="Kind"/> is <see cref="FieldValueKind.List"/>.</summary>
    public IReadOnlyList<FieldValue> AsList() => Kind == FieldValueKind.List ? (IReadOnlyList<FieldValue>)_object! : throw WrongKind(FieldValueKind.List);

    /// <summary>
    /// Orders two non-null values of comparable kinds (numbers with numbers, strings ordinally, temporal values by instant).
    /// Returns <see langword="null"/> when the kinds cannot be compared.
    /// </summary>
    public int? CompareTo(FieldValue other)
    {
        if (IsNumber && other.IsNumber)
        {
            if (Kind == FieldValueKind.Integer && other.Kind == FieldValueKind.Integer) return _integer.CompareTo(other._integer);
            return AsDouble().CompareTo(other.AsDouble());
        }
        if (Kind != other.Kind) return null;
        return Kind switch
        {
            FieldValueKind.String => string.CompareOrdinal((string)_object!, (string)other._object!),
            FieldValueKind.Boolean => _integer.CompareTo(other._integer),
            FieldValueKind.Date => ((AwsDate)_object!).CompareTo((AwsDate)other._object!),
            FieldValueKind.Time => ((AwsTime)_object!).CompareTo((AwsTime)other._object!),
            FieldValueKind.DateTime => ((AwsDateTime)_object!).CompareTo((AwsDateTime)other._object!),
            FieldValueKind.Null => 0,
            _ => null,
        };
    }

    private bool IsNumber => Kind is FieldValueKind.Integer or FieldValueKind.Float;

    /// <inheritdoc/>
    public bool Equals(FieldValue other)
    {
        if (Kind == FieldValueKind.List && other.Kind == FieldValueKind.List)
        {
            var a = AsList();
            var b = other.AsList();
            if (a.Count != b.Count) return false;
            for (int i = 0; i < a.Count; i++) if (!a[i].Equals(b[i])) return false;
            return true;
        }
        if (Kind == FieldValueKind.Null || other.Kind == FieldValueKind.Null) return Kind == other.Kind;
        return CompareTo(other) == 0;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FieldValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Kind switch
    {
        FieldValueKind.Null => 0,
        FieldValueKind.Integer => ((double)_integer).GetHashCode(),
        FieldValueKind.Float => _float.GetHashCode(),
        FieldValueKind.Boolean => _integer.GetHashCode(),
        FieldValueKind.List => AsList().Count,
        _ => _object!.GetHashCode(),
    };

    /// <summary>Value equality.</summary>
    public static bool operator ==(FieldValue left, FieldValue right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(FieldValue left, FieldValue right) => !left.Equals(right);

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        FieldValueKind.Null => "null",
        FieldValueKind.String => "\"" + (string)_object! + "\"",
        FieldValueKind.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        FieldValueKind.Float => _float.ToString("R", CultureInfo.InvariantCulture),
        FieldValueKind.Boolean => _integer != 0 ? "true" : "false",
        FieldValueKind.List => "[" + string.Join(", ", AsList()) + "]",
        _ => _object!.ToString() ?? string.Empty,
    };

    private InvalidOperationException WrongKind(FieldValueKind expected) => new($"The value is {Kind}, not {expected}.");
}
