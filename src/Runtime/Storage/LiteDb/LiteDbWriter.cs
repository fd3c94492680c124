using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
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
    private long _batches;
    private long _commits;
    private long _rollbacks;
    private long _idleCheckpoints;
    private bool _logWritten;

    /// <summary>Starts the writer thread.</summary>
    public LiteDbWriter(LiteDatabase database, ModelImages? images, int maxBatchSize, IdleCheckpoint idleCheckpoint, ILogger logger)
    {
        _database = database;
        _images = images;
        _maxBatchSize = maxBatchSize;
        _idleCheckpoint = idleCheckpoint;
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

    /// <summary>Transactions rolled back so far (one per failed work).</summary>
    public long Rollbacks => Interlocked.Read(ref _rollbacks);

    /// <summary>Checkpoints run because the writer went idle.</summary>
    public long IdleCheckpoints => Interlocked.Read(ref _idleCheckpoints);

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
                    RunExclusive(first);
                    _logWritten = true;
                    continue;
                }
                batch.Add(first);
                DrainQueued(batch, ref carried);
                carried = RunBatch(batch, carried, target: Math.Min(lastBatchSize, _maxBatchSize));
                lastBatchSize = batch.Count;
                batch.Clear();
            }
        }
        catch (Exception ex)
        {
            // Only a bug gets here; fail whatever is left rather than leave callers waiting forever.
            LiteDbLog.WriterError(_logger, ex);
            _queue.CompleteAdding();
            while (_queue.TryTake(out var orphan)) orphan.Fail(ex);
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    /// <summary>Waits for the next request; after commits, when none comes within the idle delay, checkpoints first if due.</summary>
    private bool TryTakeOrCheckpoint([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out WriteRequest? request)
    {
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
    /// Runs <paramref name="batch"/> in one transaction and commits it. When the last batch had several callers they are
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
        try
        {
            bool open = false; // a transaction is open on this thread
            int ran = 0; // pending[..ran] ran in it
            long deadline = 0;
            while (true)
            {
                for (; ran < pending.Count; ran++)
                {
                    if (!open)
                    {
                        BeginTransaction();
                        open = true;
                    }
                    if (TryRun(pending[ran], out var failure)) continue;
                    // Roll back the failed work's changes with the rest; the others run again without it.
                    Rollback();
                    open = false;
                    var failed = pending[ran];
                    pending.RemoveAt(ran);
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
            if (open) Commit(pending); // else every work failed
        }
        catch (Exception ex)
        {
            Rollback();
            foreach (var request in pending) request.Fail(ex);
        }
        return carried;
    }

    private void BeginTransaction()
    {
        _pending.Clear();
        if (!_database.BeginTrans()) throw new InvalidOperationException("A LiteDB transaction is already open on the writer thread.");
    }

    private bool TryRun(WriteRequest request, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out Exception? failure)
    {
        var session = new LiteDbSession(_database, _pending, _images);
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
        }
    }

    private void Commit(List<WriteRequest> pending)
    {
        try
        {
            if (!_database.Commit()) throw new InvalidOperationException("The LiteDB transaction was no longer open at commit.");
        }
        catch (Exception ex)
        {
            LiteDbLog.CommitFailed(_logger, pending.Count, ex);
            Rollback();
            _images?.InvalidateAll(); // the file may hold part of the batch or all of it: reload from it
            foreach (var request in pending) request.Fail(ex);
            return;
        }
        Interlocked.Increment(ref _commits);
        _logWritten = true;
        // Readers must see the commit in the images before any caller learns of it (read-your-writes).
        _images?.Apply(_pending);
        _pending.Clear();
        // Only now, with the batch committed, do callers learn their results.
        foreach (var request in pending) request.Complete();
    }

    private void Rollback()
    {
        try
        {
            _pending.Clear();
            if (_database.Rollback()) Interlocked.Increment(ref _rollbacks);
        }
        catch (Exception ex)
        {
            LiteDbLog.RollbackFailed(_logger, ex);
        }
    }
}
