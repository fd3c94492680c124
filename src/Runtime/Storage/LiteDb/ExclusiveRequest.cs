using System;
using System.Threading;
using System.Threading.Tasks;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>Work run alone on the writer thread, outside any transaction.</summary>
internal sealed class ExclusiveRequest(Action action) : WriteRequest
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The caller's task.</summary>
    public Task Task => _completion.Task;

    /// <inheritdoc/>
    public override bool IsExclusive => true;

    /// <inheritdoc/>
    public override void Execute(LiteDbSession? session) => action();

    /// <inheritdoc/>
    protected override void SetResult() => _completion.TrySetResult();

    /// <inheritdoc/>
    protected override void SetException(Exception exception) => _completion.TrySetException(exception);

    /// <inheritdoc/>
    protected override void SetCanceled(CancellationToken token) => _completion.TrySetCanceled(token);
}
