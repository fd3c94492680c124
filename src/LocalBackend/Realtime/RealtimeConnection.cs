using System.Collections.Generic;
using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Amplify.DataStore.LocalBackend.Api;
using Amplify.DataStore.LocalBackend.Auth;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.LocalBackend.Realtime;

/// <summary>
/// One realtime WebSocket after the handshake: <c>connection_init</c> → <c>connection_ack</c>, periodic <c>ka</c>,
/// <c>start</c> → <c>start_ack</c> → <c>data</c>…, <c>stop</c> → <c>complete</c>. One sender loop writes every frame,
/// so frames never interleave; events for one subscription keep their order. The frames waiting for the sender are
/// bounded (<see cref="LocalBackendOptions.MaxSendQueueBytes"/>, <see cref="LocalBackendOptions.MaxSendQueueFrames"/>):
/// a client that falls that far behind gets an error frame and is disconnected, so it cannot grow the server's memory.
/// </summary>
internal sealed class RealtimeConnection
{
    /// <summary>AppSync's per-connection subscription limit.</summary>
    public const int MaxSubscriptions = 100;

    /// <summary>AppSync's subscription payload limit (240 KB); larger events are not delivered.</summary>
    public const int MaxPayloadBytes = 240 * 1024;

    private const int MaxIncomingMessageBytes = 1024 * 1024;

    /// <summary>
    /// How long a dropped slow client has to read what is in flight, its error frame and the close before the socket is
    /// aborted. Its queue is freed at once, so the grace costs no memory.
    /// </summary>
    private static readonly TimeSpan SlowClientGrace = TimeSpan.FromSeconds(10);

    /// <summary>The close frame's description when the server shuts down.</summary>
    public const string ShutdownDescription = "The server is shutting down.";

    /// <summary>How long a client has to answer the shutdown close frame before its socket is cut off.</summary>
    private static readonly TimeSpan ShutdownCloseGrace = TimeSpan.FromSeconds(2);

    private readonly WebSocket _socket;
    private readonly SubscriptionGroups _groups;
    private readonly GraphQLApi _api;
    private readonly RequestAuthenticator _authenticator;
    private readonly LocalBackendOptions _options;
    private readonly ILogger _logger;
    // Not single-reader: an overflow empties the queue while the sender may be blocked on a client that does not read.
    private readonly Channel<byte[]> _outbound = Channel.CreateUnbounded<byte[]>();
    private readonly ConcurrentDictionary<string, IDisposable> _subscriptions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _slowClient = new();
    private long _queuedBytes;
    private int _queuedFrames;
    private int _overflowed;
    private bool _initialized;

    public RealtimeConnection(WebSocket socket, GraphQLApi api, RequestAuthenticator authenticator, SubscriptionGroups groups, LocalBackendOptions options, ILogger logger)
    {
        _groups = groups;
        _socket = socket;
        _api = api;
        _authenticator = authenticator;
        _options = options;
        _logger = logger;
    }

    // Subscriptions joined to their event source but not yet acknowledged: their events wait here, so that none published
    // between the join and start_ack is lost and none is sent before start_ack.
    private readonly Dictionary<string, List<string>> _awaitingAck = new(StringComparer.Ordinal);

    /// <summary>Queues an event frame of subscription <paramref name="id"/> (after its start_ack, holding it until then).</summary>
    public void SendData(string id, string frame)
    {
        lock (_awaitingAck)
        {
            if (_awaitingAck.TryGetValue(id, out var held))
            {
                held.Add(frame);
                return;
            }
        }
        Send(frame);
    }

    /// <summary>Queues a frame; when the queue is over its bounds, drops the client instead.</summary>
    public void Send(string frame)
    {
        if (Volatile.Read(ref _overflowed) == 1) return;
        var bytes = Encoding.UTF8.GetBytes(frame);
        var frames = Interlocked.Increment(ref _queuedFrames);
        var queued = Interlocked.Add(ref _queuedBytes, bytes.Length);
        if (frames > _options.MaxSendQueueFrames || queued > _options.MaxSendQueueBytes)
        {
            Dequeued(bytes);
            Overflow(queued, frames);
            return;
        }
        if (!_outbound.Writer.TryWrite(bytes)) Dequeued(bytes);
    }

    private void Dequeued(byte[] frame)
    {
        Interlocked.Add(ref _queuedBytes, -frame.Length);
        Interlocked.Decrement(ref _queuedFrames);
    }

    /// <summary>The client reads too slowly: free its queue, send it an error frame, close it (abort after a grace period).</summary>
    private void Overflow(long queuedBytes, int queuedFrames)
    {
        if (Interlocked.Exchange(ref _overflowed, 1) == 1) return;
        _logger.LogWarning("Realtime client dropped: {Frames} frames / {Bytes} bytes waiting to be sent exceed the send queue bounds ({MaxFrames} frames / {MaxBytes} bytes).",
            queuedFrames, queuedBytes, _options.MaxSendQueueFrames, _options.MaxSendQueueBytes);
        while (_outbound.Reader.TryRead(out var dropped)) Dequeued(dropped);
        var error = RealtimeFrames.Error(null, "LimitExceededError",
            $"The client reads too slowly: more than {_options.MaxSendQueueFrames} frames or {_options.MaxSendQueueBytes} bytes waited to be sent, so the connection is closed.");
        var errorBytes = Encoding.UTF8.GetBytes(error);
        Interlocked.Increment(ref _queuedFrames);
        Interlocked.Add(ref _queuedBytes, errorBytes.Length);
        _outbound.Writer.TryWrite(errorBytes);
        _outbound.Writer.TryComplete();
        _slowClient.CancelAfter(SlowClientGrace);
    }

    /// <summary>
    /// Serves the connection until the client closes it, the connection drops (<paramref name="aborted"/>), or the
    /// server shuts down (<paramref name="stopping"/>): then the frames already queued go out, then a close frame
    /// (1001), and the client gets <see cref="ShutdownCloseGrace"/> to answer it.
    /// </summary>
    public async Task RunAsync(CancellationToken aborted, CancellationToken stopping)
    {
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(aborted, _slowClient.Token);
        var sender = SendLoopAsync(lifetime.Token);
        var initTimeout = InitTimeoutAsync(lifetime.Token);
        var shutdown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStopping = stopping.Register(() => shutdown.TrySetResult());
        // Cancelling a pending receive would abort the socket without a close frame, so a shutdown leaves the receive
        // loop running: it ends when the client answers the close frame.
        var receiver = ReceiveLoopAsync(lifetime.Token);
        try
        {
            if (await Task.WhenAny(receiver, shutdown.Task).ConfigureAwait(false) == shutdown.Task)
            {
                await CloseForShutdownAsync(sender, lifetime).ConfigureAwait(false);
            }
            await receiver.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // the client went away or the server is stopping
        }
        finally
        {
            foreach (var subscription in _subscriptions.Values) subscription.Dispose();
            _subscriptions.Clear();
            _outbound.Writer.TryComplete();
            await lifetime.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(Quietly(sender), Quietly(initTimeout)).ConfigureAwait(false);
            while (_outbound.Reader.TryRead(out var unsent)) Dequeued(unsent);
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                try
                {
                    using var closeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, closeTimeout.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
                {
                }
            }
        }
    }

    private async Task CloseForShutdownAsync(Task sender, CancellationTokenSource lifetime)
    {
        // The whole goodbye (queued frames, close frame, the client's answer) gets one grace period; a slow or silent
        // client is then cut off, so it cannot hold the shutdown up.
        lifetime.CancelAfter(ShutdownCloseGrace);
        foreach (var subscription in _subscriptions.Values) subscription.Dispose();
        _outbound.Writer.TryComplete();
        await Quietly(sender).ConfigureAwait(false); // one sender at a time: the close frame goes after the queued frames
        try
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, ShutdownDescription, lifetime.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // the connection is already gone (or closing from the client's side)
        }
    }

    /// <summary>Sends a last frame and closes (handshake failures).</summary>
    public async Task RejectAsync(string frame, CancellationToken cancellationToken)
    {
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        // After a shutdown close frame (CloseSent) keep reading for the client's answer, ignoring anything before it.
        while (_socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            var received = await _socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (received.MessageType == WebSocketMessageType.Close) return;
            if (_socket.State != WebSocketState.Open) continue;
            if (message.Length + received.Count > MaxIncomingMessageBytes)
            {
                Send(RealtimeFrames.Error(null, "BadRequestException", $"Message exceeds {MaxIncomingMessageBytes} bytes."));
                message.SetLength(0);
                while (!received.EndOfMessage) received = await _socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
                continue;
            }
            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage) continue;
            var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            message.SetLength(0);
            await HandleAsync(text, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(string text, CancellationToken cancellationToken)
    {
        JsonNode? frame;
        try
        {
            frame = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            frame = null;
        }
        if (frame is not JsonObject obj || obj["type"] is not JsonValue typeValue || !typeValue.TryGetValue<string>(out var type))
        {
            Send(RealtimeFrames.Error(null, "BadRequestException", "Unable to parse the message: a JSON object with a \"type\" is required."));
            return;
        }
        var id = obj["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var s) ? s : null;
        switch (type)
        {
            case "connection_init":
                if (_initialized) return;
                _initialized = true;
                Send(RealtimeFrames.ConnectionAck((long)_options.ConnectionTimeout.TotalMilliseconds));
                Send(RealtimeFrames.KeepAlive());
                _ = KeepAliveLoopAsync(cancellationToken);
                return;
            case "start" when _initialized:
                await StartAsync(id, obj["payload"] as JsonObject, cancellationToken).ConfigureAwait(false);
                return;
            case "stop" when _initialized:
                if (id is not null && _subscriptions.TryRemove(id, out var subscription))
                {
                    subscription.Dispose();
                    Send(RealtimeFrames.Complete(id));
                }
                return;
            case "start" or "stop":
                return; // messages before connection_init are ignored, as AppSync documents
            default:
                Send(RealtimeFrames.Error(id, "UnsupportedOperation", $"{type} not supported through the realtime channel"));
                return;
        }
    }

    private async Task StartAsync(string? id, JsonObject? payload, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id))
        {
            Send(RealtimeFrames.Error(null, "BadRequestException", "A start message needs an id."));
            return;
        }
        if (payload?["data"] is not JsonValue dataValue || !dataValue.TryGetValue<string>(out var data))
        {
            Send(RealtimeFrames.Error(id, "UnsupportedOperation", "unknown not supported through the realtime channel"));
            return;
        }
        if (_subscriptions.ContainsKey(id))
        {
            Send(RealtimeFrames.Error(id, "DuplicatedOperationError", $"Duplicate subscription ID: {id}"));
            return;
        }
        if (_subscriptions.Count >= MaxSubscriptions)
        {
            Send(RealtimeFrames.Error(id, "MaxSubscriptionsReachedError", $"Max number of {MaxSubscriptions} subscriptions reached"));
            return;
        }

        var header = payload["extensions"]?["authorization"] is JsonObject auth
            ? RealtimeAuthHeader.FromJson(JsonSerializer.SerializeToElement(auth))
            : null;
        var (identity, authError) = await _authenticator.AuthenticateAsync(header?.ApiKey, header?.Authorization).ConfigureAwait(false);
        if (identity is null)
        {
            Send(RealtimeFrames.Error(id, "UnauthorizedException", authError!));
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = _api.Serializer.Deserialize<GraphQLRequest>(data);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException or FormatException)
        {
            request = null;
        }
        if (request is null || string.IsNullOrWhiteSpace(request.Query))
        {
            Send(RealtimeFrames.Error(id, "BadRequestException", "Unable to parse the subscription request in payload.data."));
            return;
        }

        // Limits and the operation type are checked before anything executes: a query or mutation sent as a start
        // must not read or write data.
        var prepared = _api.Prepare(request.Query, request.Variables, request.OperationName);
        if (prepared.Rejection is { } rejection)
        {
            Send(RealtimeFrames.Error(id, (JsonArray)_api.ToJson(rejection)["errors"]!.DeepClone()));
            return;
        }
        if (prepared.Operation is { Operation: not GraphQLParser.AST.OperationType.Subscription } operation)
        {
            Send(RealtimeFrames.Error(id, "UnsupportedOperation", $"{operation.Operation.ToString().ToLowerInvariant()} not supported through the realtime channel"));
            return;
        }
        var result = await _api.ExecuteAsync(prepared, request.Variables, request.OperationName, identity, cancellationToken).ConfigureAwait(false);
        if (result.Errors is { Count: > 0 })
        {
            Send(RealtimeFrames.Error(id, (JsonArray)_api.ToJson(result)["errors"]!.DeepClone()));
            return;
        }
        if (result.Streams is not { Count: 1 } streams)
        {
            Send(RealtimeFrames.Error(id, "UnsupportedOperation", "unknown not supported through the realtime channel"));
            return;
        }

        var reservation = new Reservation();
        if (!_subscriptions.TryAdd(id, reservation))
        {
            Send(RealtimeFrames.Error(id, "DuplicatedOperationError", $"Duplicate subscription ID: {id}"));
            return;
        }
        // Join the event source before start_ack, holding its events until the ack is queued: every event published after
        // start_ack (and a few just before) reaches the client, and none comes before the ack.
        lock (_awaitingAck) _awaitingAck[id] = new List<string>();
        // Same caller + same document and variables = the same events: share one source stream. Every claim counts for
        // "same caller": each @auth rule may read its own (identityClaim, groupClaim).
        var key = string.Join('\u001f', identity.Mode, JsonSerializer.Serialize(identity.Claims), data);
        reservation.Attach(_groups.Join(key, streams.Values.Single(), this, id));
        lock (_awaitingAck)
        {
            Send(RealtimeFrames.StartAck(id));
            foreach (var frame in _awaitingAck[id]) Send(frame);
            _awaitingAck.Remove(id);
        }
    }

    /// <summary>Holds a subscription id from start_ack until its group membership exists (a stop may come in between).</summary>
    private sealed class Reservation : IDisposable
    {
        private readonly object _sync = new();
        private IDisposable? _membership;
        private bool _disposed;

        public void Attach(IDisposable membership)
        {
            lock (_sync)
            {
                if (_disposed) membership.Dispose();
                else _membership = membership;
            }
        }

        public void Dispose()
        {
            lock (_sync)
            {
                _disposed = true;
                _membership?.Dispose();
            }
        }
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        await foreach (var frame in _outbound.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            Dequeued(frame);
            if (_socket.State != WebSocketState.Open) return;
            await _socket.SendAsync(frame, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
        // The queue completes only on overflow: the error frame went out last. Close our side and let the receive loop
        // end on the client's close (the grace timer aborts a client that never answers); aborting now would reset the
        // connection and discard the error frame before the client reads it.
        if (Volatile.Read(ref _overflowed) == 1 && _socket.State == WebSocketState.Open)
        {
            await _socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, "client too slow", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task KeepAliveLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(_options.KeepAliveInterval);
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false)) Send(RealtimeFrames.KeepAlive());
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task InitTimeoutAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(_options.ConnectionInitTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        if (_initialized) return;
        // Inferred: AppSync closes sockets that never initialize; we say why before closing.
        var frame = RealtimeFrames.ConnectionError("ConnectionInitTimeoutError",
            $"connection_init was not received within {(long)_options.ConnectionInitTimeout.TotalMilliseconds} ms", 408);
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
            await _socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, "connection_init timeout", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }
}
