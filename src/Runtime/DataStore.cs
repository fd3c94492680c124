using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Amplify.DataStore.Engine;
using Amplify.DataStore.Events;
using Amplify.DataStore.Linq;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Observation;
using Amplify.DataStore.Predicates;
using Amplify.DataStore.Predicates.Evaluation;
using Amplify.DataStore.Storage;
using Amplify.DataStore.Serialization;
using Amplify.DataStore.Sync.Engine;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore;

/// <summary>
/// The offline-first data store: save, query, delete and observe generated models in a local file. Safe to use from
/// many threads; dispose it to flush and close the file.
/// </summary>
/// <example>
/// <code>
/// await using var store = await DataStore.OpenAsync(AmplifyModels.Schema, o => o.UseLiteDb("blog.db"));
/// var post = await store.SaveAsync(new Post { Title = "My First Post", Rating = 10, Status = PostStatus.Active });
/// var good = await store.QueryAsync(Post.Where(p => p.Rating.Gt(4)));
/// </code>
/// </example>
public sealed class DataStore : IAsyncDisposable
{
    private readonly StorageEngine _engine;
    private readonly EventHub _events;
    private readonly ILogger _logger;
    private readonly TimeSpan _observeQueryMaxWait;
    private readonly int _observeQueryMaxChanges;
    // Cancelled on dispose; never disposed itself, so observables created before dispose can still read its token.
    private readonly CancellationTokenSource _closing = new();
    private int _disposed;

    private readonly Action<DataStoreEvent, bool> _raise;
    private readonly SyncEngine? _sync;

    private DataStore(StorageEngine engine, EventHub events, Action<DataStoreEvent, bool> raise, ILogger logger, DataStoreOptionsBuilder options)
    {
        _engine = engine;
        if (options.Sync is { } sync) _sync = new SyncEngine(engine, sync, e => raise(e, IsStateEvent(e)), options.LoggerFactory.CreateLogger<SyncEngine>());
        _raise = raise;
        _events = events;
        _logger = logger;
        _observeQueryMaxWait = options.ObserveQueryMaxWait;
        _observeQueryMaxChanges = options.ObserveQueryMaxChanges;
    }

    /// <summary>The schema the store was opened with.</summary>
    public ModelSchema Schema => _engine.Schema;

    /// <summary>Lifecycle and sync events (ready, local data wiped, network and outbox status, sync progress).</summary>
    public DataStoreObservable<DataStoreEvent> Events => _events;

    /// <summary>
    /// Opens (or creates) a store for <paramref name="schema"/>. If the file was written with another schema version,
    /// local data is wiped (pending outbox entries are reported first through <see cref="LocalDataWipedEvent"/>).
    /// </summary>
    /// <param name="schema">The generated <c>AmplifyModels.Schema</c>.</param>
    /// <param name="configure">Chooses storage (<c>o.UseLiteDb("app.db")</c>) and options.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    public static async Task<DataStore> OpenAsync(ModelSchema schema, Action<DataStoreOptionsBuilder> configure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new DataStoreOptionsBuilder();
        configure(options);
        var logger = options.LoggerFactory.CreateLogger<DataStore>();
        var events = new EventHub(logger);
        var adapter = options.CreateAdapter();
        var engine = new StorageEngine(schema, adapter, options.OutboxEnabled, new ChangeHub(), logger);
        void Raise(DataStoreEvent e, bool replay)
        {
            options.EventHandler?.Invoke(e);
            events.Raise(e, replay);
        }
        try
        {
            await engine.OpenAsync(e => Raise(e, replay: true), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await adapter.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var store = new DataStore(engine, events, Raise, logger, options);
        // With sync, ready means "synced" (or "offline"): the sync engine raises it after its first session.
        if (store._sync is null) Raise(new ReadyEvent(schema.Version), replay: true);
        return store;
    }

    // Events that describe a state (replayed to late subscribers) rather than a moment.
    private static bool IsStateEvent(DataStoreEvent e) => e is ReadyEvent or NetworkStatusEvent or OutboxStatusEvent;

    // ---------------------------------------------------------------- sync

    /// <summary>True when the store was opened with <c>UseAppSync</c>.</summary>
    public bool IsSyncEnabled => _sync is not null;

    /// <summary>
    /// Starts syncing with AppSync in the background (nothing when already started): subscriptions, then a base or delta
    /// sync of every model, then the outbox. Returns once started; <see cref="ReadyEvent"/> says when the first sync is
    /// done (or that the server could not be reached: the store works offline and keeps trying).
    /// </summary>
    /// <exception cref="InvalidOperationException">The store was opened without <c>UseAppSync</c>.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return (_sync ?? throw new InvalidOperationException("Sync is not configured: open the store with o.UseAppSync(AmplifyConfig.Load(\"amplify_outputs.json\")).")).StartAsync(cancellationToken);
    }

    /// <summary>Stops syncing; waits until no request is in flight. Local changes stay queued and are sent after the next <see cref="StartAsync"/>.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return _sync?.StopAsync(cancellationToken) ?? Task.CompletedTask;
    }

    /// <summary>
    /// Changes which <typeparamref name="T"/> records are synced (selective sync), at run time: the model is base-synced
    /// under the new expression, local records it no longer covers are removed (those with unsent changes are kept), and
    /// subscriptions deliver only matching records. Null syncs every record. amplify-js needs a stop, configure and start
    /// for this and keeps the out-of-scope records (#7345).
    /// </summary>
    /// <exception cref="InvalidOperationException">The store was opened without <c>UseAppSync</c>.</exception>
    /// <exception cref="ArgumentException">The expression cannot be sent as an AppSync filter (it names the field and operator).</exception>
    public Task SetSyncExpressionAsync<T>(Predicate<T>? expression, CancellationToken cancellationToken = default) where T : class, IModel<T>
    {
        ThrowIfDisposed();
        var meta = Meta<T>();
        var sync = _sync ?? throw new InvalidOperationException("Sync is not configured: open the store with o.UseAppSync(…).");
        if (expression is not null) AppSyncConditionWriter.ToJson(meta, expression.Node); // refuse an unsendable filter now
        return sync.ChangeSyncExpressionAsync(meta.Name, expression?.Node, cancellationToken);
    }

    /// <summary>The local changes waiting to be sent, in the order they will be sent (e.g. to show "3 changes not yet synced").</summary>
    public async Task<IReadOnlyList<OutboxEntry>> GetPendingMutationsAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return await _engine.WriteAsync(s => s.ReadOutbox(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The mutations the server refused for good (unauthorized, invalid), oldest first: kept rather than dropped, so the
    /// app can show, fix, retry (<see cref="RetryFailedMutationAsync"/>) or discard (<see cref="DiscardFailedMutationAsync"/>) them.
    /// </summary>
    public async Task<IReadOnlyList<FailedMutation>> GetFailedMutationsAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return await _engine.WriteAsync(s => s.ReadFailedMutations(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Queues a failed mutation again, at the end of the outbox; false when there is no failed mutation with that ID.</summary>
    public async Task<bool> RetryFailedMutationAsync(string mutationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mutationId);
        ThrowIfDisposed();
        var requeued = await _engine.WriteAsync(s =>
        {
            var failed = s.ReadFailedMutations().FirstOrDefault(f => f.Mutation.Id == mutationId);
            if (failed is null) return false;
            s.RemoveFailedMutation(mutationId);
            s.AppendOutbox(failed.Mutation with { Sequence = 0 });
            return true;
        }, cancellationToken).ConfigureAwait(false);
        if (requeued) _engine.NotifyOutboxAppended();
        return requeued;
    }

    /// <summary>Forgets a failed mutation (the local record keeps the change; the server never gets it); false when there is none with that ID.</summary>
    public async Task<bool> DiscardFailedMutationAsync(string mutationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mutationId);
        ThrowIfDisposed();
        return await _engine.WriteAsync(s => s.RemoveFailedMutation(mutationId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Raises an event on <see cref="Events"/> (used by the sync engine).</summary>
    internal void RaiseEvent(DataStoreEvent e) => _raise(e, false);

    // ---------------------------------------------------------------- saves

    /// <summary>Saves (inserts or replaces) <paramref name="model"/>; returns it (the stored instance is never mutated).</summary>
    public Task<T> SaveAsync<T>(T model, CancellationToken cancellationToken = default) where T : class, IModel<T>
        => SaveCoreAsync(model, null, cancellationToken);

    /// <summary>
    /// Saves <paramref name="model"/> only if the stored item matches <paramref name="condition"/>; otherwise throws
    /// <see cref="ConditionalCheckFailedException"/> and changes nothing. Like AppSync, a condition does not apply to a create.
    /// </summary>
    /// <exception cref="ArgumentException">The outbox is on and the condition cannot be sent as AppSync's condition input
    /// (a field of a related model, the partition key, an empty <c>In</c>, a non-finite Float); the message names the field
    /// and operator.</exception>
    public Task<T> SaveAsync<T>(T model, Predicate<T> condition, CancellationToken cancellationToken = default) where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(condition);
        return SaveCoreAsync(model, condition.Node, cancellationToken);
    }

    private async Task<T> SaveCoreAsync<T>(T model, PredicateNode? condition, CancellationToken cancellationToken) where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        ThrowIfDisposed();
        var meta = Meta<T>();
        EnsureSendable(meta, condition);
        await _engine.SaveAsync(meta, model, condition, cancellationToken).ConfigureAwait(false);
        return model;
    }

    /// <summary>Saves every item in one transaction: all are stored, or none (beyond amplify-js).</summary>
    public async Task<IReadOnlyList<T>> SaveAllAsync<T>(IEnumerable<T> models, CancellationToken cancellationToken = default) where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(models);
        ThrowIfDisposed();
        var items = models.ToArray();
        if (items.Length == 0) return items;
        foreach (var item in items) ArgumentNullException.ThrowIfNull(item, nameof(models));
        await _engine.SaveAllAsync(Meta<T>(), items, cancellationToken).ConfigureAwait(false);
        return items;
    }

    // ---------------------------------------------------------------- queries

    /// <summary>Every item of <typeparamref name="T"/>, in key order.</summary>
    public Task<IReadOnlyList<T>> QueryAsync<T>(CancellationToken cancellationToken = default) where T : class, IModel<T>
        => QueryCoreAsync<T>(MatchAll.Instance, null, cancellationToken);

    /// <summary>Every item of <typeparamref name="T"/>, paged and sorted.</summary>
    public Task<IReadOnlyList<T>> QueryAsync<T>(QueryOptions options, CancellationToken cancellationToken = default) where T : class, IModel<T>
        => QueryCoreAsync<T>(MatchAll.Instance, options, cancellationToken);

    /// <summary>The items matching <paramref name="predicate"/>, optionally paged and sorted.</summary>
    public Task<IReadOnlyList<T>> QueryAsync<T>(Predicate<T> predicate, QueryOptions? options = null, CancellationToken cancellationToken = default) where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return QueryCoreAsync<T>(predicate.Node, options, cancellationToken);
    }

    /// <summary>
    /// The items matching a LINQ-style predicate such as <c>p =&gt; p.Rating &gt; 4 &amp;&amp; p.Status == PostStatus.Active</c>,
    /// translated to the same predicate tree as the typed API; throws <see cref="NotSupportedException"/> naming an
    /// expression it cannot translate.
    /// </summary>
    public Task<IReadOnlyList<T>> QueryAsync<T>(Expression<Func<T, bool>> predicate, QueryOptions? options = null, CancellationToken cancellationToken = default) where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return QueryCoreAsync<T>(PredicateTranslator.Translate(predicate, _engine.Schema).Node, options, cancellationToken);
    }

    private async Task<IReadOnlyList<T>> QueryCoreAsync<T>(PredicateNode predicate, QueryOptions? options, CancellationToken cancellationToken) where T : class, IModel<T>
    {
        ThrowIfDisposed();
        var items = await _engine.QueryAsync(Meta<T>(), predicate, options?.Sort, options?.Page ?? 0, options?.Limit, cancellationToken).ConfigureAwait(false);
        var result = new T[items.Count];
        for (int i = 0; i < result.Length; i++) result[i] = (T)items[i];
        return result;
    }

    /// <summary>The item whose (single-field) primary key is <paramref name="id"/>, or null.</summary>
    public async Task<T?> QueryByIdAsync<T>(string id, CancellationToken cancellationToken = default) where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(id);
        ThrowIfDisposed();
        var meta = Meta<T>();
        if (meta.PrimaryKey.IsComposite)
        {
            throw new ArgumentException($"{meta.Name} has a composite key ({string.Join(", ", meta.PrimaryKey.Fields)}); use QueryByKeyAsync.", nameof(id));
        }
        var key = new StorageKey(new[] { KeyValue(meta, meta.PrimaryKey.Fields[0], id) });
        return (T?)await _engine.GetAsync(meta, key, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The item with the given primary-key values (in key-field order; composite keys), or null.</summary>
    public async Task<T?> QueryByKeyAsync<T>(object[] keyValues, CancellationToken cancellationToken = default) where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(keyValues);
        ThrowIfDisposed();
        var meta = Meta<T>();
        var fields = meta.PrimaryKey.Fields;
        if (keyValues.Length != fields.Count)
        {
            throw new ArgumentException($"{meta.Name}'s key has {fields.Count} field(s) ({string.Join(", ", fields)}), but {keyValues.Length} value(s) were given.", nameof(keyValues));
        }
        var values = fields.Select((f, i) => KeyValue(meta, f, keyValues[i])).ToArray();
        return (T?)await _engine.GetAsync(meta, new StorageKey(values), cancellationToken).ConfigureAwait(false);
    }

    private static FieldValue KeyValue(ModelMetadata meta, string field, object? value)
    {
        try
        {
            return meta.Codec.ConvertValue(field, value);
        }
        catch (InvalidCastException)
        {
            var type = meta.GetField(field).TypeName;
            throw new ArgumentException($"{meta.Name}.{field} is a {type} key; a {value?.GetType().Name ?? "null"} value was given.");
        }
    }

    /// <summary>Loads the children of a <c>@hasMany</c> navigation (e.g. <c>post.Comments</c>).</summary>
    public Task<IReadOnlyList<TChild>> QueryAsync<TChild>(HasMany<TChild> navigation, QueryOptions? options = null, CancellationToken cancellationToken = default) where TChild : class, IModel<TChild>
    {
        ArgumentNullException.ThrowIfNull(navigation);
        return QueryAsync(navigation.Predicate, options, cancellationToken);
    }

    /// <summary>Loads the child of a <c>@hasOne</c> navigation, or null.</summary>
    public async Task<TChild?> QueryAsync<TChild>(HasOne<TChild> navigation, CancellationToken cancellationToken = default) where TChild : class, IModel<TChild>
    {
        ArgumentNullException.ThrowIfNull(navigation);
        if (navigation.IsEmpty) return null;
        var items = await QueryAsync(navigation.Predicate, null, cancellationToken).ConfigureAwait(false);
        return items.Count > 0 ? items[0] : null;
    }

    // ---------------------------------------------------------------- deletes

    /// <summary>
    /// Deletes <paramref name="model"/> (by key) and, through <c>@hasMany</c>/<c>@hasOne</c>, its children (many-to-many
    /// join rows are not cascaded). Returns false when no such item was stored.
    /// </summary>
    public Task<bool> DeleteAsync<T>(T model, CancellationToken cancellationToken = default) where T : class, IModel<T>
        => DeleteCoreAsync(model, null, cancellationToken);

    /// <summary>Deletes <paramref name="model"/> only if the stored item matches <paramref name="condition"/>; otherwise throws <see cref="ConditionalCheckFailedException"/>.</summary>
    /// <exception cref="ArgumentException">The outbox is on and the condition cannot be sent as AppSync's condition input;
    /// the message names the field and operator.</exception>
    public Task<bool> DeleteAsync<T>(T model, Predicate<T> condition, CancellationToken cancellationToken = default) where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(condition);
        return DeleteCoreAsync(model, condition.Node, cancellationToken);
    }

    private async Task<bool> DeleteCoreAsync<T>(T model, PredicateNode? condition, CancellationToken cancellationToken) where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        ThrowIfDisposed();
        var meta = Meta<T>();
        EnsureSendable(meta, condition);
        var deleted = await _engine.DeleteAsync(meta, StorageKey.Of(meta, model), condition, cancellationToken).ConfigureAwait(false);
        return deleted.Count > 0;
    }

    /// <summary>
    /// Refuses, before anything is stored or checked, a condition that will go to AppSync (outbox on, syncable model) but
    /// that its condition input cannot express: found at the write, not later when the outbox is sent.
    /// </summary>
    private void EnsureSendable(ModelMetadata model, PredicateNode? condition)
    {
        if (condition is null || !_engine.OutboxEnabled || !model.IsSyncable) return;
        AppSyncConditionWriter.ToJson(model, condition);
    }

    /// <summary>Deletes every item matching <paramref name="predicate"/> (<c>Predicate&lt;T&gt;.All</c> deletes all), with cascades; returns the matched items.</summary>
    public async Task<IReadOnlyList<T>> DeleteAsync<T>(Predicate<T> predicate, CancellationToken cancellationToken = default) where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ThrowIfDisposed();
        var meta = Meta<T>();
        var deleted = await _engine.DeleteWhereAsync(meta, predicate.Node, cancellationToken).ConfigureAwait(false);
        return deleted.Where(c => ReferenceEquals(c.Model, meta)).Select(c => (T)c.Element).ToArray();
    }

    /// <summary>Deletes every item matching a LINQ-style predicate (translated like <c>QueryAsync</c>'s), with cascades.</summary>
    public Task<IReadOnlyList<T>> DeleteAsync<T>(Expression<Func<T, bool>> predicate, CancellationToken cancellationToken = default) where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return DeleteAsync(PredicateTranslator.Translate(predicate, _engine.Schema), cancellationToken);
    }

    /// <summary>
    /// Deletes every item of every model, the outbox, failed mutations and sync state (sign-out). With sync, it stops
    /// syncing first; call <see cref="StartAsync"/> to sync again (a base sync).
    /// </summary>
    public Task ClearAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return _sync is { } sync
            ? sync.StopAndRunAsync(() => _engine.ClearAsync(cancellationToken), cancellationToken)
            : _engine.ClearAsync(cancellationToken);
    }

    // ---------------------------------------------------------------- observe

    /// <summary>
    /// Changes to <typeparamref name="T"/> items (optionally only those matching <paramref name="predicate"/>) as they
    /// commit. Observers run on their own queue: they never block writers, and one that throws is logged and kept.
    /// </summary>
    public DataStoreObservable<ModelChange<T>> Observe<T>(Predicate<T>? predicate = null) where T : class, IModel<T>
    {
        ThrowIfDisposed();
        var meta = Meta<T>();
        var filter = ObserveFilter(meta, predicate);
        return new ChangeObservable<T>(_engine, _logger, meta, filter);
    }

    /// <summary>Changes matching a LINQ-style predicate (translated like <c>QueryAsync</c>'s).</summary>
    public DataStoreObservable<ModelChange<T>> Observe<T>(Expression<Func<T, bool>> predicate) where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Observe(PredicateTranslator.Translate(predicate, _engine.Schema));
    }

    /// <summary>The same stream as <see cref="Observe{T}(Predicate{T})"/>, as an async sequence that ends when <paramref name="cancellationToken"/> fires or the store closes.</summary>
    public IAsyncEnumerable<ModelChange<T>> ObserveAsync<T>(CancellationToken cancellationToken = default) where T : class, IModel<T>
        => ObserveAsync<T>(null, cancellationToken);

    /// <summary>Changes matching <paramref name="predicate"/>, as an async sequence.</summary>
    public IAsyncEnumerable<ModelChange<T>> ObserveAsync<T>(Predicate<T>? predicate, CancellationToken cancellationToken = default) where T : class, IModel<T>
    {
        ThrowIfDisposed();
        var meta = Meta<T>();
        return ObserveAsyncCore<T>(meta, ObserveFilter(meta, predicate), cancellationToken);
    }

    private async IAsyncEnumerable<ModelChange<T>> ObserveAsyncCore<T>(ModelMetadata meta, PredicateNode filter, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class, IModel<T>
    {
        var queue = Channel.CreateUnbounded<ModelChange<T>>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = _engine.Changes.Subscribe(meta, change =>
        {
            if (filter is MatchAll || PredicateEvaluator.Matches(meta, change.Element, filter))
            {
                queue.Writer.TryWrite(new ModelChange<T>(meta, change.OpType, (T)change.Element) { Origin = change.Origin });
            }
        }, () => queue.Writer.TryComplete());
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
        while (true)
        {
            ModelChange<T> next;
            try
            {
                if (!await queue.Reader.WaitToReadAsync(linked.Token).ConfigureAwait(false)) yield break;
                if (!queue.Reader.TryRead(out next!)) continue;
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            yield return next;
        }
    }

    /// <summary>
    /// A live query: first the items matching <paramref name="predicate"/>, then an updated snapshot as changes
    /// commit, batched (at most every 2 s or after 1000 changes by default; see
    /// <see cref="DataStoreOptionsBuilder.ConfigureObserveQuery"/>). Sorted by <paramref name="sort"/> (else by key).
    /// </summary>
    public DataStoreObservable<QuerySnapshot<T>> ObserveQuery<T>(Predicate<T>? predicate = null, Sorting.SortOrder<T>? sort = null) where T : class, IModel<T>
    {
        ThrowIfDisposed();
        var meta = Meta<T>();
        var filter = ObserveFilter(meta, predicate);
        return new QuerySnapshotObservable<T>(_engine, _logger, _closing.Token, meta, filter, sort, _observeQueryMaxWait, _observeQueryMaxChanges);
    }

    private static PredicateNode ObserveFilter<T>(ModelMetadata meta, Predicate<T>? predicate) where T : class, IModel<T>
    {
        var node = predicate?.Node ?? MatchAll.Instance;
        if (NestedPredicateResolver.HasNestedPaths(node))
        {
            throw new NotSupportedException($"Observe filters on {meta.Name} support the model's own fields; '{node}' goes through a related model. Filter on the foreign-key field instead.");
        }
        return node;
    }

    internal StorageEngine Engine => _engine;

    internal SyncEngine? SyncEngine => _sync;

    internal ILogger Logger => _logger;

    internal CancellationToken Closing => _closing.Token;

    // ---------------------------------------------------------------- lifecycle

    /// <summary>Completes observers, flushes pending writes and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        if (_sync is not null) await _sync.DisposeAsync().ConfigureAwait(false);
        _closing.Cancel();
        _engine.Changes.Close();
        await _engine.DisposeAsync().ConfigureAwait(false);
        _events.Close();
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    private ModelMetadata Meta<T>() where T : class, IModel<T>
    {
        var meta = T.Metadata;
        if (!ReferenceEquals(_engine.Schema.FindModel(meta.Name), meta))
        {
            throw new ArgumentException($"{typeof(T).FullName} is not a model of the schema this store was opened with (version {_engine.Schema.Version}).");
        }
        return meta;
    }
}
