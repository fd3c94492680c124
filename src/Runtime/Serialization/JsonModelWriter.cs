using System;
using System.Globalization;
using System.Text.Json;

namespace Amplify.DataStore.Serialization;

/// <summary>
/// Writes models as AppSync JSON through a <see cref="Utf8JsonWriter"/>: AWSDate, AWSTime and AWSDateTime as their
/// wire strings, AWSTimestamp as a number, AWSJSON as a string holding the JSON text (AppSync's wire form), and Float
/// in the shortest form that reads back to the same <see cref="double"/>.
/// </summary>
/// <remarks>The caller owns the <see cref="Utf8JsonWriter"/> and flushes it.</remarks>
internal sealed class JsonModelWriter : IModelWriter
{
    private readonly Utf8JsonWriter _writer;
    private readonly JsonPathTracker _path = new();

    /// <summary>Creates a writer over <paramref name="writer"/>.</summary>
    public JsonModelWriter(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
    }

    /// <summary>The path of the value written last, relative to where this writer started (e.g. <c>$.tags[2]</c>).</summary>
    public string Path => _path.ToString();

    /// <inheritdoc/>
    public void WriteStartObject()
    {
        BeforeValue();
        _writer.WriteStartObject();
        _path.PushObject();
    }

    /// <inheritdoc/>
    public void WriteEndObject()
    {
        _writer.WriteEndObject();
        _path.Pop();
    }

    /// <inheritdoc/>
    public void WriteStartArray()
    {
        BeforeValue();
        _writer.WriteStartArray();
        _path.PushArray();
    }

    /// <inheritdoc/>
    public void WriteEndArray()
    {
        _writer.WriteEndArray();
        _path.Pop();
    }

    /// <inheritdoc/>
    public void WritePropertyName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        _writer.WritePropertyName(name);
        _path.SetProperty(name);
    }

    /// <inheritdoc/>
    public void WriteNull()
    {
        BeforeValue();
        _writer.WriteNullValue();
    }

    /// <summary>Writes a string (ID, String, enum wire names, AWSEmail/URL/Phone/IPAddress).</summary>
    /// <exception cref="ModelSerializationException">The string holds a lone UTF-16 surrogate, which is not Unicode text.</exception>
    public void WriteString(string value)
    {
        BeforeValue();
        ArgumentNullException.ThrowIfNull(value);
        CheckText(value);
        _writer.WriteStringValue(value);
    }

    /// <inheritdoc/>
    public void WriteInt32(int value)
    {
        BeforeValue();
        _writer.WriteNumberValue(value);
    }

    /// <summary>Writes a Float.</summary>
    /// <exception cref="ModelSerializationException">The value is NaN or infinite, which JSON cannot represent.</exception>
    public void WriteDouble(double value)
    {
        BeforeValue();
        if (!double.IsFinite(value))
        {
            throw new ModelSerializationException(
                $"The Float value {value.ToString(CultureInfo.InvariantCulture)} cannot be written: JSON has no NaN or Infinity.", Path);
        }
        // Utf8JsonWriter writes the shortest round-trippable form.
        _writer.WriteNumberValue(value);
    }

    /// <inheritdoc/>
    public void WriteBoolean(bool value)
    {
        BeforeValue();
        _writer.WriteBooleanValue(value);
    }

    /// <inheritdoc/>
    public void WriteDate(AwsDate value)
    {
        BeforeValue();
        _writer.WriteStringValue(value.ToString());
    }

    /// <inheritdoc/>
    public void WriteTime(AwsTime value)
    {
        BeforeValue();
        _writer.WriteStringValue(value.ToString());
    }

    /// <inheritdoc/>
    public void WriteDateTime(AwsDateTime value)
    {
        BeforeValue();
        _writer.WriteStringValue(value.ToString());
    }

    /// <summary>Writes an AWSTimestamp as a JSON number of seconds.</summary>
    public void WriteTimestamp(AwsTimestamp value)
    {
        BeforeValue();
        _writer.WriteNumberValue(value.UnixTimeSeconds);
    }

    /// <summary>Writes an AWSJSON value as a JSON string containing its JSON text, as AppSync expects.</summary>
    /// <remarks>The text is valid Unicode: <see cref="AwsJson.Parse"/> refuses lone surrogates.</remarks>
    public void WriteJson(AwsJson value)
    {
        BeforeValue();
        _writer.WriteStringValue(value.RawText);
    }

    // Utf8JsonWriter would silently write U+FFFD in place of a lone surrogate, changing the value; refuse it here, where
    // the path is known.
    private void CheckText(string value)
    {
        int lone = Utf16Text.IndexOfLoneSurrogate(value);
        if (lone >= 0) throw new ModelSerializationException("The string " + Utf16Text.DescribeLoneSurrogate(value, lone), Path);
    }

    private void BeforeValue()
    {
        if (_path.InArray) _path.NextItem();
    }
}
