using System;
using System.Collections.Generic;
using Amplify.DataStore.Serialization;
using LiteDB;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// Reads a generated model from a LiteDB <see cref="BsonDocument"/> written by <see cref="BsonModelWriter"/>. The
/// adapter's own top-level fields (<c>_id</c>, <c>__k</c>, <c>__s</c>) are hidden from the model. Wrong-shaped values throw
/// <see cref="ModelSerializationException"/> naming the path.
/// </summary>
internal sealed class BsonModelReader : IModelReader
{
    private readonly JsonPathTracker _path = new();
    private readonly Stack<Frame> _frames = new();
    private BsonValue? _next;

    /// <summary>Creates a reader positioned before <paramref name="document"/>.</summary>
    public BsonModelReader(BsonDocument document) => _next = document ?? throw new ArgumentNullException(nameof(document));

    /// <inheritdoc/>
    public string Path => _path.ToString();

    /// <inheritdoc/>
    public ModelTokenKind Peek() => Pending().Type switch
    {
        BsonType.Null => ModelTokenKind.Null,
        BsonType.String => ModelTokenKind.String,
        BsonType.Int32 or BsonType.Int64 or BsonType.Double or BsonType.Decimal => ModelTokenKind.Number,
        BsonType.Boolean => ModelTokenKind.Boolean,
        BsonType.Document => ModelTokenKind.StartObject,
        BsonType.Array => ModelTokenKind.StartArray,
        _ => ModelTokenKind.Other,
    };

    /// <inheritdoc/>
    public bool TryReadNull()
    {
        if (!Pending().IsNull) return false;
        _next = null;
        return true;
    }

    /// <inheritdoc/>
    public void ReadStartObject()
    {
        var value = Take();
        if (!value.IsDocument) throw Mismatch("an object", value);
        _frames.Push(new Frame(value.AsDocument.GetEnumerator(), null));
        _path.PushObject();
    }

    /// <inheritdoc/>
    public bool TryReadPropertyName(out string name)
    {
        if (!_frames.TryPeek(out var frame) || frame.Properties is not { } properties) throw Misuse("a property name outside an object");
        if (_next is not null) throw Misuse("the previous property's value was not read");
        while (properties.MoveNext())
        {
            var (key, value) = properties.Current;
            if (_frames.Count == 1 && DocumentLayout.IsReserved(key)) continue;
            name = key;
            _next = value;
            _path.SetProperty(key);
            return true;
        }
        properties.Dispose();
        _frames.Pop();
        _path.Pop();
        name = string.Empty;
        return false;
    }

    /// <inheritdoc/>
    public void ReadStartArray()
    {
        var value = Take();
        if (!value.IsArray) throw Mismatch("an array", value);
        _frames.Push(new Frame(null, value.AsArray) { Index = 0 });
        _path.PushArray();
    }

    /// <inheritdoc/>
    public bool HasNextItem()
    {
        if (!_frames.TryPeek(out var frame) || frame.Items is not { } items) throw Misuse("an array item outside an array");
        if (_next is not null) throw Misuse("the previous item was not read");
        if (frame.Index < items.Count)
        {
            _next = items[frame.Index++];
            _path.NextItem();
            return true;
        }
        _frames.Pop();
        _path.Pop();
        return false;
    }

    /// <inheritdoc/>
    public string ReadString()
    {
        var value = Take();
        return value.IsString ? value.AsString : throw Mismatch("a string", value);
    }

    /// <inheritdoc/>
    public int ReadInt32()
    {
        var value = Take();
        return value.Type switch
        {
            BsonType.Int32 => value.AsInt32,
            BsonType.Int64 when value.AsInt64 is >= int.MinValue and <= int.MaxValue => (int)value.AsInt64,
            _ => throw Mismatch("an Int (32-bit whole number)", value),
        };
    }

    /// <inheritdoc/>
    public double ReadDouble()
    {
        var value = Take();
        return value.IsNumber ? value.AsDouble : throw Mismatch("a Float (number)", value);
    }

    /// <inheritdoc/>
    public bool ReadBoolean()
    {
        var value = Take();
        return value.IsBoolean ? value.AsBoolean : throw Mismatch("a Boolean", value);
    }

    /// <inheritdoc/>
    public AwsDate ReadDate()
    {
        string text = ReadText("an AWSDate string");
        return AwsDate.TryParse(text, out var value, out var error) ? value : throw new ModelSerializationException(AwsDate.FormatError(text, error!), Path);
    }

    /// <inheritdoc/>
    public AwsTime ReadTime()
    {
        string text = ReadText("an AWSTime string");
        return AwsTime.TryParse(text, out var value, out var error) ? value : throw new ModelSerializationException(AwsTime.FormatError(text, error!), Path);
    }

    /// <inheritdoc/>
    public AwsDateTime ReadDateTime()
    {
        string text = ReadText("an AWSDateTime string");
        return AwsDateTime.TryParse(text, out var value, out var error) ? value : throw new ModelSerializationException(AwsDateTime.FormatError(text, error!), Path);
    }

    /// <inheritdoc/>
    public AwsTimestamp ReadTimestamp()
    {
        var value = Take();
        return value.Type is BsonType.Int64 or BsonType.Int32
            ? AwsTimestamp.FromUnixTimeSeconds(value.AsInt64)
            : throw Mismatch("an AWSTimestamp (Int64 seconds)", value);
    }

    /// <inheritdoc/>
    public AwsJson ReadJson()
    {
        // The writer stored AwsJson.RawText, which is already canonical: no need to parse it again.
        return AwsJson.FromCanonical(ReadText("an AWSJSON string"));
    }

    /// <inheritdoc/>
    public void Skip() => Take();

    private string ReadText(string expected)
    {
        var value = Take();
        return value.IsString ? value.AsString : throw Mismatch(expected, value);
    }

    private BsonValue Pending() => _next ?? throw Misuse("no value to read here");

    private BsonValue Take()
    {
        var value = Pending();
        _next = null;
        return value;
    }

    private ModelSerializationException Mismatch(string expected, BsonValue found)
        => new($"Expected {expected} but found a BSON {found.Type}.", Path);

    private ModelSerializationException Misuse(string what) => new($"Invalid model read sequence: {what}.", Path);

    private sealed class Frame(IEnumerator<KeyValuePair<string, BsonValue>>? properties, BsonArray? items)
    {
        public IEnumerator<KeyValuePair<string, BsonValue>>? Properties { get; } = properties;

        public BsonArray? Items { get; } = items;

        public int Index { get; set; }
    }
}
