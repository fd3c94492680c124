using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.Engine;
using Amplify.DataStore.Events;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Sync.Auth;
using Amplify.DataStore.Sync.Transport;
using Microsoft.Extensions.Logging;
using Polly;

namespace Amplify.DataStore.Sync.Engine;

/// <summary>What the sync engine's parts share: the store's storage engine, the transport, the options, events and logging.</summary>
internal sealed class SyncContext : IDisposable
{
    private readonly Dictionary<string, SyncDocuments> _documents = new(StringComparer.Ordinal);
    private readonly HttpClient _http;

    public SyncContext(StorageEngine storage, AppSyncOptionsBuilder options, Action<DataStoreEvent> raise, ILogger logger)
    {
        Storage = storage;
        Options = options;
        Raise = raise;
        Logger = logger;
        var handler = options.HttpHandler ?? new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = options.Config.CreateCertificateValidation() },
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        _http = new HttpClient(handler, disposeHandler: options.HttpHandler is null) { Timeout = options.RequestTimeout };
        Client = new AppSyncHttpClient(_http, options.Config, options.TokenProvider, options.RequestSigner, options.MaxResponseBytes);
        foreach (var model in storage.Schema.Models)
        {
            if (model.IsSyncable) _documents[model.Name] = new SyncDocuments(storage.Schema, model);
        }
        // Throttling and server errors are retried in place; a failure to reach the server ends the session instead,
        // so the engine reconnects and catches up with a delta sync.
        ServerRetry = TransientRetry.Create(options.RetryFirstDelay, options.RetryMaxDelay, options.Clock,
            handle: e => e.Kind is AppSyncFailureKind.ServerError or AppSyncFailureKind.Throttled,
            onRetry: args =>
            {
                logger.LogInformation(args.Outcome.Exception, "AppSync request failed (attempt {Attempt}); retrying in {Delay}.", args.AttemptNumber + 1, args.RetryDelay);
                return default;
            });
    }

    public StorageEngine Storage { get; }

    public ModelSchema Schema => Storage.Schema;

    public AppSyncOptionsBuilder Options { get; }

    public Action<DataStoreEvent> Raise { get; }

    public ILogger Logger { get; }

    public AppSyncHttpClient Client { get; }

    public ResiliencePipeline ServerRetry { get; }

    public SyncDocuments Documents(ModelMetadata model) => _documents[model.Name];

    /// <summary>The authorization modes to try for <paramref name="model"/>'s <paramref name="operation"/>, in order.</summary>
    public IReadOnlyList<AuthorizationType> AuthModes(ModelMetadata model, AuthOperation operation)
        => AuthModeOrder.For(model, operation, Options.MultiAuth ? AuthModeStrategy.MultiAuth : AuthModeStrategy.Default, Options.Config, Options.TokenProvider is not null);

    /// <summary>
    /// Sends one operation, trying the auth modes in order (the next one when the server says unauthorized) and retrying
    /// throttling and server errors; returns the answer of the first mode the server accepted, or the last refusal.
    /// </summary>
    public Task<AppSyncResponse> SendAsync(ModelMetadata model, AuthOperation operation, string query, JsonObject variables, CancellationToken cancellationToken)
        => SendAsync(model, operation, query, variables, read: null, cancellationToken);

    /// <summary>As above; an error-free body is first offered to <paramref name="read"/> (see <see cref="AppSyncHttpClient.SendAsync(string, JsonObject?, AuthorizationType, Func{ReadOnlyMemory{byte}, object?}?, CancellationToken)"/>).</summary>
    public async Task<AppSyncResponse> SendAsync(ModelMetadata model, AuthOperation operation, string query, JsonObject variables, Func<ReadOnlyMemory<byte>, object?>? read, CancellationToken cancellationToken)
    {
        var modes = AuthModes(model, operation);
        AppSyncResponse? refused = null;
        AppSyncException? lastUnauthorized = null;
        foreach (var mode in modes)
        {
            try
            {
                var response = await ServerRetry.ExecuteAsync(
                    async token => await Client.SendAsync(query, variables, mode, read, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                if (response.Errors.Count > 0 && response.Errors[0].Kind == AppSyncFailureKind.Unauthorized)
                {
                    refused = response;
                    continue;
                }
                return response;
            }
            catch (AppSyncException ex) when (ex.Kind == AppSyncFailureKind.Unauthorized)
            {
                lastUnauthorized = ex;
            }
        }
        if (refused is not null) return refused;
        throw lastUnauthorized ?? new AppSyncException(AppSyncFailureKind.Unauthorized, $"No authorization mode is available for {model.Name}.");
    }

    // Remote changes held back because the record had local changes pending (keyed by model and record key): applied
    // once its pending entries are sent, if still newer, so a change made elsewhere while ours was in flight is not
    // lost until the next base sync.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Model, string Key), Amplify.DataStore.Engine.RemoteChange> _deferred = new();

    /// <summary>
    /// The merge rule (see <see cref="ModelSynchronizer.Accepts"/>), remembering a newer change that waits only for the
    /// record's pending local changes.
    /// </summary>
    public bool AcceptOrDefer(Amplify.DataStore.Storage.IStorageSession session, ModelMetadata model, Amplify.DataStore.Engine.RemoteChange change, bool outboxEmpty = false, bool noLocalVersions = false)
    {
        if (ModelSynchronizer.Accepts(session, model, change, outboxEmpty, noLocalVersions)) return true;
        if (outboxEmpty) return false; // older than the local copy: nothing to hold back
        var key = Amplify.DataStore.Storage.StorageKey.Of(model, change.Item);
        if (session.LastOutboxFor(model.Name, key.ToModelKey()) is not null)
        {
            _deferred.AddOrUpdate((model.Name, key.ToModelKey()), change,
                (_, held) => (change.Metadata?.Version ?? 0) >= (held.Metadata?.Version ?? 0) ? change : held);
        }
        return false;
    }

    /// <summary>After a record's outbox entry was answered: applies a remote change held back for it (if still newer).</summary>
    public async Task ApplyDeferredAsync(ModelMetadata model, string modelKey, CancellationToken cancellationToken)
    {
        if (!_deferred.TryRemove((model.Name, modelKey), out var held)) return;
        await Storage.ApplyRemoteAsync(model, new[] { held }, (s, c) => AcceptOrDefer(s, model, c), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The server's copy of the record <paramref name="record"/> names by its keys (<c>get</c>); null when the server has none or a key is missing.</summary>
    public async Task<JsonObject?> FetchAsync(ModelMetadata model, JsonObject record, CancellationToken cancellationToken)
    {
        if (MutationVariables.KeysOf(model, record) is not { } keys) return null;
        var documents = Documents(model);
        var response = await SendAsync(model, AuthOperation.Read, documents.Get, keys, cancellationToken).ConfigureAwait(false);
        return response.Data?[documents.GetField] as JsonObject;
    }

    /// <summary>The model's sync expression as an AppSync filter (JSON), for sync queries and subscriptions; null when it syncs every record.</summary>
    public string? SyncFilter(ModelMetadata model)
        => Options.SyncExpressions.TryGetValue(model.Name, out var node) && node is not Predicates.MatchAll
            ? Serialization.AppSyncConditionWriter.ToJson(model, node)
            : null;

    public void ReportError(SyncError error)
    {
        Logger.LogWarning("Sync error: {Error}", error);
        if (Options.ErrorHandler is not { } handler) return;
        try
        {
            handler(error);
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "The sync error handler threw; sync goes on.");
        }
    }

    public void Dispose() => _http.Dispose();
}
