using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// The write-journal state of <see cref="LiteDbWriter"/>: the batches acknowledged from the <see cref="WriteJournal"/>
/// that LiteDB has not committed yet, when a batch must be committed rather than journaled, emptying the journal once
/// a commit holds its records, and the readers waiting for that commit (<see cref="LiteDbWriter.CommitJournaledAsync"/>).
/// </summary>
/// <remarks>
/// It opens, commits and rolls back no LiteDB transaction: the writer does, on its own thread, since LiteDB binds a
/// transaction to the OS thread that began it. The members that take the database run inside the writer's open
/// transaction and so are called from the writer thread only, as is everything else here except
/// <see cref="HasUncommitted"/>, <see cref="Appends"/> and <see cref="TryRequestCommit"/>, which any thread may use.
/// </remarks>
internal sealed class JournaledCommits
{
    private readonly JournalPolicy _policy;
    private readonly JournalRound? _round;
    private readonly ILogger _logger;
    private WriteJournal? _journal; // null when off, or after emptying it failed
    private long _epoch;
    private int _journalRecords; // records appended since the journal was last emptied
    private bool _appendFailed; // the journal may end with part of a record: commit (which empties it) before appending again
    private volatile bool _hasUncommitted;
    private readonly object _commitGate = new();
    private volatile bool _commitRequested; // a reader waits for the journaled writes to be committed
    private TaskCompletionSource? _commitWaiters;
    private long _journalAppends;

    /// <summary>Journals into <paramref name="journal"/> from <paramref name="epoch"/>; with none, every batch is committed.</summary>
    public JournaledCommits(WriteJournal? journal, long epoch, JournalPolicy policy, ILogger logger)
    {
        _journal = journal;
        _epoch = epoch;
        _policy = policy;
        _round = journal is null ? null : new JournalRound();
        _logger = logger;
    }

    /// <summary>Batches acknowledged from the write journal so far (before their LiteDB commit).</summary>
    public long Appends => Interlocked.Read(ref _journalAppends);

    /// <summary>True while acknowledged writes wait in the journal for their LiteDB commit (LiteDB readers do not see them yet).</summary>
    public bool HasUncommitted => _hasUncommitted;

    /// <summary>True when a reader waits for the journaled writes to be committed (at the end of the running batch).</summary>
    public bool CommitRequested => _commitRequested;

    /// <summary>How long the writer may stay idle with journaled writes before it commits them.</summary>
    public int CommitDelayMilliseconds => _policy.CommitDelayMilliseconds;

    /// <summary>Records appended since the journal was last emptied.</summary>
    public int Records => _journalRecords;

    /// <summary>The round a session records the running batch's changes in; null when not journaling.</summary>
    public JournalRound? Round => _journal is null ? null : _round;

    /// <summary>
    /// True when the running batch must be committed (with what waits in the journal) before it is acknowledged: not
    /// journaling, too big to journal, or the journal may end torn.
    /// </summary>
    public bool MustCommitBatch => _journal is null || _round!.Overflowed || _appendFailed;

    /// <summary>True when the next commit empties the journal (it holds records, or may end with part of one).</summary>
    public bool CommitEmptiesJournal => _journal is not null && (_journalRecords > 0 || _appendFailed);

    /// <summary>
    /// Registers a reader waiting for the journaled writes to be committed; false (and no task) when none wait for
    /// their commit.
    /// </summary>
    public bool TryRequestCommit([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Task? committed)
    {
        lock (_commitGate)
        {
            if (!_hasUncommitted)
            {
                committed = null;
                return false;
            }
            committed = (_commitWaiters ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            _commitRequested = true;
        }
        return true;
    }

    /// <summary>Starts recording a batch: the round may hold what the commit size leaves after the journaled records.</summary>
    public void BeginBatch()
    {
        if (_journal is not null) _round!.Clear(room: (int)Math.Max(0, _policy.CommitSize - _journal.RecordBytes));
    }

    /// <summary>Forgets the running batch's recorded changes (its transaction was rolled back).</summary>
    public void DiscardBatch() => _round?.Clear();

    /// <summary>
    /// Appends the running batch's record to the journal, which acknowledges it. On failure the journal may end with
    /// part of the record, so the next batch is committed (which empties it) rather than journaled.
    /// </summary>
    public bool TryAppend(int batchSize, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out Exception? failure)
    {
        try
        {
            _journal!.Append(_round!.Seal());
        }
        catch (Exception ex)
        {
            LiteDbLog.JournalAppendFailed(_logger, batchSize, ex);
            _appendFailed = true;
            failure = ex;
            return false;
        }
        _journalRecords++;
        _hasUncommitted = true; // before the images change: see LiteDbStorageAdapter's image loading
        Interlocked.Increment(ref _journalAppends);
        failure = null;
        return true;
    }

    /// <summary>Redoes, in a transaction the writer has just begun, the journaled writes a rollback discarded.</summary>
    public void RedoUncommitted(LiteDatabase database)
    {
        // The journal holds exactly the acknowledged batches LiteDB has not committed.
        if (_hasUncommitted) JournalOperation.ApplyAll(database, _journal!.ReadBack());
    }

    /// <summary>
    /// Writes, in the transaction about to commit, the epoch that tells a later replay that this commit holds every
    /// record journaled so far.
    /// </summary>
    public void WriteCommitEpoch(LiteDatabase database) => JournalReplay.WriteEpoch(database, _epoch + 1);

    /// <summary>
    /// After a successful commit: empties the journal when the commit held its records (<paramref name="emptiesJournal"/>)
    /// and completes the readers waiting for it.
    /// </summary>
    public void Committed(bool emptiesJournal)
    {
        if (emptiesJournal)
        {
            _epoch++;
            try
            {
                _journal!.Reset(_epoch, _journal.DatabaseId!.Value); // set by the replay on open
                _journalRecords = 0;
                _appendFailed = false;
            }
            catch (Exception ex)
            {
                // Its records are older than the epoch now in the file, so a replay skips them; but later records would be
                // taken for older ones too: stop journaling.
                LiteDbLog.JournalResetFailed(_logger, ex);
                _journal = null;
            }
        }
        _hasUncommitted = false;
        CompleteCommitWaiters(null);
    }

    /// <summary>Completes the readers waiting for journaled writes to be committed.</summary>
    public void CompleteCommitWaiters(Exception? failure)
    {
        TaskCompletionSource? waiters;
        lock (_commitGate)
        {
            waiters = _commitWaiters;
            _commitWaiters = null;
            _commitRequested = false;
        }
        if (waiters is null) return;
        if (failure is null) waiters.TrySetResult();
        else waiters.TrySetException(new IOException("Acknowledged writes could not be committed to the LiteDB file yet; they are kept in the write journal.", failure));
    }
}
