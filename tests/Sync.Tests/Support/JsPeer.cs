using Amplify.DataStore.TestCases;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Amplify.DataStore.Sync.Tests.Support;

/// <summary>
/// The stock amplify-js DataStore running tests/AmplifyJsCompat/peer.cjs in a node process: one JSON command per stdin
/// line, one JSON reply per command on stdout; everything else it prints (hub events, errors) is kept for failure messages.
/// </summary>
internal sealed class JsPeer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<JsonObject> _replies = Channel.CreateUnbounded<JsonObject>();
    private readonly ConcurrentQueue<string> _log = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly Task _readers;

    private JsPeer(Process process)
    {
        _process = process;
        _readers = Task.WhenAll(ReadStdoutAsync(), ReadStderrAsync());
    }

    /// <summary>Starts node on peer.cjs against <paramref name="backend"/> (which must run with TLS: amplify-js opens wss://).</summary>
    public static JsPeer Start(TestBackend backend)
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = NodeTooling.CompatDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("peer.cjs");
        info.ArgumentList.Add(backend.Server.AmplifyOutputsPath!);
        info.Environment["NODE_EXTRA_CA_CERTS"] = backend.Server.CertificatePemPath!;
        return new JsPeer(Process.Start(info)!);
    }

    /// <summary>Sends one command and returns its reply; throws (with the peer's recent output) if it failed or took too long.</summary>
    public async Task<JsonObject> SendAsync(JsonObject command, TimeSpan? timeout = null)
    {
        await _oneAtATime.WaitAsync();
        try
        {
            await _process.StandardInput.WriteLineAsync(command.ToJsonString());
            await _process.StandardInput.FlushAsync();
            using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(40));
            JsonObject reply;
            try
            {
                reply = await _replies.Reader.ReadAsync(cts.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
            {
                throw new TimeoutException($"amplify-js peer gave no reply to {command.ToJsonString()}.\n{RecentOutput()}");
            }
            if (reply["ok"]?.GetValue<bool>() != true) throw new InvalidOperationException($"amplify-js peer failed {command.ToJsonString()}: {reply.ToJsonString()}\n{RecentOutput()}");
            return reply;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>The last lines the peer printed besides its replies (hub events, errors).</summary>
    public string RecentOutput(int lines = 80) => "--- amplify-js peer output (last lines) ---\n" + string.Join("\n", _log.TakeLast(lines));

    private async Task ReadStdoutAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("{\"reply\"", StringComparison.Ordinal)) _replies.Writer.TryWrite(JsonNode.Parse(line)!.AsObject());
            else _log.Enqueue(line);
        }
        _replies.Writer.TryComplete();
    }

    private async Task ReadStderrAsync()
    {
        while (await _process.StandardError.ReadLineAsync() is { } line) _log.Enqueue(line);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                try
                {
                    await SendAsync(new JsonObject { ["cmd"] = "stop" }, TimeSpan.FromSeconds(10));
                }
                catch (Exception e) when (e is TimeoutException or InvalidOperationException or IOException)
                {
                    // killed below
                }
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await _process.WaitForExitAsync(cts.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
            await _readers;
        }
        finally
        {
            _process.Dispose();
        }
    }
}
