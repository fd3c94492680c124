using System;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.Engine;
using Amplify.DataStore.Events;
using Amplify.DataStore.Sync.Auth;
using Amplify.DataStore.Sync.Transport;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Amplify.DataStore.Sync.Engine;

/// <summary>
/// Runs sync in the background between <see cref="StartAsync"/> and <see cref="StopAsync"/>. Each session follows
/// DataStore's start order (reference §7): open the subscriptions and hold their events → base or delta sync every model,
/// parents first → apply the held events → start the outbox processor → online (<see cref="NetworkStatusEvent"/>, and
/// <see cref="ReadyEvent"/> the first time). While online it re-syncs every <c>fullSyncInterval</c>. Losing the server
/// (a dropped connection, a request that cannot get through) ends the session: everything queued stays queued, and the
/// next session, after a jittered exponential backoff, starts again with a delta sync so nothing published meanwhile is
/// missed. Start, stop and clear are serialized, so they may be called in any order and concurrently.
/// </summary>
internal sealed class SyncEngine : IAsyncDisposable
{
    private readonly SyncContext _context;
    private readonly ModelSynchronizer _synchronizer;
    private readonly OutboxProcessor _outbox;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly Action _wakeOutbox;
    private CancellationTokenSource? _running;
    private Task _loop = Task.CompletedTask;
    private bool? _online;
    private bool _readyRaised;
    private int _disposed;

    public SyncEngine(StorageEngine storage, AppSyncOptionsBuilder options, Action<DataStoreEvent> raise, ILogger logger)
    {
        _context = new SyncContext(storage, options, raise, logger);
        _synchronizer = new ModelSynchronizer(_context);
        _outbox = new OutboxProcessor(_context);
        _wakeOutbox = _outbox.Wake;
        storage.OutboxAppended += _wakeOutbox;
        try
        {
            System.Net.NetworkInformation.NetworkChange.NetworkAvailabilityChanged += OnNetworkAvailabilityChanged;
            _watchingNetwork = true;
        }
        catch (PlatformNotSupportedException)
        {
            // No OS network events here (e.g. WebAssembly): transport failures alone tell online from offline.
        }
    }

    private readonly bool _watchingNetwork;

    private void OnNetworkAvailabilityChanged(object? sender, System.Net.NetworkInformation.NetworkAvailabilityEventArgs e)
        => _ = OnOsNetworkChangedAsync(e.IsAvailable);

    /// <summary>
    /// The OS says the network went away or came back. Losing it ends the session at once (offline now, not after a
    /// request times out; queued work stays queued); getting it back while offline reconnects at once instead of waiting
    /// out the backoff.
    /// </summary>
    internal async Task OnOsNetworkChangedAsync(bool available)
    {
        if (Volatile.Read(ref _disposed) != 0) return;
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_running is null || (available && _online == true)) return;
            _context.Logger.LogInformation("The OS reports the network {State}; {Action}.", available ? "available" : "unavailable", available ? "reconnecting now" : "going offline");
            await StopCoreAsync().ConfigureAwait(false);
            StartLoop();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Overrides the realtime keep-alive timeout (tests).</summary>
    internal TimeSpan? KeepAliveTimeout { get; set; }

    public bool IsRunning => _running is not null;

    /// <summary>Starts syncing in the background (nothing when already running); returns once it has started.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            if (_running is not null) return;
            StartLoop();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops syncing and waits until nothing is in flight; queued changes stay queued for the next start.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await StopCoreAsync().ConfigureAwait(false);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Changes one model's sync expression; when syncing, restarts the session so the model is base-synced under the new
    /// expression (purging local records out of its scope) and its subscriptions use it.
    /// </summary>
    public async Task ChangeSyncExpressionAsync(string modelName, Predicates.PredicateNode? expression, CancellationToken cancellationToken)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var wasRunning = _running is not null;
            await StopCoreAsync().ConfigureAwait(false);
            _context.Options.SetSyncExpression(modelName, expression);
            if (wasRunning)
            {
                StartLoop();
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops syncing, then runs <paramref name="work"/> (the store's clear) while no session can start.</summary>
    public async Task StopAndRunAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await StopCoreAsync().ConfigureAwait(false);
            await work().ConfigureAwait(false);
            foreach (var model in _context.Schema.Models) _context.Storage.SetSynced(model, false);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Starts the background loop (called under the lifecycle lock, when none runs).</summary>
    private void StartLoop()
    {
        _running = new CancellationTokenSource();
        var token = _running.Token;
        _loop = Task.Run(() => RunAsync(token), CancellationToken.None);
    }

    private async Task StopCoreAsync()
    {
        if (_running is not { } running) return;
        running.Cancel();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        running.Dispose();
        _running = null;
        SetOnline(false);
        _online = null;
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        // Polly's retry strategy spaces out sessions that fail before getting online (jittered, exponential, no limit);
        // a session that was online and then lost the server starts a fresh series, after the first delay.
        var reconnect = new ResiliencePipelineBuilder { TimeProvider = _context.Options.Clock }.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException || !stopping.IsCancellationRequested),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = _context.Options.RetryFirstDelay,
            MaxDelay = _context.Options.RetryMaxDelay,
            MaxRetryAttempts = int.MaxValue,
            OnRetry = args =>
            {
                SessionFailed(args.Outcome.Exception);
                return default;
            },
        }).Build();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await reconnect.ExecuteAsync(async token => await RunSessionAsync(token).ConfigureAwait(false), stopping).ConfigureAwait(false);
                await Task.Delay(_context.Options.RetryFirstDelay, _context.Options.Clock, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private void SessionFailed(Exception? ex)
    {
        var offline = ex is AppSyncException { IsTransient: true };
        _context.Logger.Log(offline ? LogLevel.Information : LogLevel.Warning, ex, "Sync session failed: {Reason}", ex?.Message);
        if (!offline && ex is not null) _context.ReportError(new SyncError("Sync", "*", ex.GetType().Name, ex.Message));
        SetOnline(false);
        RaiseReadyOnce(); // the first attempt failed: the app still learns that the store is usable (offline)
    }

    /// <summary>
    /// One session. Throws when it fails before getting online (retried with backoff); returns when an online session
    /// lost the server (the caller starts a new one).
    /// </summary>
    private async Task RunSessionAsync(CancellationToken stopping)
    {
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var token = session.Token;
        await using var subscriptions = await SubscriptionHub.OpenAsync(_context, KeepAliveTimeout, token).ConfigureAwait(false);
        _context.Raise(new SubscriptionsEstablishedEvent(subscriptions.Subscriptions, subscriptions.Connections));

        await SyncModelsAsync(token).ConfigureAwait(false);
        var applying = ApplySubscriptionEventsAsync(subscriptions, token); // the held events first, then live ones
        var sending = _outbox.RunAsync(token);
        SetOnline(true);
        RaiseReadyOnce();

        try
        {
            while (true)
            {
                var resync = Task.Delay(_context.Options.FullSyncInterval, _context.Options.Clock, token);
                var ended = await Task.WhenAny(subscriptions.Lost, applying, sending, resync).ConfigureAwait(false);
                if (ended == resync)
                {
                    await resync.ConfigureAwait(false);
                    await SyncModelsAsync(token).ConfigureAwait(false);
                    continue;
                }
                Exception? reason = ended == subscriptions.Lost ? await subscriptions.Lost.ConfigureAwait(false) : ended.Exception?.GetBaseException();
                if (stopping.IsCancellationRequested) return;
                SessionFailed(reason ?? new AppSyncException(AppSyncFailureKind.Network, "The realtime connection closed."));
                return;
            }
        }
        finally
        {
            session.Cancel();
            await Quietly(applying).ConfigureAwait(false);
            await Quietly(sending).ConfigureAwait(false);
        }
    }

    private Task SyncModelsAsync(CancellationToken cancellationToken)
        => ModelSyncScheduler.RunAsync(_context.Schema, (model, token) => _synchronizer.SyncAsync(model, token), cancellationToken);

    private async Task ApplySubscriptionEventsAsync(SubscriptionHub subscriptions, CancellationToken cancellationToken)
    {
        var reader = subscriptions.Events;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var received))
            {
                var (model, record) = received;
                // A mutation made outside DataStore publishes only the fields it selected (AppSync's rule); amplify-js skips
                // such events (#8766). Read the record from the server instead, so the change is not lost.
                var complete = record["_version"] is not null ? TryRead(model, record) : null;
                if (complete is null)
                {
                    var fetched = await _context.FetchAsync(model, record, cancellationToken).ConfigureAwait(false);
                    complete = fetched is null ? null : TryRead(model, fetched);
                    if (complete is null)
                    {
                        _context.ReportError(new SyncError("Subscribe", model.Name, "BadRecord", $"An event for {model.Name} lacks fields the model requires and the record could not be read from the server: {record.ToJsonString()}"));
                        continue;
                    }
                }
                var change = complete.Value;
                await _context.Storage.ApplyRemoteAsync(model, new[] { change }, (s, c) => _context.AcceptOrDefer(s, model, c), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static Amplify.DataStore.Engine.RemoteChange? TryRead(Metadata.ModelMetadata model, System.Text.Json.Nodes.JsonObject record)
    {
        try
        {
            return RemoteRecords.Read(model, record);
        }
        catch (Serialization.ModelSerializationException)
        {
            return null;
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch
        {
            // already reported, or the session is ending
        }
    }

    private void SetOnline(bool online)
    {
        if (_online == online) return;
        _online = online;
        _context.Raise(new NetworkStatusEvent(online));
    }

    private void RaiseReadyOnce()
    {
        if (_readyRaised) return;
        _readyRaised = true;
        _context.Raise(new ReadyEvent(_context.Schema.Version));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            await StopCoreAsync().ConfigureAwait(false);
        }
        finally
        {
            _lifecycle.Release();
        }
        _context.Storage.OutboxAppended -= _wakeOutbox;
        if (_watchingNetwork) System.Net.NetworkInformation.NetworkChange.NetworkAvailabilityChanged -= OnNetworkAvailabilityChanged;
        _context.Dispose();
    }
}
