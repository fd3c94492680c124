using System;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Amplify.DataStore;

/// <summary>Creates identifiers for new models.</summary>
public static class ModelId
{
    /// <summary>
    /// A new UUID in lowercase <c>8-4-4-4-12</c> form. It is a version 7 UUID (RFC 9562): 48 bits of Unix milliseconds
    /// then random bits, so new items land at the end of the key index instead of on random pages, which keeps commits
    /// small; it is still a standard UUID wherever AppSync or another client expects an <c>ID</c>.
    /// </summary>
    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        TakeRandom(bytes[6..]);
        long ms = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        bytes[0] = (byte)(ms >> 40);
        bytes[1] = (byte)(ms >> 32);
        BinaryPrimitives.WriteUInt32BigEndian(bytes[2..], (uint)ms);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x70); // version 7
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true).ToString("D");
    }

    // Cryptographic randomness fetched 1 KB at a time per thread: one system call per hundred IDs rather than per ID.
    private const int RandomBufferSize = 1024;

    [ThreadStatic]
    private static byte[]? t_random;

    [ThreadStatic]
    private static int t_randomUsed;

    private static void TakeRandom(Span<byte> destination)
    {
        var buffer = t_random;
        if (buffer is null || t_randomUsed + destination.Length > RandomBufferSize)
        {
            buffer ??= t_random = new byte[RandomBufferSize];
            RandomNumberGenerator.Fill(buffer);
            t_randomUsed = 0;
        }
        buffer.AsSpan(t_randomUsed, destination.Length).CopyTo(destination);
        // Handed-out bytes do not stay in memory.
        buffer.AsSpan(t_randomUsed, destination.Length).Clear();
        t_randomUsed += destination.Length;
    }
}
