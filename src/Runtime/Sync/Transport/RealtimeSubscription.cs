using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Amplify.DataStore.Sync.Transport;

/// <summary>
/// One started subscription of an <see cref="AppSyncRealtimeConnection"/>: its events (each <c>data</c> payload's
/// <c>data</c> object) in arrival order, and how it ended (stopped, the server's <c>error</c>, or the connection lost).
/// </summary>
internal sealed class RealtimeSubscription
{
    private readonly AppSyncRealtimeConnection _connection;
    private readonly TaskCompletionSource _acknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Unbounded: events are small and the engine applies them as they come; a slow consumer must not lose any.
    private readonly Channel<JsonObject> _events = Channel.CreateUnbounded<JsonObject>(new UnboundedChannelOptions { SingleReader = true });

    internal RealtimeSubscription(string id, AppSyncRealtimeConnection connection)
    {
        Id = id;
        _connection = connection;
    }

    /// <summary>The subscription's id on the connection.</summary>
    public string Id { get; }

    /// <summary>The events, until the subscription ends (then the reader completes, with the failure if it failed).</summary>
    public ChannelReader<JsonObject> Events => _events.Reader;

    /// <summary>Completes when the subscription has ended; faults with an <see cref="AppSyncException"/> when it failed.</summary>
    public Task Completion => _completion.Task;

    internal Task Acknowledged => _acknowledged.Task;

    /// <summary>Stops the subscription and waits for the server's <c>complete</c>.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _connection.StopAsync(this, cancellationToken);

    internal void Acknowledge() => _acknowledged.TrySetResult();

    internal void Publish(JsonObject data) => _events.Writer.TryWrite(data);

    internal void Fail(Exception error)
    {
        _acknowledged.TrySetException(error);
        Complete(error);
    }

    internal void Complete(Exception? error)
    {
        // A subscription that ends before its start_ack fails its SubscribeAsync too.
        if (error is not null) _acknowledged.TrySetException(error);
        else _acknowledged.TrySetCanceled();
        _events.Writer.TryComplete(error);
        if (error is null) _completion.TrySetResult();
        else _completion.TrySetException(error);
    }
}
