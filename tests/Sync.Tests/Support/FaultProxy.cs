using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Amplify.DataStore.Sync.Tests.Support;

/// <summary>
/// A TCP proxy on 127.0.0.1 (a random free port) in front of one target, with network faults a test switches on and off
/// while traffic flows: resets, a blackhole, refused connections, a slow link, a cut after a number of bytes, and a
/// seeded random mode. It forwards bytes and nothing else, so TLS and WebSockets pass through untouched. Every member is
/// safe to call from any thread; a fault applies from the next chunk each connection forwards.
/// </summary>
/// <example>
/// <code>
/// await using var proxy = await FaultProxy.StartAsync(new IPEndPoint(IPAddress.Loopback, backend.Server.GraphQLEndpoint.Port));
/// var config = ProxiedConfig.Through(backendConfig, proxy);
/// proxy.DropAll();
/// </code>
/// </example>
internal sealed class FaultProxy : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<ProxiedConnection, Task> _open = new();
    private readonly object _faultsLock = new();
    private Task _acceptLoop = Task.CompletedTask;

    // Guarded by _faultsLock.
    private long _blackholeUntilMs; // Environment.TickCount64; 0: no blackhole, long.MaxValue: until healed
    private TaskCompletionSource _healed = NewHealedSignal(completed: true);
    private long? _dropAfterBytes;
    private int _dropAfterConnections;

    private volatile bool _refuseNewConnections;
    private volatile ChaosSettings? _chaos;
    private long _latencyTicks;
    private long _bytesPerSecond;

    private long _connectionsAccepted;
    private long _bytesUpstream;
    private long _bytesDownstream;
    private long _resets;

    private FaultProxy(Socket listener, IPEndPoint target)
    {
        _listener = listener;
        _target = target;
        EndPoint = (IPEndPoint)listener.LocalEndPoint!;
    }

    /// <summary>Where clients connect: 127.0.0.1 and <see cref="Port"/>.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The port the proxy listens on (chosen by the system).</summary>
    public int Port => EndPoint.Port;

    /// <summary>Where each connection is forwarded.</summary>
    public IPEndPoint Target => _target;

    /// <summary>Connections accepted so far, refused ones included.</summary>
    public long ConnectionsAccepted => Interlocked.Read(ref _connectionsAccepted);

    /// <summary>Bytes forwarded from clients to the target.</summary>
    public long BytesUpstream => Interlocked.Read(ref _bytesUpstream);

    /// <summary>Bytes forwarded from the target to clients.</summary>
    public long BytesDownstream => Interlocked.Read(ref _bytesDownstream);

    /// <summary>Connections the faults reset (<see cref="DropAll"/>, <see cref="DropAfterBytes"/>, refusals, chaos); not resets by either end.</summary>
    public long Resets => Interlocked.Read(ref _resets);

    /// <summary>Connections open now (accepted and not yet ended).</summary>
    public int OpenConnections => _open.Count;

    /// <summary>Delay before each forwarded chunk, both directions (zero: none). A slow link's round trip, not its bandwidth.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, Math.Max(0, value.Ticks));
    }

    /// <summary>Bandwidth cap per connection and direction, in bytes per second (0: no cap).</summary>
    public long BytesPerSecond
    {
        get => Interlocked.Read(ref _bytesPerSecond);
        set => Interlocked.Exchange(ref _bytesPerSecond, Math.Max(0, value));
    }

    /// <summary>The chaos mode in force, or null.</summary>
    public ChaosSettings? Chaos => _chaos;

    /// <summary>True while a blackhole holds traffic.</summary>
    public bool IsBlackholed
    {
        get
        {
            lock (_faultsLock) return Environment.TickCount64 < _blackholeUntilMs;
        }
    }

    /// <summary>Starts listening on 127.0.0.1 on a free port and forwarding every accepted connection to <paramref name="target"/>.</summary>
    /// <param name="target">The server to forward to (e.g. the test backend's port on 127.0.0.1).</param>
    public static Task<FaultProxy> StartAsync(IPEndPoint target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(128);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        var proxy = new FaultProxy(listener, target);
        proxy._acceptLoop = Task.Run(proxy.AcceptLoopAsync);
        return Task.FromResult(proxy);
    }

    /// <summary>Resets (TCP RST) every open connection now, mid-request or mid-subscription alike. New connections are forwarded as before.</summary>
    /// <returns>How many connections were reset.</returns>
    public int DropAll()
    {
        var dropped = 0;
        foreach (var connection in _open.Keys)
        {
            CountReset();
            connection.Reset();
            dropped++;
        }
        return dropped;
    }

    /// <summary>
    /// Stops all traffic for <paramref name="duration"/> (null: until <see cref="Heal"/>), as over a dead link: open
    /// connections stay open but nothing is forwarded either way, and new connections are accepted but not connected
    /// through. Bytes are held, not discarded (TCP never loses bytes from the middle of a stream): the senders' buffers
    /// fill and their timeouts decide, and if the blackhole ends first the held bytes go through intact, as over a link
    /// that recovered.
    /// </summary>
    public void Blackhole(TimeSpan? duration = null)
    {
        lock (_faultsLock)
        {
            _blackholeUntilMs = duration is { } period ? Environment.TickCount64 + (long)Math.Ceiling(period.TotalMilliseconds) : long.MaxValue;
            if (_healed.Task.IsCompleted) _healed = NewHealedSignal(completed: false);
        }
    }

    /// <summary>
    /// Ends every fault: a blackhole (held bytes flow again), refusing new connections, a pending
    /// <see cref="DropAfterBytes"/>, chaos, latency and the bandwidth cap. Connections already reset stay reset.
    /// </summary>
    public void Heal()
    {
        _refuseNewConnections = false;
        _chaos = null;
        Latency = TimeSpan.Zero;
        BytesPerSecond = 0;
        lock (_faultsLock)
        {
            _blackholeUntilMs = 0;
            _dropAfterBytes = null;
            _dropAfterConnections = 0;
            _healed.TrySetResult();
        }
    }

    /// <summary>While <paramref name="refuse"/> is true, each new connection is accepted and reset at once, like a server that is down. Open connections carry on.</summary>
    public void RefuseNewConnections(bool refuse) => _refuseNewConnections = refuse;

    /// <summary>
    /// Cuts the next <paramref name="connections"/> new connections after <paramref name="bytes"/> bytes have been forwarded
    /// upstream: exactly that many go to the target, then both sides are reset (to break a request in the middle).
    /// Connections open now are not affected: give the client a fresh connection (e.g. a new <see cref="HttpClient"/>).
    /// </summary>
    public void DropAfterBytes(long bytes, int connections = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(connections);
        lock (_faultsLock)
        {
            _dropAfterBytes = bytes;
            _dropAfterConnections = connections;
        }
    }

    /// <summary>
    /// Random faults for soak tests until <see cref="Heal"/>: each chunk resets its connection with
    /// <paramref name="dropProbabilityPerChunk"/>, each new connection is refused with
    /// <paramref name="refuseProbabilityPerConnection"/>, and each chunk waits up to <paramref name="maxExtraLatencyPerChunk"/>.
    /// Decisions are drawn per connection from generators seeded by <paramref name="seed"/> and the connection's number
    /// (accept order since the proxy started), so a run repeats as far as the clients connect in the same order and the
    /// system splits the bytes into the same chunks.
    /// </summary>
    public void ChaosMode(int seed, double dropProbabilityPerChunk, double refuseProbabilityPerConnection = 0, TimeSpan? maxExtraLatencyPerChunk = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dropProbabilityPerChunk, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dropProbabilityPerChunk, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(refuseProbabilityPerConnection, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(refuseProbabilityPerConnection, 1);
        _chaos = new ChaosSettings(seed, dropProbabilityPerChunk, refuseProbabilityPerConnection, maxExtraLatencyPerChunk ?? TimeSpan.Zero);
    }

    /// <summary>Stops listening and closes every connection; returns once the proxy's work has ended.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        _stopping.Cancel();
        _listener.Dispose();
        await _acceptLoop.ConfigureAwait(false);
        foreach (var connection in _open.Keys) connection.Close();
        lock (_faultsLock) _healed.TrySetResult(); // wake anything held by a blackhole
        // Every wait inside a connection is cancelled by Close, so this is quick; the bound turns a proxy bug into a failure, not a hung run.
        await Task.WhenAll(_open.Values).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <summary>Waits while a blackhole holds traffic; returns at once when there is none.</summary>
    internal async Task WaitWhileBlackholedAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            long until;
            Task healed;
            lock (_faultsLock)
            {
                until = _blackholeUntilMs;
                healed = _healed.Task;
            }
            var now = Environment.TickCount64;
            if (now >= until) return;
            var remaining = until == long.MaxValue ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(until - now);
            try
            {
                await healed.WaitAsync(remaining, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // the period is over: look again (it may have been extended)
            }
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    internal void CountReset() => Interlocked.Increment(ref _resets);

    internal void CountForwarded(int bytes, bool upstream) => Interlocked.Add(ref upstream ? ref _bytesUpstream : ref _bytesDownstream, bytes);

    private static TaskCompletionSource NewHealedSignal(bool completed)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed) signal.SetResult();
        return signal;
    }

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException && _stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue; // a client that gave up while queued
            }
            var number = Interlocked.Increment(ref _connectionsAccepted);
            client.NoDelay = true;
            if (ShouldRefuse(number))
            {
                CountReset();
                ProxiedConnection.ResetSocket(client);
                continue;
            }
            var connection = new ProxiedConnection(this, client, number, TakeDropAfterBytes());
            // Registered before it runs, so DropAll and DisposeAsync always see it.
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _open[connection] = started.Task;
            _ = Task.Run(async () =>
            {
                try
                {
                    await connection.RunAsync(_target).ConfigureAwait(false);
                }
                finally
                {
                    _open.TryRemove(connection, out _);
                    started.SetResult();
                }
            });
        }
    }

    private bool ShouldRefuse(long connectionNumber)
    {
        if (_refuseNewConnections) return true;
        return _chaos is { RefuseProbabilityPerConnection: > 0 } chaos
            && chaos.RandomFor(connectionNumber, role: 0).NextDouble() < chaos.RefuseProbabilityPerConnection;
    }

    private long? TakeDropAfterBytes()
    {
        lock (_faultsLock)
        {
            if (_dropAfterConnections == 0) return null;
            _dropAfterConnections--;
            return _dropAfterBytes;
        }
    }
}
