using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.LocalBackend.Api;
using Amplify.DataStore.LocalBackend.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.LocalBackend.Realtime;

/// <summary>
/// <c>/graphql/realtime</c>: the WebSocket handshake of AppSync's realtime dialect. Selects the <c>graphql-ws</c>
/// subprotocol (amplify-js fails the connection otherwise), takes connection auth from a <c>header-</c> subprotocol
/// entry, the <c>?header=</c> query parameter or the upgrade request's own headers, and answers failures with a
/// <c>connection_error</c> frame before closing.
/// </summary>
internal sealed class RealtimeEndpoint(GraphQLApi api, RequestAuthenticator authenticator, LocalBackendOptions options, ILogger logger, CancellationToken stopping)
{
    public const string Subprotocol = "graphql-ws";

    private readonly SubscriptionGroups _groups = new(api, logger);

    /// <summary>Distinct shared source streams (for tests).</summary>
    public int SubscriptionGroupCount => _groups.Count;

    public async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync("This endpoint takes WebSocket connections (subprotocol graphql-ws).").ConfigureAwait(false);
            return;
        }
        var requested = http.WebSockets.WebSocketRequestedProtocols;
        bool graphqlWs = requested.Contains(Subprotocol);
        using var socket = await http.WebSockets.AcceptWebSocketAsync(graphqlWs ? Subprotocol : null).ConfigureAwait(false);
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        var connection = new RealtimeConnection(socket, api, authenticator, _groups, options, logger);
        if (!graphqlWs)
        {
            await connection.RejectAsync(RealtimeFrames.ConnectionError(null, "NoProtocolError", 400), lifetime.Token).ConfigureAwait(false);
            return;
        }

        var header = RealtimeAuthHeader.FromSubprotocols(requested)
            ?? (http.Request.Query["header"].FirstOrDefault() is { Length: > 0 } query ? RealtimeAuthHeader.FromEncoded(query) : null)
            ?? new RealtimeAuthHeader(http.Request.Headers["x-api-key"].FirstOrDefault(), http.Request.Headers.Authorization.FirstOrDefault());
        var (identity, error) = await authenticator.AuthenticateAsync(header.ApiKey, header.Authorization).ConfigureAwait(false);
        if (identity is null)
        {
            await connection.RejectAsync(RealtimeFrames.ConnectionError("UnauthorizedException", error!, 401), lifetime.Token).ConfigureAwait(false);
            return;
        }
        await connection.RunAsync(http.RequestAborted, stopping).ConfigureAwait(false);
    }
}
