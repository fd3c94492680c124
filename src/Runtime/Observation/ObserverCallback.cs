using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.Observation;

/// <summary>
/// Delivers items to one callback on its own queue and task, so a slow or throwing observer never blocks a writer
/// or another observer. Exceptions thrown by the callback are logged and swallowed.
/// </summary>
internal sealed class ObserverCallback<TItem> : IDisposable
{
    private readonly Channel<TItem> _queue = Channel.CreateUnbounded<TItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<TItem> _onNext;
    private readonly Action? _onCompleted;
    private readonly ILogger _logger;
    private readonly Task _pump;
    private int _completed;

    public ObserverCallback(Action<TItem> onNext, Action? onCompleted, ILogger logger)
    {
        _onNext = onNext;
        _onCompleted = onCompleted;
        _logger = logger;
        _pump = Task.Run(PumpAsync);
    }

    public bool Post(TItem item) => _queue.Writer.TryWrite(item);

    /// <summary>Stops delivery after the queued items; <paramref name="notify"/> calls OnCompleted.</summary>
    public void Complete(bool notify)
    {
        if (Interlocked.Exchange(ref _completed, notify ? 2 : 1) == 0) _queue.Writer.TryComplete();
    }

    public void Dispose() => Complete(notify: false);

    public Task Completion => _pump;

    private async Task PumpAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                if (Volatile.Read(ref _completed) == 1) return; // unsubscribed: drop the rest
                try
                {
                    _onNext(item);
                }
                catch (Exception ex)
                {
                    _logger.LogWarning(ex, "A DataStore observer threw; the store keeps running and the observer stays subscribed.");
                }
            }
        }
        if (Volatile.Read(ref _completed) == 2)
        {
            try
            {
                _onCompleted?.Invoke();
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "A DataStore observer threw from OnCompleted.");
            }
        }
    }
}
