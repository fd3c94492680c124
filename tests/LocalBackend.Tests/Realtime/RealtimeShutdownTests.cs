using System.Diagnostics;
using System.Net.WebSockets;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Realtime;

/// <summary>Stopping an embedded backend ends its realtime sockets with a close frame (1001, going away), not a reset.</summary>
public sealed class RealtimeShutdownTests
{
    private Backend _backend = null!;

    [SetUp]
    public async Task StartAsync() => _backend = await Backend.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _backend.DisposeAsync();

    [Test]
    public async Task Shutdown_sends_every_socket_a_close_frame()
    {
        await using var subscribed = await RealtimeClient.ConnectWithSubprotocolAsync(_backend, RealtimeClient.ApiKeyHeader(_backend));
        await subscribed.InitAsync();
        Assert.That((string)(await subscribed.StartAsync("posts", "subscription { onCreatePost { id } }", RealtimeClient.ApiKeyHeader(_backend)))["type"]!, Is.EqualTo("start_ack"));
        await using var idle = await RealtimeClient.ConnectWithSubprotocolAsync(_backend, RealtimeClient.ApiKeyHeader(_backend));
        await idle.InitAsync();

        var stopping = _backend.Server.DisposeAsync().AsTask();

        foreach (var client in new[] { subscribed, idle })
        {
            var (status, description) = await client.ReceiveCloseAsync(TimeSpan.FromSeconds(5));
            Assert.That(status, Is.EqualTo(WebSocketCloseStatus.EndpointUnavailable));
            Assert.That(description, Is.EqualTo("The server is shutting down."));
            await client.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        await stopping.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(subscribed.Socket.State, Is.EqualTo(WebSocketState.Closed), "a completed close handshake, not an abort");
    }

    [Test]
    public async Task Shutdown_cuts_off_a_client_that_never_answers_the_close_frame()
    {
        // This client never reads, so it never answers; the server gives it a short grace period, not the host's 10 s.
        await using var silent = await RealtimeClient.ConnectWithSubprotocolAsync(_backend, RealtimeClient.ApiKeyHeader(_backend));
        await silent.InitAsync();

        var stopwatch = Stopwatch.StartNew();
        await _backend.Server.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(8));

        TestContext.Out.WriteLine($"stopped after {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        var (status, _) = await silent.ReceiveCloseAsync(TimeSpan.FromSeconds(2));
        Assert.That(status, Is.EqualTo(WebSocketCloseStatus.EndpointUnavailable), "the close frame was sent before the grace period ran out");
    }
}
