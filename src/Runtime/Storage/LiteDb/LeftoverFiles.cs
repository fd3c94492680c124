using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// Files a killed process leaves next to a database (LiteDB's log <c>&lt;name&gt;-log&lt;ext&gt;</c> and the write journal
/// <c>&lt;file&gt;.journal</c>) that no longer belong to the data file beside them. Checked before LiteDB opens the file,
/// while the store holds its <see cref="StoreFileLock"/>, because LiteDB applies any log it finds to whatever data file
/// it opens: deleting only <c>app.db</c> (a common "reset") would otherwise bring every logged item back.
/// </summary>
/// <remarks>
/// Policy: such files are discarded with a logged warning, never applied. Their data file is gone (deleted, or replaced
/// by another database), so there is nothing they could be applied to correctly. A log belongs to another data file when
/// a LiteDB header page in it carries another creation time than the data file's header (the log of an encrypted file
/// cannot be read and is left to LiteDB).
/// </remarks>
internal static class LeftoverFiles
{
    private const int PageSize = 8192;
    private const int PageTypeOffset = 4;
    private const byte HeaderPageType = 1;
    private const int HeaderInfoOffset = 32;
    private const int CreationTimeOffset = 68;
    private static readonly byte[] s_headerInfo = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>LiteDB's log file of <paramref name="databasePath"/> (its own naming: <c>app.db</c> → <c>app-log.db</c>).</summary>
    public static string LogPathFor(string databasePath)
        => Path.Combine(Path.GetDirectoryName(databasePath) ?? string.Empty,
            Path.GetFileNameWithoutExtension(databasePath) + "-log" + Path.GetExtension(databasePath));

    /// <summary>Deletes, with a warning each, the log and journal of <paramref name="databasePath"/> that do not belong to it.</summary>
    /// <param name="databasePath">The real path of the data file.</param>
    /// <param name="encrypted">Whether the files are encrypted (then only a missing data file is detected).</param>
    /// <param name="logger">Receives the warnings.</param>
    public static void DiscardStray(string databasePath, bool encrypted, ILogger logger)
    {
        var log = LogPathFor(databasePath);
        var journal = WriteJournal.PathFor(databasePath);
        var data = new FileInfo(databasePath);
        string? reason = null;
        if (!data.Exists || data.Length == 0)
        {
            reason = "its data file is missing or empty (deleted after an earlier run left this file behind)";
        }
        else if (!encrypted && File.Exists(log) && ReadCreationStamp(databasePath) is { } stamp && LogHasOtherCreationStamp(log, stamp))
        {
            // The journal next to a foreign log was written by the same earlier database, never by this one's writer
            // (which commits and checkpoints before it closes).
            reason = "the log belongs to another database file (its header carries another creation time)";
        }
        if (reason is null) return;
        foreach (var path in new[] { log, journal })
        {
            if (!File.Exists(path)) continue;
            File.Delete(path);
            LiteDbLog.StrayFileDiscarded(logger, path, databasePath, reason);
        }
    }

    /// <summary>The creation time bytes in a LiteDB data file's header page, or null if the file has no readable header.</summary>
    private static long? ReadCreationStamp(string databasePath)
    {
        using var stream = new FileStream(databasePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> page = stackalloc byte[CreationTimeOffset + sizeof(long)];
        if (stream.ReadAtLeast(page, page.Length, throwOnEndOfStream: false) < page.Length) return null;
        return IsHeaderPage(page) ? BinaryPrimitives.ReadInt64LittleEndian(page[CreationTimeOffset..]) : null;
    }

    /// <summary>True when a header page in the log carries another creation time than <paramref name="stamp"/>.</summary>
    private static bool LogHasOtherCreationStamp(string logPath, long stamp)
    {
        using var stream = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var page = new byte[PageSize];
        while (stream.ReadAtLeast(page, PageSize, throwOnEndOfStream: false) == PageSize)
        {
            if (IsHeaderPage(page) && BinaryPrimitives.ReadInt64LittleEndian(page.AsSpan(CreationTimeOffset)) != stamp) return true;
        }
        return false;
    }

    private static bool IsHeaderPage(ReadOnlySpan<byte> page)
        => page[PageTypeOffset] == HeaderPageType && page.Slice(HeaderInfoOffset, s_headerInfo.Length).SequenceEqual(s_headerInfo);
}
