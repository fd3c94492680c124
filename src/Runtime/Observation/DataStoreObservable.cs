using System;

namespace Amplify.DataStore.Observation;

/// <summary>
/// An observable with <c>Subscribe(Action)</c> overloads built in, so <c>store.Observe&lt;Post&gt;().Subscribe(msg =&gt; …)</c>
/// works without System.Reactive (and, as instance methods, does not clash with its extension methods).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public abstract class DataStoreObservable<T> : IObservable<T>
{
    private protected DataStoreObservable()
    {
    }

    /// <inheritdoc/>
    public abstract IDisposable Subscribe(IObserver<T> observer);

    /// <summary>Subscribes with a callback; dispose the result to stop.</summary>
    public IDisposable Subscribe(Action<T> onNext) => Subscribe(new ActionObserver(onNext, null, null));

    /// <summary>Subscribes with callbacks for items, an error and completion; dispose the result to stop.</summary>
    public IDisposable Subscribe(Action<T> onNext, Action<Exception>? onError, Action? onCompleted = null)
        => Subscribe(new ActionObserver(onNext, onError, onCompleted));

    private sealed class ActionObserver : IObserver<T>
    {
        private readonly Action<T> _onNext;
        private readonly Action<Exception>? _onError;
        private readonly Action? _onCompleted;

        public ActionObserver(Action<T> onNext, Action<Exception>? onError, Action? onCompleted)
        {
            _onNext = onNext ?? throw new ArgumentNullException(nameof(onNext));
            _onError = onError;
            _onCompleted = onCompleted;
        }

        public void OnNext(T value) => _onNext(value);

        public void OnError(Exception error) => _onError?.Invoke(error);

        public void OnCompleted() => _onCompleted?.Invoke();
    }
}
