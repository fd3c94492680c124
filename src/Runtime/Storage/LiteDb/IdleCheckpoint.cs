using System;
using System.Threading;
using LiteDB;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>When the writer, idle, applies LiteDB's log to the data file: after a delay with no requests, from a log size.</summary>
internal readonly record struct IdleCheckpoint
{
    private const int PageSize = 8192;

    private readonly long _minimumLogBytes;

    /// <summary>Idle checkpoints after <paramref name="delay"/> (infinite: never) once the log holds <paramref name="minimumLogPages"/> pages.</summary>
    public IdleCheckpoint(TimeSpan delay, int minimumLogPages)
    {
        DelayMilliseconds = delay == Timeout.InfiniteTimeSpan ? Timeout.Infinite : (int)delay.TotalMilliseconds;
        _minimumLogBytes = (long)minimumLogPages * PageSize;
    }

    /// <summary>The idle time before a checkpoint, in milliseconds.</summary>
    public int DelayMilliseconds { get; }

    /// <summary>False when idle checkpoints are turned off.</summary>
    public bool Enabled => DelayMilliseconds != Timeout.Infinite;

    /// <summary>True when the log of <paramref name="database"/> has reached the minimum size.</summary>
    public bool IsDue(LiteDatabase database)
    {
        // LiteDB reports its log size only through the $database system collection (one document).
        foreach (var info in database.GetCollection("$database").FindAll())
        {
            return info["logFileSize"].AsInt64 >= Math.Max(1, _minimumLogBytes);
        }
        return false;
    }
}
