using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.Events;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Predicates;
using Amplify.DataStore.Predicates.Evaluation;
using Amplify.DataStore.Sorting;
using Amplify.DataStore.Storage;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.Engine;

/// <summary>
/// The storage engine: validates writes, checks conditions and parents, cascades deletes, writes outbox entries in the
/// same transaction as the model change, and publishes committed changes. Untyped; the public <see cref="DataStore"/>
/// facade adds the generic API on top.
/// </summary>
internal sealed class StorageEngine : IAsyncDisposable
{
    internal const string SchemaVersionSetting = "schemaVersion";
    internal const string FullSyncRequiredSetting = "fullSyncRequired";

    private readonly IStorageAdapter _adapter;
    private readonly ILogger _logger;

    public StorageEngine(ModelSchema schema, IStorageAdapter adapter, bool outboxEnabled, ChangeHub changes, ILogger logger)
    {
        Schema = schema;
        _adapter = adapter;
        OutboxEnabled = outboxEnabled;
        Changes = changes;
        _logger = logger;
    }

    public ModelSchema Schema { get; }

    public bool OutboxEnabled { get; }

    public ChangeHub Changes { get; }

    /// <summary>Opens the adapter and applies the schema-version rule; returns the wipe event when local data was wiped.</summary>
    public async Task<LocalDataWipedEvent?> OpenAsync(Action<DataStoreEvent> raiseBeforeWipe, CancellationToken cancellationToken)
    {
        await _adapter.OpenAsync(Schema, cancellationToken).ConfigureAwait(false);
        var (previous, pending) = await _adapter.WriteAsync(session =>
        {
            var stored = session.GetSetting(SchemaVersionSetting);
            if (stored is null) session.SetSetting(SchemaVersionSetting, Schema.Version);
            return (stored, stored is not null && stored != Schema.Version ? session.ReadOutbox() : null);
        }, cancellationToken).ConfigureAwait(false);
        if (previous is null || previous == Schema.Version) return null;

        var wiped = new LocalDataWipedEvent(previous, Schema.Version, pending ?? Array.Empty<OutboxEntry>());
        _logger.LogWarning("Schema version changed from {Previous} to {Current}: wiping local data ({Pending} pending outbox entries reported) and requiring a full sync.",
            previous, Schema.Version, wiped.PendingOutbox.Count);
        raiseBeforeWipe(wiped); // report pending local changes before they are removed
        await _adapter.WriteAsync(session =>
        {
            ClearLocalData(session);
            session.SetSetting(SchemaVersionSetting, Schema.Version);
            session.SetSetting(FullSyncRequiredSetting, "true");
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return wiped;
    }

    public async Task<object> SaveAsync(ModelMetadata model, object item, PredicateNode? condition, CancellationToken cancellationToken)
    {
        ModelValidator.Validate(Schema, model, item);
        var stored = model.Codec.WithoutParents(item);
        var op = await _adapter.WriteAsync(session => SaveInSession(session, model, stored, condition), cancellationToken).ConfigureAwait(false);
        Changes.Publish(new StoredChange(model, op, stored));
        NotifyOutbox();
        return item;
    }

    public async Task SaveAllAsync(ModelMetadata model, IReadOnlyList<object> items, CancellationToken cancellationToken)
    {
        foreach (var item in items) ModelValidator.Validate(Schema, model, item);
        // Kept without parent instances: items read back later must not carry a parent that has changed since.
        var stored = new object[items.Count];
        for (int i = 0; i < stored.Length; i++) stored[i] = model.Codec.WithoutParents(items[i]);
        var ops = await _adapter.WriteAsync(session =>
        {
            var result = new OpType[items.Count];
            for (int i = 0; i < stored.Length; i++) result[i] = SaveInSession(session, model, stored[i], null);
            return result;
        }, cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < stored.Length; i++) Changes.Publish(new StoredChange(model, ops[i], stored[i]));
        NotifyOutbox();
    }

    private OpType SaveInSession(IStorageSession session, ModelMetadata model, object item, PredicateNode? condition)
    {
        // Only a condition needs the stored item; otherwise the upsert itself tells insert from update (one lookup, not two).
        if (condition is not null && condition is not MatchAll)
        {
            var key = StorageKey.Of(model, item);
            // AppSync never evaluates a condition on create (amplify-js drops it too); it applies to updates only.
            if (session.Get(model, key) is { } existing
                && !PredicateEvaluator.Matches(model, existing, ResolveInSession(session, model, condition)))
            {
                throw new ConditionalCheckFailedException(model.Name, key.ToString(), condition.ToString() ?? "?");
            }
        }
        EnsureParentsExist(session, model, item);
        if (!OutboxEnabled || !model.IsSyncable) return session.Upsert(model, item) ? OpType.Insert : OpType.Update;

        var previous = session.Get(model, StorageKey.Of(model, item));
        session.Upsert(model, item);
        if (previous is null)
        {
            // AppSync never evaluates a condition on a create, so a create's entry carries none.
            OutboxCollapse.Enqueue(session, OutboxEntryFactory.Create(session, model, item, OutboxOperation.Create, null), InFlightOutboxId);
            return OpType.Insert;
        }
        var entry = OutboxEntryFactory.Create(session, model, item, OutboxOperation.Update, condition);
        var changed = ChangedFields.Between(model, previous, entry.Data);
        // Nothing to tell the server (a save of an unchanged item); a conditional one was still checked above.
        if (changed.Count > 0) OutboxCollapse.Enqueue(session, entry with { ChangedFields = changed }, InFlightOutboxId);
        return OpType.Update;
    }

    /// <summary>
    /// The ID of the outbox entry the sync engine is sending: local changes are never collapsed into it (the server may be
    /// applying it already). Set and read only inside write transactions, which the adapter runs one at a time.
    /// </summary>
    public string? InFlightOutboxId { get; private set; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _synced = new(StringComparer.Ordinal);

    /// <summary>True once the sync engine has completed a sync of <paramref name="model"/> in this process (<c>QuerySnapshot.IsSynced</c>).</summary>
    public bool IsSynced(ModelMetadata model) => _synced.ContainsKey(model.Name);

    /// <summary>Raised when a model becomes synced, so live queries can report it.</summary>
    public event Action<ModelMetadata>? ModelSynced;

    /// <summary>Marks <paramref name="model"/> synced (or not, after a clear) and tells live queries.</summary>
    public void SetSynced(ModelMetadata model, bool synced)
    {
        if (synced)
        {
            if (_synced.TryAdd(model.Name, true)) ModelSynced?.Invoke(model);
        }
        else
        {
            _synced.TryRemove(model.Name, out _);
        }
    }

    /// <summary>Raised after a local write that queued outbox entries has committed (the sync engine's cue to send).</summary>
    public event Action? OutboxAppended;

    private void NotifyOutbox()
    {
        if (OutboxEnabled) OutboxAppended?.Invoke();
    }

    /// <summary>Tells the sync engine that entries were queued outside a model write (a failed mutation retried).</summary>
    public void NotifyOutboxAppended() => NotifyOutbox();

    private void EnsureParentsExist(IStorageSession session, ModelMetadata model, object item)
    {
        foreach (var field in model.Fields)
        {
            if (field.Association is not { Type: AssociationType.BelongsTo } association) continue;
            var values = association.TargetNames.Select(fk => model.Codec.GetFieldValue(item, fk)).ToArray();
            if (values.Any(v => v.IsNull)) continue; // no parent set
            var parent = Schema.GetModel(association.RelatedModel);
            var key = new StorageKey(values);
            if (session.Get(parent, key) is null)
            {
                throw new DataStoreValidationException(model.Name, field.Name,
                    $"the parent {parent.Name} '{key}' does not exist locally; save the {parent.Name} first.");
            }
        }
    }

    /// <summary>
    /// Applies records received from the cloud in one storage transaction (a sync page, or one subscription event):
    /// upserts and deletes exactly what the server says, with no outbox entry (the change came from the server), no
    /// local parent check (a child may arrive before its parent), no validation of the server's values, and no local
    /// cascade of a deletion (the server's own records say which children are gone; cascading here could remove
    /// children the server still holds). Each applied change is published as <see cref="ChangeOrigin.Remote"/>.
    /// </summary>
    /// <param name="model">The records' model.</param>
    /// <param name="changes">The records, applied in order.</param>
    /// <param name="accept">
    /// Decides per record, inside the transaction, whether to apply it (the sync engine's merge rules: versions, pending
    /// outbox entries); null applies every record. Running inside the transaction means no local write can slip in
    /// between the decision and the write.
    /// </param>
    /// <param name="cancellationToken">Cancels before the transaction starts.</param>
    /// <returns>The changes applied (deletions of records not held locally are not changes).</returns>
    public async Task<IReadOnlyList<StoredChange>> ApplyRemoteAsync(ModelMetadata model, IReadOnlyList<RemoteChange> changes,
        Func<IStorageSession, RemoteChange, bool>? accept, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(changes);
        var items = new RemoteChange[changes.Count];
        for (int i = 0; i < items.Length; i++) items[i] = changes[i] with { Item = model.Codec.WithoutParents(changes[i].Item) };
        var applied = await _adapter.WriteAsync(session =>
        {
            var result = new List<StoredChange>(items.Length);
            foreach (var change in items)
            {
                if (accept is not null && !accept(session, change)) continue;
                ApplyOne(session, model, change, result);
            }
            return result;
        }, cancellationToken).ConfigureAwait(false);
        foreach (var change in applied) Changes.Publish(change);
        return applied;
    }

    /// <summary>Deletes one item (with an optional condition) and cascades; returns every deleted item, root first.</summary>
    public async Task<IReadOnlyList<StoredChange>> DeleteAsync(ModelMetadata model, StorageKey key, PredicateNode? condition, CancellationToken cancellationToken)
    {
        var deleted = await _adapter.WriteAsync(session =>
        {
            var existing = session.Get(model, key);
            var result = new List<StoredChange>();
            if (existing is null) return result;
            if (condition is not null && condition is not MatchAll
                && !PredicateEvaluator.Matches(model, existing, ResolveInSession(session, model, condition)))
            {
                throw new ConditionalCheckFailedException(model.Name, key.ToString(), condition.ToString() ?? "?");
            }
            DeleteCascade(session, model, new[] { existing }, result, condition);
            return result;
        }, cancellationToken).ConfigureAwait(false);
        foreach (var change in deleted) Changes.Publish(change);
        if (deleted.Count > 0) NotifyOutbox();
        return deleted;
    }

    /// <summary>Deletes every item matching <paramref name="predicate"/>, cascading; returns every deleted item.</summary>
    public async Task<IReadOnlyList<StoredChange>> DeleteWhereAsync(ModelMetadata model, PredicateNode predicate, CancellationToken cancellationToken)
    {
        var deleted = await _adapter.WriteAsync(session =>
        {
            var matches = session.Query(model, ResolveInSession(session, model, predicate));
            var result = new List<StoredChange>(matches.Count);
            DeleteCascade(session, model, matches, result);
            return result;
        }, cancellationToken).ConfigureAwait(false);
        foreach (var change in deleted) Changes.Publish(change);
        if (deleted.Count > 0) NotifyOutbox();
        return deleted;
    }

    /// <summary>
    /// Deletes <paramref name="items"/> and, level by level, their <c>@hasMany</c>/<c>@hasOne</c> children: one child
    /// query per relationship and level (an In over the parents' keys), not one per parent. An item already deleted (met
    /// again through another parent, or a cycle of relationships) is not there any more: the session's delete returns
    /// false and it is skipped, so the cascade ends. A conditional delete of one item (<paramref name="rootCondition"/>)
    /// sends its condition with that item's delete, not with its children's.
    /// </summary>
    private void DeleteCascade(IStorageSession session, ModelMetadata model, IReadOnlyList<object> items, List<StoredChange> deleted, PredicateNode? rootCondition = null)
    {
        var removed = new List<object>(items.Count);
        foreach (var item in items)
        {
            var key = StorageKey.Of(model, item);
            if (!session.Delete(model, key)) continue;
            removed.Add(item);
            deleted.Add(new StoredChange(model, OpType.Delete, item));
            if (OutboxEnabled && model.IsSyncable) OutboxCollapse.Enqueue(session, OutboxEntryFactory.Create(session, model, item, OutboxOperation.Delete, rootCondition), InFlightOutboxId);
        }
        if (removed.Count == 0) return;

        foreach (var field in model.Fields)
        {
            switch (field.Association)
            {
                case { Type: AssociationType.HasMany } many:
                {
                    var child = Schema.GetModel(many.RelatedModel);
                    if (child.IsJoinModel) break; // many-to-many join rows are not cascaded
                    var parentFields = many.TargetNames.Count > 0 ? many.TargetNames : model.PrimaryKey.Fields;
                    var children = session.Query(child, ChildrenOf(many.AssociatedWith, parentFields, model, removed)).ToArray();
                    DeleteCascade(session, child, children, deleted);
                    break;
                }
                case { Type: AssociationType.HasOne, TargetNames.Count: 0 } one when one.AssociatedWith.Count > 0:
                {
                    // The child holds our key (Amplify Gen 2 references): found like a @hasMany's children.
                    var child = Schema.GetModel(one.RelatedModel);
                    var children = session.Query(child, ChildrenOf(one.AssociatedWith, model.PrimaryKey.Fields, model, removed)).ToArray();
                    DeleteCascade(session, child, children, deleted);
                    break;
                }
                case { Type: AssociationType.HasOne } one:
                {
                    var child = Schema.GetModel(one.RelatedModel);
                    var children = new List<object>();
                    foreach (var parent in removed)
                    {
                        var values = one.TargetNames.Select(f => model.Codec.GetFieldValue(parent, f)).ToArray();
                        if (values.Length == 0 || values.Any(v => v.IsNull)) continue;
                        if (session.Get(child, new StorageKey(values)) is { } c) children.Add(c);
                    }
                    DeleteCascade(session, child, children, deleted);
                    break;
                }
            }
        }
    }

    /// <summary>The children whose foreign keys hold any of the parents' keys.</summary>
    private static PredicateNode ChildrenOf(IReadOnlyList<string> childFields, IReadOnlyList<string> parentFields, ModelMetadata parent, IReadOnlyList<object> parents)
    {
        if (childFields.Count == 1)
        {
            var keys = parents.Select(p => parent.Codec.GetFieldValue(p, parentFields[0])).ToArray();
            return new FieldCondition(FieldPath.Of(childFields[0]), PredicateOperator.In, keys);
        }
        return new PredicateGroup(GroupKind.Or, parents
            .Select(p => KeyPredicate.Node(childFields, parentFields.Select(f => parent.Codec.GetFieldValue(p, f)).ToArray()))
            .ToArray());
    }

    public async Task<IReadOnlyList<object>> QueryAsync(ModelMetadata model, PredicateNode predicate, SortOrder? sort, int page, int? limit, CancellationToken cancellationToken)
    {
        if (page < 0) throw new ArgumentOutOfRangeException(nameof(page), page, "Page must be zero or more.");
        if (limit is < 0) throw new ArgumentOutOfRangeException(nameof(limit), limit, "Limit must be zero or more.");
        if (page > 0 && limit is null) throw new ArgumentException("Paging needs a Limit.", nameof(page));
        if (sort is not null)
        {
            if (sort.ModelType != model.Codec.ClrType) throw new ArgumentException($"The sort order was built for {sort.ModelType.Name}, not {model.Name}.", nameof(sort));
            foreach (var clause in sort.Clauses)
            {
                if (model.FindField(clause.Field) is not { IsStored: true }) throw new ArgumentException($"Model '{model.Name}' has no sortable field '{clause.Field}'.", nameof(sort));
            }
        }
        var resolved = await ResolveAsync(model, predicate).ConfigureAwait(false);
        var skip = limit is { } l ? checked(page * l) : 0;
        return await _adapter.QueryAsync(model, resolved, sort?.Clauses, skip, limit, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<object?> GetAsync(ModelMetadata model, StorageKey key, CancellationToken cancellationToken)
        => _adapter.GetAsync(model, key, cancellationToken);

    public Task ClearAsync(CancellationToken cancellationToken)
        => _adapter.WriteAsync(session =>
        {
            ClearLocalData(session);
            return true;
        }, cancellationToken).AsTask();

    /// <summary>The setting that holds one model's sync state (last sync times, sync expression).</summary>
    public static string ModelSyncStateSetting(string modelName) => "modelSync:" + modelName;

    /// <summary>Removes every item, the outbox, the dead letters and all sync state: what a wipe or sign-out leaves behind is nothing.</summary>
    private void ClearLocalData(IStorageSession session)
    {
        foreach (var model in Schema.Models)
        {
            session.DeleteAll(model);
            session.RemoveSetting(ModelSyncStateSetting(model.Name));
        }
        session.ClearOutbox();
        session.ClearSyncMetadata();
        session.ClearFailedMutations();
        InFlightOutboxId = null;
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction (the sync engine's own bookkeeping).</summary>
    public ValueTask<T> WriteAsync<T>(Func<IStorageSession, T> work, CancellationToken cancellationToken)
        => _adapter.WriteAsync(work, cancellationToken);

    /// <summary>Takes the head of the outbox and marks it in flight, so local changes are no longer collapsed into it.</summary>
    public ValueTask<OutboxEntry?> BeginSendingAsync(CancellationToken cancellationToken)
        => _adapter.WriteAsync(session =>
        {
            var head = session.PeekOutbox();
            InFlightOutboxId = head?.Id;
            return head;
        }, cancellationToken);

    /// <summary>Forgets which entry is in flight (sending stopped without an answer; the entry stays at the head).</summary>
    public ValueTask EndSendingAsync()
        => new(_adapter.WriteAsync(session =>
        {
            InFlightOutboxId = null;
            return true;
        }, CancellationToken.None).AsTask());

    /// <summary>
    /// Finishes the entry in flight in one transaction: removes it, gives the record's later pending entries the server's
    /// new version (so rapid successive updates do not conflict with themselves), and stores the server's copy unless
    /// local changes are still pending for the record (they win until sent) or the local copy is newer. Optionally moves
    /// the entry to the dead-letter collection instead of dropping it. With <paramref name="takeNext"/>, the same transaction
    /// also takes the next head and marks it in flight (as <see cref="BeginSendingAsync"/> would), which saves the outbox
    /// processor one round trip to the writer per mutation.
    /// </summary>
    public async Task<SendingCompleted> CompleteSendingAsync(ModelMetadata model, OutboxEntry entry, RemoteChange? serverCopy,
        FailedMutation? deadLetter, CancellationToken cancellationToken, bool takeNext = false)
    {
        var copy = serverCopy is { } c ? c with { Item = model.Codec.WithoutParents(c.Item) } : (RemoteChange?)null;
        var completed = await _adapter.WriteAsync(session =>
        {
            var result = new List<StoredChange>(1);
            session.RemoveOutbox(entry.Id);
            if (InFlightOutboxId == entry.Id) InFlightOutboxId = null;
            if (deadLetter is not null) session.AddFailedMutation(deadLetter);
            if (copy is { } server) StoreServerCopy(session, model, entry, server, result);
            OutboxEntry? next = null;
            if (takeNext)
            {
                next = session.PeekOutbox();
                InFlightOutboxId = next?.Id;
            }
            return new SendingCompleted(result, next);
        }, cancellationToken).ConfigureAwait(false);
        foreach (var change in completed.Applied) Changes.Publish(change);
        return completed;
    }

    // The answer to a sent entry: later pending entries of the record get the server's version; the copy itself is stored
    // unless local changes are still pending (they win until sent) or the local copy is newer.
    private static void StoreServerCopy(IStorageSession session, ModelMetadata model, OutboxEntry entry, RemoteChange server, List<StoredChange> result)
    {
        var key = StorageKey.Of(model, server.Item);
        var pending = session.OutboxFor(entry.ModelName, entry.ModelKey);
        if (server.Metadata is { } metadata)
        {
            foreach (var later in pending)
            {
                if (later.Operation != OutboxOperation.Create) session.ReplaceOutbox(later with { BaseVersion = metadata.Version });
            }
            if (session.GetSyncMetadata(model, key) is { } local && local.Version > metadata.Version) return;
            if (pending.Count > 0) session.SetSyncMetadata(model, key, metadata); // the item itself stays local
        }
        if (pending.Count > 0) return;
        ApplyOne(session, model, server, result);
    }

    // A remote change and its metadata: a delete leaves the metadata as the record's tombstone; an item carries it.
    private static void ApplyOne(IStorageSession session, ModelMetadata model, RemoteChange change, List<StoredChange> result)
    {
        if (change.Deleted)
        {
            var key = StorageKey.Of(model, change.Item);
            var deleted = session.Delete(model, key);
            if (change.Metadata is { } metadata) session.SetSyncMetadata(model, key, metadata);
            if (deleted) result.Add(new StoredChange(model, OpType.Delete, change.Item, ChangeOrigin.Remote));
        }
        else
        {
            var inserted = session.Upsert(model, change.Item, change.Metadata);
            result.Add(new StoredChange(model, inserted ? OpType.Insert : OpType.Update, change.Item, ChangeOrigin.Remote));
        }
    }

    public ValueTask<PredicateNode> ResolveAsync(ModelMetadata model, PredicateNode predicate)
        => new NestedPredicateResolver(Schema, (m, p) => _adapter.QueryAsync(m, p, null, 0, null, CancellationToken.None)).ResolveAsync(model, predicate);

    // Inside a transaction: the session's reads complete synchronously, so the resolver's ValueTask is already done.
    private PredicateNode ResolveInSession(IStorageSession session, ModelMetadata model, PredicateNode predicate)
    {
        var task = new NestedPredicateResolver(Schema, (m, p) => ValueTask.FromResult(session.Query(m, p))).ResolveAsync(model, predicate);
        return task.IsCompleted ? task.Result : throw new InvalidOperationException("Nested predicate resolution did not complete synchronously.");
    }

    public ValueTask DisposeAsync() => _adapter.DisposeAsync();
}
