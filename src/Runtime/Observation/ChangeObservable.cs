using System;
using Amplify.DataStore.Engine;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Predicates;
using Amplify.DataStore.Predicates.Evaluation;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.Observation;

/// <summary>The changes returned by <c>store.Observe&lt;T&gt;()</c>; each subscriber gets its own delivery queue.</summary>
/// <typeparam name="T">The model type.</typeparam>
internal sealed class ChangeObservable<T> : DataStoreObservable<ModelChange<T>>
    where T : class, IModel<T>
{
    private readonly StorageEngine _engine;
    private readonly ILogger _logger;
    private readonly ModelMetadata _model;
    private readonly PredicateNode _filter;

    // The storage engine, not the DataStore: observation sits above the engine and needs nothing of the API layer.
    internal ChangeObservable(StorageEngine engine, ILogger logger, ModelMetadata model, PredicateNode filter)
    {
        _engine = engine;
        _logger = logger;
        _model = model;
        _filter = filter;
    }

    /// <inheritdoc/>
    public override IDisposable Subscribe(IObserver<ModelChange<T>> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var callback = new ObserverCallback<ModelChange<T>>(observer.OnNext, observer.OnCompleted, _logger);
        var subscription = _engine.Changes.Subscribe(_model, change =>
        {
            if (_filter is MatchAll || PredicateEvaluator.Matches(_model, change.Element, _filter))
            {
                callback.Post(new ModelChange<T>(_model, change.OpType, (T)change.Element) { Origin = change.Origin });
            }
        }, () => callback.Complete(notify: true));
        return new Unsubscriber(subscription, callback);
    }

    private sealed class Unsubscriber : IDisposable
    {
        private readonly IDisposable _subscription;
        private readonly ObserverCallback<ModelChange<T>> _callback;

        public Unsubscriber(IDisposable subscription, ObserverCallback<ModelChange<T>> callback)
        {
            _subscription = subscription;
            _callback = callback;
        }

        public void Dispose()
        {
            _subscription.Dispose();
            _callback.Dispose();
        }
    }
}
