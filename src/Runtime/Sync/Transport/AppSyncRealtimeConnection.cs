using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Security;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Amplify.DataStore.Sync.Transport;

/// <summary>
/// One WebSocket connection to AppSync's realtime endpoint in AppSync's dialect (subprotocol <c>graphql-ws</c>): the
/// auth headers in the URL, <c>connection_init</c> → <c>connection_ack</c>, a keep-alive watchdog from the server's
/// <c>connectionTimeoutMs</c> (no <c>ka</c> or other frame within it: the connection is lost), and per subscription
/// <c>start</c> → <c>start_ack</c> → <c>data</c>… → <c>stop</c> → <c>complete</c>, or <c>error</c>. When the connection is lost
/// every subscription ends with a <see cref="AppSyncFailureKind.Network"/> failure; reconnecting (and the delta sync that
/// catches up) is the sync engine's job. A message longer than the size limit is not assembled: the connection is closed
/// (<see cref="WebSocketCloseStatus.MessageTooBig"/>) and lost with an <see cref="AppSyncFailureKind.ResponseTooLarge"/> failure.
/// </summary>
internal sealed class AppSyncRealtimeConnection : IAsyncDisposable
{
    private static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(15);

    private readonly ClientWebSocket _socket;
    private readonly Func<string?, CancellationToken, ValueTask<JsonObject>> _authHeaders;
    private readonly Uri _endpoint;
    private readonly int _maxMessageBytes;
    private readonly ConcurrentDictionary<string, RealtimeSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TimeSpan _watchdog;
    private long _lastFrameTicks;
    private Exception? _watchdogFailure;
    private Task _receiver = Task.CompletedTask;

    private AppSyncRealtimeConnection(ClientWebSocket socket, Func<string?, CancellationToken, ValueTask<JsonObject>> authHeaders, Uri endpoint, int maxMessageBytes)
    {
        _socket = socket;
        _authHeaders = authHeaders;
        _endpoint = endpoint;
        _maxMessageBytes = maxMessageBytes;
    }

    /// <summary>Completes when the connection has ended: null when closed by <see cref="DisposeAsync"/>, else why it was lost.</summary>
    public Task<Exception?> Closed => _closed.Task;

    /// <summary>The keep-alive timeout in force (the server's <c>connectionTimeoutMs</c>, unless overridden).</summary>
    public TimeSpan KeepAliveTimeout => _watchdog;

    /// <summary>
    /// Connects, authorizes with <paramref name="authHeaders"/> (the same headers an HTTP request would carry, plus
    /// <c>host</c>), and waits for <c>connection_ack</c>.
    /// </summary>
    /// <param name="config">The endpoints and TLS trust.</param>
    /// <param name="authHeaders">The auth headers for the handshake (payload null) and for each <c>start</c> (its payload: IAM signs
    /// over it), called each time so tokens stay fresh.</param>
    /// <param name="keepAliveTimeout">Overrides the server's <c>connectionTimeoutMs</c> (tests).</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    public static Task<AppSyncRealtimeConnection> ConnectAsync(AmplifyConfig config, Func<string?, CancellationToken, ValueTask<JsonObject>> authHeaders,
        TimeSpan? keepAliveTimeout, CancellationToken cancellationToken)
        => ConnectAsync(config, authHeaders, keepAliveTimeout, AppSyncOptionsBuilder.DefaultMaxRealtimeMessageBytes, cancellationToken);

    /// <summary>
    /// Connects as <see cref="ConnectAsync(AmplifyConfig, Func{string?, CancellationToken, ValueTask{JsonObject}}, TimeSpan?, CancellationToken)"/>
    /// does, accepting messages of at most <paramref name="maxMessageBytes"/> (see <see cref="AppSyncOptionsBuilder.WithMaxRealtimeMessageBytes"/>).
    /// </summary>
    /// <param name="config">The endpoints and TLS trust.</param>
    /// <param name="authHeaders">The auth headers for the handshake and for each <c>start</c>.</param>
    /// <param name="keepAliveTimeout">Overrides the server's <c>connectionTimeoutMs</c> (tests).</param>
    /// <param name="maxMessageBytes">The largest message assembled, in bytes; a longer one ends the connection.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    public static async Task<AppSyncRealtimeConnection> ConnectAsync(AmplifyConfig config, Func<string?, CancellationToken, ValueTask<JsonObject>> authHeaders,
        TimeSpan? keepAliveTimeout, int maxMessageBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(authHeaders);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageBytes, 1);
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-ws");
        if (config.CreateCertificateValidation() is { } validation) socket.Options.RemoteCertificateValidationCallback = validation;
        var connection = new AppSyncRealtimeConnection(socket, authHeaders, config.RealtimeEndpoint, maxMessageBytes);
        try
        {
            var headers = await authHeaders(null, cancellationToken).ConfigureAwait(false); // null: the handshake (connect)
            var header = Convert.ToBase64String(Encoding.UTF8.GetBytes(headers.ToJsonString()));
            var url = new Uri($"{config.RealtimeEndpoint.AbsoluteUri}?header={Uri.EscapeDataString(header)}&payload=e30=");
            try
            {
                await socket.ConnectAsync(url, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException && !cancellationToken.IsCancellationRequested)
            {
                throw new AppSyncException(AppSyncFailureKind.Network, $"Cannot open the realtime connection to {config.RealtimeEndpoint}: {ex.Message}", ex);
            }
            await connection.SendAsync(new JsonObject { ["type"] = "connection_init" }, cancellationToken).ConfigureAwait(false);
            var ack = await connection.ReceiveFrameAsync(cancellationToken).WaitAsync(AckTimeout, cancellationToken).ConfigureAwait(false);
            switch (ack?["type"]?.GetValue<string>())
            {
                case "connection_ack":
                    var serverTimeout = ack["payload"]?["connectionTimeoutMs"]?.GetValue<long>() ?? 300_000;
                    connection._watchdog = keepAliveTimeout ?? TimeSpan.FromMilliseconds(serverTimeout);
                    break;
                case "connection_error":
                    throw Failure(ack, "The realtime connection was refused");
                default:
                    throw new AppSyncException(AppSyncFailureKind.BadRequest, $"Expected connection_ack, got: {ack?.ToJsonString() ?? "the connection closed"}");
            }
            connection.Touch();
            connection._receiver = Task.Run(connection.ReceiveLoopAsync);
            return connection;
        }
        catch (TimeoutException ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new AppSyncException(AppSyncFailureKind.Timeout, $"No connection_ack within {AckTimeout}.", ex);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts a subscription; completes when the server acknowledged it (<c>start_ack</c>) or throws its error.</summary>
    public async Task<RealtimeSubscription> SubscribeAsync(string query, JsonObject? variables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (_closed.Task.IsCompleted) throw new AppSyncException(AppSyncFailureKind.Network, "The realtime connection is closed.", _closed.Task.Result);
        var id = Guid.NewGuid().ToString();
        var subscription = new RealtimeSubscription(id, this);
        _subscriptions[id] = subscription;
        var data = new JsonObject { ["query"] = query, ["variables"] = variables?.DeepClone() ?? new JsonObject() }.ToJsonString();
        var start = new JsonObject
        {
            ["id"] = id,
            ["type"] = "start",
            ["payload"] = new JsonObject
            {
                ["data"] = data,
                ["extensions"] = new JsonObject { ["authorization"] = await _authHeaders(data, cancellationToken).ConfigureAwait(false) },
            },
        };
        await SendAsync(start, cancellationToken).ConfigureAwait(false);
        try
        {
            await subscription.Acknowledged.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _subscriptions.TryRemove(id, out _);
            throw;
        }
        return subscription;
    }

    /// <summary>Stops a subscription (<c>stop</c>); its events end when the server answers <c>complete</c>.</summary>
    internal async Task StopAsync(RealtimeSubscription subscription, CancellationToken cancellationToken)
    {
        if (_closed.Task.IsCompleted) return;
        await SendAsync(new JsonObject { ["type"] = "stop", ["id"] = subscription.Id }, cancellationToken).ConfigureAwait(false);
        await subscription.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the connection; open subscriptions end without an error.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_closing.IsCancellationRequested)
        {
            _closing.Cancel();
            try
            {
                if (_socket.State == WebSocketState.Open)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
            {
                // already gone
            }
            End(null);
            await _receiver.ConfigureAwait(false);
            _socket.Dispose();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        using var watchdog = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Max(10, _watchdog.TotalMilliseconds / 4)));
        var watching = WatchAsync(watchdog);
        Exception? lost = null;
        try
        {
            while (!_closing.IsCancellationRequested)
            {
                var frame = await ReceiveFrameAsync(_closing.Token).ConfigureAwait(false);
                if (frame is null)
                {
                    lost = new AppSyncException(AppSyncFailureKind.Network, "The server closed the realtime connection.");
                    break;
                }
                Touch();
                Dispatch(frame);
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
        }
        catch (AppSyncException ex)
        {
            lost = ex; // a message over the limit
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or JsonException or OperationCanceledException)
        {
            lost = new AppSyncException(AppSyncFailureKind.Network, $"The realtime connection was lost: {ex.Message}", ex);
        }
        watchdog.Dispose();
        await watching.ConfigureAwait(false);
        // The watchdog's abort surfaces as a receive failure: report why it aborted.
        End(_closing.IsCancellationRequested && lost is null ? null : Volatile.Read(ref _watchdogFailure) ?? lost);
    }

    /// <summary>Aborts the socket when no frame arrived within the keep-alive timeout (the receive loop then ends).</summary>
    private async Task WatchAsync(PeriodicTimer timer)
    {
        try
        {
            while (await timer.WaitForNextTickAsync().ConfigureAwait(false))
            {
                var silent = TimeSpan.FromTicks(DateTime.UtcNow.Ticks - Interlocked.Read(ref _lastFrameTicks));
                if (silent > _watchdog)
                {
                    Volatile.Write(ref _watchdogFailure, new AppSyncException(AppSyncFailureKind.Network,
                        $"No keep-alive from the realtime endpoint for {silent.TotalMilliseconds:0} ms (timeout {_watchdog.TotalMilliseconds:0} ms): the connection is lost."));
                    _socket.Abort();
                    return;
                }
            }
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void Dispatch(JsonObject frame)
    {
        var type = frame["type"]?.GetValue<string>();
        var id = frame["id"]?.GetValue<string>();
        RealtimeSubscription? subscription = null;
        if (id is not null) _subscriptions.TryGetValue(id, out subscription);
        switch (type)
        {
            case "ka":
                break;
            case "start_ack":
                subscription?.Acknowledge();
                break;
            case "data":
                if (frame["payload"]?["data"] is JsonObject data) subscription?.Publish(data);
                break;
            case "error":
                if (subscription is not null && id is not null && _subscriptions.TryRemove(id, out _)) subscription.Fail(Failure(frame, "The subscription failed"));
                break;
            case "complete":
                if (subscription is not null && id is not null && _subscriptions.TryRemove(id, out _)) subscription.Complete(null);
                break;
        }
    }

    private void End(Exception? reason)
    {
        if (!_closed.TrySetResult(reason)) return;
        foreach (var id in _subscriptions.Keys.ToArray())
        {
            if (_subscriptions.TryRemove(id, out var subscription)) subscription.Complete(reason);
        }
    }

    private void Touch() => Interlocked.Exchange(ref _lastFrameTicks, DateTime.UtcNow.Ticks);

    private async Task SendAsync(JsonObject frame, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(frame.ToJsonString());
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException)
        {
            throw new AppSyncException(AppSyncFailureKind.Network, $"Sending on the realtime connection failed: {ex.Message}", ex);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// The next whole text frame as JSON, or null when the server closed the connection. Throws
    /// <see cref="AppSyncFailureKind.ResponseTooLarge"/> once the message passes the size limit, having closed the connection:
    /// at most one receive buffer beyond the limit is ever held.
    /// </summary>
    private async Task<JsonObject?> ReceiveFrameAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (received.MessageType == WebSocketMessageType.Close) return null;
            if (message.Length + received.Count > _maxMessageBytes) throw await MessageTooBigAsync().ConfigureAwait(false);
            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage) break;
        }
        return JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length)) as JsonObject;
    }

    /// <summary>Tells the server why (<see cref="WebSocketCloseStatus.MessageTooBig"/>) and drops the connection; returns the failure.</summary>
    private async Task<AppSyncException> MessageTooBigAsync()
    {
        var failure = new AppSyncException(AppSyncFailureKind.ResponseTooLarge,
            $"A message from {_endpoint} exceeded the {ByteSize.Format(_maxMessageBytes)} limit (WithMaxRealtimeMessageBytes); the realtime connection was closed.");
        // Bounded: a send in flight to a server that no longer reads must not hold the close back.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "message too big", timeout.Token).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // already gone, or too slow to tell: aborting below ends it either way
        }
        // Not CloseAsync: it would read (and discard) whatever the server still sends until its close frame.
        _socket.Abort();
        return failure;
    }

    /// <summary>An <see cref="AppSyncException"/> for an <c>error</c> or <c>connection_error</c> frame, its kind from the first errorType.</summary>
    private static AppSyncException Failure(JsonObject frame, string what)
    {
        var errors = AppSyncError.ListFrom(frame["payload"]?["errors"]);
        var first = errors.FirstOrDefault();
        return new AppSyncException(first?.Kind ?? AppSyncFailureKind.BadRequest,
            $"{what}: {(first is null ? frame.ToJsonString() : $"{first.ErrorType}: {first.Message}")}", errors: errors);
    }
}
