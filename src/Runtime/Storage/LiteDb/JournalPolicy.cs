using System;
using System.Threading;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>When the writer commits journaled writes to LiteDB: at a size, or after an idle delay.</summary>
internal readonly record struct JournalPolicy
{
    /// <summary>Commits once <paramref name="commitSize"/> journaled bytes wait, or after <paramref name="commitDelay"/> idle (infinite: never for idleness).</summary>
    public JournalPolicy(int commitSize, TimeSpan commitDelay)
    {
        CommitSize = commitSize;
        CommitDelayMilliseconds = commitDelay == Timeout.InfiniteTimeSpan ? Timeout.Infinite : (int)Math.Ceiling(commitDelay.TotalMilliseconds);
    }

    /// <summary>The most journal bytes waiting for a commit; a batch that would pass it is committed, not journaled.</summary>
    public int CommitSize { get; }

    /// <summary>How long the writer waits for more work before committing journaled writes, in milliseconds.</summary>
    public int CommitDelayMilliseconds { get; }
}
