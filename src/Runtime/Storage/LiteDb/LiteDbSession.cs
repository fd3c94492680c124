using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Predicates;
using Amplify.DataStore.Predicates.Evaluation;
using LiteDB;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// The <see cref="IStorageSession"/> a write work receives: it reads and writes through the writer thread's open
/// transaction, so it sees its own (and its batch's earlier) changes. Usable only during the work, on the writer thread.
/// </summary>
internal sealed class LiteDbSession : IStorageSession
{
    // From this many In values (or Or branches) a session query first checks whether the collection has any document.
    private const int LargePredicateValues = 16;

    // Up to this many items a large predicate is still evaluated on the image.
    private const int SmallImage = 16;

    private readonly LiteDatabase _database;
    private readonly PendingChanges _pending;
    private readonly ModelImages? _images;
    private readonly JournalRound? _journal;
    private readonly int _threadId;
    private bool _active = true;

    /// <summary>
    /// Creates a session for the transaction open on the current thread, recording its changes in
    /// <paramref name="pending"/> (and, to be journaled, in <paramref name="journal"/>); with <paramref name="images"/>,
    /// reads use the committed images plus those changes.
    /// </summary>
    public LiteDbSession(LiteDatabase database, PendingChanges pending, ModelImages? images, JournalRound? journal = null)
    {
        _database = database;
        _pending = pending;
        _images = images;
        _journal = journal;
        _threadId = Environment.CurrentManagedThreadId;
    }

    /// <summary>True once the session has started a change to the database (set before the change is attempted).</summary>
    public bool Wrote { get; private set; }

    /// <summary>Ends the session; later calls throw.</summary>
    public void Close() => _active = false;

    /// <inheritdoc/>
    public object? Get(ModelMetadata model, StorageKey key)
    {
        var storage = Begin(model);
        ArgumentNullException.ThrowIfNull(key);
        return TryGetKnown(model, key, out var known) ? known : LiteDbReads.Get(_database, storage, key);
    }

    /// <inheritdoc/>
    public IReadOnlyList<object> Query(ModelMetadata model, PredicateNode predicate)
    {
        var storage = Begin(model);
        ArgumentNullException.ThrowIfNull(predicate);
        // A cascade asks for the children of many parents at once (an In over thousands of keys): compiling and
        // seeking that is wasted when the child collection is empty, which one read of its first document tells.
        bool large = IsLarge(predicate);
        // The image answers by scanning every item, which beats LiteDB unless a large In over a big model could use an
        // index instead (an empty or small model, the common case for a cascade, is still scanned).
        if (Image(model) is { } image && (!large || image.Count + (_pending.Find(model)?.Items.Count ?? 0) <= SmallImage))
        {
            return QueryImage(model, image, predicate);
        }
        if (large && LiteDbReads.IsEmpty(_database, storage.CollectionName)) return Array.Empty<object>();
        var plan = LiteDbQueryPlanner.Plan(storage, predicate, sort: null, ordered: false);
        return LiteDbReads.Run(_database, storage, plan, sort: null, skip: 0, limit: null);
    }

    /// <inheritdoc/>
    public bool Upsert(ModelMetadata model, object item) => Upsert(model, item, metadata: null);

    /// <inheritdoc/>
    public bool Upsert(ModelMetadata model, object item, SyncMetadata? metadata)
    {
        var storage = Begin(model);
        ArgumentNullException.ThrowIfNull(item);
        var key = StorageKey.Of(model, item);
        var collection = _database.GetCollection(storage.CollectionName);
        var document = ModelDocuments.ToDocument(storage, item, key);
        if (metadata is { Deleted: false } synced) document[DocumentLayout.SyncField] = SyncMetadataDocuments.ToField(synced);
        // Known absent (from this transaction or the memory image): a plain insert, with no lookup at all.
        bool knownAbsent = TryGetKnown(model, key, out var existing) && existing is null;
        if (!knownAbsent && metadata is null && MayCarrySyncMetadata(model))
        {
            // A local save replaces the document: it keeps what the server last said about the record.
            var stored = collection.FindById(document[DocumentLayout.IdField]);
            if (stored is not null && stored.TryGetValue(DocumentLayout.SyncField, out var kept)) document[DocumentLayout.SyncField] = kept;
            knownAbsent = stored is null;
        }
        Wrote = true;
        _journal?.AddUpsert(storage.CollectionName, document);
        var inserted = knownAbsent ? collection.Insert(document) is not null : collection.Upsert(document);
        var changes = _pending.For(model);
        changes.Upserted(key, item, inserted);
        if (document.ContainsKey(DocumentLayout.SyncField)) changes.NoteSyncMetadata();
        return inserted;
    }

    /// <inheritdoc/>
    public bool Delete(ModelMetadata model, StorageKey key)
    {
        var storage = Begin(model);
        ArgumentNullException.ThrowIfNull(key);
        var changes = _pending.Find(model);
        if (changes is not null && changes.Items.TryGetValue(key, out var current))
        {
            if (current is null) return false; // deleted earlier in this transaction
        }
        else if (changes is not null && changes.Cleared) return false;
        else if (_images?.For(model)?.IsKnownAbsent(key) == true) return false;
        else if (Image(model) is { } image)
        {
            if (!image.TryGetKey(key, out var imageKey)) return false;
            // Keep the image's own key object: the caller's copy then dies young instead of being kept (and promoted by
            // every collection) until the batch ends, which matters for deletes of thousands of items.
            key = imageKey;
        }
        if (DocumentKey.ToId(storage, key) is not { } id) return false;
        var collection = _database.GetCollection(storage.CollectionName);
        // The record's sync metadata outlives its document (IStorageSession.SetSyncMetadata): it moves to a tombstone. When
        // no document of the model carries any, the delete needs no look at the document first.
        BsonValue? synced = null;
        if (MayCarrySyncMetadata(model))
        {
            if (collection.FindById(id) is not { } stored) return false;
            stored.TryGetValue(DocumentLayout.SyncField, out synced);
        }
        Wrote = true;
        if (synced is not null) WriteTombstone(model, key, SyncMetadataDocuments.FromField(synced));
        _journal?.AddDelete(storage.CollectionName, id);
        if (!collection.Delete(id)) return false;
        (changes ?? _pending.For(model)).Deleted(key);
        return true;
    }

    /// <inheritdoc/>
    public int DeleteAll(ModelMetadata model)
    {
        var storage = Begin(model);
        Wrote = true;
        _journal?.AddDeleteAll(storage.CollectionName);
        var count = _database.GetCollection(storage.CollectionName).DeleteAll();
        _pending.For(model).AllDeleted();
        return count;
    }

    /// <inheritdoc/>
    public OutboxEntry AppendOutbox(OutboxEntry entry)
    {
        Begin();
        ArgumentNullException.ThrowIfNull(entry);
        // The transaction sees its own appends, so entries appended together get consecutive sequences.
        var queued = entry with { Sequence = OutboxDocuments.NextSequence(_database) };
        var document = OutboxDocuments.ToDocument(queued);
        Wrote = true;
        _journal?.AddUpsert(DocumentLayout.OutboxCollection, document); // upsert: a replay may find it committed already
        // Insert (not upsert): a duplicate ID is a bug and must fail the work.
        _database.GetCollection(DocumentLayout.OutboxCollection).Insert(document);
        return queued;
    }

    /// <inheritdoc/>
    public IReadOnlyList<OutboxEntry> ReadOutbox()
    {
        Begin();
        return OutboxDocuments.ReadAll(_database);
    }

    /// <inheritdoc/>
    public OutboxEntry? PeekOutbox()
    {
        Begin();
        return OutboxDocuments.First(_database);
    }

    /// <inheritdoc/>
    public OutboxEntry? LastOutboxFor(string modelName, string modelKey)
    {
        Begin();
        ArgumentNullException.ThrowIfNull(modelName);
        ArgumentNullException.ThrowIfNull(modelKey);
        return OutboxDocuments.LastFor(_database, modelName, modelKey);
    }

    /// <inheritdoc/>
    public int CountOutbox()
    {
        Begin();
        return _database.GetCollection(DocumentLayout.OutboxCollection).Count();
    }

    /// <inheritdoc/>
    public IReadOnlyList<OutboxEntry> OutboxFor(string modelName, string modelKey)
    {
        Begin();
        ArgumentNullException.ThrowIfNull(modelName);
        ArgumentNullException.ThrowIfNull(modelKey);
        return OutboxDocuments.AllFor(_database, modelName, modelKey);
    }

    /// <inheritdoc/>
    public void AddFailedMutation(FailedMutation failed)
    {
        Begin();
        ArgumentNullException.ThrowIfNull(failed);
        var document = OutboxDocuments.ToFailedDocument(failed);
        Wrote = true;
        _journal?.AddUpsert(DocumentLayout.FailedMutationCollection, document);
        _database.GetCollection(DocumentLayout.FailedMutationCollection).Upsert(document);
    }

    /// <inheritdoc/>
    public IReadOnlyList<FailedMutation> ReadFailedMutations()
    {
        Begin();
        var failed = new List<FailedMutation>();
        foreach (var document in _database.GetCollection(DocumentLayout.FailedMutationCollection).FindAll()) failed.Add(OutboxDocuments.FromFailedDocument(document));
        failed.Sort(static (a, b) => a.FailedAtUnixMs != b.FailedAtUnixMs ? a.FailedAtUnixMs.CompareTo(b.FailedAtUnixMs) : string.CompareOrdinal(a.Mutation.Id, b.Mutation.Id));
        return failed;
    }

    /// <inheritdoc/>
    public bool RemoveFailedMutation(string id)
    {
        Begin();
        ArgumentNullException.ThrowIfNull(id);
        Wrote = true;
        if (!_database.GetCollection(DocumentLayout.FailedMutationCollection).Delete(id)) return false;
        _journal?.AddDelete(DocumentLayout.FailedMutationCollection, id);
        return true;
    }

    /// <inheritdoc/>
    public void ClearFailedMutations()
    {
        Begin();
        Wrote = true;
        _journal?.AddDeleteAll(DocumentLayout.FailedMutationCollection);
        _database.GetCollection(DocumentLayout.FailedMutationCollection).DeleteAll();
    }

    /// <inheritdoc/>
    public bool ReplaceOutbox(OutboxEntry entry)
    {
        Begin();
        ArgumentNullException.ThrowIfNull(entry);
        if (OutboxDocuments.Find(_database, entry.Id) is not { } queued) return false;
        var document = OutboxDocuments.ToDocument(entry with { Sequence = queued.Sequence });
        Wrote = true;
        _journal?.AddUpsert(DocumentLayout.OutboxCollection, document);
        _database.GetCollection(DocumentLayout.OutboxCollection).Update(document);
        return true;
    }

    /// <inheritdoc/>
    public bool RemoveOutbox(string id)
    {
        Begin();
        ArgumentNullException.ThrowIfNull(id);
        Wrote = true; // a LiteDB call that throws midway must be rolled back
        if (!_database.GetCollection(DocumentLayout.OutboxCollection).Delete(id)) return false;
        _journal?.AddDelete(DocumentLayout.OutboxCollection, id);
        return true;
    }

    /// <inheritdoc/>
    public void ClearOutbox()
    {
        Begin();
        Wrote = true;
        _journal?.AddDeleteAll(DocumentLayout.OutboxCollection);
        _database.GetCollection(DocumentLayout.OutboxCollection).DeleteAll();
    }

    /// <inheritdoc/>
    public SyncMetadata? GetSyncMetadata(ModelMetadata model, StorageKey key)
    {
        Begin();
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(key);
        // The item's own document first; then the tombstones (and what files written before SyncField hold there).
        if (Stored(model, key) is { } document && document.TryGetValue(DocumentLayout.SyncField, out var field)) return SyncMetadataDocuments.FromField(field);
        return SyncMetadataDocuments.Get(_database, SyncMetadataDocuments.IdOf(model.Name, key));
    }

    /// <inheritdoc/>
    public void SetSyncMetadata(ModelMetadata model, StorageKey key, SyncMetadata metadata)
    {
        var storage = Begin(model);
        ArgumentNullException.ThrowIfNull(key);
        Wrote = true;
        if (!metadata.Deleted && Stored(model, key) is { } document)
        {
            document[DocumentLayout.SyncField] = SyncMetadataDocuments.ToField(metadata);
            _journal?.AddUpsert(storage.CollectionName, document);
            _database.GetCollection(storage.CollectionName).Update(document);
            _pending.For(model).NoteSyncMetadata();
            return;
        }
        // A tombstone (or metadata for a record not stored here, e.g. one purged from the sync scope).
        WriteTombstone(model, key, metadata);
    }

    private void WriteTombstone(ModelMetadata model, StorageKey key, SyncMetadata metadata)
    {
        var tombstone = SyncMetadataDocuments.ToDocument(SyncMetadataDocuments.IdOf(model.Name, key), metadata);
        _journal?.AddUpsert(DocumentLayout.SyncMetadataCollection, tombstone);
        _database.GetCollection(DocumentLayout.SyncMetadataCollection).Upsert(tombstone);
    }

    /// <inheritdoc/>
    public bool HasSyncMetadata(ModelMetadata model)
    {
        var storage = Begin(model);
        // Tombstone IDs are "<model>\u001f<key>" (OutboxDocuments.RecordOf): one index seek on the prefix. Documents hold
        // no index on their metadata: the scan stops at the first synced one (a synced collection's first document).
        return _database.GetCollection(DocumentLayout.SyncMetadataCollection).Exists(LiteDB.Query.StartsWith("_id", OutboxDocuments.RecordOf(model.Name, "")))
            || _database.GetCollection(storage.CollectionName).Exists(LiteDB.Query.Not(DocumentLayout.SyncField, BsonValue.Null));
    }

    // The record's document as this transaction sees it, or null.
    private BsonDocument? Stored(ModelMetadata model, StorageKey key)
    {
        var storage = ModelStorage.For(model);
        if (key.Values.Count != storage.KeyFields.Count) return null; // metadata is asked for by any key; no item has this one
        if (TryGetKnown(model, key, out var known) && known is null) return null;
        return DocumentKey.ToId(storage, key) is { } id ? _database.GetCollection(storage.CollectionName).FindById(id) : null;
    }

    /// <inheritdoc/>
    public void ClearSyncMetadata()
    {
        Begin();
        Wrote = true;
        _journal?.AddDeleteAll(DocumentLayout.SyncMetadataCollection);
        _database.GetCollection(DocumentLayout.SyncMetadataCollection).DeleteAll();
        // And what live items carry (a clear deletes the items first, so this finds little).
        foreach (var name in _database.GetCollectionNames())
        {
            if (name.StartsWith("__", StringComparison.Ordinal) || name.StartsWith('$')) continue;
            var collection = _database.GetCollection(name);
            foreach (var document in collection.Find(LiteDB.Query.Not(DocumentLayout.SyncField, BsonValue.Null)).ToList())
            {
                document.Remove(DocumentLayout.SyncField);
                _journal?.AddUpsert(name, document);
                collection.Update(document);
            }
        }
    }

    /// <inheritdoc/>
    public string? GetSetting(string key)
    {
        Begin();
        ArgumentNullException.ThrowIfNull(key);
        return SettingsDocuments.Get(_database, key);
    }

    /// <inheritdoc/>
    public void SetSetting(string key, string value)
    {
        Begin();
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var document = SettingsDocuments.ToDocument(key, value);
        Wrote = true;
        _journal?.AddUpsert(DocumentLayout.SettingsCollection, document);
        _database.GetCollection(DocumentLayout.SettingsCollection).Upsert(document);
    }

    /// <inheritdoc/>
    public void RemoveSetting(string key)
    {
        Begin();
        ArgumentNullException.ThrowIfNull(key);
        Wrote = true;
        if (_database.GetCollection(DocumentLayout.SettingsCollection).Delete(key)) _journal?.AddDelete(DocumentLayout.SettingsCollection, key);
    }

    /// <summary>
    /// The item with <paramref name="key"/> as this transaction sees it, when that is known without LiteDB: from this
    /// transaction's own changes, or from the committed image. False when only LiteDB can tell.
    /// </summary>
    private bool TryGetKnown(ModelMetadata model, StorageKey key, out object? item)
    {
        item = null;
        var changes = _pending.Find(model);
        if (changes is not null)
        {
            if (changes.Items.TryGetValue(key, out item)) return true;
            if (changes.Cleared) return true;
        }
        if (Image(model) is not { } image) return _images?.For(model)?.IsKnownAbsent(key) == true; // item stays null
        item = image.TryGetValue(key, out var committed) ? committed : null;
        return true;
    }

    private ImmutableSortedDictionary<StorageKey, object>? Image(ModelMetadata model) => _images?.Loaded(model);

    // False only when it is known that no document of the model carries sync metadata (a local-only model, or one
    // never synced since its image was established): a local save or delete then need not read the document first.
    private bool MayCarrySyncMetadata(ModelMetadata model)
        => _pending.Find(model)?.WroteSyncMetadata == true || _images?.For(model)?.MayCarrySyncMetadata != false;

    /// <summary>The committed image with this transaction's changes laid over it, filtered.</summary>
    private List<object> QueryImage(ModelMetadata model, ImmutableSortedDictionary<StorageKey, object> image, PredicateNode predicate)
    {
        var result = new List<object>();
        var changes = _pending.Find(model);
        if (changes is null || !changes.Cleared)
        {
            foreach (var (key, item) in image)
            {
                if (changes is not null && changes.Items.ContainsKey(key)) continue; // its current state comes below
                if (PredicateEvaluator.Matches(model, item, predicate)) result.Add(item);
            }
        }
        if (changes is not null)
        {
            foreach (var item in changes.Items.Values)
            {
                if (item is not null && PredicateEvaluator.Matches(model, item, predicate)) result.Add(item);
            }
        }
        return result;
    }

    private static bool IsLarge(PredicateNode predicate) => predicate switch
    {
        FieldCondition condition => condition.Values.Count >= LargePredicateValues,
        PredicateGroup group => group.Children.Count >= LargePredicateValues,
        _ => false,
    };

    private ModelStorage Begin(ModelMetadata model)
    {
        Begin();
        ArgumentNullException.ThrowIfNull(model);
        return ModelStorage.For(model);
    }

    private void Begin()
    {
        // Outside its work (or thread) the session would act outside the transaction: refuse rather than corrupt.
        if (!_active || Environment.CurrentManagedThreadId != _threadId)
        {
            throw new InvalidOperationException("A storage session is valid only inside its write work, on the storage writer thread.");
        }
    }
}
