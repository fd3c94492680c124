using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.LocalBackend.Realtime;

/// <summary>
/// Fans accepted mutations out to subscriptions. Publishing only enqueues, so a mutation's response never waits for
/// subscribers; one dispatcher delivers events in publish order.
/// </summary>
internal sealed class MutationEventBus : IAsyncDisposable
{
    private const int ParallelFanOutThreshold = 16;
    private static readonly ParallelOptions s_fanOut = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };
    private readonly Channel<MutationEvent> _queue = Channel.CreateUnbounded<MutationEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ILogger _logger;
    private readonly Task _dispatcher;
    private ImmutableArray<Subscriber> _subscribers = ImmutableArray<Subscriber>.Empty;

    public MutationEventBus(ILogger logger)
    {
        _logger = logger;
        _dispatcher = Task.Run(DispatchAsync);
    }

    /// <summary>Queues an event for delivery.</summary>
    public void Publish(MutationEvent mutationEvent) => _queue.Writer.TryWrite(mutationEvent);

    /// <summary>Adds a subscriber; dispose the result to remove it.</summary>
    public IDisposable Subscribe(Func<MutationEvent, bool> accepts, IObserver<object?> observer)
    {
        var subscriber = new Subscriber(accepts, observer);
        ImmutableInterlocked.Update(ref _subscribers, s => s.Add(subscriber));
        return new Removal(this, subscriber);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _dispatcher.ConfigureAwait(false);
        foreach (var subscriber in _subscribers) subscriber.Observer.OnCompleted();
    }

    private async Task DispatchAsync()
    {
        await foreach (var mutationEvent in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var subscribers = _subscribers;
            if (subscribers.Length < ParallelFanOutThreshold)
            {
                foreach (var subscriber in subscribers) Deliver(subscriber, mutationEvent);
                continue;
            }
            // Many subscribers: spread one event over the cores, and finish it before the next event starts, so each
            // subscriber still sees events in publish order.
            Parallel.ForEach(subscribers, s_fanOut, subscriber => Deliver(subscriber, mutationEvent));
        }
    }

    private void Deliver(Subscriber subscriber, MutationEvent mutationEvent)
    {
        try
        {
            if (subscriber.Accepts(mutationEvent)) subscriber.Observer.OnNext(mutationEvent);
        }
        catch (Exception ex)
        {
            // One broken subscriber must not stop delivery to the others.
            _logger.LogWarning(ex, "A subscription failed to take an event for {Mutation}.", mutationEvent.Mutation);
        }
    }

    private sealed record Subscriber(Func<MutationEvent, bool> Accepts, IObserver<object?> Observer);

    private sealed class Removal(MutationEventBus bus, Subscriber subscriber) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) ImmutableInterlocked.Update(ref bus._subscribers, s => s.Remove(subscriber));
        }
    }
}
