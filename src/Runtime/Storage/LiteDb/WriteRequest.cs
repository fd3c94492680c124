using System;
using System.Threading;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// One queued unit of writer-thread work. Completions run continuations asynchronously so callers never continue on
/// the writer thread (which would stall every other write, and would see the open transaction).
/// </summary>
internal abstract class WriteRequest
{
    private const int Pending = 0, Started = 1, Canceled = 2;

    private int _state;
    private CancellationTokenRegistration _cancellation;

    /// <summary>True for work that must run outside any transaction (e.g. a checkpoint), alone.</summary>
    public virtual bool IsExclusive => false;

    /// <summary>Lets <paramref name="token"/> cancel the request while it is still queued.</summary>
    public void RegisterCancellation(CancellationToken token)
    {
        if (token.CanBeCanceled)
        {
            _cancellation = token.UnsafeRegister(static (state, t) => ((WriteRequest)state!).TryCancel(t), this);
        }
    }

    /// <summary>Claims the request for execution; false when it was canceled while queued.</summary>
    public bool TryStart() => Interlocked.CompareExchange(ref _state, Started, Pending) != Canceled;

    /// <summary>Runs the work; may run again after a rollback. Exceptions propagate to the writer.</summary>
    public abstract void Execute(LiteDbSession? session);

    /// <summary>Completes the caller with the result of the last execution.</summary>
    public void Complete()
    {
        _cancellation.Dispose();
        SetResult();
    }

    /// <summary>Completes the caller with <paramref name="exception"/>.</summary>
    public void Fail(Exception exception)
    {
        _cancellation.Dispose();
        SetException(exception);
    }

    /// <summary>Sets the caller's result.</summary>
    protected abstract void SetResult();

    /// <summary>Sets the caller's exception.</summary>
    protected abstract void SetException(Exception exception);

    /// <summary>Sets the caller's cancellation.</summary>
    protected abstract void SetCanceled(CancellationToken token);

    private void TryCancel(CancellationToken token)
    {
        if (Interlocked.CompareExchange(ref _state, Canceled, Pending) == Pending) SetCanceled(token);
    }
}
