using System;
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Amplify.DataStore.Serialization;

/// <summary>
/// Converts generated models to and from AppSync JSON with <see cref="JsonModelWriter"/> and
/// <see cref="JsonModelReader"/>; no reflection and no <c>JsonSerializer</c>, so it is trimming- and AOT-safe.
/// </summary>
/// <remarks>
/// Output is minified and escapes only what JSON requires (non-ASCII text is written as is, except characters beyond the
/// Basic Multilingual Plane such as emoji, written as <c>\u</c> pairs), which suits API payloads and storage; do not
/// embed it unescaped in HTML.
/// </remarks>
public static class ModelJson
{
    private const int MaxRetainedBytes = 64 * 1024;

    // One buffer and writer per thread; taken out while in use so a nested call simply makes its own.
    [ThreadStatic]
    private static WriterCache? t_cache;

    /// <summary>Writes <paramref name="model"/> as a JSON string.</summary>
    /// <exception cref="ModelSerializationException">A value cannot be written (e.g. a NaN Float, a string with a lone UTF-16 surrogate or a missing required field).</exception>
    public static string Serialize<T>(T model)
        where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        return Serialize(T.Metadata.Codec, model);
    }

    /// <summary>
    /// Writes an item known only through its model's codec, exactly as <see cref="Serialize{T}(T)"/> does (same writer,
    /// options and encoder): the outbox stores this, so what is queued for AppSync cannot drift from <c>ModelJson</c>.
    /// </summary>
    internal static string Serialize(Metadata.IModelCodec codec, object model)
    {
        var cache = Rent();
        try
        {
            codec.Write(model, new JsonModelWriter(cache.Writer));
            cache.Writer.Flush();
            return Encoding.UTF8.GetString(cache.Buffer.WrittenSpan);
        }
        finally
        {
            Return(cache);
        }
    }

    /// <summary>Writes <paramref name="model"/> as UTF-8 JSON.</summary>
    /// <exception cref="ModelSerializationException">A value cannot be written.</exception>
    public static byte[] SerializeToUtf8Bytes<T>(T model)
        where T : class, IModel<T>
    {
        var cache = Rent();
        try
        {
            Write(model, cache.Writer);
            cache.Writer.Flush();
            return cache.Buffer.WrittenSpan.ToArray();
        }
        finally
        {
            Return(cache);
        }
    }

    /// <summary>Writes <paramref name="model"/> as one JSON object to <paramref name="writer"/> (not flushed).</summary>
    /// <exception cref="ModelSerializationException">A value cannot be written.</exception>
    public static void Write<T>(T model, Utf8JsonWriter writer)
        where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(writer);
        T.Write(model, new JsonModelWriter(writer));
    }

    /// <summary>Reads a model from a JSON string.</summary>
    /// <exception cref="ModelSerializationException">The JSON is malformed or does not fit the model; the message names the path.</exception>
    public static T Deserialize<T>(string json)
        where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(json);
        byte[] rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(json));
        try
        {
            int length = Encoding.UTF8.GetBytes(json, rented);
            // Everything read is copied out of the buffer (strings, AWSJSON text), so it can go back to the pool.
            return Read<T>(rented.AsMemory(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Reads a model from UTF-8 JSON.</summary>
    /// <exception cref="ModelSerializationException">The JSON is malformed or does not fit the model; the message names the path.</exception>
    public static T Deserialize<T>(byte[] utf8Json)
        where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return Read<T>(utf8Json);
    }

    /// <summary>Reads a model from UTF-8 JSON.</summary>
    /// <exception cref="ModelSerializationException">The JSON is malformed or does not fit the model; the message names the path.</exception>
    public static T Deserialize<T>(ReadOnlyMemory<byte> utf8Json)
        where T : class, IModel<T>
        => Read<T>(utf8Json);

    /// <summary>Reads a model from UTF-8 JSON.</summary>
    /// <exception cref="ModelSerializationException">The JSON is malformed or does not fit the model; the message names the path.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json)
        where T : class, IModel<T>
    {
        // The reader resumes across calls, so it needs memory rather than a span: copy into a pooled buffer.
        byte[] rented = ArrayPool<byte>.Shared.Rent(utf8Json.Length);
        try
        {
            utf8Json.CopyTo(rented);
            return Read<T>(rented.AsMemory(0, utf8Json.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static T Read<T>(ReadOnlyMemory<byte> utf8Json)
        where T : class, IModel<T>
    {
        var reader = new JsonModelReader(utf8Json);
        var model = T.Read(reader);
        reader.EnsureEndOfInput();
        return model;
    }

    private static WriterCache Rent()
    {
        var cache = t_cache;
        t_cache = null;
        if (cache is null) return new WriterCache();
        cache.Buffer.ResetWrittenCount();
        cache.Writer.Reset(cache.Buffer);
        return cache;
    }

    private static void Return(WriterCache cache)
    {
        if (cache.Buffer.Capacity <= MaxRetainedBytes) t_cache = cache;
    }

    private sealed class WriterCache
    {
        public ArrayBufferWriter<byte> Buffer { get; } = new(1024);

        public Utf8JsonWriter Writer { get; }

        public WriterCache() => Writer = new Utf8JsonWriter(Buffer, AwsJsonText.WriterOptions);
    }
}
