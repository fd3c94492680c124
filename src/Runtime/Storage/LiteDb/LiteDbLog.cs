using System;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>The adapter's log messages (source-generated, so disabled levels cost nothing).</summary>
internal static partial class LiteDbLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Committing a batch of {Count} LiteDB writes failed; every write in it failed.")]
    public static partial void CommitFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Rolling back a LiteDB transaction failed.")]
    public static partial void RollbackFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "The LiteDB checkpoint on dispose failed; the log file will be applied when the database is next opened.")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "A write failed and was rolled back; the other {Remaining} writes of its batch are retried.")]
    public static partial void WorkFailed(ILogger logger, int remaining, Exception exception);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Query on {Model}: LiteDB filter '{Filter}', evaluated in memory: '{Residual}', sorted in memory: {SortInMemory}.")]
    public static partial void QueryPlanned(ILogger logger, string model, string? filter, string? residual, bool sortInMemory);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "The LiteDB checkpoint after the writer went idle failed; the log is kept and applied by a later checkpoint.")]
    public static partial void IdleCheckpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Applied {Records} write batches ({Operations} changes) left in the write journal '{Path}' by an earlier run.")]
    public static partial void JournalReplayed(ILogger logger, int records, int operations, string path);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "The write journal '{Path}' ends with {Bytes} bytes of a batch cut short by a crash; that batch was never acknowledged and is dropped.")]
    public static partial void JournalTailDiscarded(ILogger logger, string path, long bytes);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Writing a batch of {Count} writes to the write journal failed; every write in it failed.")]
    public static partial void JournalAppendFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Emptying the write journal after a commit failed; from now on every batch commits to LiteDB before it is acknowledged.")]
    public static partial void JournalResetFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "Committing {Count} journaled write batches to LiteDB failed; they stay in the journal and the commit is tried again.")]
    public static partial void JournaledCommitFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "The LiteDB writer thread hit an unexpected error.")]
    public static partial void WriterError(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "Discarded '{Path}', left by an earlier run next to the store file '{DatabasePath}': {Reason}. Its writes are not applied.")]
    public static partial void StrayFileDiscarded(ILogger logger, string path, string databasePath, string reason);
}
