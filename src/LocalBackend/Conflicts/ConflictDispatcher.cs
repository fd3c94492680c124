using System;
using System.Collections.Generic;
using System.Linq;
using Amplify.DataStore.LocalBackend.Api;
using Amplify.DataStore.LocalBackend.Auth;
using Amplify.DataStore.LocalBackend.Data;
using Amplify.DataStore.Schema;

namespace Amplify.DataStore.LocalBackend.Conflicts;

/// <summary>
/// What a versioned write of one model does when its <c>_version</c> differs from the stored item's: the model's
/// <see cref="ConflictStrategy"/> (AUTOMERGE, OPTIMISTIC_CONCURRENCY, or LAMBDA through the configured
/// <see cref="IConflictHandler"/>) applied to an update or a delete.
/// </summary>
internal sealed class ConflictDispatcher
{
    private readonly ModelDefinition _model;
    private readonly LocalBackendOptions _options;

    public ConflictDispatcher(ModelDefinition model, LocalBackendOptions options)
    {
        _model = model;
        _options = options;
    }

    /// <summary>
    /// The item a conflicting update stores in place of <paramref name="current"/>, or throws the write's error.
    /// </summary>
    /// <param name="field">The mutation field, e.g. <c>updatePost</c>.</param>
    /// <param name="current">The item as stored now.</param>
    /// <param name="preview">The item the update would have produced had the versions matched.</param>
    /// <param name="changes">The input's fields without the key and <c>_version</c>.</param>
    /// <param name="input">The mutation's <c>input</c> argument.</param>
    /// <param name="caller">The caller.</param>
    /// <param name="stampUpdated">Sets the model's <c>updatedAt</c> on a merged item.</param>
    /// <param name="unhandled">AppSync's <c>ConflictUnhandled</c> error for this write, built when thrown.</param>
    public Dictionary<string, object?> ResolveUpdate(
        string field,
        IReadOnlyDictionary<string, object?> current,
        Dictionary<string, object?> preview,
        IReadOnlyDictionary<string, object?> changes,
        IReadOnlyDictionary<string, object?> input,
        CallerIdentity caller,
        Action<Dictionary<string, object?>> stampUpdated,
        Func<AppSyncError> unhandled)
    {
        switch (_options.StrategyFor(_model.Name))
        {
            case ConflictStrategy.Automerge:
            {
                var merged = Automerge.Merge(current, changes);
                stampUpdated(merged);
                return merged;
            }
            case ConflictStrategy.Custom:
            {
                var resolution = Handler().Resolve(new ConflictContext(_model.Name, field, ConflictOperation.Update, current, preview, input, IdentityOf(caller)));
                switch (resolution.Action)
                {
                    case ConflictAction.Resolve:
                        var resolved = ItemImage.Copy(resolution.Item!);
                        foreach (var meta in resolution.Item!.Keys.Where(SyncFields.IsMetadata)) resolved.Remove(meta);
                        foreach (var key in _model.PrimaryKey.Fields) resolved[key] = current[key]; // the key is not the handler's to change
                        return resolved;
                    case ConflictAction.Reject:
                        throw unhandled();
                    default:
                        throw new AppSyncError("ConflictError", "The conflict handler answered REMOVE to an update; REMOVE is valid only for deletes.");
                }
            }
            default:
                throw unhandled();
        }
    }

    /// <summary>
    /// Returns when a conflicting delete of <paramref name="current"/> goes ahead (the handler answered REMOVE), or
    /// throws the write's error.
    /// </summary>
    /// <param name="field">The mutation field, e.g. <c>deletePost</c>.</param>
    /// <param name="current">The item as stored now.</param>
    /// <param name="input">The mutation's <c>input</c> argument.</param>
    /// <param name="caller">The caller.</param>
    /// <param name="unhandled">AppSync's <c>ConflictUnhandled</c> error for this write, built when thrown.</param>
    public void ResolveDelete(
        string field,
        IReadOnlyDictionary<string, object?> current,
        IReadOnlyDictionary<string, object?> input,
        CallerIdentity caller,
        Func<AppSyncError> unhandled)
    {
        if (_options.StrategyFor(_model.Name) != ConflictStrategy.Custom) throw unhandled();
        var resolution = Handler().Resolve(new ConflictContext(_model.Name, field, ConflictOperation.Delete, current, null, input, IdentityOf(caller)));
        if (resolution.Action == ConflictAction.Reject) throw unhandled();
        if (resolution.Action == ConflictAction.Resolve)
        {
            throw new AppSyncError("ConflictError", "The conflict handler answered RESOLVE to a delete; use REMOVE or REJECT.");
        }
    }

    private IConflictHandler Handler()
        => _options.ConflictHandler ?? throw new AppSyncError("ConflictError", $"No conflict handler is configured for {_model.Name}.");

    private static CallerIdentity? IdentityOf(CallerIdentity caller) => caller.Mode == AuthMode.ApiKey ? null : caller;
}
