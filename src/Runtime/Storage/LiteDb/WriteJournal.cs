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
/// Layout: a 16-byte header (<c>ADSJ</c>, format version 1, the epoch as u64) and then <see cref="JournalRound"/> records.
/// The epoch is the number of journal-clearing commits the database had when the records started; the database stores
/// its own count, so records that a commit already holds (a crash between the commit and emptying the file) are
/// recognized and not applied again. A record cut short by a crash, or damaged, ends the journal: its batch was never
/// acknowledged, because acknowledgement waits for the write of the whole record.
/// A record is written with one write call and not flushed to the device: like LiteDB's own commits, it survives the
/// process being killed, not necessarily a power loss.
/// </remarks>
internal sealed class WriteJournal : IDisposable
{
    private const int HeaderSize = 16;
    private const uint Magic = 0x4A_53_44_41; // "ADSJ" little-endian
    private const uint FormatVersion = 1;

    private readonly Stream _stream;

    private WriteJournal(string path, Stream stream, long epoch, List<JournalOperation> operations, int records, long discardedBytes)
    {
        Path = path;
        _stream = stream;
        Epoch = epoch;
        Operations = operations;
        Records = records;
        DiscardedBytes = discardedBytes;
    }

    /// <summary>The journal file.</summary>
    public string Path { get; }

    /// <summary>The epoch in the header (0 for a new or empty file).</summary>
    public long Epoch { get; private set; }

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
            int records = 0;
            long end = content.Length;
            if (content.Length >= HeaderSize)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(content) != Magic || BinaryPrimitives.ReadUInt32LittleEndian(content.AsSpan(4)) != FormatVersion)
                {
                    throw new InvalidDataException($"'{path}' is not a write journal of this store (unknown header). Move it away only if the database file next to it is known to be complete.");
                }
                epoch = BinaryPrimitives.ReadInt64LittleEndian(content.AsSpan(8));
                end = ReadRecords(path, content, operations, ref records);
            }
            return new WriteJournal(path, stream, epoch, operations, records, content.Length - end);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Bytes of records appended since the journal was last emptied.</summary>
    public long RecordBytes => _stream.Length - HeaderSize;

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
        ReadRecords(Path, content, operations, ref records);
        return operations;
    }

    /// <summary>Empties the file and starts it again at <paramref name="epoch"/> (after a commit holding every record).</summary>
    public void Reset(long epoch)
    {
        _stream.SetLength(0);
        _stream.Position = 0;
        Span<byte> header = stackalloc byte[HeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], FormatVersion);
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], epoch);
        _stream.Write(header);
        Epoch = epoch;
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
    private static long ReadRecords(string path, byte[] content, List<JournalOperation> operations, ref int records)
    {
        int position = HeaderSize;
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
