using System;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>Settings of a <see cref="LiteDbStorageAdapter"/>.</summary>
public sealed class LiteDbOptions
{
    /// <summary>
    /// The database file (created if missing). A store owns its file while it is open: opening it again, from another
    /// process or from this one through any path (symbolic links and <c>..</c> are resolved), throws a
    /// <see cref="DataStoreException"/>. The OS lock behind this is held on <c>&lt;file&gt;.lock</c>, which stays next to
    /// the file and is released by the OS if the process dies.
    /// </summary>
    public required string FilePath { get; init; }

    /// <summary>An optional password that encrypts the file.</summary>
    public string? Password { get; init; }

    /// <summary>
    /// Further connection settings (e.g. <see cref="ConnectionString.InitialSize"/>). The adapter then always sets
    /// <see cref="ConnectionString.Connection"/> to <see cref="ConnectionType.Direct"/> and, for new files, binary
    /// (ordinal) collation, which its query semantics rely on.
    /// </summary>
    public Action<ConnectionString>? ConfigureConnection { get; init; }

    /// <summary>The most writes run and acknowledged together as one batch (group commit); default 256.</summary>
    public int MaxBatchSize { get; init; } = 256;

    /// <summary>
    /// The most items of one model kept in memory as materialized models (default 50,000; 0 turns it off). While a
    /// model has at most this many, queries, reads by key and the existence checks of saves and deletes are answered
    /// from memory instead of decoding LiteDB documents; a model that grows past it is dropped from memory and read
    /// from LiteDB. The image of a non-empty model is loaded by its first query.
    /// </summary>
    public int MemoryImageLimit { get; init; } = 50_000;

    /// <summary>
    /// The size of LiteDB's write-ahead log, in 8 KB pages, from which the writer applies it to the data file (a
    /// checkpoint) as soon as it is idle for <see cref="IdleCheckpointDelay"/>; default 1,000 (LiteDB's own automatic
    /// checkpoint size). A checkpoint copies every logged page and empties LiteDB's page cache, which is why the store
    /// moves it out of bursts of writes.
    /// </summary>
    public int CheckpointLogPages { get; init; } = 1_000;

    /// <summary>
    /// The size of the log, in 8 KB pages, at which the commit that reaches it checkpoints even in the middle of a burst
    /// (LiteDB's <c>CHECKPOINT</c> pragma, stored in the file); default 8,000, about 64 MB. 0 leaves checkpoints to idle
    /// moments, <see cref="LiteDbStorageAdapter.CheckpointAsync"/> and dispose.
    /// </summary>
    public int MaxLogPages { get; init; } = 8_000;

    /// <summary>
    /// How long the writer must have had nothing to write before it checkpoints a log of at least
    /// <see cref="CheckpointLogPages"/> (default 100 ms; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns
    /// idle checkpoints off).
    /// </summary>
    public TimeSpan IdleCheckpointDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Whether a batch of writes is acknowledged once it is appended to the write journal next to the database
    /// (<c>&lt;file&gt;.journal</c>) rather than after its own LiteDB commit (default true). LiteDB then commits many
    /// batches at once: after <see cref="JournalCommitDelay"/> with nothing to write, once <see cref="JournalCommitSize"/>
    /// bytes wait, when a read needs LiteDB to hold them, and on dispose. An acknowledged write survives the process being
    /// killed either way (the journal is applied when the file is next opened). Not used with a <see cref="Password"/>:
    /// the journal is not encrypted.
    /// </summary>
    public bool UseWriteJournal { get; init; } = true;

    /// <summary>
    /// The most journal bytes that may wait for a LiteDB commit (default 4 MB). A batch that would pass it (e.g. a large
    /// <c>SaveAllAsync</c>) is committed together with what waits, before it is acknowledged, instead of being journaled.
    /// </summary>
    public int JournalCommitSize { get; init; } = 4 << 20;

    /// <summary>
    /// How long the writer must have had nothing to write before it commits journaled writes to LiteDB (default 2 ms;
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> leaves it to the size limit, reads, checkpoints and dispose).
    /// </summary>
    public TimeSpan JournalCommitDelay { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Wraps the journal's file stream (tests use it to make writes fail as a full disk would).</summary>
    internal Func<System.IO.Stream, System.IO.Stream>? JournalStreamWrapper { get; init; }

    /// <summary>Receives warnings (failed commits, checkpoints) and debug details (in-memory query fallbacks).</summary>
    public ILogger? Logger { get; init; }
}
