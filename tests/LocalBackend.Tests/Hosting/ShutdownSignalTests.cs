using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Hosting;

/// <summary>
/// SIGTERM (docker stop, systemd, CI runners) and SIGINT (Ctrl+C) sent to the real backend process: it closes its
/// realtime sockets with a close frame, keeps every write it acknowledged, and exits 0 within a few seconds.
/// </summary>
[Platform(Exclude = "Win", Reason = "POSIX signals")]
public sealed class ShutdownSignalTests
{
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(5);

    private string _dataDirectory = null!;
    private readonly List<BackendProcess> _processes = new();
    private HttpClient _http = null!;

    [SetUp]
    public void CreateDataDirectory()
    {
        _dataDirectory = Path.Combine(Path.GetTempPath(), "amplify-local-backend-shutdown", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dataDirectory);
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    [TearDown]
    public async Task StopProcessesAsync()
    {
        foreach (var process in _processes) await process.DisposeAsync(); // kills any still running
        _processes.Clear();
        _http.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<BackendProcess> StartAsync()
    {
        var process = await BackendProcess.StartAsync(_dataDirectory);
        _processes.Add(process);
        return process;
    }

    [TestCase(BackendProcess.SIGTERM, TestName = "Shutdown_on_SIGTERM_closes_sockets_keeps_acknowledged_writes_and_exits_0")]
    [TestCase(BackendProcess.SIGINT, TestName = "Shutdown_on_SIGINT_closes_sockets_keeps_acknowledged_writes_and_exits_0")]
    public async Task Shutdown_on_a_signal(int signal)
    {
        var backend = await StartAsync();
        var acknowledged = new List<string> { await backend.TryCreatePostAsync(_http, "before the signal") ?? throw new AssertionException("the first write failed:\n" + backend.Output) };

        var header = new JsonObject { ["host"] = backend.GraphQLEndpoint.Authority, ["x-api-key"] = BackendProcess.ApiKey };
        await using var client = await RealtimeClient.ConnectWithSubprotocolAsync(backend.RealtimeEndpoint, header);
        Assert.That((string)(await client.InitAsync())["type"]!, Is.EqualTo("connection_ack"));
        Assert.That((string)(await client.StartAsync("posts", "subscription { onCreatePost { id title } }", header))["type"]!, Is.EqualTo("start_ack"));

        // One write is certainly in flight (its handler is reading the body) when the signal arrives, and many more may
        // be: the held-back one must complete, and every write the backend acknowledges must survive the restart.
        var (heldBody, heldId) = backend.StartHeldBackCreatePost("held back across the signal");
        await heldBody.FirstPartSent.WaitAsync(TimeSpan.FromSeconds(10));
        var inFlight = Enumerable.Range(0, 20).Select(i => backend.TryCreatePostAsync(_http, $"in flight {i}")).ToList();
        var sinceSignal = Stopwatch.StartNew();
        backend.Signal(signal);

        var (status, description) = await client.ReceiveCloseAsync(ExitWithin);
        var closeFrameAfter = sinceSignal.Elapsed;
        Assert.That(status, Is.EqualTo(WebSocketCloseStatus.EndpointUnavailable), $"close frame: {status} {description}");
        await client.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None); // as a browser answers
        heldBody.Release(); // the shutdown is under way (the socket was closed); now the held-back write may finish
        acknowledged.Add(await heldId.WaitAsync(ExitWithin) ?? throw new AssertionException("the write in flight at the signal was not acknowledged:\n" + backend.Output));

        bool exited = await backend.WaitForExitAsync(ExitWithin);
        var exitAfter = sinceSignal.Elapsed;
        Assert.That(exited, Is.True, $"still running {ExitWithin.TotalSeconds} s after signal {signal}. Output:\n{backend.Output}");
        Assert.That(backend.ExitCode, Is.Zero, backend.Output);
        foreach (var id in await Task.WhenAll(inFlight))
        {
            if (id is not null) acknowledged.Add(id);
        }
        TestContext.Out.WriteLine($"signal {signal}: close frame after {closeFrameAfter.TotalMilliseconds:F0} ms, exit 0 after {exitAfter.TotalMilliseconds:F0} ms, {acknowledged.Count - 2} of {inFlight.Count} other in-flight writes acknowledged");

        var restarted = await StartAsync();
        foreach (var id in acknowledged)
        {
            var (_, body) = await restarted.PostAsync(_http, "query($id: ID!) { getPost(id: $id) { id } }", new JsonObject { ["id"] = id });
            Assert.That((string?)body["data"]?["getPost"]?["id"], Is.EqualTo(id), $"acknowledged write {id} is missing after the restart ({acknowledged.Count} acknowledged): {body.ToJsonString()}");
        }
    }

    [Test]
    public async Task Shutdown_a_second_SIGTERM_ends_a_stop_that_is_waiting_at_once()
    {
        var backend = await StartAsync();
        // A request whose body never completes keeps the graceful stop waiting (up to the host's 10 s).
        var (heldBody, heldId) = backend.StartHeldBackCreatePost("never finished");
        await heldBody.FirstPartSent.WaitAsync(TimeSpan.FromSeconds(10));
        backend.Signal(BackendProcess.SIGTERM);
        Assert.That(await backend.WaitForExitAsync(TimeSpan.FromSeconds(1)), Is.False, "the first SIGTERM waits for the request in flight");

        var sinceSecond = Stopwatch.StartNew();
        backend.Signal(BackendProcess.SIGTERM);

        Assert.That(await backend.WaitForExitAsync(TimeSpan.FromSeconds(3)), Is.True, $"still running after the second SIGTERM. Output:\n{backend.Output}");
        TestContext.Out.WriteLine($"second SIGTERM: exit {backend.ExitCode} after {sinceSecond.Elapsed.TotalMilliseconds:F0} ms");
        Assert.That(backend.ExitCode, Is.Not.Zero, "a forced stop is not a clean exit");
        heldBody.Release();
        Assert.That(await heldId.ContinueWith(t => t.IsFaulted || t.Result is null), Is.True, "the cut-off write was not acknowledged");
    }

    [Test]
    public async Task Shutdown_on_SIGTERM_with_no_client_connected_exits_0()
    {
        var backend = await StartAsync();
        var sinceSignal = Stopwatch.StartNew();
        backend.Signal(BackendProcess.SIGTERM);

        Assert.That(await backend.WaitForExitAsync(ExitWithin), Is.True, $"still running {ExitWithin.TotalSeconds} s after SIGTERM. Output:\n{backend.Output}");
        Assert.That(backend.ExitCode, Is.Zero, backend.Output);
        TestContext.Out.WriteLine($"idle SIGTERM: exit 0 after {sinceSignal.Elapsed.TotalMilliseconds:F0} ms");
    }
}
