using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// The single thread that writes to the database. LiteDB binds a transaction to the OS thread that began it, so every
/// transaction begins, runs its works and commits synchronously here, never across an await.
/// </summary>
/// <remarks>
/// Group commit: requests that queue up while a transaction runs are taken together (up to the batch size) and committed
/// in one transaction, each caller still getting its own result; while a batch is short of the previous one's size, its
/// transaction stays open for up to 200 µs of waiting (and at most 1 ms in all) and runs each arrival as it comes.
/// When a work throws, the transaction is rolled back, that
/// caller gets the exception, and the rest of the batch runs again in a new transaction (works are repeatable).
/// Write journal (when given one): a batch that wrote something is acknowledged once its record is in the
/// <see cref="WriteJournal"/>, and its LiteDB transaction stays open for the next batches, so one LiteDB commit serves
/// many batches (a commit, not a row, is LiteDB's main cost). <see cref="JournaledCommits"/> holds that journal state;
/// this class keeps the transaction, on its thread. The open transaction commits when the writer has been idle
/// for the commit delay, when the journaled changes would pass the commit size (a batch that big commits with them
/// before it is acknowledged, unjournaled), before an exclusive request, at the end of the running batch when a reader
/// needs LiteDB to hold every acknowledged write (<see cref="CommitJournaledAsync"/>), and on stop; each such commit
/// empties the journal. Changes acknowledged but not
/// yet committed are read back from the journal and redone when a rollback (a failed work) discards them.
/// A work that throws without having written anything needs no rollback at all.
/// Checkpoints: once no request has arrived for a while after a commit, the writer applies LiteDB's log to the data file
/// if it has grown enough (<see cref="IdleCheckpoint"/>), so the copy and the page-cache reset that comes with it fall
/// between bursts of writes rather than inside them.
/// </remarks>
internal sealed class LiteDbWriter
{
    // How long the writer waits for a concurrent batch to fill up again.
    private static readonly long GatherTicks = Stopwatch.Frequency / 5_000; // 200 µs

    // A transaction that has run this long takes no more requests (they form the next one).
    private static readonly long MaxGatherTicks = Stopwatch.Frequency / 1_000; // 1 ms

    private readonly LiteDatabase _database;
    private readonly ModelImages? _images;
    private readonly PendingChanges _pending = new();
    private readonly int _maxBatchSize;
    private readonly IdleCheckpoint _idleCheckpoint;
    private readonly ILogger _logger;
    private readonly BlockingCollection<WriteRequest> _queue = new(new ConcurrentQueue<WriteRequest>());
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;
    private readonly JournaledCommits _journaled;
    private bool _transactionOpen;
    private long _batches;
    private long _commits;
    private long _rollbacks;
    private long _idleCheckpoints;
    private bool _logWritten;

    /// <summary>Starts the writer thread; with <paramref name="journal"/>, batches are acknowledged from it (see remarks).</summary>
    public LiteDbWriter(LiteDatabase database, ModelImages? images, int maxBatchSize, IdleCheckpoint idleCheckpoint, WriteJournal? journal, long epoch, JournalPolicy policy, ILogger logger)
    {
        _database = database;
        _images = images;
        _maxBatchSize = maxBatchSize;
        _idleCheckpoint = idleCheckpoint;
        _journaled = new JournaledCommits(journal, epoch, policy, logger);
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "Amplify.DataStore LiteDB writer" };
        _thread.Start();
    }

    /// <summary>True when called on the writer thread (i.e. from inside a write work).</summary>
    public bool IsCurrentThread => Environment.CurrentManagedThreadId == _thread.ManagedThreadId;

    /// <summary>Batches run so far.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Transactions committed so far.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Transactions rolled back so far (one per failed work that had written something).</summary>
    public long Rollbacks => Interlocked.Read(ref _rollbacks);

    /// <summary>Checkpoints run because the writer went idle.</summary>
    public long IdleCheckpoints => Interlocked.Read(ref _idleCheckpoints);

    /// <summary>Batches acknowledged from the write journal so far (before their LiteDB commit).</summary>
    public long JournalAppends => _journaled.Appends;

    /// <summary>True while acknowledged writes wait in the journal for their LiteDB commit (LiteDB readers do not see them yet).</summary>
    public bool HasUncommitted => _journaled.HasUncommitted;

    /// <summary>
    /// Has the acknowledged writes that wait in the journal committed, so LiteDB readers see them: at the end of the
    /// running batch, ahead of queued ones. Fails when that commit fails.
    /// </summary>
    public Task CommitJournaledAsync(CancellationToken cancellationToken)
    {
        if (!_journaled.TryRequestCommit(out var committed)) return Task.CompletedTask;
        // Wakes a writer waiting for work; the flag gets the commit done at the end of a running batch first.
        if (!TryEnqueue(new ExclusiveRequest(static () => { }))) return Task.FromException(new ObjectDisposedException(nameof(LiteDbStorageAdapter)));
        return committed.WaitAsync(cancellationToken);
    }

    /// <summary>Queues a request; false once the writer is stopping.</summary>
    public bool TryEnqueue(WriteRequest request)
    {
        try
        {
            _queue.Add(request);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false; // CompleteAdding was called
        }
    }

    /// <summary>Stops accepting requests, runs the queued ones and ends the thread.</summary>
    public Task StopAsync()
    {
        _queue.CompleteAdding();
        return _stopped.Task;
    }

    private void Run()
    {
        try
        {
            var batch = new List<WriteRequest>(_maxBatchSize);
            WriteRequest? carried = null;
            int lastBatchSize = 0;
            while (true)
            {
                WriteRequest? first = carried;
                carried = null;
                if (first is null && !TryTakeOrCheckpoint(out first)) break; // completed and drained
                if (first.IsExclusive)
                {
                    CommitJournaled();
                    RunExclusive(first);
                    _logWritten = true;
                    continue;
                }
                batch.Add(first);
                DrainQueued(batch, ref carried);
                carried = RunBatch(batch, carried, target: Math.Min(lastBatchSize, _maxBatchSize));
                lastBatchSize = batch.Count;
                batch.Clear();
                if (_journaled.CommitRequested) CommitJournaled();
            }
            CommitJournaled(); // stopping
        }
        catch (Exception ex)
        {
            // Only a bug gets here; fail whatever is left rather than leave callers waiting forever.
            LiteDbLog.WriterError(_logger, ex);
            _journaled.CompleteCommitWaiters(ex);
            _queue.CompleteAdding();
            while (_queue.TryTake(out var orphan)) orphan.Fail(ex);
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    /// <summary>
    /// Waits for the next request; with journaled writes open, commits them when none comes within the commit delay;
    /// after commits, when none comes within the idle delay, checkpoints first if due.
    /// </summary>
    private bool TryTakeOrCheckpoint([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out WriteRequest? request)
    {
        if (_journaled.HasUncommitted)
        {
            if (_queue.TryTake(out request, _journaled.CommitDelayMilliseconds)) return true;
            if (_queue.IsCompleted) return false; // stopping: the run loop commits
            CommitJournaled();
        }
        if (_logWritten && _idleCheckpoint.Enabled)
        {
            if (_queue.TryTake(out request, _idleCheckpoint.DelayMilliseconds)) return true;
            if (_queue.IsCompleted) return false; // stopping: dispose checkpoints
            _logWritten = false;
            try
            {
                if (_idleCheckpoint.IsDue(_database))
                {
                    _database.Checkpoint();
                    Interlocked.Increment(ref _idleCheckpoints);
                }
            }
            catch (Exception ex)
            {
                // Nothing is lost: the log stays and is applied by a later checkpoint or when the file is next opened.
                LiteDbLog.IdleCheckpointFailed(_logger, ex);
            }
        }
        return _queue.TryTake(out request, Timeout.Infinite);
    }

    /// <summary>Moves what is already queued into <paramref name="batch"/> (up to the batch size), stopping at an exclusive request.</summary>
    private void DrainQueued(List<WriteRequest> batch, ref WriteRequest? carried)
    {
        while (carried is null && batch.Count < _maxBatchSize && _queue.TryTake(out var next))
        {
            if (next.IsExclusive) carried = next;
            else batch.Add(next);
        }
    }

    private void RunExclusive(WriteRequest request)
    {
        if (!request.TryStart()) return;
        try
        {
            request.Execute(null);
        }
        catch (Exception ex)
        {
            request.Fail(ex);
            return;
        }
        request.Complete();
    }

    /// <summary>
    /// Runs <paramref name="batch"/> in one transaction and acknowledges it (see <see cref="Finish"/>). When the last batch had several callers they are
    /// likely to write again as soon as their continuations run, so while fewer than <paramref name="target"/> have
    /// come the writer keeps the transaction open for a few scheduler turns and runs each arrival as it comes (adding it
    /// to <paramref name="batch"/>): one commit serves them all (commits, not rows, are the cost), and waiting for
    /// them overlaps with running the first ones. Returns the exclusive request met on the way, if any.
    /// </summary>
    private WriteRequest? RunBatch(List<WriteRequest> batch, WriteRequest? carried, int target)
    {
        var pending = new List<WriteRequest>(batch.Count);
        foreach (var request in batch)
        {
            if (request.TryStart()) pending.Add(request); // canceled while queued: already completed
        }
        if (pending.Count == 0) return carried;
        Interlocked.Increment(ref _batches);
        long started = Stopwatch.GetTimestamp();
        _pending.Clear();
        _journaled.BeginBatch();
        try
        {
            bool wrote = false; // a work that ran to the end wrote something
            int ran = 0; // pending[..ran] ran in the open transaction
            long deadline = 0;
            while (true)
            {
                for (; ran < pending.Count; ran++)
                {
                    EnsureTransaction();
                    if (TryRun(pending[ran], out var failure, out bool workWrote))
                    {
                        wrote |= workWrote;
                        continue;
                    }
                    var failed = pending[ran];
                    pending.RemoveAt(ran);
                    if (!workWrote)
                    {
                        // Nothing of it reached the transaction: no rollback, the others stay as they ran.
                        failed.Fail(failure);
                        ran--;
                        continue;
                    }
                    // Roll back the failed work's changes with the rest; the others run again without it.
                    Rollback();
                    wrote = false;
                    failed.Fail(failure);
                    LiteDbLog.WorkFailed(_logger, pending.Count, failure);
                    ran = -1;
                }
                // Gather more only while short of the target, briefly, and not after a long work: a big transaction
                // should not keep growing (a failure in it runs all of it again).
                long now = Stopwatch.GetTimestamp();
                if (carried is not null || pending.Count >= target || pending.Count >= _maxBatchSize || now - started > MaxGatherTicks) break;
                if (_queue.TryTake(out var next))
                {
                    if (next.IsExclusive) carried = next;
                    else if (next.TryStart())
                    {
                        batch.Add(next);
                        pending.Add(next);
                    }
                    continue;
                }
                if (deadline == 0) deadline = now + GatherTicks;
                else if (now > deadline) break;
                Thread.Yield();
            }
            Finish(pending, wrote);
        }
        catch (Exception ex)
        {
            Rollback();
            foreach (var request in pending) request.Fail(ex);
        }
        return carried;
    }

    /// <summary>Ends a batch whose works all ran: acknowledges it from the journal, or commits it, then completes its callers.</summary>
    private void Finish(List<WriteRequest> pending, bool wrote)
    {
        if (!wrote)
        {
            // Only reads (or failures that wrote nothing): nothing to commit or journal.
            if (!_journaled.HasUncommitted) CloseTransaction();
            foreach (var request in pending) request.Complete();
            return;
        }
        if (_journaled.MustCommitBatch)
        {
            // Not journaling, or too big to journal (or the journal may end torn): commit it with what waits in the
            // journal, then acknowledge.
            if (!TryCommitAll(pending.Count, out var failure))
            {
                foreach (var request in pending) request.Fail(failure);
                return;
            }
        }
        else if (!_journaled.TryAppend(pending.Count, out var failure))
        {
            // Not acknowledged: undo it; what was journaled before is redone by the next transaction.
            Rollback();
            foreach (var request in pending) request.Fail(failure);
            return;
        }
        // Readers must see the batch in the images before any caller learns of it (read-your-writes).
        _images?.Apply(_pending);
        _pending.Clear();
        foreach (var request in pending) request.Complete();
    }

    /// <summary>Commits the journaled writes, if any (idle, before an exclusive request, on stop); a failure is logged and retried later.</summary>
    private void CommitJournaled()
    {
        if (_journaled.HasUncommitted) TryCommitAll(0, out _);
        else
        {
            CloseTransaction();
            _journaled.CompleteCommitWaiters(null);
        }
    }

    /// <summary>
    /// Commits the open transaction (journaled writes plus the running batch's, if any) and empties the journal. On failure
    /// the transaction is rolled back, the images are dropped (the file may hold part of it) and the journaled writes stay,
    /// to be redone and committed again. Also the commit of every batch when not journaling.
    /// </summary>
    private bool TryCommitAll(int batchSize, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out Exception? failure)
    {
        bool emptiesJournal = _journaled.CommitEmptiesJournal;
        try
        {
            EnsureTransaction(); // a rollback since the last batch discarded the journaled writes: redo them
            // The epoch tells a later replay that this commit holds every record journaled so far.
            if (emptiesJournal) _journaled.WriteCommitEpoch(_database);
            if (!_database.Commit()) throw new InvalidOperationException("The LiteDB transaction was no longer open at commit.");
        }
        catch (Exception ex)
        {
            if (_journaled.HasUncommitted) LiteDbLog.JournaledCommitFailed(_logger, _journaled.Records, ex);
            else LiteDbLog.CommitFailed(_logger, batchSize, ex);
            Rollback();
            _images?.InvalidateAll(); // the file may hold part of it or all of it: reload from it
            _journaled.CompleteCommitWaiters(ex);
            failure = ex;
            return false;
        }
        _transactionOpen = false;
        Interlocked.Increment(ref _commits);
        _logWritten = true;
        _journaled.Committed(emptiesJournal);
        failure = null;
        return true;
    }

    /// <summary>Begins a transaction unless one is open; redoes the journaled writes a rollback discarded.</summary>
    private void EnsureTransaction()
    {
        if (_transactionOpen) return;
        if (!_database.BeginTrans()) throw new InvalidOperationException("A LiteDB transaction is already open on the writer thread.");
        _transactionOpen = true;
        _journaled.RedoUncommitted(_database);
    }

    /// <summary>Ends an open transaction that holds nothing to keep.</summary>
    private void CloseTransaction()
    {
        if (!_transactionOpen) return;
        _transactionOpen = false;
        try
        {
            _database.Rollback();
        }
        catch (Exception ex)
        {
            LiteDbLog.RollbackFailed(_logger, ex);
        }
    }

    private bool TryRun(WriteRequest request, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out Exception? failure, out bool wrote)
    {
        var session = new LiteDbSession(_database, _pending, _images, _journaled.Round);
        try
        {
            request.Execute(session);
            failure = null;
            return true;
        }
        catch (Exception ex)
        {
            failure = ex;
            return false;
        }
        finally
        {
            session.Close();
            wrote = session.Wrote;
        }
    }

    /// <summary>Rolls back the open transaction and forgets the running batch's changes (journaled writes are redone later).</summary>
    private void Rollback()
    {
        _pending.Clear();
        _journaled.DiscardBatch();
        _transactionOpen = false;
        try
        {
            if (_database.Rollback()) Interlocked.Increment(ref _rollbacks);
        }
        catch (Exception ex)
        {
            LiteDbLog.RollbackFailed(_logger, ex);
        }
    }
}
