using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// The file next to the database (<c>&lt;database&gt;.journal</c>) holding write batches that were acknowledged before
/// LiteDB committed them. The writer appends one record per batch and empties the file after each LiteDB commit; on open,
/// the records left by a crash are applied to the database (<see cref="JournalReplay"/>).
/// </summary>
/// <remarks>
/// Layout: a 24-byte header (<c>ADSJ</c>, format version 2, the epoch as u64, the database's identity as u64) and then
/// <see cref="JournalRound"/> records; format 1 (16 bytes, no identity) is still read. The epoch is the number of
/// journal-clearing commits the database had when the records started; the database stores its own count, so records
/// that a commit already holds (a crash between the commit and emptying the file) are recognized and not applied again.
/// The identity (a random number the database keeps in its settings) tells a journal of another database file apart. A record cut short by a crash, or damaged, ends the journal: its batch was never
/// acknowledged, because acknowledgement waits for the write of the whole record.
/// A record is written with one write call and not flushed to the device: like LiteDB's own commits, it survives the
/// process being killed, not necessarily a power loss.
/// </remarks>
internal sealed class WriteJournal : IDisposable
{
    /// <summary>The size of the header this version writes.</summary>
    public const int HeaderSize = 24;
    private const int FormatOneHeaderSize = 16;
    private const uint Magic = 0x4A_53_44_41; // "ADSJ" little-endian
    private const uint FormatVersion = 2;

    private readonly Stream _stream;
    private int _headerSize;

    private WriteJournal(string path, Stream stream, int headerSize, long epoch, long? databaseId, List<JournalOperation> operations, int records, long discardedBytes)
    {
        Path = path;
        _stream = stream;
        _headerSize = headerSize;
        Epoch = epoch;
        DatabaseId = databaseId;
        Operations = operations;
        Records = records;
        DiscardedBytes = discardedBytes;
    }

    /// <summary>The journal file.</summary>
    public string Path { get; }

    /// <summary>The epoch in the header (0 for a new or empty file).</summary>
    public long Epoch { get; private set; }

    /// <summary>The identity of the database the records belong to (null for a new or empty file, or format 1).</summary>
    public long? DatabaseId { get; private set; }

    /// <summary>The operations of the complete records found when the file was opened, in order.</summary>
    public IReadOnlyList<JournalOperation> Operations { get; private set; }

    /// <summary>How many complete records were found when the file was opened.</summary>
    public int Records { get; private set; }

    /// <summary>Bytes after the last complete record when the file was opened (a batch cut short by a crash).</summary>
    public long DiscardedBytes { get; }

    /// <summary>The journal file of <paramref name="databasePath"/>.</summary>
    public static string PathFor(string databasePath) => databasePath + ".journal";

    /// <summary>Opens (or creates) the journal at <paramref name="path"/> for writing (others may only read it) and reads what it holds.</summary>
    /// <remarks><paramref name="wrap"/> lets tests put a failing stream around the file.</remarks>
    public static WriteJournal Open(string path, Func<Stream, Stream>? wrap = null)
    {
        Stream stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
        if (wrap is not null) stream = wrap(stream);
        try
        {
            var content = ReadWhole(stream);
            var operations = new List<JournalOperation>();
            long epoch = 0;
            long? databaseId = null;
            int records = 0;
            int headerSize = HeaderSize;
            long end = content.Length;
            if (content.Length >= FormatOneHeaderSize)
            {
                var version = BinaryPrimitives.ReadUInt32LittleEndian(content.AsSpan(4));
                headerSize = version == 1 ? FormatOneHeaderSize : HeaderSize;
                if (BinaryPrimitives.ReadUInt32LittleEndian(content) != Magic || version is not (1 or FormatVersion) || content.Length < headerSize)
                {
                    throw new InvalidDataException($"'{path}' is not a write journal of this store (unknown header). Move it away only if the database file next to it is known to be complete.");
                }
                epoch = BinaryPrimitives.ReadInt64LittleEndian(content.AsSpan(8));
                if (version == FormatVersion) databaseId = BinaryPrimitives.ReadInt64LittleEndian(content.AsSpan(16));
                end = ReadRecords(path, content, headerSize, operations, ref records);
            }
            return new WriteJournal(path, stream, headerSize, epoch, databaseId, operations, records, content.Length - end);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Bytes of records appended since the journal was last emptied.</summary>
    public long RecordBytes => _stream.Length - _headerSize;

    /// <summary>Appends one record (see <see cref="JournalRound.Seal"/>) with a single write.</summary>
    public void Append(ReadOnlySpan<byte> record)
    {
        long end = _stream.Position;
        try
        {
            _stream.Write(record);
        }
        catch
        {
            // Best effort: drop what part of the record got written, so later records follow the last complete one.
            try
            {
                _stream.SetLength(end);
                _stream.Position = end;
            }
            catch (IOException)
            {
            }
            throw;
        }
    }

    /// <summary>The operations of every record appended since the journal was last emptied (to redo them after a rollback).</summary>
    public List<JournalOperation> ReadBack()
    {
        var content = ReadWhole(_stream);
        var operations = new List<JournalOperation>();
        int records = 0;
        // A failed append may have left part of a record at the end; the acknowledged records all come before it.
        ReadRecords(Path, content, _headerSize, operations, ref records);
        return operations;
    }

    /// <summary>
    /// Empties the file and starts it again at <paramref name="epoch"/> for the database <paramref name="databaseId"/>
    /// (on open, and after a commit holding every record).
    /// </summary>
    public void Reset(long epoch, long databaseId)
    {
        _stream.SetLength(0);
        _stream.Position = 0;
        Span<byte> header = stackalloc byte[HeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], FormatVersion);
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], epoch);
        BinaryPrimitives.WriteInt64LittleEndian(header[16..], databaseId);
        _stream.Write(header);
        _headerSize = HeaderSize;
        Epoch = epoch;
        DatabaseId = databaseId;
        Operations = Array.Empty<JournalOperation>();
        Records = 0;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _stream.Dispose();

    /// <summary>The whole file, leaving the position at its end (where the next record is appended).</summary>
    private static byte[] ReadWhole(Stream stream)
    {
        var content = new byte[stream.Length];
        stream.Position = 0;
        stream.ReadExactly(content);
        return content;
    }

    /// <summary>Reads complete records after the header; returns where the last one ends.</summary>
    private static long ReadRecords(string path, byte[] content, int headerSize, List<JournalOperation> operations, ref int records)
    {
        int position = headerSize;
        while (content.Length - position >= JournalRound.HeaderSize)
        {
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(content.AsSpan(position));
            uint crc = BinaryPrimitives.ReadUInt32LittleEndian(content.AsSpan(position + 4));
            if (length > (uint)(content.Length - position - JournalRound.HeaderSize)) break; // cut short
            var payload = content.AsSpan(position + JournalRound.HeaderSize, (int)length);
            if (Crc32.Compute(payload) != crc) break; // damaged
            try
            {
                JournalRound.Decode(payload, operations);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or IndexOutOfRangeException or LiteDB.LiteException)
            {
                // A whole record with a matching checksum is not a crash artifact: refuse rather than skip acknowledged writes.
                throw new InvalidDataException($"'{path}': the journal record at byte {position} is complete but cannot be read: {ex.Message}", ex);
            }
            records++;
            position += JournalRound.HeaderSize + (int)length;
        }
        return position;
    }
}
