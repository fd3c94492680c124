using System;
using System.Collections.Generic;
using Amplify.DataStore.Events;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.Observation;

/// <summary>
/// The events of <c>store.Events</c>: an observable of <see cref="DataStoreEvent"/>s. State events (ready, local data wiped) are
/// remembered and replayed to late subscribers, so subscribing after <c>OpenAsync</c> still sees them.
/// </summary>
internal sealed class EventHub : DataStoreObservable<DataStoreEvent>
{
    private readonly object _gate = new();
    private readonly List<DataStoreEvent> _replay = new();
    private readonly List<ObserverCallback<DataStoreEvent>> _observers = new();
    private readonly ILogger _logger;
    private bool _closed;

    internal EventHub(ILogger logger) => _logger = logger;

    internal void Raise(DataStoreEvent e, bool replay = false)
    {
        lock (_gate)
        {
            if (replay) _replay.Add(e);
            foreach (var o in _observers) o.Post(e);
        }
    }

    /// <inheritdoc/>
    public override IDisposable Subscribe(IObserver<DataStoreEvent> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var callback = new ObserverCallback<DataStoreEvent>(observer.OnNext, observer.OnCompleted, _logger);
        lock (_gate)
        {
            foreach (var e in _replay) callback.Post(e);
            if (_closed)
            {
                callback.Complete(notify: true);
                return callback;
            }
            _observers.Add(callback);
        }
        return new Unsubscriber(this, callback);
    }

    internal void Close()
    {
        lock (_gate)
        {
            _closed = true;
            foreach (var o in _observers) o.Complete(notify: true);
            _observers.Clear();
        }
    }

    private sealed class Unsubscriber : IDisposable
    {
        private readonly EventHub _hub;
        private readonly ObserverCallback<DataStoreEvent> _callback;

        public Unsubscriber(EventHub hub, ObserverCallback<DataStoreEvent> callback)
        {
            _hub = hub;
            _callback = callback;
        }

        public void Dispose()
        {
            lock (_hub._gate) _hub._observers.Remove(_callback);
            _callback.Dispose();
        }
    }
}
