using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;
using LiteDB;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// The changes of the write batch running on the writer thread, encoded into one journal record as they are recorded.
/// Encoding stops once the record passes the room left in the journal: such a batch is committed to LiteDB directly
/// instead. Only bytes are kept, so the batch's documents become garbage as soon as LiteDB has stored them. Writer thread
/// only.
/// </summary>
/// <remarks>
/// Record layout (little-endian): payload length (u32), CRC-32 of the payload (u32), payload = operations, each a kind
/// byte, the collection name (u16 length + UTF-8) and, except for <see cref="JournalOperationKind.DeleteAll"/>, one BSON
/// document (which carries its own length).
/// </remarks>
internal sealed class JournalRound
{
    /// <summary>Bytes before the payload: its length and its CRC-32.</summary>
    public const int HeaderSize = 8;

    private byte[] _buffer = new byte[4096];
    private int _length = HeaderSize;
    private int _room = int.MaxValue;
    private bool _hasOperations;
    private bool _overflowed;

    /// <summary>True when an operation was recorded (a work of the round wrote something).</summary>
    public bool HasOperations => _hasOperations;

    /// <summary>True when the record passed the room and was not encoded in full (the batch must be committed, not journaled).</summary>
    public bool Overflowed => _overflowed;

    /// <summary>Records that <paramref name="document"/> was inserted or replaced in <paramref name="collection"/>.</summary>
    public void AddUpsert(string collection, BsonDocument document)
    {
        if (Begin(JournalOperationKind.Upsert, collection)) Append(BsonSerializer.Serialize(document));
    }

    /// <summary>Records that the document with <paramref name="id"/> was deleted from <paramref name="collection"/>.</summary>
    public void AddDelete(string collection, BsonValue id)
    {
        if (Begin(JournalOperationKind.Delete, collection)) AppendIdDocument(id);
    }

    /// <summary>Records that every document of <paramref name="collection"/> was deleted.</summary>
    public void AddDeleteAll(string collection) => Begin(JournalOperationKind.DeleteAll, collection);

    /// <summary>The complete record, header filled in; throws after <see cref="Overflowed"/>.</summary>
    public ReadOnlySpan<byte> Seal()
    {
        if (_overflowed) throw new InvalidOperationException("The batch passed the room left in the journal and was not encoded in full.");
        var payload = _buffer.AsSpan(HeaderSize, _length - HeaderSize);
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer, (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(4), Crc32.Compute(payload));
        return _buffer.AsSpan(0, _length);
    }

    /// <summary>Forgets everything and starts a record that may take up to <paramref name="room"/> bytes.</summary>
    public void Clear(int room)
    {
        _length = HeaderSize;
        _room = room;
        _hasOperations = false;
        _overflowed = false;
    }

    /// <summary>Forgets everything, keeping the room (the batch rolled back and runs again).</summary>
    public void Clear() => Clear(_room);

    /// <summary>Decodes the operations of a record's payload; throws <see cref="FormatException"/> when it is malformed.</summary>
    public static void Decode(ReadOnlySpan<byte> payload, List<JournalOperation> into)
    {
        int position = 0;
        while (position < payload.Length)
        {
            var kind = (JournalOperationKind)payload[position++];
            if (kind is not (JournalOperationKind.Upsert or JournalOperationKind.Delete or JournalOperationKind.DeleteAll))
            {
                throw new FormatException($"Unknown journal operation {(byte)kind}.");
            }
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(payload[position..]);
            position += 2;
            string collection = Encoding.UTF8.GetString(payload.Slice(position, nameLength));
            position += nameLength;
            BsonDocument? document = null;
            if (kind != JournalOperationKind.DeleteAll)
            {
                int documentLength = BinaryPrimitives.ReadInt32LittleEndian(payload[position..]);
                if (documentLength < 5 || documentLength > payload.Length - position) throw new FormatException("A journal document runs past its record.");
                document = BsonSerializer.Deserialize(payload.Slice(position, documentLength).ToArray(), utcDate: true);
                position += documentLength;
            }
            into.Add(new JournalOperation(kind, collection, document));
        }
    }

    /// <summary>Writes an operation's kind and collection; false once the record no longer fits (nothing more is encoded).</summary>
    private bool Begin(JournalOperationKind kind, string collection)
    {
        _hasOperations = true;
        if (_overflowed) return false;
        int nameLength = Encoding.UTF8.GetByteCount(collection);
        var span = Reserve(3 + nameLength);
        span[0] = (byte)kind;
        BinaryPrimitives.WriteUInt16LittleEndian(span[1..], checked((ushort)nameLength));
        Encoding.UTF8.GetBytes(collection, span[3..]);
        return !CheckRoom();
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        CheckRoom();
    }

    /// <summary>Writes <c>{ _id: id }</c> as BSON; directly for string and integer keys (the common ones), else through LiteDB.</summary>
    private void AppendIdDocument(BsonValue id)
    {
        // Document: length (i32), element (type, "_id\0", value), terminator.
        const int Fixed = 4 + 1 + 4 + 1;
        if (id.IsString)
        {
            string value = id.AsString;
            int length = Encoding.UTF8.GetByteCount(value);
            var span = Reserve(Fixed + 4 + length + 1);
            WriteIdElement(span, 0x02, span.Length);
            BinaryPrimitives.WriteInt32LittleEndian(span[9..], length + 1);
            Encoding.UTF8.GetBytes(value, span[13..]);
            span[13 + length] = 0;
            span[^1] = 0;
        }
        else if (id.IsInt32)
        {
            var span = Reserve(Fixed + 4);
            WriteIdElement(span, 0x10, span.Length);
            BinaryPrimitives.WriteInt32LittleEndian(span[9..], id.AsInt32);
            span[^1] = 0;
        }
        else if (id.IsInt64)
        {
            var span = Reserve(Fixed + 8);
            WriteIdElement(span, 0x12, span.Length);
            BinaryPrimitives.WriteInt64LittleEndian(span[9..], id.AsInt64);
            span[^1] = 0;
        }
        else
        {
            Append(BsonSerializer.Serialize(new BsonDocument { [DocumentLayout.IdField] = id }));
            return;
        }
        CheckRoom();
    }

    private static void WriteIdElement(Span<byte> span, byte type, int documentLength)
    {
        BinaryPrimitives.WriteInt32LittleEndian(span, documentLength);
        span[4] = type;
        span[5] = (byte)'_';
        span[6] = (byte)'i';
        span[7] = (byte)'d';
        span[8] = 0;
    }

    /// <summary>Marks the record overflowed once it passes the room; true when it has.</summary>
    private bool CheckRoom()
    {
        if (_length > _room) _overflowed = true;
        return _overflowed;
    }

    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
