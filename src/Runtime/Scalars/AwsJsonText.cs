using System;
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Amplify.DataStore;

/// <summary>
/// Validates JSON text and rewrites it in the canonical form <see cref="AwsJson"/> stores: no insignificant whitespace,
/// property order and number spellings kept, strings re-escaped uniformly (only what JSON requires; non-ASCII kept as is
/// except characters outside the Basic Multilingual Plane, such as emoji, which the relaxed encoder writes as \u escapes).
/// </summary>
internal static class AwsJsonText
{
    /// <summary>Relaxed escaping: the text goes into API payloads and storage, never into HTML, so non-ASCII stays readable.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // One buffer and writer per thread: canonicalising is frequent on sync and the output is copied into a string anyway.
    private const int MaxRetainedBytes = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Canonicalises JSON text; returns <paramref name="json"/> itself when it is already canonical.</summary>
    public static bool TryCanonicalize(string json, out string? canonical, out string? error)
    {
        // UTF-8 encoding would silently turn a lone surrogate into U+FFFD (or keep it, when the text is already
        // canonical): refuse it, so an AwsJson always holds valid Unicode text that AppSync accepts.
        int lone = Serialization.Utf16Text.IndexOfLoneSurrogate(json);
        if (lone >= 0)
        {
            canonical = null;
            error = "the text " + Serialization.Utf16Text.DescribeLoneSurrogate(json, lone);
            return false;
        }
        byte[] rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(json));
        try
        {
            int length = Encoding.UTF8.GetBytes(json, rented);
            var utf8 = rented.AsSpan(0, length);
            if (!TryCanonicalizeToBuffer(utf8, out var bytes, out error))
            {
                canonical = null;
                return false;
            }
            // The shared rule has the last word (the parser above also takes what AppSync must not get: an escaped
            // lone surrogate), so the store, the backend and the schema accept exactly the same texts.
            if (!AwsScalars.AwsJsonRule.IsValid(json))
            {
                canonical = null;
                error = $"it is not AWSJSON: nested deeper than {AwsScalars.AwsJsonRule.MaxDepth} levels, or a \\u escape of a lone UTF-16 surrogate";
                return false;
            }
            canonical = bytes.SequenceEqual(utf8) ? json : Encoding.UTF8.GetString(bytes);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
            ReleaseIfLarge();
        }
    }

    /// <summary>Canonicalises UTF-8 JSON text.</summary>
    public static bool TryCanonicalize(ReadOnlySpan<byte> utf8, out string? canonical, out string? error)
    {
        try
        {
            if (!TryCanonicalizeToBuffer(utf8, out var bytes, out error))
            {
                canonical = null;
                return false;
            }
            canonical = Encoding.UTF8.GetString(bytes);
            return true;
        }
        finally
        {
            ReleaseIfLarge();
        }
    }

    /// <summary>
    /// Copies the value whose first token <paramref name="reader"/> is on, leaving the reader on the value's last token.
    /// </summary>
    /// <exception cref="JsonException">The JSON is malformed.</exception>
    /// <exception cref="InvalidOperationException">A string is not valid UTF-8.</exception>
    public static string CopyValue(ref Utf8JsonReader reader)
    {
        try
        {
            var writer = RentWriter(out var buffer);
            CopyValue(ref reader, writer);
            writer.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            ReleaseIfLarge();
        }
    }

    /// <summary>The canonical text of a <see cref="JsonElement"/>.</summary>
    public static string Write(JsonElement element)
    {
        try
        {
            var writer = RentWriter(out var buffer);
            element.WriteTo(writer);
            writer.Flush();
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            ReleaseIfLarge();
        }
    }

    // The span is valid until the next use of this thread's buffer.
    private static bool TryCanonicalizeToBuffer(ReadOnlySpan<byte> utf8, out ReadOnlySpan<byte> canonical, out string? error)
    {
        canonical = default;
        // The reader's own message for this case is about "tokens" and "isFinalBlock"; say it plainly.
        if (utf8.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            error = "the text is empty";
            return false;
        }
        var reader = new Utf8JsonReader(utf8);
        try
        {
            reader.Read();
            var writer = RentWriter(out var buffer);
            CopyValue(ref reader, writer);
            writer.Flush();
            // Reading past the value makes the reader reject anything but trailing whitespace.
            if (reader.Read())
            {
                error = $"unexpected content after the JSON value at byte {reader.TokenStartIndex}";
                return false;
            }
            canonical = buffer.WrittenSpan;
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return false;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // Invalid UTF-8 inside a string surfaces from GetString or the writer's validation.
            error = ex.Message;
            return false;
        }
    }

    private static void CopyValue(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        int depth = reader.CurrentDepth;
        WriteToken(ref reader, writer);
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return;
        while (reader.Read())
        {
            WriteToken(ref reader, writer);
            if (reader.CurrentDepth == depth && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray) return;
        }
        throw new JsonException("The JSON ended inside an object or array.");
    }

    private static void WriteToken(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject: writer.WriteStartObject(); break;
            case JsonTokenType.EndObject: writer.WriteEndObject(); break;
            case JsonTokenType.StartArray: writer.WriteStartArray(); break;
            case JsonTokenType.EndArray: writer.WriteEndArray(); break;
            case JsonTokenType.PropertyName:
                if (reader.ValueIsEscaped) writer.WritePropertyName(reader.GetString()!);
                else writer.WritePropertyName(reader.ValueSpan);
                break;
            case JsonTokenType.String:
                if (reader.ValueIsEscaped) writer.WriteStringValue(reader.GetString());
                else writer.WriteStringValue(reader.ValueSpan);
                break;
            // Numbers keep their spelling (1.0 stays 1.0); the reader has already validated them.
            case JsonTokenType.Number: writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true); break;
            case JsonTokenType.True: writer.WriteBooleanValue(true); break;
            case JsonTokenType.False: writer.WriteBooleanValue(false); break;
            case JsonTokenType.Null: writer.WriteNullValue(); break;
            default: throw new JsonException($"Unexpected JSON token {reader.TokenType}.");
        }
    }

    // Keeps one unusually large value from pinning its buffer to the thread for good.
    private static void ReleaseIfLarge()
    {
        if (t_buffer is { Capacity: > MaxRetainedBytes })
        {
            t_buffer = null;
            t_writer = null;
        }
    }

    private static Utf8JsonWriter RentWriter(out ArrayBufferWriter<byte> buffer)
    {
        buffer = t_buffer ??= new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        var writer = t_writer;
        if (writer is null) t_writer = writer = new Utf8JsonWriter(buffer, WriterOptions);
        else writer.Reset(buffer);
        return writer;
    }
}
