using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Predicates;
using Amplify.DataStore.Serialization;
using Amplify.DataStore.Sync.Auth;
using Amplify.DataStore.Sync.Transport;

namespace Amplify.DataStore.Sync.Engine;

/// <summary>
/// The realtime side of a sync session: <c>onCreate/onUpdate/onDelete</c> for every syncable model, spread over as many
/// WebSocket connections as needed at 100 subscriptions each (AppSync's per-connection limit; amplify-js opens one
/// connection and breaks at about 33 models, #5050). Events from all of them queue in one channel, in arrival order, so
/// the engine can hold them while the sync queries run and apply them afterwards.
/// </summary>
internal sealed class SubscriptionHub : IAsyncDisposable
{
    /// <summary>AppSync's documented limit of subscriptions per WebSocket connection.</summary>
    public const int MaxSubscriptionsPerConnection = 100;

    private static readonly string[] s_verbs = { "Create", "Update", "Delete" };

    private readonly List<AppSyncRealtimeConnection> _connections = new();
    private readonly Channel<(ModelMetadata Model, JsonObject Record)> _events = Channel.CreateUnbounded<(ModelMetadata, JsonObject)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<Task> _pumps = new();

    private SubscriptionHub()
    {
    }

    /// <summary>Every received record, in arrival order.</summary>
    public ChannelReader<(ModelMetadata Model, JsonObject Record)> Events => _events.Reader;

    /// <summary>Completes with the reason when any connection is lost.</summary>
    public Task<Exception?> Lost { get; private set; } = Task.FromResult<Exception?>(null);

    public int Connections => _connections.Count;

    public int Subscriptions { get; private set; }

    /// <summary>Connects and starts every subscription; completes when the server acknowledged all of them.</summary>
    public static async Task<SubscriptionHub> OpenAsync(SyncContext context, TimeSpan? keepAliveTimeout, CancellationToken cancellationToken)
    {
        var hub = new SubscriptionHub();
        try
        {
            // Subscriptions go to connections authorized with each model's first read mode (AppSync authorizes the
            // connection and each start with the same mode), at most 100 per connection.
            var wanted = new List<(AuthorizationType Mode, ModelMetadata Model, string Query, JsonObject Variables)>();
            JsonObject? claims = null;
            foreach (var model in context.Schema.Models)
            {
                if (!model.IsSyncable) continue;
                var mode = context.AuthModes(model, AuthOperation.Read)[0];
                var owner = SubscriptionOwnerArgument.NotNeeded;
                if (mode is AuthorizationType.AmazonCognitoUserPools or AuthorizationType.OpenIdConnect && context.Options.TokenProvider is { } tokens)
                {
                    claims ??= await ClaimsAsync(tokens, cancellationToken).ConfigureAwait(false);
                    owner = SubscriptionOwnerResolver.Resolve(model, mode, claims);
                }
                var documents = context.Documents(model);
                var filter = context.SyncFilter(model);
                foreach (var verb in s_verbs)
                {
                    var variables = new JsonObject();
                    if (filter is not null) variables["filter"] = JsonNode.Parse(filter);
                    if (owner.IsNeeded) variables[owner.Name!] = owner.Value;
                    wanted.Add((mode, model, documents.Subscription(verb, filter is not null, owner.IsNeeded ? owner.Name : null), variables));
                }
            }
            // Each connection (at most 100 subscriptions) is opened and subscribed concurrently with the others: a schema
            // needing several connections waits for the slowest handshake, not for their sum.
            var batches = wanted.GroupBy(w => w.Mode)
                .SelectMany(group => group.Chunk(MaxSubscriptionsPerConnection).Select(batch => (Mode: group.Key, Batch: batch)))
                .ToList();
            var opened = await Task.WhenAll(batches.Select(async b =>
            {
                var headers = RealtimeAuthHeaders.For(context.Options.Config, b.Mode, context.Options.TokenProvider, signer: context.Options.RequestSigner);
                AppSyncRealtimeConnection connection;
                try
                {
                    connection = await AppSyncRealtimeConnection.ConnectAsync(context.Options.Config, headers, keepAliveTimeout, context.Options.MaxRealtimeMessageBytes, cancellationToken).ConfigureAwait(false);
                }
                catch (AppSyncException ex) when (ex.Kind == AppSyncFailureKind.Unauthorized && context.Options.TokenProvider is not null
                    && AppSyncHttpClient.UsesToken(b.Mode))
                {
                    // The handshake refused the token (e.g. it expired while offline): ask for a fresh one once, as
                    // the HTTP client does on 401, or every reconnect would send the same expired token again.
                    headers = RealtimeAuthHeaders.For(context.Options.Config, b.Mode, context.Options.TokenProvider, refreshFirst: true, signer: context.Options.RequestSigner);
                    connection = await AppSyncRealtimeConnection.ConnectAsync(context.Options.Config, headers, keepAliveTimeout, context.Options.MaxRealtimeMessageBytes, cancellationToken).ConfigureAwait(false);
                }
                // Registered at once, so a failure of another connection disposes this one with the hub.
                lock (hub._connections) hub._connections.Add(connection);
                // All starts go out at once and their acks come back together: one round trip per connection, not one per
                // subscription (111 of them for 37 models). Events that arrive before the pumps run wait in each subscription.
                var started = await Task.WhenAll(b.Batch.Select(async w => (w.Model, Subscription: await connection.SubscribeAsync(w.Query, w.Variables, cancellationToken).ConfigureAwait(false))))
                    .ConfigureAwait(false);
                return (Connection: connection, Started: started);
            })).ConfigureAwait(false);
            var lost = new List<Task<Exception?>>();
            foreach (var (connection, started) in opened)
            {
                lost.Add(connection.Closed);
                foreach (var (model, subscription) in started)
                {
                    hub._pumps.Add(hub.PumpAsync(model, subscription));
                    hub.Subscriptions++;
                }
            }
            hub.Lost = lost.Count == 0 ? new TaskCompletionSource<Exception?>().Task : Task.WhenAny(lost).Unwrap();
            return hub;
        }
        catch
        {
            await hub.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The token's claims, for the owner argument; none when the token is not a JWT (an opaque OIDC or Lambda token).</summary>
    private static async Task<JsonObject> ClaimsAsync(IAuthTokenProvider tokens, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(forceRefresh: false, cancellationToken).ConfigureAwait(false);
        try
        {
            return JwtPayload.Decode(token);
        }
        catch (FormatException)
        {
            return new JsonObject();
        }
    }

    private async Task PumpAsync(ModelMetadata model, RealtimeSubscription subscription)
    {
        try
        {
            await foreach (var payload in subscription.Events.ReadAllAsync().ConfigureAwait(false))
            {
                // An event's data is { onCreatePost: {...} }; a null record (an error event) carries nothing to apply.
                if (payload.FirstOrDefault().Value is JsonObject record) _events.Writer.TryWrite((model, record));
            }
        }
        catch (Exception)
        {
            // The subscription ended with an error: the connection's Lost reports it (or the session is ending).
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync().ConfigureAwait(false);
        _events.Writer.TryComplete();
    }
}
