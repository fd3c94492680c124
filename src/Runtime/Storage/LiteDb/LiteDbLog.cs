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

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "The LiteDB writer thread hit an unexpected error.")]
    public static partial void WriterError(ILogger logger, Exception exception);
}
