using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Amplify.DataStore.Sync.Tests.Support;
using Amplify.DataStore.Sync.Transport;

namespace Amplify.DataStore.Sync.Tests.Transport;

/// <summary>
/// The realtime client's message size limit against a raw WebSocket server on loopback that speaks AppSync's handshake
/// and then sends one <c>data</c> message in 64 KiB frames: a message of exactly the limit is delivered; one byte more, or
/// a 200 MB message, closes the connection with <see cref="WebSocketCloseStatus.MessageTooBig"/> and loses it with
/// <see cref="AppSyncFailureKind.ResponseTooLarge"/>, the client having stopped reading near the limit.
/// </summary>
public class RealtimeMessageSizeLimitTests
{
    private const string OnCreatePost = "subscription { onCreatePost { id title } }";
    private const int Limit = 1024 * 1024;
    private const long Hostile = 200L * 1024 * 1024;

    // What the loopback socket buffers may hold beyond what the client read; far below the 200 MB offered.
    private const long MostSentBeforeTheDrop = 16L * 1024 * 1024;

    private static readonly Func<string?, CancellationToken, ValueTask<JsonObject>> Headers
        = (_, _) => ValueTask.FromResult(new JsonObject { ["host"] = "127.0.0.1", ["x-api-key"] = "k" });

    [Test]
    public async Task AMessageOfExactlyTheLimit_AcrossFrames_IsDelivered()
    {
        var server = new DataServer(Limit);
        using var raw = new RawWebSocketServer(server.ServeAsync);
        await using var connection = await AppSyncRealtimeConnection.ConnectAsync(raw.Config, Headers, null, Limit, default);
        var subscription = await connection.SubscribeAsync(OnCreatePost, null, default);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var data = await subscription.Events.ReadAsync(timeout.Token);
        Assert.That(data["onCreatePost"]!["title"]!.GetValue<string>(), Has.Length.EqualTo(Limit - DataServer.Envelope(server.Id!, 0).Length));
        Assert.That(server.Frames, Is.GreaterThan(1), "the message came in several frames");
        Assert.That(connection.Closed.IsCompleted, Is.False, "the connection goes on");
    }

    [TestCase(Limit + 1L, TestName = "AMessageOneByteOverTheLimit_ClosesWithMessageTooBig")]
    [TestCase(Hostile, TestName = "AHostile200MBMessage_ClosesWithMessageTooBig_LongBeforeItIsSent")]
    public async Task AMessageOverTheLimit_ClosesWithMessageTooBig_AndLosesTheConnection(long size)
    {
        var server = new DataServer(size);
        using var raw = new RawWebSocketServer(server.ServeAsync);
        await using var connection = await AppSyncRealtimeConnection.ConnectAsync(raw.Config, Headers, null, Limit, default);
        var subscription = await connection.SubscribeAsync(OnCreatePost, null, default);

        var lost = await connection.Closed.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.That(lost, Is.InstanceOf<AppSyncException>().With.Property(nameof(AppSyncException.Kind)).EqualTo(AppSyncFailureKind.ResponseTooLarge));
        Assert.That(lost!.Message, Does.StartWith($"A message from {raw.Config.RealtimeEndpoint} exceeded the 1 MiB limit (WithMaxRealtimeMessageBytes)"));
        Assert.That(async () => await subscription.Completion, Throws.InstanceOf<AppSyncException>()
            .With.Property(nameof(AppSyncException.Kind)).EqualTo(AppSyncFailureKind.ResponseTooLarge));
        Assert.That(subscription.Events.TryRead(out _), Is.False, "nothing of the message was delivered");

        var closeStatus = await server.CloseStatus.WaitAsync(TimeSpan.FromSeconds(20));
        var stopped = await server.Stopped.WaitAsync(TimeSpan.FromSeconds(20));
        TestContext.Out.WriteLine($"The server sent {server.Sent:N0} of {size:N0} bytes; its sending ended with: {stopped?.GetType().Name ?? "all sent"}; close status seen: {closeStatus?.ToString() ?? "none"}.");
        if (size == Hostile)
        {
            // The client drops the connection with the server's data unread, so the TCP reset fails the server's send
            // (which aborts its socket) and may overtake the close frame: what counts here is that it could not send on.
            Assert.That(stopped, Is.Not.Null, "the server could not send it all: the client dropped the connection");
            Assert.That(server.Sent, Is.LessThan(MostSentBeforeTheDrop), "the client stopped reading near the limit");
        }
        else
        {
            // The server sent its message and only listens: the close frame reaches it.
            Assert.That(closeStatus, Is.EqualTo(WebSocketCloseStatus.MessageTooBig), "the client said why it closed");
        }
    }

    /// <summary>
    /// Acknowledges the connection and the first <c>start</c>, then sends that subscription one <c>data</c> message of
    /// exactly <c>size</c> bytes in 64 KiB frames, watching for the client's close while it sends.
    /// </summary>
    private sealed class DataServer(long size)
    {
        private readonly TaskCompletionSource<WebSocketCloseStatus?> _closeStatus = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<Exception?> _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _sent;

        public string? Id { get; private set; }

        public int Frames { get; private set; }

        public long Sent => Interlocked.Read(ref _sent);

        /// <summary>The status of the client's close frame (null when the connection ended without one).</summary>
        public Task<WebSocketCloseStatus?> CloseStatus => _closeStatus.Task;

        /// <summary>Completes when the sending ended: null when the whole message went out, else the exception that stopped it.</summary>
        public Task<Exception?> Stopped => _stopped.Task;

        /// <summary>The data message for <paramref name="id"/> whose title is <paramref name="padding"/> characters long.</summary>
        public static string Envelope(string id, int padding)
            => "{\"id\":\"" + id + "\",\"type\":\"data\",\"payload\":{\"data\":{\"onCreatePost\":{\"id\":\"p1\",\"title\":\"" + new string('x', padding) + "\"}}}}";

        public async Task ServeAsync(WebSocket socket, System.Net.Sockets.NetworkStream stream)
        {
            stream.Socket.SendBufferSize = 64 * 1024; // keeps what the kernel accepts on the client's behalf small
            try
            {
                await RawWebSocketServer.ReceiveTextAsync(socket); // connection_init
                await RawWebSocketServer.SendTextAsync(socket, """{"type":"connection_ack","payload":{"connectionTimeoutMs":300000}}""");
                Id = JsonNode.Parse((await RawWebSocketServer.ReceiveTextAsync(socket))!)!["id"]!.GetValue<string>();
                await RawWebSocketServer.SendTextAsync(socket, $$"""{"id":"{{Id}}","type":"start_ack"}""");
                var watching = WatchForCloseAsync(socket);
                await SendDataAsync(socket);
                await watching;
            }
            catch (Exception ex)
            {
                _stopped.TrySetResult(ex);
                _closeStatus.TrySetResult(null);
                throw;
            }
        }

        private async Task SendDataAsync(WebSocket socket)
        {
            var envelope = Encoding.UTF8.GetBytes(Envelope(Id!, 0));
            var quote = envelope.AsSpan().IndexOf("\"}}}}"u8);
            var head = envelope[..quote];
            var tail = envelope[quote..];
            var frame = new byte[64 * 1024];
            Array.Fill(frame, (byte)'x');
            await SendAsync(socket, head, endOfMessage: false);
            for (long padding = size - envelope.Length; padding > 0; padding -= frame.Length)
            {
                await SendAsync(socket, frame.AsMemory(0, (int)Math.Min(frame.Length, padding)), endOfMessage: false);
            }
            await SendAsync(socket, tail, endOfMessage: true);
            _stopped.TrySetResult(null);
        }

        private async Task SendAsync(WebSocket socket, ReadOnlyMemory<byte> bytes, bool endOfMessage)
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage, CancellationToken.None);
            Interlocked.Add(ref _sent, bytes.Length);
            Frames++;
        }

        private async Task WatchForCloseAsync(WebSocket socket)
        {
            try
            {
                while (await RawWebSocketServer.ReceiveTextAsync(socket) is not null)
                {
                }
                _closeStatus.TrySetResult(socket.CloseStatus);
            }
            catch (Exception)
            {
                _closeStatus.TrySetResult(null); // dropped without a close frame
            }
        }
    }
}
