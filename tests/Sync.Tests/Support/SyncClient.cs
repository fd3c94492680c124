using System.Collections.Concurrent;
using Amplify.DataStore.Events;
using SyncTests.Models;

namespace Amplify.DataStore.Sync.Tests.Support;

/// <summary>A syncing DataStore on its own LiteDB file, with every event it raised recorded for the test to wait on.</summary>
internal sealed class SyncClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<DataStoreEvent> _events = new();
    private readonly IDisposable _subscription;
    private readonly SemaphoreSlim _raised = new(0, int.MaxValue);

    private SyncClient(DataStore store, string file)
    {
        Store = store;
        File = file;
        _subscription = store.Events.Subscribe(new Recorder(this));
    }

    public DataStore Store { get; }

    public string File { get; }

    public IReadOnlyCollection<DataStoreEvent> Events => _events;

    /// <summary>Opens (not started) a client of <paramref name="backend"/>'s written configuration.</summary>
    public static async Task<SyncClient> OpenAsync(TestBackend backend, string? file = null, Action<AppSyncOptionsBuilder>? sync = null, AmplifyConfig? config = null,
        Metadata.ModelSchema? schema = null)
    {
        file ??= Path.Combine(backend.Directory, "client-" + Guid.NewGuid().ToString("N") + ".db");
        config ??= AmplifyConfig.Load(backend.ConfigurationPath("amplify_outputs.json"));
        var store = await DataStore.OpenAsync(schema ?? CoreSchema, o => o
            .UseLiteDb(file)
            .UseAppSync(config, s =>
            {
                s.WithRetryDelays(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(500)).WithRequestTimeout(TimeSpan.FromSeconds(5));
                sync?.Invoke(s);
            }));
        return new SyncClient(store, file);
    }

    /// <summary>
    /// The blog models only (Post, Comment, Notice): what most tests sync. The generated schema also has 34 Extra models
    /// for the many-connections test; leaving them out keeps each client's start quick.
    /// </summary>
    public static readonly Metadata.ModelSchema CoreSchema = new(AmplifyModels.Schema.Version,
        AmplifyModels.Schema.Models.Where(m => !m.Name.StartsWith("Extra", StringComparison.Ordinal)).ToArray(),
        AmplifyModels.Schema.EmbeddedTypes, AmplifyModels.Schema.Enums);

    /// <summary>Opens and starts a client and waits until its first sync is done.</summary>
    public static async Task<SyncClient> StartAsync(TestBackend backend, string? file = null, Action<AppSyncOptionsBuilder>? sync = null, AmplifyConfig? config = null,
        Metadata.ModelSchema? schema = null)
    {
        var client = await OpenAsync(backend, file, sync, config, schema);
        await client.Store.StartAsync();
        await client.WaitForAsync<NetworkStatusEvent>(e => e.Active, "online");
        return client;
    }

    /// <summary>Waits for an event matching <paramref name="match"/> (already raised or still to come).</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool> match, string what, TimeSpan? timeout = null) where T : DataStoreEvent
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            foreach (var e in _events)
            {
                if (e is T t && match(t)) return t;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"Timed out waiting for {what}. Events: {string.Join(", ", _events.Select(e => e.GetType().Name))}");
            await _raised.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Polls the local store until <paramref name="condition"/> holds.</summary>
    public async Task WaitUntilAsync(Func<DataStore, Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await condition(Store))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting until {what}.");
            await Task.Delay(25);
        }
    }

    /// <summary>Waits until the outbox is empty (every local change was answered by the server).</summary>
    public Task WaitForEmptyOutboxAsync(TimeSpan? timeout = null)
        => WaitUntilAsync(async s => (await s.GetPendingMutationsAsync()).Count == 0, "the outbox is empty", timeout);

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await Store.DisposeAsync();
    }

    private sealed class Recorder(SyncClient owner) : IObserver<DataStoreEvent>
    {
        public void OnCompleted() { }
        public void OnError(Exception error) { }
        public void OnNext(DataStoreEvent value)
        {
            owner._events.Enqueue(value);
            owner._raised.Release();
        }
    }
}
