using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Amplify.DataStore.Sync.Tests.Support;
using Amplify.DataStore.Sync.Transport;

namespace Amplify.DataStore.Sync.Tests.Transport;

/// <summary>
/// The HTTP transport's response size limit against raw loopback servers: a body over the limit, announced by
/// Content-Length or streamed chunked without one, fails as <see cref="AppSyncFailureKind.ResponseTooLarge"/> (not
/// transient) after the client read no more than the limit, and the server sees the connection dropped long before its
/// 200 MB are sent; a body of exactly the limit is accepted.
/// </summary>
public class ResponseSizeLimitTests
{
    private const string ListPosts = "query { listPosts { items { id title _version } } }";
    private const int Limit = 1024 * 1024;
    private const long Hostile = 200L * 1024 * 1024;

    // What the loopback socket buffers (both kernels' and SocketsHttpHandler's bounded drain) may hold beyond what the
    // client read; far below the 200 MB the server offers, so passing it means the client read on.
    private const long MostSentBeforeTheDrop = 16L * 1024 * 1024;

    [TestCase(false, TestName = "AnOversizeBody_AnnouncedByContentLength_IsRefused_AndTheServerIsCutOff")]
    [TestCase(true, TestName = "AnOversizeBody_StreamedChunkedWithoutLength_IsCutOffAtTheLimit")]
    public async Task AnOversizeBody_FailsAsResponseTooLarge_AndTheServerIsCutOffEarly(bool chunked)
    {
        var server = new HostileServer(chunked);
        using var raw = new RawHttpServer(server.ServeAsync);
        var client = new AppSyncHttpClient(new HttpClient(), new AmplifyConfig { GraphQLEndpoint = raw.Endpoint, ApiKey = "k" }, maxResponseBytes: Limit);

        var error = Assert.ThrowsAsync<AppSyncException>(async () => await client.SendAsync(ListPosts, null, AuthorizationType.ApiKey, default))!;
        Assert.That((error.Kind, error.IsTransient, error.StatusCode), Is.EqualTo((AppSyncFailureKind.ResponseTooLarge, false, (int?)200)));
        Assert.That(error.Message, Does.StartWith($"The response from {raw.Endpoint} exceeded the 1 MiB limit (WithMaxResponseBytes)"));

        var stopped = await server.Stopped.WaitAsync(TimeSpan.FromSeconds(20));
        TestContext.Out.WriteLine($"The server sent {server.Sent:N0} of {Hostile:N0} bytes before the client dropped the connection.");
        Assert.That(stopped, Is.Not.Null, "the server's sending failed: the client dropped the connection");
        Assert.That(server.Sent, Is.LessThan(MostSentBeforeTheDrop), "the client stopped reading near the limit");
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task ABodyOfExactlyTheLimit_IsAccepted_AndOneByteMoreIsNot(bool chunked)
    {
        var body = Body(Limit);
        using var raw = new RawHttpServer(async stream =>
        {
            await RawHttpServer.ReadRequestAsync(stream);
            var head = chunked
                ? "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                : $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            if (!chunked)
            {
                await stream.WriteAsync(body);
                return;
            }
            foreach (var piece in body.Chunk(64 * 1024)) await stream.WriteAsync(Chunk(piece));
            await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
        });
        var config = new AmplifyConfig { GraphQLEndpoint = raw.Endpoint, ApiKey = "k" };

        var fits = new AppSyncHttpClient(new HttpClient(), config, maxResponseBytes: Limit);
        var data = (await fits.SendAsync(ListPosts, null, AuthorizationType.ApiKey, default)).EnsureSuccess();
        Assert.That(data["pad"]!.GetValue<string>(), Has.Length.EqualTo(Limit - Body(0).Length));

        var tight = new AppSyncHttpClient(new HttpClient(), config, maxResponseBytes: Limit - 1);
        var error = Assert.ThrowsAsync<AppSyncException>(async () => await tight.SendAsync(ListPosts, null, AuthorizationType.ApiKey, default))!;
        Assert.That(error.Kind, Is.EqualTo(AppSyncFailureKind.ResponseTooLarge));
        Assert.That(error.Message, Does.Contain("exceeded the 1048575 bytes limit (WithMaxResponseBytes)"));
    }

    [Test]
    public void TheLimits_MustBePositive()
    {
        var options = new AppSyncOptionsBuilder(new AmplifyConfig { GraphQLEndpoint = new Uri("http://127.0.0.1:1/graphql"), ApiKey = "k" });
        Assert.That((options.MaxResponseBytes, options.MaxRealtimeMessageBytes), Is.EqualTo((64L * 1024 * 1024, 4 * 1024 * 1024)), "the defaults");
        foreach (var bad in new[] { 0L, -1L })
        {
            Assert.That(() => options.WithMaxResponseBytes(bad), Throws.TypeOf<ArgumentOutOfRangeException>()
                .With.Property(nameof(ArgumentOutOfRangeException.ParamName)).EqualTo("maxBytes")
                .And.Message.Contains("maximum response size must be a positive number of bytes"));
            Assert.That(() => options.WithMaxRealtimeMessageBytes((int)bad), Throws.TypeOf<ArgumentOutOfRangeException>()
                .With.Property(nameof(ArgumentOutOfRangeException.ParamName)).EqualTo("maxBytes")
                .And.Message.Contains("maximum realtime message size must be a positive number of bytes"));
        }
        options.WithMaxResponseBytes(1).WithMaxRealtimeMessageBytes(1);
        Assert.That((options.MaxResponseBytes, options.MaxRealtimeMessageBytes), Is.EqualTo((1L, 1)));
    }

    /// <summary><c>{"data":{"pad":"xxx…"}}</c> of exactly <paramref name="length"/> bytes (at least the JSON around the padding).</summary>
    private static byte[] Body(int length)
    {
        const string Head = "{\"data\":{\"pad\":\"", Tail = "\"}}";
        return Encoding.ASCII.GetBytes(Head + new string('x', Math.Max(0, length - Head.Length - Tail.Length)) + Tail);
    }

    private static byte[] Chunk(byte[] piece)
        => [.. Encoding.ASCII.GetBytes(piece.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"), .. piece, .. "\r\n"u8];

    /// <summary>Answers 200 with a 200 MB body of JSON-looking padding, counting what it managed to send.</summary>
    private sealed class HostileServer(bool chunked)
    {
        private readonly TaskCompletionSource<Exception> _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _sent;

        public long Sent => Interlocked.Read(ref _sent);

        /// <summary>Completes with the exception that ended the sending (the client dropped the connection).</summary>
        public Task<Exception> Stopped => _stopped.Task;

        public async Task ServeAsync(NetworkStream stream)
        {
            // A small send buffer keeps what the kernel accepts on the client's behalf small.
            stream.Socket.SendBufferSize = 64 * 1024;
            try
            {
                await RawHttpServer.ReadRequestAsync(stream);
                var head = chunked
                    ? "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    : $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {Hostile}\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
                var piece = new byte[64 * 1024];
                Array.Fill(piece, (byte)'x');
                "{\"data\":{\"pad\":\""u8.CopyTo(piece);
                var frame = chunked ? Chunk(piece) : piece;
                for (long body = 0; body < Hostile; body += piece.Length)
                {
                    await stream.WriteAsync(frame);
                    Interlocked.Add(ref _sent, piece.Length);
                }
                _stopped.TrySetResult(null!); // all sent: the client read it all
            }
            catch (Exception ex)
            {
                _stopped.TrySetResult(ex);
                throw;
            }
        }
    }
}
