using System;
using System.Threading;
using System.Threading.Tasks;

namespace Amplify.DataStore.Hosting;

/// <summary>
/// The <see cref="DataStore"/> that <c>services.AddDataStore(...)</c> opens when the host starts, for code that may run
/// before that (a hosted service registered ahead of <c>AddDataStore</c>, or hosts that start services concurrently).
/// Once the host has started, resolving <see cref="DataStore"/> directly is simpler.
/// </summary>
public interface IDataStoreAccessor
{
    /// <summary>
    /// The opened store: completes when the host has opened it (at once when it already has). Waits as long as the host
    /// has not started, so pass a token that bounds the wait.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting (the store still opens with the host).</param>
    /// <returns>The open store; the host disposes it when it stops, so do not dispose it yourself.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled, or the host's start was.</exception>
    /// <exception cref="ObjectDisposedException">The host has stopped and disposed the store.</exception>
    /// <remarks>If opening failed, the task fails with the error that failed the host's start.</remarks>
    Task<DataStore> GetStoreAsync(CancellationToken cancellationToken = default);
}
