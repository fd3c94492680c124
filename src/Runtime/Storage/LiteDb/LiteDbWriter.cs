using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
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
/// in one transaction, each caller still getting its own result. When a work throws, the transaction is rolled back, that
/// caller gets the exception, and the rest of the batch runs again in a new transaction (works are repeatable).
/// </remarks>
internal sealed class LiteDbWriter
{
    private readonly LiteDatabase _database;
    private readonly int _maxBatchSize;
    private readonly ILogger _logger;
    private readonly BlockingCollection<WriteRequest> _queue = new(new ConcurrentQueue<WriteRequest>());
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;
    private long _batches;
    private long _commits;
    private long _rollbacks;

    /// <summary>Starts the writer thread.</summary>
    public LiteDbWriter(LiteDatabase database, int maxBatchSize, ILogger logger)
    {
        _database = database;
        _maxBatchSize = maxBatchSize;
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
            while (true)
            {
                WriteRequest? first = carried;
                carried = null;
                if (first is null && !_queue.TryTake(out first, Timeout.Infinite)) break; // completed and drained
                if (first.IsExclusive)
                {
                    RunExclusive(first);
                    continue;
                }
                batch.Add(first);
                while (batch.Count < _maxBatchSize && _queue.TryTake(out var next))
                {
                    if (next.IsExclusive)
                    {
                        carried = next; // runs after this batch, outside its transaction
                        break;
                    }
                    batch.Add(next);
                }
                RunBatch(batch);
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

    private void RunBatch(List<WriteRequest> batch)
    {
        var pending = new List<WriteRequest>(batch.Count);
        foreach (var request in batch)
        {
            if (request.TryStart()) pending.Add(request); // canceled while queued: already completed
        }
        if (pending.Count == 0) return;
        Interlocked.Increment(ref _batches);
        try
        {
            while (pending.Count > 0)
            {
                if (!_database.BeginTrans()) throw new InvalidOperationException("A LiteDB transaction is already open on the writer thread.");
                if (TryRunAll(pending, out int failedIndex, out var failure))
                {
                    Commit(pending);
                    return;
                }
                Rollback();
                var failed = pending[failedIndex];
                pending.RemoveAt(failedIndex);
                failed.Fail(failure!);
                LiteDbLog.WorkFailed(_logger, pending.Count, failure!);
            }
        }
        catch (Exception ex)
        {
            Rollback();
            foreach (var request in pending) request.Fail(ex);
        }
    }

    private bool TryRunAll(List<WriteRequest> pending, out int failedIndex, out Exception? failure)
    {
        for (int i = 0; i < pending.Count; i++)
        {
            var session = new LiteDbSession(_database);
            try
            {
                pending[i].Execute(session);
            }
            catch (Exception ex)
            {
                failedIndex = i;
                failure = ex;
                return false;
            }
            finally
            {
                session.Close();
            }
        }
        failedIndex = -1;
        failure = null;
        return true;
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
            foreach (var request in pending) request.Fail(ex);
            return;
        }
        Interlocked.Increment(ref _commits);
        // Only now, with the batch committed, do callers learn their results.
        foreach (var request in pending) request.Complete();
    }

    private void Rollback()
    {
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
