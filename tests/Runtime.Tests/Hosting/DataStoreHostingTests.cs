using Amplify.DataStore.Hosting;
using Amplify.DataStore.Runtime.Tests.Storage;
using Amplify.DataStore.Runtime.Tests.Storage.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.Runtime.Tests.Hosting;

/// <summary>services.AddDataStore(...) in a real generic host: opened at start, disposed at stop, logging through the host.</summary>
public sealed class DataStoreHostingTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = StorageTestDirectory.Create();

    [TearDown]
    public void DeleteDirectory() => StorageTestDirectory.Delete(_directory);

    private string DbFile => Path.Combine(_directory, "store.db");

    private static IHost BuildHost(Action<IServiceCollection> services, CapturingLoggerProvider? logs = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        if (logs is not null) builder.Logging.AddProvider(logs);
        services(builder.Services);
        return builder.Build();
    }

    [Test]
    public async Task Store_opens_at_host_start_saves_and_queries_and_is_disposed_at_stop()
    {
        using var host = BuildHost(s => s.AddDataStore(StorageTestSchema.Instance, o => o.UseInMemory()));
        await host.StartAsync();

        var store = host.Services.GetRequiredService<DataStore>();
        Assert.That(host.Services.GetRequiredService<DataStore>(), Is.SameAs(store), "one store per host");
        Assert.That(await host.Services.GetRequiredService<IDataStoreAccessor>().GetStoreAsync(), Is.SameAs(store));
        Assert.That(store.IsSyncEnabled, Is.False);
        await store.SaveAsync(new Counter { Id = 1, Value = 7, Label = "one" });
        var all = await store.QueryAsync<Counter>();
        Assert.That(all.Select(c => (c.Id, c.Value)), Is.EqualTo(new[] { (1, (int?)7) }));

        await host.StopAsync();

        Assert.ThrowsAsync<ObjectDisposedException>(() => store.QueryAsync<Counter>());
        Assert.ThrowsAsync<ObjectDisposedException>(() => host.Services.GetRequiredService<IDataStoreAccessor>().GetStoreAsync());
    }

    [Test]
    public async Task Stopping_the_host_releases_the_LiteDb_file_for_another_store()
    {
        using (var host = BuildHost(s => s.AddDataStore(StorageTestSchema.Instance, o => o.UseLiteDb(DbFile))))
        {
            await host.StartAsync();
            await host.Services.GetRequiredService<DataStore>().SaveAsync(new Counter { Id = 2, Label = "kept" });
            await host.StopAsync();

            // Still inside the host's lifetime (not yet disposed): the stop alone must have let go of the file.
            await using var again = await DataStore.OpenAsync(StorageTestSchema.Instance, o => o.UseLiteDb(DbFile));
            var kept = await again.QueryAsync<Counter>();
            Assert.That(kept.Select(c => c.Label), Is.EqualTo(new[] { "kept" }));
        }
    }

    [Test]
    public async Task Disposing_a_host_that_was_never_stopped_releases_the_file()
    {
        var host = BuildHost(s => s.AddDataStore(StorageTestSchema.Instance, o => o.UseLiteDb(DbFile)));
        await host.StartAsync();
        await host.Services.GetRequiredService<DataStore>().SaveAsync(new Counter { Id = 3 });
        host.Dispose();

        await using var again = await DataStore.OpenAsync(StorageTestSchema.Instance, o => o.UseLiteDb(DbFile));
        Assert.That(await again.QueryAsync<Counter>(), Has.Count.EqualTo(1));
    }

    [Test]
    public void Resolving_the_store_before_the_host_starts_says_when_it_opens()
    {
        using var host = BuildHost(s => s.AddDataStore(StorageTestSchema.Instance, o => o.UseInMemory()));

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<DataStore>());
        Assert.That(error!.Message, Does.Contain("opens when the host starts").And.Contain("IDataStoreAccessor.GetStoreAsync"));
    }

    [Test]
    public async Task The_accessor_waits_for_the_host_to_open_the_store()
    {
        using var host = BuildHost(s => s.AddDataStore(StorageTestSchema.Instance, o => o.UseInMemory()));
        var pending = host.Services.GetRequiredService<IDataStoreAccessor>().GetStoreAsync();
        Assert.That(pending.IsCompleted, Is.False);

        await host.StartAsync();

        var store = await pending.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(store, Is.SameAs(host.Services.GetRequiredService<DataStore>()));
        await host.StopAsync();
    }

    [Test]
    public async Task The_accessor_stops_waiting_when_its_token_is_cancelled()
    {
        using var host = BuildHost(s => s.AddDataStore(StorageTestSchema.Instance, o => o.UseInMemory()));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        Assert.That(async () => await host.Services.GetRequiredService<IDataStoreAccessor>().GetStoreAsync(cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
        await Task.CompletedTask;
    }

    [Test]
    public async Task Store_logs_through_the_hosts_logger_factory()
    {
        var logs = new CapturingLoggerProvider();
        using var host = BuildHost(s => s.AddDataStore(StorageTestSchema.Instance, o => o.UseLiteDb(DbFile)), logs);
        await host.StartAsync();
        var store = host.Services.GetRequiredService<DataStore>();

        Assert.That(logs.Categories, Does.Contain(typeof(DataStore).FullName).And.Contain("Amplify.DataStore.Storage.LiteDb.LiteDbStorageAdapter"));
        // A throwing observer is logged as a warning by the store: a real message, through the host's providers.
        using (store.Events.Subscribe(_ => throw new InvalidOperationException("observer bug")))
        {
            await WaitUntil(() => logs.Entries.Any(e => e.Category == typeof(DataStore).FullName && e.Level == LogLevel.Warning));
        }
        Assert.That(logs.Entries.First(e => e.Level == LogLevel.Warning).Message, Does.Contain("observer threw"));
        await host.StopAsync();
    }

    [Test]
    public async Task A_logger_factory_set_in_configure_wins_over_the_hosts()
    {
        var hostLogs = new CapturingLoggerProvider();
        var ownLogs = new CapturingLoggerProvider();
        using var own = LoggerFactory.Create(b => b.AddProvider(ownLogs));
        using var host = BuildHost(s => s.AddDataStore(StorageTestSchema.Instance, o => o.UseInMemory().UseLoggerFactory(own)), hostLogs);
        await host.StartAsync();

        Assert.That(ownLogs.Categories, Does.Contain(typeof(DataStore).FullName));
        Assert.That(hostLogs.Categories, Has.None.StartsWith("Amplify.DataStore"));
        await host.StopAsync();
    }

    [Test]
    public async Task Configure_gets_the_hosts_services()
    {
        using var host = BuildHost(s => s
            .AddSingleton(new StorePath(DbFile))
            .AddDataStore(StorageTestSchema.Instance, (sp, o) => o.UseLiteDb(sp.GetRequiredService<StorePath>().Value)));
        await host.StartAsync();
        await host.Services.GetRequiredService<DataStore>().SaveAsync(new Counter { Id = 4 });
        await host.StopAsync();

        Assert.That(File.Exists(DbFile), Is.True);
    }

    [Test]
    public async Task A_file_in_use_fails_host_start_with_that_error()
    {
        await using var owner = await DataStore.OpenAsync(StorageTestSchema.Instance, o => o.UseLiteDb(DbFile));
        using var host = BuildHost(s => s.AddDataStore(StorageTestSchema.Instance, o => o.UseLiteDb(DbFile)));

        var error = Assert.ThrowsAsync<DataStoreException>(() => host.StartAsync());
        Assert.That(error!.Message, Does.Contain("is in use"));

        var accessorError = Assert.ThrowsAsync<DataStoreException>(() => host.Services.GetRequiredService<IDataStoreAccessor>().GetStoreAsync());
        Assert.That(accessorError, Is.SameAs(error), "the accessor reports the error that failed the start");
        var resolveError = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<DataStore>());
        Assert.That(resolveError!.InnerException, Is.SameAs(error));
        Assert.That(resolveError.Message, Does.Contain("failed to open when the host started"));
    }

    [Test]
    public void A_store_without_storage_fails_host_start_with_the_configuration_error()
    {
        using var host = BuildHost(s => s.AddDataStore(StorageTestSchema.Instance, _ => { }));

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
        Assert.That(error!.Message, Does.Contain("Choose where data is stored"));
    }

    [Test]
    public async Task A_hosted_service_registered_after_AddDataStore_uses_the_store_from_its_start_to_its_stop()
    {
        using var host = BuildHost(s => s
            .AddDataStore(StorageTestSchema.Instance, o => o.UseInMemory())
            .AddSingleton<CounterWriter>()
            .AddHostedService(sp => sp.GetRequiredService<CounterWriter>()));
        await host.StartAsync();
        await host.StopAsync();

        var writer = host.Services.GetRequiredService<CounterWriter>();
        Assert.That(writer.CountAtStop, Is.EqualTo(1), "hosted services stop in reverse order: the store was still open");
    }

    [Test]
    public void A_hosted_service_taking_the_store_in_its_constructor_is_told_to_use_the_accessor()
    {
        using var host = BuildHost(s => s
            .AddDataStore(StorageTestSchema.Instance, o => o.UseInMemory())
            .AddHostedService<TakesStoreInConstructor>());

        var error = Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
        Assert.That(error!.Message, Does.Contain("IDataStoreAccessor"));
    }

    [Test]
    public void AddDataStore_twice_is_refused()
    {
        var services = new ServiceCollection().AddDataStore(StorageTestSchema.Instance, o => o.UseInMemory());

        var error = Assert.Throws<InvalidOperationException>(() => services.AddDataStore(StorageTestSchema.Instance, o => o.UseInMemory()));
        Assert.That(error!.Message, Does.Contain("one DataStore"));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("timed out waiting for the condition");
            await Task.Delay(10);
        }
    }

    private sealed record StorePath(string Value);

    // The pattern for hosted services: the host builds every hosted service before starting any, so a constructor gets
    // the accessor, and StartAsync awaits the store (at once here: AddDataStore's service started first).
    private sealed class CounterWriter(IDataStoreAccessor accessor) : IHostedService
    {
        private DataStore? _store;

        public int CountAtStop { get; private set; } = -1;

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            _store = await accessor.GetStoreAsync(cancellationToken);
            await _store.SaveAsync(new Counter { Id = 5 }, cancellationToken);
        }

        public async Task StopAsync(CancellationToken cancellationToken) => CountAtStop = (await _store!.QueryAsync<Counter>(cancellationToken)).Count;
    }

    private sealed class TakesStoreInConstructor(DataStore store) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => store.QueryAsync<Counter>(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
