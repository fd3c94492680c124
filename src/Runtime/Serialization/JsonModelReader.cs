using System;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Amplify.DataStore.Serialization;

/// <summary>
/// Reads models from AppSync JSON held in UTF-8 bytes. Each call runs a short-lived <see cref="Utf8JsonReader"/>
/// resumed from the saved <see cref="JsonReaderState"/>, so reading allocates little beyond the strings it returns.
/// Every wrong-shaped value throws a <see cref="ModelSerializationException"/> naming its <see cref="Path"/>.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="ReadJson"/> takes AppSync's form, a JSON string holding JSON text, and leniently also any other JSON
/// value (object, array, number, boolean, null) taken as the value itself. A JSON string is therefore always read as
/// JSON <em>text</em>: the AWSJSON string value <c>"a"</c> arrives as <c>"\"a\""</c>.
/// </para>
/// <para>After an exception the reader's position is unspecified; start over with a new reader.</para>
/// </remarks>
internal sealed class JsonModelReader : IModelReader
{
    private const int MaxQuotedLength = 64;

    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly JsonPathTracker _path = new();
    private JsonReaderState _state;
    private int _consumed;

    /// <summary>Creates a reader over UTF-8 JSON (a leading byte-order mark is skipped).</summary>
    public JsonModelReader(ReadOnlyMemory<byte> utf8Json)
        : this(utf8Json, default)
    {
    }

    /// <summary>Creates a reader over UTF-8 JSON with reader options (e.g. a larger <see cref="JsonReaderOptions.MaxDepth"/>).</summary>
    /// <remarks>Comments are skipped when <see cref="JsonReaderOptions.CommentHandling"/> is not <see cref="JsonCommentHandling.Disallow"/>.</remarks>
    public JsonModelReader(ReadOnlyMemory<byte> utf8Json, JsonReaderOptions options)
    {
        if (utf8Json.Span.StartsWith("\uFEFF"u8)) utf8Json = utf8Json[3..];
        // Comment tokens would look like values to the read methods; skipping them keeps the contract simple.
        if (options.CommentHandling == JsonCommentHandling.Allow) options.CommentHandling = JsonCommentHandling.Skip;
        _utf8 = utf8Json;
        _state = new JsonReaderState(options);
    }

    /// <inheritdoc/>
    public string Path => _path.ToString();

    /// <inheritdoc/>
    public ModelTokenKind Peek()
    {
        var reader = CreateReader();
        return Next(ref reader) switch
        {
            JsonTokenType.Null => ModelTokenKind.Null,
            JsonTokenType.String => ModelTokenKind.String,
            JsonTokenType.Number => ModelTokenKind.Number,
            JsonTokenType.True or JsonTokenType.False => ModelTokenKind.Boolean,
            JsonTokenType.StartObject => ModelTokenKind.StartObject,
            JsonTokenType.StartArray => ModelTokenKind.StartArray,
            _ => ModelTokenKind.Other,
        };
    }

    /// <inheritdoc/>
    public bool TryReadNull()
    {
        var reader = CreateReader();
        if (Next(ref reader) != JsonTokenType.Null) return false;
        Commit(in reader);
        return true;
    }

    /// <inheritdoc/>
    public void ReadStartObject()
    {
        var reader = CreateReader();
        if (Next(ref reader) != JsonTokenType.StartObject) throw Mismatch("an object", ref reader);
        Commit(in reader);
        _path.PushObject();
    }

    /// <inheritdoc/>
    public bool TryReadPropertyName(out string name)
    {
        var reader = CreateReader();
        switch (Next(ref reader))
        {
            case JsonTokenType.PropertyName:
                name = GetString(ref reader);
                Commit(in reader);
                _path.SetProperty(name);
                return true;
            case JsonTokenType.EndObject:
                name = string.Empty;
                Commit(in reader);
                _path.Pop();
                return false;
            default:
                throw Mismatch("a property name or the end of an object", ref reader);
        }
    }

    /// <inheritdoc/>
    public void ReadStartArray()
    {
        var reader = CreateReader();
        if (Next(ref reader) != JsonTokenType.StartArray) throw Mismatch("an array", ref reader);
        Commit(in reader);
        _path.PushArray();
    }

    /// <inheritdoc/>
    public bool HasNextItem()
    {
        var reader = CreateReader();
        if (Next(ref reader) == JsonTokenType.EndArray)
        {
            Commit(in reader);
            _path.Pop();
            return false;
        }
        // The item itself is left for the next read call.
        _path.NextItem();
        return true;
    }

    /// <inheritdoc/>
    public string ReadString()
    {
        var reader = CreateReader();
        if (Next(ref reader) != JsonTokenType.String) throw Mismatch("a string", ref reader);
        string value = GetString(ref reader);
        Commit(in reader);
        return value;
    }

    /// <summary>Reads an Int: a JSON number without fraction or exponent in the 32-bit range.</summary>
    public int ReadInt32()
    {
        var reader = CreateReader();
        if (Next(ref reader) != JsonTokenType.Number) throw Mismatch("an Int (32-bit whole number)", ref reader);
        if (!reader.TryGetInt32(out int value))
        {
            string text = NumberText(ref reader);
            throw new ModelSerializationException(
                text.AsSpan().IndexOfAny(".eE") >= 0
                    ? $"Expected an Int (32-bit whole number) but found the number {text}."
                    : $"The Int value {text} is outside the 32-bit range (-2147483648 to 2147483647).",
                Path);
        }
        Commit(in reader);
        return value;
    }

    /// <inheritdoc/>
    public double ReadDouble()
    {
        var reader = CreateReader();
        if (Next(ref reader) != JsonTokenType.Number) throw Mismatch("a Float (number)", ref reader);
        if (!reader.TryGetDouble(out double value) || !double.IsFinite(value))
        {
            throw new ModelSerializationException($"The Float value {NumberText(ref reader)} is outside the range of a double.", Path);
        }
        Commit(in reader);
        return value;
    }

    /// <inheritdoc/>
    public bool ReadBoolean()
    {
        var reader = CreateReader();
        bool value = Next(ref reader) switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw Mismatch("a Boolean (true or false)", ref reader),
        };
        Commit(in reader);
        return value;
    }

    /// <inheritdoc/>
    public AwsDate ReadDate()
    {
        string text = ReadScalarString("an AWSDate string");
        return AwsDate.TryParse(text, out var value, out var error)
            ? value
            : throw new ModelSerializationException(AwsDate.FormatError(text, error!), Path);
    }

    /// <inheritdoc/>
    public AwsTime ReadTime()
    {
        string text = ReadScalarString("an AWSTime string");
        return AwsTime.TryParse(text, out var value, out var error)
            ? value
            : throw new ModelSerializationException(AwsTime.FormatError(text, error!), Path);
    }

    /// <inheritdoc/>
    public AwsDateTime ReadDateTime()
    {
        string text = ReadScalarString("an AWSDateTime string");
        return AwsDateTime.TryParse(text, out var value, out var error)
            ? value
            : throw new ModelSerializationException(AwsDateTime.FormatError(text, error!), Path);
    }

    /// <summary>Reads an AWSTimestamp: a JSON number of whole seconds.</summary>
    public AwsTimestamp ReadTimestamp()
    {
        var reader = CreateReader();
        if (Next(ref reader) != JsonTokenType.Number) throw Mismatch("an AWSTimestamp (number of seconds)", ref reader);
        if (!reader.TryGetInt64(out long seconds))
        {
            throw new ModelSerializationException($"Expected an AWSTimestamp (whole seconds since the epoch) but found the number {NumberText(ref reader)}.", Path);
        }
        Commit(in reader);
        return AwsTimestamp.FromUnixTimeSeconds(seconds);
    }

    /// <summary>
    /// Reads an AWSJSON value: a JSON string holding JSON text (AppSync's form), or leniently any other JSON value
    /// taken as is.
    /// </summary>
    public AwsJson ReadJson()
    {
        var reader = CreateReader();
        AwsJson value;
        switch (Next(ref reader))
        {
            case JsonTokenType.String:
                value = ParseJsonString(ref reader);
                break;
            case JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.Number
                or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null:
                try
                {
                    value = AwsJson.FromCanonical(AwsJsonText.CopyValue(ref reader));
                }
                catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
                {
                    throw new ModelSerializationException($"Invalid JSON in an AWSJSON value: {ex.Message}", Path, ex);
                }
                break;
            default:
                throw Mismatch("an AWSJSON value", ref reader);
        }
        Commit(in reader);
        return value;
    }

    /// <inheritdoc/>
    public void Skip()
    {
        var reader = CreateReader();
        switch (Next(ref reader))
        {
            case JsonTokenType.EndObject or JsonTokenType.EndArray:
                throw Mismatch("a value to skip", ref reader);
            case JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName:
                try
                {
                    reader.Skip();
                }
                catch (JsonException ex)
                {
                    throw InvalidJson(ex);
                }
                break;
        }
        Commit(in reader);
    }

    /// <summary>Throws unless only white space remains after the value read so far.</summary>
    /// <exception cref="ModelSerializationException">More JSON follows.</exception>
    public void EnsureEndOfInput()
    {
        var reader = CreateReader();
        bool more;
        try
        {
            more = reader.Read();
        }
        catch (JsonException ex)
        {
            throw new ModelSerializationException($"Unexpected content after the end of the JSON value: {ex.Message}", Path, ex);
        }
        if (more) throw Mismatch("the end of the input", ref reader);
    }

    private Utf8JsonReader CreateReader() => new(_utf8.Span[_consumed..], isFinalBlock: true, _state);

    private void Commit(in Utf8JsonReader reader)
    {
        _consumed += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    private JsonTokenType Next(ref Utf8JsonReader reader)
    {
        try
        {
            if (reader.Read()) return reader.TokenType;
        }
        catch (JsonException ex)
        {
            throw InvalidJson(ex);
        }
        throw new ModelSerializationException("Unexpected end of the JSON input.", Path);
    }

    private string ReadScalarString(string expected)
    {
        var reader = CreateReader();
        if (Next(ref reader) != JsonTokenType.String) throw Mismatch(expected, ref reader);
        string text = GetString(ref reader);
        Commit(in reader);
        return text;
    }

    private AwsJson ParseJsonString(ref Utf8JsonReader reader)
    {
        AwsJson value;
        string? error;
        if (!reader.ValueIsEscaped)
        {
            // Common case: the JSON text needs no unescaping, so parse it in place.
            if (AwsJson.TryParse(reader.ValueSpan, out value, out error)) return value;
        }
        else
        {
            byte[] rented = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length);
            try
            {
                int length;
                try
                {
                    length = reader.CopyString(rented);
                }
                catch (InvalidOperationException ex)
                {
                    throw new ModelSerializationException($"Invalid string in an AWSJSON value: {ex.Message}", Path, ex);
                }
                if (AwsJson.TryParse(rented.AsSpan(0, length), out value, out error)) return value;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
        throw new ModelSerializationException(AwsJson.FormatError(GetString(ref reader), error!), Path);
    }

    private string GetString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            // Invalid UTF-8 or escapes inside the string.
            throw new ModelSerializationException($"Invalid JSON string: {ex.Message}", Path, ex);
        }
    }

    private ModelSerializationException InvalidJson(JsonException ex) => new($"Invalid JSON: {ex.Message}", Path, ex);

    private ModelSerializationException Mismatch(string expected, ref Utf8JsonReader reader)
        => new($"Expected {expected} but found {Describe(ref reader)}.", Path);

    private static string Describe(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null: return "null";
            case JsonTokenType.True: return "true";
            case JsonTokenType.False: return "false";
            case JsonTokenType.Number: return "the number " + NumberText(ref reader);
            case JsonTokenType.StartObject: return "an object";
            case JsonTokenType.StartArray: return "an array";
            case JsonTokenType.EndObject: return "the end of an object";
            case JsonTokenType.EndArray: return "the end of an array";
            case JsonTokenType.String or JsonTokenType.PropertyName:
                string kind = reader.TokenType == JsonTokenType.String ? "the string" : "the property";
                try
                {
                    return $"{kind} {AwsFormatError.Quote(reader.GetString())}";
                }
                catch (InvalidOperationException)
                {
                    return kind == "the string" ? "a string" : "a property";
                }
            default: return reader.TokenType.ToString();
        }
    }

    private static string NumberText(ref Utf8JsonReader reader)
    {
        var span = reader.ValueSpan;
        return span.Length <= MaxQuotedLength
            ? Encoding.UTF8.GetString(span)
            : Encoding.UTF8.GetString(span[..MaxQuotedLength]) + "… (" + span.Length.ToString(CultureInfo.InvariantCulture) + " digits)";
    }
}
