using System;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.Hosting;

/// <summary>
/// The one store of a host: opens it in <see cref="StartAsync"/> (and starts sync when configured), stops sync and
/// disposes it in <see cref="StopAsync"/>, and hands it out (<see cref="Store"/> for the <see cref="DataStore"/>
/// registration, <see cref="GetStoreAsync"/> for <see cref="IDataStoreAccessor"/>).
/// </summary>
internal sealed class DataStoreLifetime : IHostedService, IDataStoreAccessor, IAsyncDisposable
{
    private readonly ModelSchema _schema;
    private readonly Action<IServiceProvider, DataStoreOptionsBuilder> _configure;
    private readonly IServiceProvider _services;
    // Completes once: with the open store, the error that failed opening, or cancellation of the host's start.
    private readonly TaskCompletionSource<DataStore> _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DataStore? _store;
    private int _starting;
    private volatile bool _stopped;

    public DataStoreLifetime(ModelSchema schema, Action<IServiceProvider, DataStoreOptionsBuilder> configure, IServiceProvider services)
    {
        _schema = schema;
        _configure = configure;
        _services = services;
    }

    /// <summary>The open store, or a clear error when the host has not opened it (yet, or at all).</summary>
    public DataStore Store
    {
        get
        {
            var opened = _opened.Task;
            if (opened.IsCompletedSuccessfully)
            {
                ObjectDisposedException.ThrowIf(_stopped, typeof(DataStore));
                return opened.Result;
            }
            if (opened.IsFaulted)
            {
                throw new InvalidOperationException(
                    "The DataStore failed to open when the host started (see the inner exception); nothing can be resolved from it.",
                    opened.Exception!.InnerException);
            }
            if (opened.IsCanceled)
            {
                throw new InvalidOperationException("The DataStore was not opened: the host's start was cancelled while it was opening.");
            }
            throw new InvalidOperationException(
                "The DataStore opens when the host starts: resolve DataStore after host.StartAsync() (or RunAsync) has started it. " +
                "Hosted services are all created before any starts, so their constructors take IDataStoreAccessor instead and " +
                "await IDataStoreAccessor.GetStoreAsync() in StartAsync, which waits for the store to open.");
        }
    }

    public async Task<DataStore> GetStoreAsync(CancellationToken cancellationToken = default)
    {
        var store = await _opened.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        ObjectDisposedException.ThrowIf(_stopped, typeof(DataStore));
        return store;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _starting, 1) != 0) return;
        DataStore store;
        try
        {
            // The host's loggers by default; the user's configure runs after, so its own UseLoggerFactory wins.
            var loggerFactory = _services.GetService<ILoggerFactory>();
            store = await DataStore.OpenAsync(_schema, o =>
            {
                if (loggerFactory is not null) o.UseLoggerFactory(loggerFactory);
                _configure(_services, o);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Fail(ex, cancellationToken);
            throw;
        }
        if (store.IsSyncEnabled)
        {
            try
            {
                await store.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                await store.DisposeAsync().ConfigureAwait(false);
                Fail(ex, cancellationToken);
                throw;
            }
        }
        Volatile.Write(ref _store, store);
        _opened.TrySetResult(store);
    }

    private void Fail(Exception ex, CancellationToken cancellationToken)
    {
        if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            _opened.TrySetCanceled(cancellationToken);
        }
        else
        {
            _opened.TrySetException(ex);
            // The host reports the error from StartAsync; nobody has to await this copy of it.
            _ = _opened.Task.Exception;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var store = TakeStore();
        if (store is null) return;
        try
        {
            if (store.IsSyncEnabled) await store.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await store.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Disposes the store when the container goes without the host having stopped (e.g. after a failed start elsewhere).</summary>
    public async ValueTask DisposeAsync()
    {
        var store = TakeStore();
        if (store is not null) await store.DisposeAsync().ConfigureAwait(false);
    }

    private DataStore? TakeStore()
    {
        var store = Interlocked.Exchange(ref _store, null);
        if (store is not null) _stopped = true;
        return store;
    }
}
