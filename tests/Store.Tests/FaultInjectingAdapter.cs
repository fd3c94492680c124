using Amplify.DataStore.Metadata;
using Amplify.DataStore.Predicates;
using Amplify.DataStore.Sorting;
using Amplify.DataStore.Storage;

namespace Amplify.DataStore.Store.Tests;

/// <summary>Wraps a real adapter; can make outbox appends fail inside the transaction, and exposes the outbox.</summary>
internal sealed class FaultInjectingAdapter : IStorageAdapter
{
    private readonly IStorageAdapter _inner;

    public FaultInjectingAdapter(IStorageAdapter inner) => _inner = inner;

    public bool FailOutboxAppends { get; set; }

    public ValueTask OpenAsync(ModelSchema schema, CancellationToken cancellationToken) => _inner.OpenAsync(schema, cancellationToken);

    public ValueTask<T> WriteAsync<T>(Func<IStorageSession, T> work, CancellationToken cancellationToken)
        => _inner.WriteAsync(session => work(new Session(session, this)), cancellationToken);

    public ValueTask<object?> GetAsync(ModelMetadata model, StorageKey key, CancellationToken cancellationToken) => _inner.GetAsync(model, key, cancellationToken);

    public ValueTask<IReadOnlyList<object>> QueryAsync(ModelMetadata model, PredicateNode predicate, IReadOnlyList<SortClause>? sort, int skip, int? limit, CancellationToken cancellationToken)
        => _inner.QueryAsync(model, predicate, sort, skip, limit, cancellationToken);

    public ValueTask<IReadOnlyList<OutboxEntry>> ReadOutboxAsync() => _inner.WriteAsync(s => s.ReadOutbox(), CancellationToken.None);

    /// <summary>
    /// Reads the outbox and empties it, as the sync engine does once the server has answered every entry: later local
    /// changes then queue as new entries instead of collapsing into these.
    /// </summary>
    public ValueTask<IReadOnlyList<OutboxEntry>> TakeOutboxAsync() => _inner.WriteAsync(s =>
    {
        var entries = s.ReadOutbox();
        s.ClearOutbox();
        return entries;
    }, CancellationToken.None);

    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    private sealed class Session : IStorageSession
    {
        private readonly IStorageSession _inner;
        private readonly FaultInjectingAdapter _owner;

        public Session(IStorageSession inner, FaultInjectingAdapter owner)
        {
            _inner = inner;
            _owner = owner;
        }

        public object? Get(ModelMetadata model, StorageKey key) => _inner.Get(model, key);
        public IReadOnlyList<object> Query(ModelMetadata model, PredicateNode predicate) => _inner.Query(model, predicate);
        public bool Upsert(ModelMetadata model, object item) => _inner.Upsert(model, item);
        public bool Upsert(ModelMetadata model, object item, SyncMetadata? metadata) => _inner.Upsert(model, item, metadata);
        public bool Delete(ModelMetadata model, StorageKey key) => _inner.Delete(model, key);
        public int DeleteAll(ModelMetadata model) => _inner.DeleteAll(model);

        public OutboxEntry AppendOutbox(OutboxEntry entry)
        {
            if (_owner.FailOutboxAppends) throw new IOException("injected outbox failure");
            return _inner.AppendOutbox(entry);
        }

        public IReadOnlyList<OutboxEntry> ReadOutbox() => _inner.ReadOutbox();
        public OutboxEntry? PeekOutbox() => _inner.PeekOutbox();
        public OutboxEntry? LastOutboxFor(string modelName, string modelKey) => _inner.LastOutboxFor(modelName, modelKey);
        public bool ReplaceOutbox(OutboxEntry entry) => _inner.ReplaceOutbox(entry);
        public bool RemoveOutbox(string id) => _inner.RemoveOutbox(id);
        public SyncMetadata? GetSyncMetadata(ModelMetadata model, StorageKey key) => _inner.GetSyncMetadata(model, key);
        public void SetSyncMetadata(ModelMetadata model, StorageKey key, SyncMetadata metadata) => _inner.SetSyncMetadata(model, key, metadata);
        public void ClearSyncMetadata() => _inner.ClearSyncMetadata();
        public bool HasSyncMetadata(ModelMetadata model) => _inner.HasSyncMetadata(model);
        public void ClearOutbox() => _inner.ClearOutbox();
        public string? GetSetting(string key) => _inner.GetSetting(key);
        public void SetSetting(string key, string value) => _inner.SetSetting(key, value);
        public int CountOutbox() => _inner.CountOutbox();
        public void RemoveSetting(string key) => _inner.RemoveSetting(key);
        public IReadOnlyList<OutboxEntry> OutboxFor(string modelName, string modelKey) => _inner.OutboxFor(modelName, modelKey);
        public void AddFailedMutation(FailedMutation failed) => _inner.AddFailedMutation(failed);
        public IReadOnlyList<FailedMutation> ReadFailedMutations() => _inner.ReadFailedMutations();
        public bool RemoveFailedMutation(string id) => _inner.RemoveFailedMutation(id);
        public void ClearFailedMutations() => _inner.ClearFailedMutations();
    }
}
