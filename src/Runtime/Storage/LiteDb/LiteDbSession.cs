using System;
using System.Collections.Generic;
using System.Linq;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Predicates;
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

    private readonly LiteDatabase _database;
    private readonly int _threadId;
    private bool _active = true;

    /// <summary>Creates a session for the transaction open on the current thread.</summary>
    public LiteDbSession(LiteDatabase database)
    {
        _database = database;
        _threadId = Environment.CurrentManagedThreadId;
    }

    /// <summary>Ends the session; later calls throw.</summary>
    public void Close() => _active = false;

    /// <inheritdoc/>
    public object? Get(ModelMetadata model, StorageKey key)
    {
        var storage = Begin(model);
        ArgumentNullException.ThrowIfNull(key);
        return LiteDbReads.Get(_database, storage, key);
    }

    /// <inheritdoc/>
    public IReadOnlyList<object> Query(ModelMetadata model, PredicateNode predicate)
    {
        var storage = Begin(model);
        ArgumentNullException.ThrowIfNull(predicate);
        // A cascade asks for the children of many parents at once (an In over thousands of keys): compiling and
        // seeking that is wasted when the child collection is empty, which one read of its first document tells.
        if (IsLarge(predicate) && IsEmpty(storage)) return Array.Empty<object>();
        var plan = LiteDbQueryPlanner.Plan(storage, predicate, sort: null, ordered: false);
        return LiteDbReads.Run(_database, storage, plan, sort: null, skip: 0, limit: null);
    }

    /// <inheritdoc/>
    public bool Upsert(ModelMetadata model, object item)
    {
        var storage = Begin(model);
        ArgumentNullException.ThrowIfNull(item);
        return _database.GetCollection(storage.CollectionName).Upsert(ModelDocuments.ToDocument(storage, item));
    }

    /// <inheritdoc/>
    public bool Delete(ModelMetadata model, StorageKey key)
    {
        var storage = Begin(model);
        ArgumentNullException.ThrowIfNull(key);
        return DocumentKey.ToId(storage, key) is { } id && _database.GetCollection(storage.CollectionName).Delete(id);
    }

    /// <inheritdoc/>
    public int DeleteAll(ModelMetadata model)
    {
        var storage = Begin(model);
        return _database.GetCollection(storage.CollectionName).DeleteAll();
    }

    /// <inheritdoc/>
    public void AppendOutbox(OutboxEntry entry)
    {
        Begin();
        ArgumentNullException.ThrowIfNull(entry);
        // Insert (not upsert): a duplicate ID is a bug and must fail the work.
        _database.GetCollection(DocumentLayout.OutboxCollection).Insert(OutboxDocuments.ToDocument(entry));
    }

    /// <inheritdoc/>
    public IReadOnlyList<OutboxEntry> ReadOutbox()
    {
        Begin();
        return OutboxDocuments.ReadAll(_database);
    }

    /// <inheritdoc/>
    public void ClearOutbox()
    {
        Begin();
        _database.GetCollection(DocumentLayout.OutboxCollection).DeleteAll();
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
        SettingsDocuments.Set(_database, key, value);
    }

    private static bool IsLarge(PredicateNode predicate) => predicate switch
    {
        FieldCondition condition => condition.Values.Count >= LargePredicateValues,
        PredicateGroup group => group.Children.Count >= LargePredicateValues,
        _ => false,
    };

    private bool IsEmpty(ModelStorage storage)
        => !_database.GetCollection(storage.CollectionName).Query().Limit(1).ToDocuments().Any();

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
