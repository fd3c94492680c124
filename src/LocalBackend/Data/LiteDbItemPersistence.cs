using System;
using System.Collections.Generic;
using System.IO;
using LiteDB;

namespace Amplify.DataStore.LocalBackend.Data;

/// <summary>
/// The base and delta tables in one LiteDB file. Every call runs synchronously on the caller's thread, inside the
/// store's write lock, so a LiteDB transaction never spans an await.
/// </summary>
internal sealed class LiteDbItemPersistence : IItemPersistence
{
    private const string Items = "items";
    private const string Delta = "delta";
    private readonly LiteDatabase _database;

    public LiteDbItemPersistence(string filePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(filePath))!);
        _database = new LiteDatabase(new ConnectionString { Filename = filePath, Connection = ConnectionType.Direct });
        // LiteDB's automatic checkpoint (every 1000 log pages) copies the log into the data file inside a commit and
        // made mutations 2-3x slower under load; the store checkpoints on its purge timer and at close instead.
        _database.CheckpointSize = 0;
    }

    public IEnumerable<(string Model, string Key, IReadOnlyDictionary<string, object?> Item)> LoadItems()
    {
        foreach (var doc in _database.GetCollection(Items).FindAll())
        {
            yield return (doc["m"].AsString, doc["k"].AsString, BsonItems.FromDocument(doc["item"].AsDocument));
        }
    }

    public IEnumerable<DeltaEntry> LoadDelta()
    {
        foreach (var doc in _database.GetCollection(Delta).Query().OrderBy("_id").ToEnumerable())
        {
            yield return new DeltaEntry(doc["_id"].AsInt64, doc["m"].AsString, doc["t"].AsInt64, BsonItems.FromDocument(doc["item"].AsDocument));
        }
    }

    public void Commit(IReadOnlyList<ItemWrite> writes)
    {
        _database.BeginTrans();
        try
        {
            var items = _database.GetCollection(Items);
            var delta = _database.GetCollection(Delta);
            foreach (var (model, key, item, entry, isNew) in writes)
            {
                var image = BsonItems.ToDocument(item);
                var row = new BsonDocument
                {
                    ["_id"] = IdOf(model, key),
                    ["m"] = model,
                    ["k"] = key,
                    ["item"] = image,
                };
                // A new item has no row to replace: Upsert would first search the index for one in vain.
                if (isNew) items.Insert(row);
                else items.Upsert(row);
                delta.Insert(new BsonDocument
                {
                    ["_id"] = entry.Sequence,
                    ["m"] = entry.Model,
                    ["t"] = entry.ChangedAtMs,
                    // The delta row holds the same image (documents are only read when stored).
                    ["item"] = ReferenceEquals(entry.Item, item) ? image : BsonItems.ToDocument(entry.Item),
                });
            }
            _database.Commit();
        }
        catch
        {
            _database.Rollback();
            throw;
        }
    }

    public void Purge(IReadOnlyList<(string Model, string Key)> expiredItems, long deltaBeforeSequence)
    {
        _database.BeginTrans();
        try
        {
            var items = _database.GetCollection(Items);
            foreach (var (model, key) in expiredItems) items.Delete(IdOf(model, key));
            _database.GetCollection(Delta).DeleteMany(BsonExpression.Create("_id < @0", deltaBeforeSequence));
            _database.Commit();
        }
        catch
        {
            _database.Rollback();
            throw;
        }
    }

    public void Checkpoint() => _database.Checkpoint();

    public void Dispose()
    {
        _database.Checkpoint();
        _database.Dispose();
    }

    // The unit separator cannot occur in a model name, so (model, key) pairs never collide.
    private static string IdOf(string model, string key) => model + "\u001f" + key;
}
