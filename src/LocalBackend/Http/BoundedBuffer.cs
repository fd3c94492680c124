using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Amplify.DataStore.LocalBackend.Http;

/// <summary>
/// A write-only in-memory stream that refuses to grow past a limit, so a response is measured while it is serialized
/// and an oversized one costs at most the limit in memory.
/// </summary>
internal sealed class BoundedBuffer(int limit) : Stream
{
    private readonly MemoryStream _buffer = new();

    /// <summary>The bytes written so far.</summary>
    public ReadOnlyMemory<byte> Written => _buffer.GetBuffer().AsMemory(0, (int)_buffer.Length);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _buffer.Length;

    public override long Position
    {
        get => _buffer.Length;
        set => throw new NotSupportedException();
    }

    /// <exception cref="LimitExceededException">The write would pass the limit.</exception>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_buffer.Length + buffer.Length > limit) throw new LimitExceededException(limit);
        _buffer.Write(buffer);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _buffer.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>A write would have made the buffer larger than its limit.</summary>
    public sealed class LimitExceededException(int limit) : IOException($"The output exceeds {limit} bytes.");
}
