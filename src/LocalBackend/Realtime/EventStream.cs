using System;

namespace Amplify.DataStore.LocalBackend.Realtime;

/// <summary>
/// The source stream of one subscription field: the bus's events that pass <paramref name="accepts"/>, each handed to
/// GraphQL.NET as <paramref name="payload"/> makes it for this subscriber (the published payload with the fields the
/// subscriber may not read withheld), so the subscription's own selection set is applied to it.
/// </summary>
internal sealed class EventStream(MutationEventBus bus, Func<MutationEvent, bool> accepts, Func<MutationEvent, object?> payload) : IObservable<object?>
{
    public IDisposable Subscribe(IObserver<object?> observer) => bus.Subscribe(accepts, new PayloadObserver(observer, payload));

    private sealed class PayloadObserver(IObserver<object?> inner, Func<MutationEvent, object?> payload) : IObserver<object?>
    {
        public void OnCompleted() => inner.OnCompleted();

        public void OnError(Exception error) => inner.OnError(error);

        public void OnNext(object? value) => inner.OnNext(value is MutationEvent e ? payload(e) : value);
    }
}
