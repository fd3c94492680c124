using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Amplify.DataStore.Engine;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Predicates;
using Amplify.DataStore.Predicates.Evaluation;
using Amplify.DataStore.Sorting;
using Amplify.DataStore.Storage;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.Observation;

/// <summary>
/// <c>store.ObserveQuery</c>: an initial snapshot, then a new snapshot whenever changes are pending and either the
/// batch size is reached or the wait since the first pending change has elapsed (amplify-js semantics).
/// </summary>
/// <typeparam name="T">The model type.</typeparam>
internal sealed class QuerySnapshotObservable<T> : DataStoreObservable<QuerySnapshot<T>>
    where T : class, IModel<T>
{
    private readonly StorageEngine _engine;
    private readonly ILogger _logger;
    private readonly CancellationToken _closing;
    private readonly ModelMetadata _model;
    private readonly PredicateNode _filter;
    private readonly SortOrder<T>? _sort;
    private readonly TimeSpan _maxWait;
    private readonly int _maxChanges;

    // The storage engine and what the store's lifetime gives (its logger, its closing token), not the DataStore:
    // observation sits above the engine and needs nothing of the API layer.
    internal QuerySnapshotObservable(StorageEngine engine, ILogger logger, CancellationToken closing, ModelMetadata model, PredicateNode filter, SortOrder<T>? sort, TimeSpan maxWait, int maxChanges)
    {
        _engine = engine;
        _logger = logger;
        _closing = closing;
        _model = model;
        _filter = filter;
        _sort = sort;
        _maxWait = maxWait;
        _maxChanges = maxChanges;
    }

    /// <inheritdoc/>
    public override IDisposable Subscribe(IObserver<QuerySnapshot<T>> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var run = new Run(this, observer);
        run.Start();
        return run;
    }

    private sealed class Run : IDisposable
    {
        private readonly QuerySnapshotObservable<T> _owner;
        private readonly IObserver<QuerySnapshot<T>> _observer;
        private readonly Channel<StoredChange> _changes = Channel.CreateUnbounded<StoredChange>(new UnboundedChannelOptions { SingleReader = true });
        private readonly CancellationTokenSource _stop;
        private IDisposable? _subscription;

        // Queued like a change so that "the model is now synced" is reported in order with the changes the sync applied.
        private static readonly object s_syncedMarker = new();

        public Run(QuerySnapshotObservable<T> owner, IObserver<QuerySnapshot<T>> observer)
        {
            _owner = owner;
            _observer = observer;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(owner._closing);
        }

        public void Start()
        {
            // Subscribe before the initial query so no change committed in between is missed.
            _subscription = _owner._engine.Changes.Subscribe(_owner._model, c => _changes.Writer.TryWrite(c), () => _changes.Writer.TryComplete());
            _owner._engine.ModelSynced += OnModelSynced;
            _ = Task.Run(LoopAsync);
        }

        private async Task LoopAsync()
        {
            var model = _owner._model;
            var comparer = ItemComparer.Create(model, _owner._sort?.Clauses);
            var items = new Dictionary<StorageKey, object>();
            try
            {
                var initial = await _owner._engine.QueryAsync(model, _owner._filter, null, 0, null, _stop.Token).ConfigureAwait(false);
                foreach (var item in initial) items[StorageKey.Of(model, item)] = item;
                Emit(items, comparer);

                var reader = _changes.Reader;
                while (true)
                {
                    if (!await reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false)) break;
                    int pending = 0;
                    using var window = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                    window.CancelAfter(_owner._maxWait);
                    try
                    {
                        while (pending < _owner._maxChanges)
                        {
                            while (pending < _owner._maxChanges && reader.TryRead(out var change))
                            {
                                Apply(items, change);
                                pending++;
                            }
                            if (pending >= _owner._maxChanges) break;
                            if (!await reader.WaitToReadAsync(window.Token).ConfigureAwait(false)) break;
                        }
                    }
                    catch (OperationCanceledException) when (!_stop.IsCancellationRequested)
                    {
                        // The batch window elapsed: emit what is pending.
                    }
                    Emit(items, comparer);
                }
                _observer.OnCompleted();
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                if (_owner._closing.IsCancellationRequested) SafeComplete();
            }
            catch (Exception ex)
            {
                _owner._logger.LogWarning(ex, "ObserveQuery on {Model} failed.", model.Name);
                try { _observer.OnError(ex); } catch (Exception inner) { _owner._logger.LogWarning(inner, "An ObserveQuery observer threw from OnError."); }
            }
        }

        private void OnModelSynced(ModelMetadata model)
        {
            if (ReferenceEquals(model, _owner._model)) _changes.Writer.TryWrite(new StoredChange(model, OpType.Update, s_syncedMarker, ChangeOrigin.Remote));
        }

        private void Apply(Dictionary<StorageKey, object> items, StoredChange change)
        {
            if (ReferenceEquals(change.Element, s_syncedMarker)) return;
            var key = StorageKey.Of(_owner._model, change.Element);
            if (change.OpType != OpType.Delete && (_owner._filter is MatchAll || PredicateEvaluator.Matches(_owner._model, change.Element, _owner._filter)))
            {
                items[key] = change.Element;
            }
            else
            {
                items.Remove(key);
            }
        }

        private void Emit(Dictionary<StorageKey, object> items, IComparer<object> comparer)
        {
            var snapshot = items.Values.OrderBy(x => x, comparer).Cast<T>().ToArray();
            try
            {
                _observer.OnNext(new QuerySnapshot<T>(snapshot, IsSynced: _owner._engine.IsSynced(_owner._model)));
            }
            catch (Exception ex)
            {
                _owner._logger.LogWarning(ex, "An ObserveQuery observer threw; the store keeps running.");
            }
        }

        private void SafeComplete()
        {
            try { _observer.OnCompleted(); } catch (Exception ex) { _owner._logger.LogWarning(ex, "An ObserveQuery observer threw from OnCompleted."); }
        }

        public void Dispose()
        {
            _owner._engine.ModelSynced -= OnModelSynced;
            _subscription?.Dispose();
            try { _stop.Cancel(); } catch (ObjectDisposedException) { }
        }
    }
}
