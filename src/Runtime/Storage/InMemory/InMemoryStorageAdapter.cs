using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Predicates;
using Amplify.DataStore.Predicates.Evaluation;
using Amplify.DataStore.Sorting;

namespace Amplify.DataStore.Storage.InMemory;

/// <summary>
/// A storage adapter that keeps everything in memory, for fast tests. Writes run one at a time against an immutable
/// snapshot that is swapped in on success, so a failing work leaves nothing behind and readers never see partial writes.
/// </summary>
internal sealed class InMemoryStorageAdapter : IStorageAdapter
{
    private readonly object _writeGate = new();
    private State _state = State.Empty;
    private bool _disposed;

    /// <inheritdoc/>
    public ValueTask OpenAsync(ModelSchema schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        lock (_writeGate)
        {
            var models = _state.Models;
            foreach (var m in schema.Models)
            {
                if (!models.ContainsKey(m.Name)) models = models.Add(m.Name, ImmutableDictionary<StorageKey, object>.Empty);
            }
            _state = _state with { Models = models };
        }
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<T> WriteAsync<T>(Func<IStorageSession, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled<T>(cancellationToken);
        lock (_writeGate)
        {
            if (_disposed) return ValueTask.FromException<T>(new ObjectDisposedException(nameof(InMemoryStorageAdapter)));
            var session = new Session(_state);
            try
            {
                var result = work(session);
                Volatile.Write(ref _state, session.State);
                return ValueTask.FromResult(result);
            }
            catch (Exception ex)
            {
                // Like the LiteDB adapter: the failure is the caller's result, and nothing of the work is kept.
                return ValueTask.FromException<T>(ex);
            }
            finally
            {
                session.Close();
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<object?> GetAsync(ModelMetadata model, StorageKey key, CancellationToken cancellationToken)
        => ValueTask.FromResult(Volatile.Read(ref _state).Get(model, key));

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<object>> QueryAsync(ModelMetadata model, PredicateNode predicate, IReadOnlyList<SortClause>? sort, int skip, int? limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        if (limit is { } max) ArgumentOutOfRangeException.ThrowIfNegative(max, nameof(limit));
        var items = Volatile.Read(ref _state).Query(model, predicate);
        IEnumerable<object> ordered = items.OrderBy(x => x, ItemComparer.Create(model, sort)).Skip(skip);
        if (limit is { } l) ordered = ordered.Take(l);
        return ValueTask.FromResult<IReadOnlyList<object>>(ordered.ToArray());
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        lock (_writeGate) _disposed = true;
        return ValueTask.CompletedTask;
    }

    private sealed record State(
        ImmutableDictionary<string, ImmutableDictionary<StorageKey, object>> Models,
        ImmutableSortedDictionary<string, OutboxEntry> Outbox,
        ImmutableDictionary<string, string> Settings,
        ImmutableDictionary<(string Model, StorageKey Key), SyncMetadata> Sync,
        ImmutableList<FailedMutation> Failed)
    {
        public static readonly State Empty = new(
            ImmutableDictionary<string, ImmutableDictionary<StorageKey, object>>.Empty.WithComparers(StringComparer.Ordinal),
            ImmutableSortedDictionary<string, OutboxEntry>.Empty.WithComparers(StringComparer.Ordinal),
            ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal),
            ImmutableDictionary<(string Model, StorageKey Key), SyncMetadata>.Empty,
            ImmutableList<FailedMutation>.Empty);

        public ImmutableDictionary<StorageKey, object> Items(ModelMetadata model)
            => Models.TryGetValue(model.Name, out var items) ? items : ImmutableDictionary<StorageKey, object>.Empty;

        public object? Get(ModelMetadata model, StorageKey key) => Items(model).TryGetValue(key, out var item) ? item : null;

        public List<object> Query(ModelMetadata model, PredicateNode predicate)
            => Items(model).Values.Where(item => PredicateEvaluator.Matches(model, item, predicate)).ToList();
    }

    private sealed class Session : IStorageSession
    {
        private State _state;
        private bool _closed;

        public Session(State state) => _state = state;

        /// <summary>The state with this work's changes; unusable once the work has returned.</summary>
        public State State
        {
            get => _closed ? throw new InvalidOperationException("A storage session is only valid inside its write work.") : _state;
            private set => _state = value;
        }

        public void Close() => _closed = true;

        public object? Get(ModelMetadata model, StorageKey key) => State.Get(model, key);

        public IReadOnlyList<object> Query(ModelMetadata model, PredicateNode predicate) => State.Query(model, predicate);

        public bool Upsert(ModelMetadata model, object item, SyncMetadata? metadata)
        {
            var inserted = Upsert(model, item);
            if (metadata is { } synced) SetSyncMetadata(model, StorageKey.Of(model, item), synced);
            return inserted;
        }

        public bool Upsert(ModelMetadata model, object item)
        {
            var key = StorageKey.Of(model, item);
            var items = State.Items(model);
            var inserted = !items.ContainsKey(key);
            State = State with { Models = State.Models.SetItem(model.Name, items.SetItem(key, item)) };
            return inserted;
        }

        public bool Delete(ModelMetadata model, StorageKey key)
        {
            var items = State.Items(model);
            if (!items.ContainsKey(key)) return false;
            State = State with { Models = State.Models.SetItem(model.Name, items.Remove(key)) };
            return true;
        }

        public int DeleteAll(ModelMetadata model)
        {
            var count = State.Items(model).Count;
            State = State with { Models = State.Models.SetItem(model.Name, ImmutableDictionary<StorageKey, object>.Empty) };
            return count;
        }

        // Keyed by entry ID: a duplicate ID fails the work, as it does in LiteDB.
        public OutboxEntry AppendOutbox(OutboxEntry entry)
        {
            ArgumentNullException.ThrowIfNull(entry);
            if (State.Outbox.ContainsKey(entry.Id)) throw new InvalidOperationException($"An outbox entry with ID '{entry.Id}' already exists.");
            var queued = entry with { Sequence = State.Outbox.IsEmpty ? 1 : State.Outbox.Values.Max(e => e.Sequence) + 1 };
            State = State with { Outbox = State.Outbox.Add(entry.Id, queued) };
            return queued;
        }

        public IReadOnlyList<OutboxEntry> ReadOutbox() => State.Outbox.Values.OrderBy(e => e.Sequence).ToArray();

        public OutboxEntry? PeekOutbox() => State.Outbox.Values.MinBy(e => e.Sequence);

        public OutboxEntry? LastOutboxFor(string modelName, string modelKey)
            => State.Outbox.Values.Where(e => e.ModelName == modelName && e.ModelKey == modelKey).MaxBy(e => e.Sequence);

        public int CountOutbox() => State.Outbox.Count;

        public IReadOnlyList<OutboxEntry> OutboxFor(string modelName, string modelKey)
            => State.Outbox.Values.Where(e => e.ModelName == modelName && e.ModelKey == modelKey).OrderBy(e => e.Sequence).ToArray();

        public bool ReplaceOutbox(OutboxEntry entry)
        {
            ArgumentNullException.ThrowIfNull(entry);
            if (!State.Outbox.TryGetValue(entry.Id, out var queued)) return false;
            State = State with { Outbox = State.Outbox.SetItem(entry.Id, entry with { Sequence = queued.Sequence }) };
            return true;
        }

        public bool RemoveOutbox(string id)
        {
            if (!State.Outbox.ContainsKey(id)) return false;
            State = State with { Outbox = State.Outbox.Remove(id) };
            return true;
        }

        public void ClearOutbox() => State = State with { Outbox = State.Outbox.Clear() };

        public SyncMetadata? GetSyncMetadata(ModelMetadata model, StorageKey key)
            => State.Sync.TryGetValue((model.Name, key), out var metadata) ? metadata : null;

        public void SetSyncMetadata(ModelMetadata model, StorageKey key, SyncMetadata metadata)
            => State = State with { Sync = State.Sync.SetItem((model.Name, key), metadata) };

        public bool HasSyncMetadata(ModelMetadata model) => State.Sync.Keys.Any(k => k.Model == model.Name);

        public void ClearSyncMetadata() => State = State with { Sync = State.Sync.Clear() };

        public string? GetSetting(string key) => State.Settings.TryGetValue(key, out var v) ? v : null;

        public void SetSetting(string key, string value) => State = State with { Settings = State.Settings.SetItem(key, value) };

        public void RemoveSetting(string key) => State = State with { Settings = State.Settings.Remove(key) };

        public void AddFailedMutation(FailedMutation failed)
        {
            ArgumentNullException.ThrowIfNull(failed);
            var others = State.Failed.RemoveAll(f => f.Mutation.Id == failed.Mutation.Id);
            State = State with { Failed = others.Add(failed) };
        }

        public IReadOnlyList<FailedMutation> ReadFailedMutations() => State.Failed.ToArray();

        public bool RemoveFailedMutation(string id)
        {
            var remaining = State.Failed.RemoveAll(f => f.Mutation.Id == id);
            if (remaining.Count == State.Failed.Count) return false;
            State = State with { Failed = remaining };
            return true;
        }

        public void ClearFailedMutations() => State = State with { Failed = ImmutableList<FailedMutation>.Empty };
    }
}
