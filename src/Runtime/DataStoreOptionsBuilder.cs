using System;
using Amplify.DataStore.Events;
using Amplify.DataStore.Storage;
using Amplify.DataStore.Storage.InMemory;
using Amplify.DataStore.Storage.LiteDb;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Amplify.DataStore;

/// <summary>Configures a <see cref="DataStore"/> in <see cref="DataStore.OpenAsync"/>.</summary>
public sealed class DataStoreOptionsBuilder
{
    private Func<ILoggerFactory, IStorageAdapter>? _adapter;

    internal DataStoreOptionsBuilder()
    {
    }

    internal ILoggerFactory LoggerFactory { get; private set; } = NullLoggerFactory.Instance;

    internal TimeSpan ObserveQueryMaxWait { get; private set; } = TimeSpan.FromSeconds(2);

    internal int ObserveQueryMaxChanges { get; private set; } = 1000;

    internal Action<DataStoreEvent>? EventHandler { get; private set; }

    /// <summary>True when writes also append outbox entries (turned on by the sync engine; off in local-only mode).</summary>
    internal bool OutboxEnabled { get; set; }

    /// <summary>Stores data in the LiteDB file at <paramref name="filePath"/> (created if missing); the default, durable choice.</summary>
    public DataStoreOptionsBuilder UseLiteDb(string filePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        _adapter = loggers => new LiteDbStorageAdapter(new LiteDbOptions { FilePath = filePath, Logger = loggers.CreateLogger<LiteDbStorageAdapter>() });
        return this;
    }

    /// <summary>Stores data in LiteDB with explicit <paramref name="options"/> (password, batch size, connection settings).</summary>
    public DataStoreOptionsBuilder UseLiteDb(LiteDbOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _adapter = _ => new LiteDbStorageAdapter(options);
        return this;
    }

    /// <summary>Stores data in an in-memory adapter (for tests; nothing survives the process).</summary>
    public DataStoreOptionsBuilder UseInMemory()
    {
        _adapter = static _ => new InMemoryStorageAdapter();
        return this;
    }

    /// <summary>Stores data through another adapter. Internal: the adapter contract (sync metadata, outbox, failed
    /// mutations) changes with the sync engine, so only this assembly's adapters and its tests implement it.</summary>
    internal DataStoreOptionsBuilder UseStorageAdapter(IStorageAdapter adapter)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        _adapter = _ => adapter;
        return this;
    }

    /// <summary>Logs through <paramref name="loggerFactory"/>.</summary>
    public DataStoreOptionsBuilder UseLoggerFactory(ILoggerFactory loggerFactory)
    {
        LoggerFactory = loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory));
        return this;
    }

    /// <summary>
    /// How <c>ObserveQuery</c> batches changes into snapshots: a new snapshot at most every <paramref name="maxWait"/>
    /// or as soon as <paramref name="maxChanges"/> changes are pending (amplify-js: 2 s / 1000).
    /// </summary>
    public DataStoreOptionsBuilder ConfigureObserveQuery(TimeSpan maxWait, int maxChanges)
    {
        if (maxWait < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(maxWait));
        if (maxChanges < 1) throw new ArgumentOutOfRangeException(nameof(maxChanges));
        ObserveQueryMaxWait = maxWait;
        ObserveQueryMaxChanges = maxChanges;
        return this;
    }

    /// <summary>
    /// Receives events synchronously while the store opens (e.g. <see cref="LocalDataWipedEvent"/> with the pending
    /// outbox) as well as afterwards; <c>store.Events</c> replays state events too.
    /// </summary>
    public DataStoreOptionsBuilder OnEvent(Action<DataStoreEvent> handler)
    {
        EventHandler = handler ?? throw new ArgumentNullException(nameof(handler));
        return this;
    }

    /// <summary>The sync configuration, when <see cref="UseAppSync(AmplifyConfig, Action{AppSyncOptionsBuilder}?)"/> was called.</summary>
    internal AppSyncOptionsBuilder? Sync { get; private set; }

    /// <summary>
    /// Syncs with the AppSync API in <paramref name="config"/> (<c>AmplifyConfig.Load("amplify_outputs.json")</c>): every
    /// local write is queued in the outbox in the same transaction, and <c>store.StartAsync()</c> starts syncing in the
    /// background (delta sync, realtime subscriptions, conflict resolution).
    /// </summary>
    /// <param name="config">The endpoint and authorization.</param>
    /// <param name="configure">Optional sync settings: conflict and error handlers, sync expressions, page sizes, auth providers.</param>
    public DataStoreOptionsBuilder UseAppSync(AmplifyConfig config, Action<AppSyncOptionsBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var sync = new AppSyncOptionsBuilder(config);
        configure?.Invoke(sync);
        Sync = sync;
        OutboxEnabled = true;
        return this;
    }

    internal IStorageAdapter CreateAdapter()
        => (_adapter ?? throw new InvalidOperationException("Choose where data is stored: o.UseLiteDb(\"app.db\") or o.UseInMemory()."))(LoggerFactory);
}
