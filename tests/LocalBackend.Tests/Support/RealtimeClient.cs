using NUnit.Framework;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Amplify.DataStore.LocalBackend.Tests.Support;

/// <summary>A raw ClientWebSocket speaking AppSync's realtime dialect frame by frame.</summary>
internal sealed class RealtimeClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;

    private RealtimeClient(ClientWebSocket socket) => _socket = socket;

    public WebSocket Socket => _socket;

    public string? SubProtocol => _socket.SubProtocol;

    /// <summary>The auth header object for API-key auth, as amplify-js builds it.</summary>
    public static JsonObject ApiKeyHeader(Backend backend) => new() { ["host"] = backend.Endpoint.Authority, ["x-api-key"] = backend.Server.ApiKey };

    /// <summary>amplify-js ≥ 6.6: <c>Sec-WebSocket-Protocol: graphql-ws, header-&lt;base64url, no padding&gt;</c>.</summary>
    public static Task<RealtimeClient> ConnectWithSubprotocolAsync(Backend backend, JsonObject header, bool graphqlWs = true)
        => ConnectAsync(backend.Server.RealtimeEndpoint, SubprotocolsFor(header, graphqlWs), backend.Server.Certificate);

    /// <summary>The same handshake to a backend known only by its realtime endpoint (a backend process without TLS).</summary>
    public static Task<RealtimeClient> ConnectWithSubprotocolAsync(Uri realtimeEndpoint, JsonObject header)
        => ConnectAsync(realtimeEndpoint, SubprotocolsFor(header, graphqlWs: true), certificate: null);

    private static List<string> SubprotocolsFor(JsonObject header, bool graphqlWs)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(header.ToJsonString())).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var protocols = new List<string>();
        if (graphqlWs) protocols.Add("graphql-ws");
        protocols.Add("header-" + encoded);
        return protocols;
    }

    /// <summary>Older clients: <c>?header=&lt;base64&gt;&amp;payload=e30=</c>.</summary>
    public static Task<RealtimeClient> ConnectWithQueryAsync(Backend backend, JsonObject header)
    {
        var encoded = Uri.EscapeDataString(Convert.ToBase64String(Encoding.UTF8.GetBytes(header.ToJsonString())));
        return ConnectAsync(new Uri(backend.Server.RealtimeEndpoint + "?header=" + encoded + "&payload=e30="), new[] { "graphql-ws" }, backend.Server.Certificate);
    }

    private static async Task<RealtimeClient> ConnectAsync(Uri uri, IEnumerable<string> protocols, System.Security.Cryptography.X509Certificates.X509Certificate2? certificate)
    {
        var socket = new ClientWebSocket();
        foreach (var protocol in protocols) socket.Options.AddSubProtocol(protocol);
        if (certificate is not null)
        {
            socket.Options.RemoteCertificateValidationCallback = (_, cert, _, _) => cert?.GetCertHashString() == certificate.Thumbprint;
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(uri, timeout.Token);
        return new RealtimeClient(socket);
    }

    public Task SendAsync(JsonObject frame) => SendTextAsync(frame.ToJsonString());

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>The next text frame exactly as received, or null when the server closed.</summary>
    public async Task<string?> ReceiveTextAsync(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return Encoding.UTF8.GetString(message.ToArray());
        }
    }

    /// <summary>
    /// Reads past any text frames until the server's close frame and returns its status and description; throws when
    /// the connection ends without one (an aborted socket) or nothing comes within <paramref name="within"/>.
    /// </summary>
    public async Task<(WebSocketCloseStatus? Status, string? Description)> ReceiveCloseAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close) return (result.CloseStatus, result.CloseStatusDescription);
        }
    }

    public async Task<JsonObject> ReceiveAsync(TimeSpan? within = null)
        => (JsonObject)JsonNode.Parse(await ReceiveTextAsync(within) ?? throw new AssertionException("The server closed the socket."))!;

    /// <summary>The next frame that is not a keep-alive.</summary>
    public async Task<JsonObject> ReceiveSkippingKaAsync(TimeSpan? within = null)
    {
        while (true)
        {
            var frame = await ReceiveAsync(within);
            if ((string?)frame["type"] != "ka") return frame;
        }
    }

    /// <summary>connection_init → connection_ack (and the first ka).</summary>
    public async Task<JsonObject> InitAsync()
    {
        await SendTextAsync("{\"type\":\"connection_init\"}");
        return await ReceiveAsync();
    }

    /// <summary>Sends a start with the stringified {query, variables} and the auth header; returns the reply.</summary>
    public async Task<JsonObject> StartAsync(string id, string query, JsonObject authorization, object? variables = null)
    {
        var data = new JsonObject { ["query"] = query, ["variables"] = variables is null ? new JsonObject() : System.Text.Json.JsonSerializer.SerializeToNode(variables) };
        await SendAsync(new JsonObject
        {
            ["id"] = id,
            ["type"] = "start",
            ["payload"] = new JsonObject { ["data"] = data.ToJsonString(), ["extensions"] = new JsonObject { ["authorization"] = authorization.DeepClone() } },
        });
        return await ReceiveSkippingKaAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }
        }
        _socket.Dispose();
    }
}
