using System;
using System.Collections.Generic;
using Amplify.DataStore.Serialization;
using LiteDB;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// Builds a LiteDB <see cref="BsonDocument"/> from a generated model's <c>Write</c> calls (no <c>BsonMapper</c>, no
/// reflection). Int is Int32, Float Double, AWSTimestamp Int64 seconds, AWSJSON its JSON text, enums their wire names,
/// AWSDate/AWSTime/AWSDateTime their exact wire text; embedded values are sub-documents and lists arrays.
/// </summary>
/// <remarks>
/// For each top-level temporal field the writer also records a <see cref="TemporalSortKey"/> under
/// <c>__k.&lt;field&gt;</c>, so LiteDB can range-query and sort those fields by instant. One writer builds one document.
/// </remarks>
internal sealed class BsonModelWriter : IModelWriter
{
    private readonly Stack<BsonValue> _containers = new(4);
    private readonly int _rootCapacity;
    private string? _property;
    private BsonDocument? _root;
    private BsonDocument? _sortKeys;

    /// <summary>Creates a writer for one model document.</summary>
    /// <param name="rootCapacity">How many fields the model document will hold, so its dictionary is sized once.</param>
    public BsonModelWriter(int rootCapacity = 0) => _rootCapacity = rootCapacity;

    /// <summary>The finished document.</summary>
    /// <exception cref="InvalidOperationException">The model has not been written completely.</exception>
    public BsonDocument Document => _root is not null && _containers.Count == 0
        ? _root
        : throw new InvalidOperationException("The model document is not complete.");

    /// <inheritdoc/>
    public void WriteStartObject()
    {
        var document = new BsonDocument();
        if (_root is null && _rootCapacity > 0 && document.RawValue is Dictionary<string, BsonValue> fields) fields.EnsureCapacity(_rootCapacity);
        Add(document);
        _containers.Push(document);
    }

    /// <inheritdoc/>
    public void WriteEndObject()
    {
        if (!_containers.TryPop(out var top) || !top.IsDocument) throw Misuse("WriteEndObject without an open object");
        if (_containers.Count == 0 && _sortKeys is not null) _root![DocumentLayout.SortKeysField] = _sortKeys;
    }

    /// <inheritdoc/>
    public void WriteStartArray()
    {
        var array = new BsonArray();
        Add(array);
        _containers.Push(array);
    }

    /// <inheritdoc/>
    public void WriteEndArray()
    {
        if (!_containers.TryPop(out var top) || !top.IsArray) throw Misuse("WriteEndArray without an open array");
    }

    /// <inheritdoc/>
    public void WritePropertyName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_containers.TryPeek(out var top) || !top.IsDocument) throw Misuse("a property name outside an object");
        // The adapter owns these top-level names; a model field with one of them would corrupt the document.
        if (_containers.Count == 1 && DocumentLayout.IsReserved(name))
        {
            throw new ModelSerializationException($"The field name '{name}' is reserved by the LiteDB storage adapter.");
        }
        _property = name;
    }

    /// <inheritdoc/>
    public void WriteNull() => Add(BsonValue.Null);

    /// <inheritdoc/>
    public void WriteString(string value) => Add(new BsonValue(value ?? throw new ArgumentNullException(nameof(value))));

    /// <inheritdoc/>
    public void WriteInt32(int value) => Add(new BsonValue(value));

    /// <inheritdoc/>
    public void WriteDouble(double value) => Add(new BsonValue(value));

    /// <inheritdoc/>
    public void WriteBoolean(bool value) => Add(new BsonValue(value));

    /// <inheritdoc/>
    public void WriteDate(AwsDate value) => AddTemporal(value.ToString(), static v => TemporalSortKey.For(v), value);

    /// <inheritdoc/>
    public void WriteTime(AwsTime value) => AddTemporal(value.ToString(), static v => TemporalSortKey.For(v), value);

    /// <inheritdoc/>
    public void WriteDateTime(AwsDateTime value) => AddTemporal(value.ToString(), static v => TemporalSortKey.For(v), value);

    /// <inheritdoc/>
    public void WriteTimestamp(AwsTimestamp value) => Add(new BsonValue(value.UnixTimeSeconds));

    /// <inheritdoc/>
    public void WriteJson(AwsJson value) => Add(new BsonValue(value.RawText));

    private void AddTemporal<T>(string text, Func<T, string> sortKey, T value)
    {
        // Only direct fields of the model get a sort key; list elements and embedded values are compared in memory.
        if (_containers.Count == 1 && _property is { } field)
        {
            _sortKeys ??= new BsonDocument();
            _sortKeys[field] = sortKey(value);
        }
        Add(new BsonValue(text));
    }

    private void Add(BsonValue value)
    {
        if (!_containers.TryPeek(out var top))
        {
            if (_root is not null || !value.IsDocument) throw Misuse("a value outside the model object");
            _root = value.AsDocument;
            return;
        }
        if (top.IsArray)
        {
            top.AsArray.Add(value);
            return;
        }
        if (_property is not { } name) throw Misuse("a value without a property name");
        top.AsDocument[name] = value;
        _property = null;
    }

    private static InvalidOperationException Misuse(string what) => new($"Invalid model write sequence: {what}.");
}
