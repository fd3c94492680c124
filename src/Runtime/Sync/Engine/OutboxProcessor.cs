using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.Engine;
using Amplify.DataStore.Events;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Serialization;
using Amplify.DataStore.Storage;
using Amplify.DataStore.Sync.Auth;
using Amplify.DataStore.Sync.Transport;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.Sync.Engine;

/// <summary>
/// Sends the outbox to AppSync: first in, first out, one mutation in flight, an entry removed only once the server has
/// answered it. Failures are routed by type (never by message): not reaching the server ends the session (the entry
/// stays at the head and is sent again after reconnecting); conflicts go to the conflict handler (at most 10 attempts);
/// a failed condition stores the server's copy and raises <see cref="ConditionalSaveFailedEvent"/>; anything else moves
/// the entry to the dead-letter collection and raises <see cref="OutboxMutationFailedEvent"/>.
/// </summary>
internal sealed class OutboxProcessor
{
    /// <summary>After this many conflicts on one mutation, the server's copy is taken (amplify-js's cap).</summary>
    public const int MaxConflictAttempts = 10;

    private readonly SyncContext _context;
    private readonly SemaphoreSlim _wake = new(0, 1);

    public OutboxProcessor(SyncContext context) => _context = context;

    /// <summary>Wakes the processor (a local change was queued).</summary>
    public void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0) _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // already awake
        }
    }

    /// <summary>Drains the outbox until cancelled; throws when the server cannot be reached.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var storage = _context.Storage;
        bool? reportedEmpty = null;
        OutboxEntry? entry = null; // in flight: taken by BeginSendingAsync or by the previous entry's completion
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                entry ??= await storage.BeginSendingAsync(cancellationToken).ConfigureAwait(false);
                if (entry is null)
                {
                    if (reportedEmpty != true) _context.Raise(new OutboxStatusEvent(IsEmpty: true, PendingCount: 0));
                    reportedEmpty = true;
                    await _wake.WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }
                if (reportedEmpty != false)
                {
                    var pending = await storage.WriteAsync(s => s.CountOutbox(), cancellationToken).ConfigureAwait(false);
                    _context.Raise(new OutboxStatusEvent(IsEmpty: false, PendingCount: pending));
                    reportedEmpty = false;
                }
                var sent = entry;
                entry = null; // answered: whatever SendAsync returns is in flight next
                entry = await SendAsync(sent, cancellationToken).ConfigureAwait(false);
                await _context.ApplyDeferredAsync(_context.Schema.GetModel(sent.ModelName), sent.ModelKey, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            // Sending stopped (offline, a transient failure, stop): an entry in flight stays at the head, sent again later.
            await storage.EndSendingAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Sends <paramref name="entry"/> until it is answered; returns the next head, already marked in flight (null: take it anew).</summary>
    private async Task<OutboxEntry?> SendAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var model = _context.Schema.GetModel(entry.ModelName);
        var documents = _context.Documents(model);
        var current = entry;
        for (int conflicts = 0; ; )
        {
            var (query, field, operation) = current.Operation switch
            {
                OutboxOperation.Create => (documents.Create, documents.CreateField, AuthOperation.Create),
                OutboxOperation.Update => (documents.Update, documents.UpdateField, AuthOperation.Update),
                _ => (documents.Delete, documents.DeleteField, AuthOperation.Delete),
            };
            var variables = MutationVariables.For(model, current);
            AppSyncResponse response;
            try
            {
                response = await _context.SendAsync(model, operation, query, variables, cancellationToken).ConfigureAwait(false);
            }
            catch (AppSyncException ex) when (!ex.IsTransient)
            {
                // Refused before GraphQL (401/403 for every mode, 4xx), or an answer over WithMaxResponseBytes (the server
                // may have applied the mutation; sending it again would fetch the same answer): retrying cannot help.
                return await DeadLetterAsync(model, current, ex.Errors.FirstOrDefault()?.ErrorType ?? ex.Kind.ToString(), ex.Message, cancellationToken).ConfigureAwait(false);
            }
            if (response.Errors.Count == 0 && response.Data?[field] is JsonObject record)
            {
                return await SucceededAsync(model, current, record, cancellationToken).ConfigureAwait(false);
            }
            var error = response.Errors.FirstOrDefault();
            if (error is null)
            {
                return await DeadLetterAsync(model, current, "BadResponse", $"{field} returned no record and no error.", cancellationToken).ConfigureAwait(false);
            }
            switch (error.Kind)
            {
                case AppSyncFailureKind.ConflictUnhandled:
                {
                    conflicts++;
                    var remote = error.Data as JsonObject ?? await _context.FetchAsync(model, Data(current), cancellationToken).ConfigureAwait(false);
                    if (remote is null)
                    {
                        return await DeadLetterAsync(model, current, error.ErrorType ?? "ConflictUnhandled", error.Message + " (the server sent no copy of the record)", cancellationToken).ConfigureAwait(false);
                    }
                    var retry = await ResolveAsync(model, current, remote, conflicts, cancellationToken).ConfigureAwait(false);
                    if (retry is null)
                    {
                        return await SucceededAsync(model, current, remote, cancellationToken).ConfigureAwait(false); // the server's copy is the result
                    }
                    current = retry;
                    await _context.Storage.WriteAsync(s => s.ReplaceOutbox(current), cancellationToken).ConfigureAwait(false);
                    continue;
                }
                case AppSyncFailureKind.ConditionalCheckFailed:
                {
                    var remote = error.Data as JsonObject ?? await _context.FetchAsync(model, Data(current), cancellationToken).ConfigureAwait(false);
                    // A create the server already holds exactly as sent: an earlier send got through but its answer was
                    // lost (AppSync's PutItem treats this as success too).
                    if (current.Operation == OutboxOperation.Create && remote is not null && variables["input"] is JsonObject sent
                        && MutationVariables.ServerHasSent(sent, remote))
                    {
                        return await SucceededAsync(model, current, remote, cancellationToken).ConfigureAwait(false);
                    }
                    return await ConditionFailedAsync(model, current, remote, error, cancellationToken).ConfigureAwait(false);
                }
                case AppSyncFailureKind.Network or AppSyncFailureKind.Timeout or AppSyncFailureKind.ServerError or AppSyncFailureKind.Throttled:
                    // A transient failure reported as a GraphQL error: end the session; the entry is sent again later.
                    throw response.ToException();
                default:
                    return await DeadLetterAsync(model, current, error.ErrorType ?? error.Kind.ToString(), error.Message, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<OutboxEntry?> SucceededAsync(ModelMetadata model, OutboxEntry entry, JsonObject record, CancellationToken cancellationToken)
    {
        var change = RemoteRecords.Read(model, record);
        var completed = await _context.Storage.CompleteSendingAsync(model, entry, change, null, cancellationToken, takeNext: true).ConfigureAwait(false);
        _context.Raise(new OutboxMutationProcessedEvent(entry, change.Item, change.Metadata?.Version ?? 0));
        return completed.Next;
    }

    /// <summary>Asks the conflict handler; returns the entry to send next, or null to take the server's copy.</summary>
    private async Task<OutboxEntry?> ResolveAsync(ModelMetadata model, OutboxEntry entry, JsonObject remoteRecord, int attempt, CancellationToken cancellationToken)
    {
        if (attempt > MaxConflictAttempts)
        {
            _context.Logger.LogWarning("{Model} {Key}: still in conflict after {Attempts} attempts; taking the server's copy.", model.Name, entry.ModelKey, MaxConflictAttempts);
            return null;
        }
        var remote = RemoteRecords.Read(model, remoteRecord);
        var remoteVersion = remote.Metadata?.Version ?? 0;
        object? resolvedModel;
        var isDefault = false;
        if (_context.Options.ConflictHandler is { } handler)
        {
            ConflictResolution resolution;
            try
            {
                resolution = await handler(new SyncConflict(model.Name, RemoteRecords.ReadEntry(model, entry), remote.Item, entry.Operation, attempt), cancellationToken).ConfigureAwait(false)
                    ?? ConflictResolution.Discard;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Counts as an attempt; the default (local wins) is tried meanwhile.
                _context.Logger.LogWarning(ex, "The conflict handler threw for {Model} {Key} (attempt {Attempt}).", model.Name, entry.ModelKey, attempt);
                resolution = ConflictResolution.Retry(RemoteRecords.ReadEntry(model, entry));
            }
            if (resolution.IsDiscard) return null;
            resolvedModel = resolution.Model;
        }
        else
        {
            // amplify-js's default: the local change, on the server's version. Only the fields this change set are sent
            // again, so what others changed meanwhile in other fields is kept.
            resolvedModel = RemoteRecords.ReadEntry(model, entry);
            isDefault = true;
        }
        if (resolvedModel is null || resolvedModel.GetType() != model.Codec.ClrType)
        {
            throw new InvalidOperationException($"The conflict handler returned a {resolvedModel?.GetType().Name ?? "null"} for a {model.Name} conflict; return a {model.Codec.ClrType.Name} or ConflictResolution.Discard.");
        }
        var data = ModelJson.Serialize(model.Codec, resolvedModel);
        if (StorageKey.Of(model, resolvedModel).ToModelKey() != entry.ModelKey)
        {
            throw new InvalidOperationException($"The conflict handler returned a {model.Name} with another key than {entry.ModelKey}.");
        }
        // A model from the handler is the whole wanted state: send where it differs from the server's copy.
        var changed = entry.Operation == OutboxOperation.Update && !isDefault
            ? ChangedFields.Between(model, remoteRecord, JsonNode.Parse(data)!.AsObject())
            : entry.ChangedFields;
        if (remote.Deleted && entry.Operation == OutboxOperation.Delete) return null; // already gone on the server
        return entry with { Data = data, BaseVersion = remoteVersion, ChangedFields = changed };
    }

    private async Task<OutboxEntry?> ConditionFailedAsync(ModelMetadata model, OutboxEntry entry, JsonObject? remote, AppSyncError error, CancellationToken cancellationToken)
    {
        var change = remote is null ? (RemoteChange?)null : RemoteRecords.Read(model, remote);
        var completed = await _context.Storage.CompleteSendingAsync(model, entry, change, null, cancellationToken, takeNext: true).ConfigureAwait(false);
        _context.Raise(new ConditionalSaveFailedEvent(entry, change?.Item, error.Message));
        _context.ReportError(new SyncError("Mutate", model.Name, error.ErrorType ?? "ConditionalCheckFailedException", error.Message, entry, change?.Item));
        return completed.Next;
    }

    private async Task<OutboxEntry?> DeadLetterAsync(ModelMetadata model, OutboxEntry entry, string errorType, string message, CancellationToken cancellationToken)
    {
        var failed = new FailedMutation(entry, errorType, message, _context.Options.Clock.GetUtcNow().ToUnixTimeMilliseconds());
        var completed = await _context.Storage.CompleteSendingAsync(model, entry, null, failed, cancellationToken, takeNext: true).ConfigureAwait(false);
        _context.Raise(new OutboxMutationFailedEvent(failed));
        _context.ReportError(new SyncError("Mutate", model.Name, errorType, message, entry));
        return completed.Next;
    }

    private static JsonObject Data(OutboxEntry entry) => JsonNode.Parse(entry.Data) as JsonObject ?? new JsonObject();
}
