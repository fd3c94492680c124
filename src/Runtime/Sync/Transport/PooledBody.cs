using System;
using System.Buffers;

namespace Amplify.DataStore.Sync.Transport;

/// <summary>
/// A response body read into an <see cref="ArrayPool{T}"/> buffer that grows by doubling; disposing returns the buffer,
/// so what <see cref="Memory"/> gave out is valid only until then.
/// </summary>
internal sealed class PooledBody : IDisposable
{
    private byte[]? _buffer;
    private int _start;

    /// <summary>Rents a buffer of at least <paramref name="capacity"/> bytes.</summary>
    public PooledBody(int capacity) => _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, capacity));

    /// <summary>How many bytes were read (a skipped prefix included).</summary>
    public int Length { get; private set; }

    /// <summary>The body's bytes after any skipped prefix.</summary>
    public ReadOnlyMemory<byte> Memory => Buffer.AsMemory(_start, Length - _start);

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(PooledBody));

    /// <summary>Room for the next read, at least 4 KB: the buffer is replaced by one twice as large when it is full.</summary>
    public Memory<byte> FreeSpace()
    {
        var buffer = Buffer;
        if (buffer.Length - Length < 4096)
        {
            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max(buffer.Length * 2L, Length + 4096L)));
            buffer.AsSpan(0, Length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            _buffer = buffer = larger;
        }
        return buffer.AsMemory(Length);
    }

    /// <summary>Counts <paramref name="count"/> bytes just written into <see cref="FreeSpace"/>.</summary>
    public void Advance(int count) => Length += count;

    /// <summary>Leaves <paramref name="prefix"/> out of <see cref="Memory"/> when the body starts with it (a byte-order mark).</summary>
    public void SkipPrefix(ReadOnlySpan<byte> prefix)
    {
        if (Memory.Span.StartsWith(prefix)) _start += prefix.Length;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_buffer is { } buffer) ArrayPool<byte>.Shared.Return(buffer);
        _buffer = null;
    }
}
