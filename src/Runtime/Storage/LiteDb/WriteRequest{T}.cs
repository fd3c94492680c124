using System;
using System.Threading;
using System.Threading.Tasks;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>A caller's write work and its completion.</summary>
/// <typeparam name="T">The work's result.</typeparam>
internal sealed class WriteRequest<T>(Func<IStorageSession, T> work) : WriteRequest
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    /// <summary>The caller's task.</summary>
    public Task<T> Task => _completion.Task;

    /// <inheritdoc/>
    public override void Execute(LiteDbSession? session) => _result = work(session!);

    /// <inheritdoc/>
    protected override void SetResult() => _completion.TrySetResult(_result!);

    /// <inheritdoc/>
    protected override void SetException(Exception exception) => _completion.TrySetException(exception);

    /// <inheritdoc/>
    protected override void SetCanceled(CancellationToken token) => _completion.TrySetCanceled(token);
}
