using System;
using System.Collections.Immutable;
using Amplify.DataStore.Metadata;

namespace Amplify.DataStore.Engine;

/// <summary>One committed change, untyped.</summary>
internal readonly record struct StoredChange(ModelMetadata Model, OpType OpType, object Element, ChangeOrigin Origin = ChangeOrigin.Local);

/// <summary>
/// Fans committed changes out to subscribers. Publishing only enqueues (copy-on-write subscriber list, no locks on
/// the hot path), so writers never wait for observers.
/// </summary>
internal sealed class ChangeHub
{
    private ImmutableArray<Subscription> _subscriptions = ImmutableArray<Subscription>.Empty;
    private readonly object _gate = new();

    public IDisposable Subscribe(ModelMetadata? model, Action<StoredChange> deliver, Action onStoreClosed)
    {
        var subscription = new Subscription(this, model, deliver, onStoreClosed);
        lock (_gate) _subscriptions = _subscriptions.Add(subscription);
        return subscription;
    }

    public void Publish(in StoredChange change)
    {
        foreach (var s in _subscriptions)
        {
            if (s.Model is null || ReferenceEquals(s.Model, change.Model)) s.Deliver(change);
        }
    }

    /// <summary>Tells every subscriber the store closed.</summary>
    public void Close()
    {
        ImmutableArray<Subscription> all;
        lock (_gate)
        {
            all = _subscriptions;
            _subscriptions = ImmutableArray<Subscription>.Empty;
        }
        foreach (var s in all) s.OnStoreClosed();
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate) _subscriptions = _subscriptions.Remove(subscription);
    }

    private sealed class Subscription : IDisposable
    {
        private readonly ChangeHub _hub;

        public Subscription(ChangeHub hub, ModelMetadata? model, Action<StoredChange> deliver, Action onStoreClosed)
        {
            _hub = hub;
            Model = model;
            Deliver = deliver;
            OnStoreClosed = onStoreClosed;
        }

        public ModelMetadata? Model { get; }

        public Action<StoredChange> Deliver { get; }

        public Action OnStoreClosed { get; }

        public void Dispose() => _hub.Remove(this);
    }
}
