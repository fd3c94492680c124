using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace Amplify.DataStore.Sync.Tests.Support;

/// <summary>
/// A WebSocket server (subprotocol <c>graphql-ws</c>) on a random loopback port, on <see cref="RawHttpServer"/>'s raw
/// stream: it answers the upgrade itself and hands each connection to a handler as a server-side <see cref="WebSocket"/>,
/// to send what the local backend never would.
/// </summary>
internal sealed class RawWebSocketServer : IDisposable
{
    private readonly RawHttpServer _http;

    public RawWebSocketServer(Func<WebSocket, NetworkStream, Task> serve)
    {
        _http = new RawHttpServer(async stream =>
        {
            var key = await ReadUpgradeKeyAsync(stream);
            var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + $"Sec-WebSocket-Accept: {accept}\r\nSec-WebSocket-Protocol: graphql-ws\r\n\r\n"));
            using var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, SubProtocol = "graphql-ws", KeepAliveInterval = TimeSpan.Zero });
            await serve(socket, stream);
        });
    }

    /// <summary>The client's configuration: its realtime endpoint is this server.</summary>
    public AmplifyConfig Config => new() { GraphQLEndpoint = _http.Endpoint, ApiKey = "k" };

    /// <summary>The next text message as a string, or null when the client closed.</summary>
    public static async Task<string?> ReceiveTextAsync(WebSocket socket, CancellationToken cancellationToken = default)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage) return Encoding.UTF8.GetString(message.ToArray());
        }
    }

    /// <summary>Sends one text message.</summary>
    public static Task SendTextAsync(WebSocket socket, string text, CancellationToken cancellationToken = default)
        => socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>Reads the upgrade request's headers (it has no body; the client waits for the 101) and returns its key.</summary>
    private static async Task<string> ReadUpgradeKeyAsync(Stream stream)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            int n = await stream.ReadAsync(buffer);
            if (n == 0) throw new IOException("The client left during the upgrade.");
            received.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
        return received.ToString().Split("\r\n")
            .First(h => h.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase))["Sec-WebSocket-Key:".Length..].Trim();
    }

    public void Dispose() => _http.Dispose();
}
