using System.Collections.Generic;
using Amplify.DataStore.Metadata;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// The model changes of the transaction open on the writer thread, recorded by its sessions. After a commit they are
/// applied to the <see cref="ModelImage"/>s; after a rollback they are dropped. Writer thread only.
/// </summary>
internal sealed class PendingChanges
{
    private readonly Dictionary<string, ModelChanges> _byModel = new(System.StringComparer.Ordinal);

    /// <summary>The changes, by model.</summary>
    public IEnumerable<ModelChanges> Models => _byModel.Values;

    /// <summary>The changes of <paramref name="model"/> so far, or null.</summary>
    public ModelChanges? Find(ModelMetadata model) => _byModel.TryGetValue(model.Name, out var changes) ? changes : null;

    /// <summary>The changes of <paramref name="model"/>, created on first use.</summary>
    public ModelChanges For(ModelMetadata model)
    {
        if (!_byModel.TryGetValue(model.Name, out var changes))
        {
            changes = new ModelChanges(model);
            _byModel.Add(model.Name, changes);
        }
        return changes;
    }

    /// <summary>Forgets everything (a new transaction begins, or the last one rolled back).</summary>
    public void Clear() => _byModel.Clear();
}

/// <summary>One model's changes in the open transaction: the latest item per touched key (null when deleted).</summary>
internal sealed class ModelChanges(ModelMetadata model)
{
    /// <summary>The model.</summary>
    public ModelMetadata Model { get; } = model;

    /// <summary>True when every item of the model was deleted in this transaction (before <see cref="Items"/>).</summary>
    public bool Cleared { get; private set; }

    /// <summary>The latest state of each key touched since the transaction began (or since <see cref="Cleared"/>).</summary>
    public Dictionary<StorageKey, object?> Items { get; } = new();

    /// <summary>True when a document of the model written in this transaction carries sync metadata.</summary>
    public bool WroteSyncMetadata { get; private set; }

    /// <summary>Records that a document written in this transaction carries sync metadata.</summary>
    public void NoteSyncMetadata() => WroteSyncMetadata = true;

    /// <summary>Items inserted minus items deleted in this transaction (for the committed count).</summary>
    public long CountDelta { get; private set; }

    /// <summary>Records an insert or replace.</summary>
    public void Upserted(StorageKey key, object item, bool inserted)
    {
        Items[key] = item;
        if (inserted) CountDelta++;
    }

    /// <summary>Records a delete of an existing item.</summary>
    public void Deleted(StorageKey key)
    {
        Items[key] = null;
        CountDelta--;
    }

    /// <summary>Records that every item was deleted.</summary>
    public void AllDeleted()
    {
        Cleared = true;
        Items.Clear();
        CountDelta = 0;
    }
}
