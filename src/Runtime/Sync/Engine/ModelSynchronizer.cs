using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.Engine;
using Amplify.DataStore.Events;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Predicates;
using Amplify.DataStore.Predicates.Evaluation;
using Amplify.DataStore.Serialization;
using Amplify.DataStore.Storage;
using Amplify.DataStore.Sync.Auth;
using Amplify.DataStore.Sync.Transport;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.Sync.Engine;

/// <summary>
/// Base and delta sync of one model (reference §2.7, §5.1–5.3): pages of <c>syncPageSize</c> following <c>nextToken</c> up
/// to <c>maxRecordsToSync</c>, each page merged in one storage transaction, then <c>lastSync = startedAt</c> stored. A base
/// sync runs when there was none within <c>fullSyncInterval</c> or the sync expression changed (then local records out of
/// the new scope are purged).
/// </summary>
internal sealed class ModelSynchronizer
{
    private readonly SyncContext _context;

    public ModelSynchronizer(SyncContext context) => _context = context;

    /// <summary>
    /// The merge rule for one incoming record, decided inside the page's transaction: records with local changes pending
    /// are left alone (the local change wins until sent; its response brings the server's state), and a record is applied
    /// only if its <c>_version</c> is newer than the one held (Android and Swift do this; amplify-js does not, so an old
    /// page could overwrite a newer subscription event).
    /// </summary>
    public static bool Accepts(IStorageSession session, ModelMetadata model, RemoteChange change, bool outboxEmpty = false, bool noLocalVersions = false)
    {
        var key = StorageKey.Of(model, change.Item);
        if (!outboxEmpty && session.LastOutboxFor(model.Name, key.ToModelKey()) is not null) return false;
        if (change.Metadata is not { } incoming || noLocalVersions) return true;
        return session.GetSyncMetadata(model, key) is not { } local || incoming.Version > local.Version;
    }

    /// <summary>Syncs <paramref name="model"/>; returns how many records the server sent.</summary>
    public async Task<int> SyncAsync(ModelMetadata model, CancellationToken cancellationToken)
    {
        var options = _context.Options;
        var settingKey = StorageEngine.ModelSyncStateSetting(model.Name);
        var expression = options.SyncExpressions.TryGetValue(model.Name, out var node) && node is not MatchAll ? node : null;
        var filter = _context.SyncFilter(model);
        var state = await _context.Storage.WriteAsync(s => ModelSyncState.Parse(s.GetSetting(settingKey)), cancellationToken).ConfigureAwait(false);
        var now = options.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var expressionChanged = state.LastSync is not null && !string.Equals(state.Expression, filter, StringComparison.Ordinal);
        var full = state.LastFullSync is not { } lastFull || lastFull + (long)options.FullSyncInterval.TotalMilliseconds <= now || expressionChanged;
        if (expressionChanged && expression is not null) await PurgeOutOfScopeAsync(model, expression, cancellationToken).ConfigureAwait(false);

        var documents = _context.Documents(model);
        string? nextToken = null;
        long? startedAt = null;
        int received = 0, applied = 0;
        // An error-free page is read from the body's bytes straight into models (SyncPageReader); any other answer (errors,
        // a partial page) is parsed as usual and handled below.
        Func<ReadOnlyMemory<byte>, object?> readPage = body => SyncPageReader.TryRead(body, documents.SyncField, model,
            ex => _context.ReportError(new SyncError("Sync", model.Name, "BadRecord", ex.Message)));
        // The page's records are read into models as the page arrives, while the previous page is being stored, so the
        // writer does not wait for the reading between pages.
        Task<AppSyncResponse> FetchAsync(string? token, int receivedSoFar) => _context.SendAsync(model, AuthOperation.Read, documents.Sync, new JsonObject
        {
            ["limit"] = Math.Min(options.SyncPageSize, options.MaxRecordsToSync - receivedSoFar),
            ["nextToken"] = token,
            ["lastSync"] = full ? null : state.LastSync,
            ["filter"] = filter is null ? null : JsonNode.Parse(filter),
        }, readPage, cancellationToken);
        // A base sync of a model that holds no server versions yet (the first hydration) has no version to compare with:
        // each record appears once in the run's pages, so the per-record version lookups can be skipped.
        var firstHydration = full && !await _context.Storage.WriteAsync(s => s.HasSyncMetadata(model), cancellationToken).ConfigureAwait(false);
        Task<AppSyncResponse>? next = FetchAsync(null, 0);
        while (next is not null)
        {
            var response = await next.ConfigureAwait(false);
            next = null;
            List<RemoteChange> changes;
            if (response.Read is SyncPage fastPage)
            {
                startedAt ??= fastPage.StartedAt;
                nextToken = fastPage.NextToken;
                changes = fastPage.Changes;
            }
            else
            {
                if (response.Errors.Count > 0)
                {
                    // A partial page (items with errors for records the caller may not read) keeps what arrived.
                    foreach (var error in response.Errors) _context.ReportError(new SyncError("Sync", model.Name, error.ErrorType ?? error.Kind.ToString(), error.Message));
                    if (response.Data?[documents.SyncField] is not JsonObject)
                    {
                        if (response.Errors[0].Kind == AppSyncFailureKind.Unauthorized) return received; // other models keep syncing
                        response.EnsureSuccess();
                    }
                }
                var page = response.Data?[documents.SyncField] as JsonObject
                    ?? throw new AppSyncException(AppSyncFailureKind.BadRequest, $"{documents.SyncField} returned no page.");
                startedAt ??= page["startedAt"]?.GetValue<long>();
                nextToken = page["nextToken"]?.GetValue<string>();
                changes = ReadPage(model, page["items"] as JsonArray);
            }
            received += changes.Count;
            // The next page is on its way while this one is stored.
            if (nextToken is not null && received < options.MaxRecordsToSync) next = FetchAsync(nextToken, received);
            try
            {
                // One outbox count per page: with nothing queued, no record needs its own "pending?" lookup.
                int? queued = null;
                var stored = await _context.Storage.ApplyRemoteAsync(model, changes,
                    (s, c) => _context.AcceptOrDefer(s, model, c, outboxEmpty: (queued ??= s.CountOutbox()) == 0, noLocalVersions: firstHydration), cancellationToken).ConfigureAwait(false);
                applied += stored.Count;
            }
            catch
            {
                next?.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                throw;
            }
            _context.Raise(new SyncProgressEvent(model.Name, full, received, IsComplete: false));
        }

        var finished = new ModelSyncState(startedAt ?? now, full ? startedAt ?? now : state.LastFullSync, filter);
        await _context.Storage.WriteAsync(s =>
        {
            s.SetSetting(settingKey, finished.ToText());
            return true;
        }, cancellationToken).ConfigureAwait(false);
        _context.Raise(new SyncProgressEvent(model.Name, full, received, IsComplete: true));
        _context.Logger.LogInformation("{Model}: {Kind} sync received {Received} records, applied {Applied}.", model.Name, full ? "base" : "delta", received, applied);
        _context.Storage.SetSynced(model, true);
        return received;
    }

    private List<RemoteChange> ReadPage(ModelMetadata model, JsonArray? items)
    {
        var changes = new PageChanges(model);
        if (items is null) return changes.Changes;
        foreach (var node in items)
        {
            if (node is not JsonObject record) continue; // a null item: a record the caller may not read
            try
            {
                changes.Add(RemoteRecords.Read(model, record));
            }
            catch (ModelSerializationException ex)
            {
                _context.ReportError(new SyncError("Sync", model.Name, "BadRecord", ex.Message));
            }
        }
        return changes.Changes;
    }

    /// <summary>
    /// Removes local records the new sync expression no longer covers (amplify-js keeps them, #7345), without outbox
    /// entries (they stay on the server) and keeping records with local changes pending.
    /// </summary>
    private async Task PurgeOutOfScopeAsync(ModelMetadata model, PredicateNode expression, CancellationToken cancellationToken)
    {
        var all = await _context.Storage.QueryAsync(model, MatchAll.Instance, null, 0, null, cancellationToken).ConfigureAwait(false);
        var outOfScope = new List<RemoteChange>();
        foreach (var item in all)
        {
            // Version 0 forgets what the server said about it, so the record comes back if a later expression covers it again.
            if (!PredicateEvaluator.Matches(model, item, expression)) outOfScope.Add(new RemoteChange(item, Deleted: true, new SyncMetadata(0, 0, false)));
        }
        if (outOfScope.Count == 0) return;
        var removed = await _context.Storage.ApplyRemoteAsync(model, outOfScope,
            (s, c) => s.LastOutboxFor(model.Name, StorageKey.Of(model, c.Item).ToModelKey()) is null, cancellationToken).ConfigureAwait(false);
        _context.Logger.LogInformation("{Model}: the sync expression changed; removed {Count} local records now out of scope.", model.Name, removed.Count);
    }
}
