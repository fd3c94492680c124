using System;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>CRC-32 (IEEE 802.3, reflected), used to tell a complete journal record from a torn or damaged one.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = CreateTable();

    /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFF_FFFF;
        foreach (byte b in data) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
