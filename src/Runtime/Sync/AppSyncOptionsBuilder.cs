using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.Predicates;
using Amplify.DataStore.Sync.Transport;

namespace Amplify.DataStore;

/// <summary>
/// Configures the sync engine in <see cref="DataStoreOptionsBuilder.UseAppSync(AmplifyConfig, Action{AppSyncOptionsBuilder}?)"/>.
/// The defaults are amplify-js's: 10,000 records per model per sync, pages of 1,000, a base sync every 24 hours, the local
/// change wins conflicts (re-sent on the server's version).
/// </summary>
public sealed class AppSyncOptionsBuilder
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PredicateNode> _syncExpressions = new(StringComparer.Ordinal);

    internal AppSyncOptionsBuilder(AmplifyConfig config) => Config = config;

    internal AmplifyConfig Config { get; }

    internal Func<SyncConflict, CancellationToken, Task<ConflictResolution>>? ConflictHandler { get; private set; }

    internal Action<SyncError>? ErrorHandler { get; private set; }

    internal IReadOnlyDictionary<string, PredicateNode> SyncExpressions => _syncExpressions;

    /// <summary>Replaces (or with null removes) one model's sync expression; the engine applies it at the next session.</summary>
    internal void SetSyncExpression(string modelName, PredicateNode? expression)
    {
        if (expression is null or MatchAll) _syncExpressions.TryRemove(modelName, out _);
        else _syncExpressions[modelName] = expression;
    }

    internal int MaxRecordsToSync { get; private set; } = 10_000;

    internal int SyncPageSize { get; private set; } = 1_000;

    internal TimeSpan FullSyncInterval { get; private set; } = TimeSpan.FromHours(24);

    internal IAuthTokenProvider? TokenProvider { get; private set; }

    internal IRequestSigner? RequestSigner { get; private set; }

    internal bool MultiAuth { get; private set; }

    internal HttpMessageHandler? HttpHandler { get; private set; }

    internal TimeSpan RequestTimeout { get; private set; } = TimeSpan.FromSeconds(30);

    /// <summary>The default of <see cref="WithMaxResponseBytes"/>: 64 MiB.</summary>
    internal const long DefaultMaxResponseBytes = 64L * 1024 * 1024;

    /// <summary>The default of <see cref="WithMaxRealtimeMessageBytes"/>: 4 MiB.</summary>
    internal const int DefaultMaxRealtimeMessageBytes = 4 * 1024 * 1024;

    internal long MaxResponseBytes { get; private set; } = DefaultMaxResponseBytes;

    internal int MaxRealtimeMessageBytes { get; private set; } = DefaultMaxRealtimeMessageBytes;

    internal TimeSpan RetryFirstDelay { get; private set; } = TimeSpan.FromSeconds(1);

    internal TimeSpan RetryMaxDelay { get; private set; } = TimeSpan.FromMinutes(1);

    internal TimeProvider Clock { get; private set; } = TimeProvider.System;

    /// <summary>
    /// Decides what to do when the server rejects a queued mutation as a conflict: <see cref="ConflictResolution.Retry"/> with
    /// a model, or <see cref="ConflictResolution.Discard"/>. Called at most 10 times per mutation; then the server's copy is
    /// taken. A handler that throws counts as an attempt and is logged.
    /// </summary>
    public AppSyncOptionsBuilder WithConflictHandler(Func<SyncConflict, CancellationToken, Task<ConflictResolution>> handler)
    {
        ConflictHandler = handler ?? throw new ArgumentNullException(nameof(handler));
        return this;
    }

    /// <summary>Receives the errors retrying cannot fix (refused mutations, failed conditions, models that cannot be synced).</summary>
    public AppSyncOptionsBuilder WithErrorHandler(Action<SyncError> handler)
    {
        ErrorHandler = handler ?? throw new ArgumentNullException(nameof(handler));
        return this;
    }

    /// <summary>
    /// Selective sync: only records matching <paramref name="expression"/> are synced down (by sync queries and by
    /// subscriptions) for model <typeparamref name="T"/>. When the expression differs from the one of the last run, the model
    /// is base-synced again and local records now out of scope are removed (those with unsent local changes are kept).
    /// </summary>
    /// <exception cref="ArgumentException">The expression cannot be sent as an AppSync filter; the message names the field and operator.</exception>
    public AppSyncOptionsBuilder WithSyncExpression<T>(Predicate<T> expression) where T : class, IModel<T>
    {
        ArgumentNullException.ThrowIfNull(expression);
        Serialization.AppSyncConditionWriter.ToJson(T.Metadata, expression.Node); // an expression AppSync cannot take fails here, not at sync time
        SetSyncExpression(T.Metadata.Name, expression.Node);
        return this;
    }

    /// <summary>The most records synced per model per run (default 10,000).</summary>
    public AppSyncOptionsBuilder WithMaxRecordsToSync(int maxRecords)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecords, 1);
        MaxRecordsToSync = maxRecords;
        return this;
    }

    /// <summary>Records per sync page (default 1,000).</summary>
    public AppSyncOptionsBuilder WithSyncPageSize(int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        SyncPageSize = pageSize;
        return this;
    }

    /// <summary>How often a model is base-synced instead of delta-synced, and how often the engine re-syncs while online (default 24 hours).</summary>
    public AppSyncOptionsBuilder WithFullSyncInterval(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        FullSyncInterval = interval;
        return this;
    }

    /// <summary>
    /// Supplies bearer tokens for Cognito user pools, OIDC or Lambda authorization. A 401 asks for a fresh token once, and
    /// every realtime (re)connect asks again, so sync goes on after a token expires.
    /// </summary>
    public AppSyncOptionsBuilder WithAuthTokenProvider(IAuthTokenProvider provider)
    {
        TokenProvider = provider ?? throw new ArgumentNullException(nameof(provider));
        return this;
    }

    /// <summary>Signs requests for AWS_IAM authorization (SigV4).</summary>
    public AppSyncOptionsBuilder WithRequestSigner(IRequestSigner signer)
    {
        RequestSigner = signer ?? throw new ArgumentNullException(nameof(signer));
        return this;
    }

    /// <summary>
    /// Tries, per model and operation, every authorization mode the model's <c>@auth</c> rules allow and the API has, in
    /// amplify-js's MULTI_AUTH order, instead of only the API's default mode.
    /// </summary>
    public AppSyncOptionsBuilder WithMultiAuth(bool enabled = true)
    {
        MultiAuth = enabled;
        return this;
    }

    /// <summary>Sends HTTP and realtime traffic through <paramref name="handler"/> for HTTP (proxies, custom TLS, tests).</summary>
    public AppSyncOptionsBuilder WithHttpMessageHandler(HttpMessageHandler handler)
    {
        HttpHandler = handler ?? throw new ArgumentNullException(nameof(handler));
        return this;
    }

    /// <summary>How long one GraphQL request may take before it counts as a network failure (default 30 s).</summary>
    public AppSyncOptionsBuilder WithRequestTimeout(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        RequestTimeout = timeout;
        return this;
    }

    /// <summary>
    /// The largest HTTP response body the client reads (default 64 MiB); a longer one is cut off unread, so a broken or
    /// hostile server cannot exhaust the app's memory. The default leaves room for a full sync page (1,000 records) of large
    /// items: 64 KiB per record on average, while AppSync itself returns at most about 1 MB of DynamoDB items per sync page
    /// (DynamoDB's page limit). An over-size answer is not retried as transient: a mutation's goes to the error handler
    /// and the dead-letter collection, a sync page's ends the sync session (reported to the error handler) until the next
    /// reconnect attempt. Raise it only with larger pages (<see cref="WithSyncPageSize"/>) of very large records.
    /// </summary>
    /// <param name="maxBytes">The limit in bytes; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is zero or negative.</exception>
    public AppSyncOptionsBuilder WithMaxResponseBytes(long maxBytes)
    {
        if (maxBytes <= 0) throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, "The maximum response size must be a positive number of bytes.");
        MaxResponseBytes = maxBytes;
        return this;
    }

    /// <summary>
    /// The largest realtime (subscription) message the client assembles (default 4 MiB). AppSync itself never sends an
    /// event over 240 KB (its subscription payload limit), so the default is generous; a larger message closes the
    /// connection (<c>MessageTooBig</c>) and the engine reconnects as after any dropped connection, catching up with a
    /// delta sync.
    /// </summary>
    /// <param name="maxBytes">The limit in bytes; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is zero or negative.</exception>
    public AppSyncOptionsBuilder WithMaxRealtimeMessageBytes(int maxBytes)
    {
        if (maxBytes <= 0) throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, "The maximum realtime message size must be a positive number of bytes.");
        MaxRealtimeMessageBytes = maxBytes;
        return this;
    }

    /// <summary>
    /// The jittered exponential backoff between reconnect attempts and between retries of throttled or failed (5xx)
    /// requests: from <paramref name="firstDelay"/> up to <paramref name="maxDelay"/> (defaults 1 s and 1 minute).
    /// </summary>
    public AppSyncOptionsBuilder WithRetryDelays(TimeSpan firstDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, firstDelay);
        RetryFirstDelay = firstDelay;
        RetryMaxDelay = maxDelay;
        return this;
    }

    /// <summary>The clock for sync schedules (full-sync interval, periodic re-sync); tests pass a controllable one.</summary>
    public AppSyncOptionsBuilder WithTimeProvider(TimeProvider clock)
    {
        Clock = clock ?? throw new ArgumentNullException(nameof(clock));
        return this;
    }
}
