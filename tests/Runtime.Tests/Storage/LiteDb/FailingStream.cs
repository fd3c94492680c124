namespace Amplify.DataStore.Runtime.Tests.Storage.LiteDb;

/// <summary>
/// A stream around a real file whose next writes or length changes fail as on a full or failing disk (a write stores
/// half of its bytes first). The one fake in these tests: a full disk cannot be produced here.
/// </summary>
internal sealed class FailingStream(Stream inner) : Stream
{
    /// <summary>How many of the next writes fail.</summary>
    public int FailWrites { get; set; }

    /// <summary>How many of the next <see cref="SetLength"/> calls fail.</summary>
    public int FailSetLengths { get; set; }

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void SetLength(long value)
    {
        if (FailSetLengths > 0)
        {
            FailSetLengths--;
            throw new IOException("Input/output error (injected)");
        }
        inner.SetLength(value);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (FailWrites > 0)
        {
            FailWrites--;
            inner.Write(buffer[..(buffer.Length / 2)]);
            throw new IOException("No space left on device (injected)");
        }
        inner.Write(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
