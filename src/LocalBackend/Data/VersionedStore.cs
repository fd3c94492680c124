using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Amplify.DataStore.LocalBackend.Data;

/// <summary>
/// AppSync's versioned data source: a base table of item images (tombstones kept until their TTL) and a delta table of
/// every accepted write (kept for the delta TTL). Writes are serialized by one lock, so each is atomic per item and the
/// version check and the write can never interleave with another writer; readers take immutable snapshots, no lock.
/// </summary>
internal sealed class VersionedStore : IDisposable
{
    private const int MaxBatch = 256;

    // Guards the tables' references and delta lists; held only for short, non-blocking sections.
    private readonly object _tableLock = new();
    // Guards only the close check and the enqueue, so no write is queued after the close.
    private readonly object _queueLock = new();
    private readonly ConcurrentQueue<PendingWrite> _queue = new();
    // Wakes the writer thread when writes are left queued; no spinning while it waits.
    private readonly AutoResetEvent _wake = new(false);
    private readonly List<PendingWrite> _batch = new();
    private readonly Thread _writer;
    // 1 while a thread runs batches: only that thread decides and commits writes and uses the batch list, so batches
    // never overlap; taking and releasing it are full fences, so each batch sees everything the one before it did.
    private int _writing;
    private bool _closed;
    private readonly IItemPersistence? _persistence;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, ModelTable> _tables = new(StringComparer.Ordinal);
    private long _sequence;

    public VersionedStore(IItemPersistence? persistence, TimeProvider clock, TimeSpan deltaTtl, TimeSpan tombstoneTtl)
    {
        _persistence = persistence;
        _clock = clock;
        DeltaTtl = deltaTtl;
        TombstoneTtl = tombstoneTtl;
        _writer = new Thread(WriterLoop) { IsBackground = true, Name = "LocalBackend writer" };
        if (persistence is not null) Load(persistence);
        _writer.Start();
    }

    private void Load(IItemPersistence persistence)
    {
        foreach (var (model, key, item) in persistence.LoadItems())
        {
            var table = TableOf(model);
            table.Items = table.Items.SetItem(key, item);
        }
        foreach (var entry in persistence.LoadDelta())
        {
            TableOf(entry.Model).Delta.Add(entry);
            _sequence = Math.Max(_sequence, entry.Sequence);
        }
    }

    /// <summary>How long delta rows are kept.</summary>
    public TimeSpan DeltaTtl { get; }

    /// <summary>How long tombstones stay in the base table.</summary>
    public TimeSpan TombstoneTtl { get; }

    /// <summary>The current time in epoch milliseconds.</summary>
    public long NowMs => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The item (a tombstone too, until it expires), or null.</summary>
    public IReadOnlyDictionary<string, object?>? Get(string model, string key)
    {
        var items = Snapshot(model);
        return items.TryGetValue(key, out var item) && !ItemImage.IsExpiredTombstone(item, NowMs) ? item : null;
    }

    /// <summary>
    /// The base table of <paramref name="model"/> in key order, without expired tombstones; only the keys after
    /// <paramref name="afterKey"/> when it is given.
    /// </summary>
    public IEnumerable<KeyValuePair<string, IReadOnlyDictionary<string, object?>>> Scan(string model, string? afterKey = null)
    {
        var now = NowMs;
        return Snapshot(model).After(afterKey).Where(pair => !ItemImage.IsExpiredTombstone(pair.Value, now));
    }

    /// <summary>
    /// The live delta rows of <paramref name="model"/> changed at or after <paramref name="fromMs"/> and committed after
    /// sequence <paramref name="afterSequence"/>, oldest first; at most <paramref name="max"/> of them.
    /// </summary>
    public IReadOnlyList<DeltaEntry> DeltaFrom(string model, long fromMs, long afterSequence = 0, int max = int.MaxValue)
    {
        long oldestLive = NowMs - (long)DeltaTtl.TotalMilliseconds;
        var from = Math.Max(fromMs, oldestLive + 1);
        lock (_tableLock)
        {
            if (!_tables.TryGetValue(model, out var table)) return Array.Empty<DeltaEntry>();
            var delta = table.Delta;
            int lo = 0, hi = delta.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (delta[mid].ChangedAtMs < from) lo = mid + 1; else hi = mid;
            }
            // Rows are appended in sequence order, so a page's start is found by search too, not by reading (and
            // copying) every row before it.
            hi = delta.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (delta[mid].Sequence <= afterSequence) lo = mid + 1; else hi = mid;
            }
            return delta.GetRange(lo, Math.Min(max, delta.Count - lo));
        }
    }

    /// <summary>
    /// Queues a write: in the batch that stores it the current item is read, <paramref name="decide"/> builds the next image
    /// (or returns null to leave it, or throws to refuse), and it is stored with the next version and change time;
    /// <paramref name="committed"/> then gets the stored image, in commit order.
    /// </summary>
    /// <remarks>
    /// Writes run one batch at a time and no caller waits for another's: when no batch is running, the caller runs the queued
    /// writes itself (a lone write is stored without a thread switch), otherwise it leaves its write queued for the
    /// running batch's thread, which hands what is left after its batch to the writer thread. Each batch's LiteDB
    /// transaction begins and ends on one OS thread, and writes that queue up while a batch is being stored are decided
    /// in arrival order (each seeing the ones before it) and committed together in one transaction (group commit). A
    /// write whose decision throws fails alone; a failed commit fails the whole batch and changes nothing. The task
    /// completes once the write is committed, as before.
    /// </remarks>
    /// <returns>The stored image (or the unchanged current one) and whether a write happened.</returns>
    public Task<(IReadOnlyDictionary<string, object?>? Item, bool Written)> WriteAsync(
        string model,
        string key,
        Func<IReadOnlyDictionary<string, object?>?, Dictionary<string, object?>?> decide,
        Action<IReadOnlyDictionary<string, object?>>? committed = null)
    {
        var request = new PendingWrite(model, key, decide, committed);
        lock (_queueLock)
        {
            if (_closed) throw new ObjectDisposedException(nameof(VersionedStore), "The backend is stopping; the write was not accepted.");
            _queue.Enqueue(request);
        }
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            // No batch is running: store the queued writes (this one among them) here, one batch at most.
            try
            {
                RunQueuedBatch();
            }
            finally
            {
                ReleaseWriting();
            }
        }
        return request.Task;
    }

    // Takes the writing right once the running batch (if any) ends; with unlessClosed, gives up (false) once the store is
    // closing, because the closing writer then keeps the right.
    private bool WaitForWriting(bool unlessClosed)
    {
        var spin = new SpinWait();
        while (Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
        {
            if (unlessClosed && Volatile.Read(ref _closed)) return false;
            spin.SpinOnce();
        }
        return true;
    }

    // Called by the thread that set _writing to 1. The writer thread is woken for writes queued meanwhile: whoever
    // queued them found _writing taken and left them to the holder.
    private void ReleaseWriting()
    {
        Interlocked.Exchange(ref _writing, 0);
        if (!_queue.IsEmpty) _wake.Set();
    }

    private void WriterLoop()
    {
        while (true)
        {
            _wake.WaitOne();
            if (Volatile.Read(ref _closed))
            {
                // Waits for a running batch, then keeps _writing: nothing is queued after the close, so this stores the last writes.
                WaitForWriting(unlessClosed: false);
                while (RunQueuedBatch())
                {
                }
                return;
            }
            if (Interlocked.CompareExchange(ref _writing, 1, 0) != 0) continue; // its holder wakes this thread again if writes are left
            while (RunQueuedBatch())
            {
            }
            ReleaseWriting();
        }
    }

    /// <summary>Stores up to <see cref="MaxBatch"/> queued writes; false when none were queued. Only with _writing held.</summary>
    private bool RunQueuedBatch()
    {
        var batch = _batch;
        while (batch.Count < MaxBatch && _queue.TryDequeue(out var next)) batch.Add(next);
        if (batch.Count == 0) return false;
        try
        {
            RunBatch(batch);
        }
        catch (Exception ex)
        {
            foreach (var request in batch) request.Fail(ex); // only a bug gets here; callers must not hang
        }
        finally
        {
            batch.Clear();
        }
        return true;
    }

    private void RunBatch(List<PendingWrite> batch)
    {
        long now = NowMs;
        long sequence = _sequence;
        var staged = new Dictionary<(string Model, string Key), IReadOnlyDictionary<string, object?>>();
        var commits = new List<(PendingWrite Request, IReadOnlyDictionary<string, object?> Image, DeltaEntry Entry, bool IsNew)>();
        foreach (var request in batch)
        {
            var current = staged.TryGetValue((request.Model, request.Key), out var earlier) ? earlier : Current(request.Model, request.Key, now);
            Dictionary<string, object?>? next;
            try
            {
                next = request.Decide(current);
            }
            catch (Exception ex)
            {
                request.Fail(ex);
                continue;
            }
            if (next is null)
            {
                request.Complete(current, written: false);
                continue;
            }

            // The server, never the client, sets the metadata.
            next[SyncFields.Version] = (current is null ? 0 : ItemImage.VersionOf(current)) + 1;
            next[SyncFields.LastChangedAt] = Math.Max(now, current is null ? 0 : ItemImage.LastChangedAtOf(current));
            if (ItemImage.IsDeleted(next)) next[SyncFields.Ttl] = (now + (long)TombstoneTtl.TotalMilliseconds) / 1000;
            else next.Remove(SyncFields.Ttl);
            next[SyncFields.TypeName] = request.Model;
            var image = (IReadOnlyDictionary<string, object?>)next;
            // The tables hold every stored row (expired tombstones too, until the purge deletes them from the file and
            // then from memory), so a key in neither them nor this batch has no row in the file yet.
            bool isNew = !staged.ContainsKey((request.Model, request.Key)) && !(_tables.TryGetValue(request.Model, out var table) && table.Items.TryGetValue(request.Key, out _));
            staged[(request.Model, request.Key)] = image;
            commits.Add((request, image, new DeltaEntry(++sequence, request.Model, (long)next[SyncFields.LastChangedAt]!, image), isNew));
        }
        if (commits.Count == 0) return;

        try
        {
            _persistence?.Commit(commits.Select(c => new ItemWrite(c.Request.Model, c.Request.Key, c.Image, c.Entry, c.IsNew)).ToList());
        }
        catch (Exception ex)
        {
            foreach (var (request, _, _, _) in commits) request.Fail(ex); // nothing was stored
            return;
        }
        lock (_tableLock)
        {
            _sequence = sequence;
            foreach (var (request, image, entry, _) in commits)
            {
                var table = TableOf(request.Model);
                table.Items = table.Items.SetItem(request.Key, image);
                table.Delta.Add(entry);
            }
        }
        foreach (var (request, image, _, _) in commits) request.Complete(image, written: true);
    }

    private IReadOnlyDictionary<string, object?>? Current(string model, string key, long now)
        => _tables.TryGetValue(model, out var table) && table.Items.TryGetValue(key, out var found) && !ItemImage.IsExpiredTombstone(found, now) ? found : null;

    /// <summary>Drops expired tombstones and delta rows from memory and the file; returns how many went.</summary>
    /// <remarks>
    /// Runs as a batch does, holding the writing right: a batch running meanwhile could re-create a key whose expired
    /// tombstone this purge has chosen, and the purge would then delete the new row from the file (lost at the next
    /// restart) while memory kept it. With no batch running, what is expired is decided against the stored state.
    /// </remarks>
    public int Purge()
    {
        if (!WaitForWriting(unlessClosed: true)) return 0; // the closing writer keeps the right; nothing to purge any more
        try
        {
            // Outside the table lock: moving a large log into the data file can take seconds, and readers (served from
            // memory) must not wait for it; batches wait anyway, as LiteDB's checkpoint excludes commits.
            _persistence?.Checkpoint();
            return PurgeExpired();
        }
        finally
        {
            ReleaseWriting();
        }
    }

    private int PurgeExpired()
    {
        lock (_tableLock)
        {
            long now = NowMs;
            long deltaCutoff = now - (long)DeltaTtl.TotalMilliseconds;
            var expired = new List<(string, string)>();
            long keepFrom = _sequence + 1;
            int removed = 0;
            foreach (var (model, table) in _tables)
            {
                foreach (var (key, item) in table.Items)
                {
                    if (ItemImage.IsExpiredTombstone(item, now)) expired.Add((model, key));
                }
                int stale = table.Delta.FindIndex(e => e.ChangedAtMs > deltaCutoff);
                if (stale < 0) stale = table.Delta.Count;
                if (stale < table.Delta.Count) keepFrom = Math.Min(keepFrom, table.Delta[stale].Sequence);
                removed += stale;
            }
            if (expired.Count == 0 && removed == 0) return 0;
            _persistence?.Purge(expired, keepFrom);
            foreach (var (model, key) in expired) _tables[model].Items = _tables[model].Items.Remove(key);
            foreach (var table in _tables.Values) table.Delta.RemoveAll(e => e.Sequence < keepFrom);
            return expired.Count + removed;
        }
    }

    /// <summary>Finishes the queued writes, stops the writer thread and closes the file.</summary>
    public void Dispose()
    {
        lock (_queueLock)
        {
            if (_closed) return;
            Volatile.Write(ref _closed, true);
        }
        _wake.Set();
        _writer.Join();
        lock (_tableLock) _persistence?.Dispose();
        // _wake is not disposed: a caller that ran the last batch may still signal it after the writer thread stopped.
    }

    private ItemTable Snapshot(string model)
    {
        lock (_tableLock)
        {
            return _tables.TryGetValue(model, out var table) ? table.Items : ItemTable.Empty;
        }
    }

    private ModelTable TableOf(string model)
    {
        if (!_tables.TryGetValue(model, out var table)) _tables[model] = table = new ModelTable();
        return table;
    }

    private sealed class PendingWrite(
        string model,
        string key,
        Func<IReadOnlyDictionary<string, object?>?, Dictionary<string, object?>?> decide,
        Action<IReadOnlyDictionary<string, object?>>? committed)
    {
        private readonly TaskCompletionSource<(IReadOnlyDictionary<string, object?>?, bool)> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Model => model;

        public string Key => key;

        public Task<(IReadOnlyDictionary<string, object?>? Item, bool Written)> Task => _outcome.Task;

        public Dictionary<string, object?>? Decide(IReadOnlyDictionary<string, object?>? current) => decide(current);

        public void Complete(IReadOnlyDictionary<string, object?>? item, bool written)
        {
            if (written) committed?.Invoke(item!); // on the writer thread: publication follows commit order
            _outcome.TrySetResult((item, written));
        }

        public void Fail(Exception error) => _outcome.TrySetException(error);
    }

    private sealed class ModelTable
    {
        public ItemTable Items { get; set; } = ItemTable.Empty;

        public List<DeltaEntry> Delta { get; } = new();
    }
}
