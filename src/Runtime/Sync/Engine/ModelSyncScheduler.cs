using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.Metadata;

namespace Amplify.DataStore.Sync.Engine;

/// <summary>
/// Runs the per-model syncs of a session as amplify-js does: a model starts once its <c>@belongsTo</c> parents are synced
/// (so a child's parent is usually stored first), unrelated models run side by side, at most
/// <see cref="MaxConcurrentModels"/> at a time. With many models, the session is then ready after the slowest chain of
/// round trips instead of after one round trip per model. The first failure cancels the rest and is thrown.
/// </summary>
internal static class ModelSyncScheduler
{
    /// <summary>How many models sync at once (each keeps one page in flight while the previous one is stored).</summary>
    public const int MaxConcurrentModels = 4;

    public static async Task RunAsync(ModelSchema schema, Func<ModelMetadata, CancellationToken, Task> sync, CancellationToken cancellationToken)
    {
        var order = SyncOrder.Of(schema);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var slots = new SemaphoreSlim(MaxConcurrentModels);
        var runs = new Dictionary<string, Task>(StringComparer.Ordinal);
        foreach (var model in order)
        {
            // SyncOrder puts parents first, so their tasks exist already (a cycle's back edge has none and is not awaited).
            var parents = model.Fields
                .Select(f => f.Association is { Type: AssociationType.BelongsTo } parent && parent.RelatedModel != model.Name && runs.TryGetValue(parent.RelatedModel, out var run) ? run : null)
                .OfType<Task>()
                .Distinct()
                .ToArray();
            runs[model.Name] = RunOneAsync(model, parents);
        }
        try
        {
            await Task.WhenAll(runs.Values).ConfigureAwait(false);
        }
        catch when (!cancellationToken.IsCancellationRequested)
        {
            // Report the failure that started it, not a cancellation it caused in the other models.
            var first = runs.Values.Where(t => t.IsFaulted).Select(t => t.Exception!.GetBaseException()).FirstOrDefault(e => e is not OperationCanceledException);
            if (first is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
            throw;
        }

        async Task RunOneAsync(ModelMetadata model, Task[] parents)
        {
            await Task.WhenAll(parents).ConfigureAwait(false);
            await slots.WaitAsync(failed.Token).ConfigureAwait(false);
            try
            {
                await sync(model, failed.Token).ConfigureAwait(false);
            }
            catch
            {
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                slots.Release();
            }
        }
    }
}
