using System;
using System.Collections.Generic;
using System.Linq;
using Amplify.DataStore.Metadata;

namespace Amplify.DataStore.Storage;

/// <summary>A model's primary-key values, in the order of <see cref="PrimaryKeyMetadata.Fields"/>. Compared by value.</summary>
internal sealed class StorageKey : IEquatable<StorageKey>
{
    private readonly FieldValue[] _values;

    /// <summary>Creates a key from its values.</summary>
    public StorageKey(IReadOnlyList<FieldValue> values)
        : this(values is null ? throw new ArgumentNullException(nameof(values)) : [.. values])
    {
    }

    // Takes ownership of a fresh array (no copy).
    private StorageKey(FieldValue[] values)
    {
        if (values.Length == 0) throw new ArgumentException("A key has at least one value.", nameof(values));
        _values = values;
        SingleString = values.Length == 1 ? values[0].AsString() : null;
    }

    /// <summary>The value of a key that is one string (the common ID key), else null; lets hot paths skip the general comparison.</summary>
    internal string? SingleString { get; }

    /// <summary>The key of <paramref name="item"/> under <paramref name="model"/>'s primary key.</summary>
    public static StorageKey Of(ModelMetadata model, object item)
    {
        var fields = model.PrimaryKey.Fields;
        var values = new FieldValue[fields.Count];
        for (int i = 0; i < values.Length; i++) values[i] = model.Codec.GetFieldValue(item, fields[i]);
        return new StorageKey(values);
    }

    /// <summary>A single-field key.</summary>
    public static StorageKey Of(string id) => new(new[] { FieldValue.From(id) });

    /// <summary>The key values.</summary>
    public IReadOnlyList<FieldValue> Values => _values;

    /// <summary>True when any key value is null (no stored item can have it).</summary>
    public bool HasNull => _values.Any(v => v.IsNull);

    /// <inheritdoc/>
    public bool Equals(StorageKey? other)
        => other is not null && (SingleString is { } text ? text == other.SingleString : _values.AsSpan().SequenceEqual(other._values));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as StorageKey);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        if (SingleString is { } text) return text.GetHashCode(StringComparison.Ordinal);
        var hash = new HashCode();
        foreach (var v in _values) hash.Add(v);
        return hash.ToHashCode();
    }

    /// <summary>
    /// The key as text that identifies one record unambiguously (the outbox's <see cref="OutboxEntry.ModelKey"/>): a
    /// single string key is its value (an ID); any other key is a JSON array of its values, so a value containing
    /// <c>#</c> or a comma cannot make two keys look alike.
    /// </summary>
    public string ToModelKey()
    {
        if (SingleString is { } text) return text;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64);
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var value in _values)
            {
                switch (value.Kind)
                {
                    case FieldValueKind.Null: json.WriteNullValue(); break;
                    case FieldValueKind.Integer: json.WriteNumberValue(value.AsInteger()); break;
                    case FieldValueKind.Float: json.WriteNumberValue(value.AsDouble()); break;
                    case FieldValueKind.Boolean: json.WriteBooleanValue(value.AsBoolean()); break;
                    default: json.WriteStringValue(value.AsString() ?? value.ToString()); break;
                }
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The key as text for messages: the single value, or the values joined with <c>#</c> (Amplify's composite-key form).</summary>
    public override string ToString() => _values.Length == 1
        ? _values[0].AsString() ?? _values[0].ToString()
        : string.Join("#", _values.Select(v => v.AsString() ?? v.ToString()));
}
