using System.Net;
using System.Net.Sockets;

namespace Amplify.DataStore.Sync.Tests.Support;

/// <summary>
/// One client connection accepted by a <see cref="FaultProxy"/> and its connection to the target: two pumps copy bytes
/// each way, applying the proxy's faults as they stand at each chunk.
/// </summary>
internal sealed class ProxiedConnection
{
    private const int ChunkSize = 16 * 1024;

    private readonly FaultProxy _proxy;
    private readonly Socket _client;
    private readonly Socket _upstream;
    private readonly long _number;
    private readonly long? _dropAfterUpstreamBytes;
    // Not linked to the proxy's shutdown (which closes each connection instead), so it holds no registration that needs disposing.
    private readonly CancellationTokenSource _ended = new();
    private long _upstreamBytes;
    private int _endedFlag;

    /// <param name="proxy">Whose faults and counters apply.</param>
    /// <param name="client">The accepted socket.</param>
    /// <param name="number">The connection's number, for chaos seeding.</param>
    /// <param name="dropAfterUpstreamBytes">Reset after this many bytes have gone upstream (null: never).</param>
    public ProxiedConnection(FaultProxy proxy, Socket client, long number, long? dropAfterUpstreamBytes)
    {
        _proxy = proxy;
        _client = client;
        _number = number;
        _dropAfterUpstreamBytes = dropAfterUpstreamBytes;
        _upstream = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    }

    /// <summary>Connects through to <paramref name="target"/> (once no blackhole holds new connections) and forwards until both sides have closed or the connection is reset.</summary>
    public async Task RunAsync(IPEndPoint target)
    {
        try
        {
            await _proxy.WaitWhileBlackholedAsync(_ended.Token).ConfigureAwait(false);
            await _upstream.ConnectAsync(target, _ended.Token).ConfigureAwait(false);
            await Task.WhenAll(
                PumpOrResetAsync(_client, _upstream, upstream: true),
                PumpOrResetAsync(_upstream, _client, upstream: false)).ConfigureAwait(false);
            End(reset: false);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The target refused, a side reset, a fault or the proxy's shutdown ended it: the client sees a reset, as it would from a lost peer.
            End(reset: true);
        }
    }

    /// <summary>Resets both sides now (RST, not an orderly close). Safe to call from any thread, more than once.</summary>
    public void Reset() => End(reset: true);

    /// <summary>Closes both sides in order (FIN), for the proxy's shutdown.</summary>
    public void Close() => End(reset: false);

    /// <summary>Aborts <paramref name="socket"/> with a TCP reset: linger on with a zero timeout makes close send RST.</summary>
    public static void ResetSocket(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // already closed: nothing to reset
        }
        socket.Dispose();
    }

    private async Task PumpOrResetAsync(Socket from, Socket to, bool upstream)
    {
        try
        {
            await PumpAsync(from, to, upstream).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // One side failed or was reset: pass the reset on at once, or the other pump would wait on its side forever.
            End(reset: true);
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool upstream)
    {
        var buffer = new byte[ChunkSize];
        var pacer = new BandwidthPacer();
        ChaosSettings? diceFor = null;
        Random? dice = null;
        var token = _ended.Token;
        while (true)
        {
            var read = await from.ReceiveAsync(buffer, SocketFlags.None, token).ConfigureAwait(false);
            if (read == 0)
            {
                // Pass the half-close on: the other side may still be sending (an HTTP response after the request's FIN).
                to.Shutdown(SocketShutdown.Send);
                return;
            }
            // A blackhole stalls the chunk (bytes stay in the kernel's buffers, the sender's window fills) rather than discarding it:
            // TCP never loses bytes from the middle of a stream, so after a heal the stream continues intact, as over a link that recovered.
            await _proxy.WaitWhileBlackholedAsync(token).ConfigureAwait(false);
            // Read per chunk so chaos switched on later reaches connections already open (the pooled ones a sync engine keeps).
            var chaos = _proxy.Chaos;
            if (chaos is not null && !ReferenceEquals(chaos, diceFor))
            {
                diceFor = chaos;
                dice = chaos.RandomFor(_number, upstream ? 1 : 2);
            }
            if (chaos is not null && dice!.NextDouble() < chaos.DropProbabilityPerChunk)
            {
                _proxy.CountReset();
                Reset();
                return;
            }
            var delay = _proxy.Latency + (chaos is null ? TimeSpan.Zero : chaos.ExtraLatency(dice!));
            if (delay > TimeSpan.Zero) await Task.Delay(delay, token).ConfigureAwait(false);

            var chunk = buffer.AsMemory(0, read);
            var cutAfterThisChunk = false;
            if (upstream && _dropAfterUpstreamBytes is { } limit && _upstreamBytes + read >= limit)
            {
                chunk = chunk[..(int)(limit - _upstreamBytes)];
                cutAfterThisChunk = true;
            }
            await SendPacedAsync(to, chunk, pacer, upstream, token).ConfigureAwait(false);
            if (cutAfterThisChunk)
            {
                _proxy.CountReset();
                Reset();
                return;
            }
        }
    }

    private async Task SendPacedAsync(Socket to, ReadOnlyMemory<byte> chunk, BandwidthPacer pacer, bool upstream, CancellationToken token)
    {
        while (!chunk.IsEmpty)
        {
            var bytesPerSecond = _proxy.BytesPerSecond;
            var slice = bytesPerSecond > 0 ? chunk[..Math.Min(chunk.Length, BandwidthPacer.SliceSize(bytesPerSecond))] : chunk;
            await pacer.WaitToSendAsync(slice.Length, bytesPerSecond, token).ConfigureAwait(false);
            var sent = await to.SendAsync(slice, SocketFlags.None, token).ConfigureAwait(false);
            if (upstream) _upstreamBytes += sent;
            _proxy.CountForwarded(sent, upstream);
            chunk = chunk[sent..];
        }
    }

    private void End(bool reset)
    {
        if (Interlocked.Exchange(ref _endedFlag, 1) == 1) return;
        _ended.Cancel();
        foreach (var socket in new[] { _client, _upstream })
        {
            if (reset)
            {
                ResetSocket(socket);
            }
            else
            {
                socket.Dispose();
            }
        }
    }
}
