using System;
using System.Collections.Generic;

namespace Amplify.DataStore.LocalBackend.Data;

/// <summary>Where the versioned store keeps its base and delta tables between runs. Calls are synchronous.</summary>
internal interface IItemPersistence : IDisposable
{
    /// <summary>Every stored item (tombstones included).</summary>
    IEnumerable<(string Model, string Key, IReadOnlyDictionary<string, object?> Item)> LoadItems();

    /// <summary>Every delta row, in sequence order.</summary>
    IEnumerable<DeltaEntry> LoadDelta();

    /// <summary>Stores item images and their delta rows, all in one transaction.</summary>
    void Commit(IReadOnlyList<ItemWrite> writes);

    /// <summary>Removes expired tombstones and delta rows older than <paramref name="deltaBeforeSequence"/>.</summary>
    void Purge(IReadOnlyList<(string Model, string Key)> expiredItems, long deltaBeforeSequence);

    /// <summary>Moves logged commits into the data file (called periodically, not on every commit).</summary>
    void Checkpoint();
}

/// <summary>
/// One accepted write: the item's new image and its delta row. <paramref name="IsNew"/>: no row for the item is stored
/// yet (the store knows every stored key), so it can be inserted without looking for one to replace.
/// </summary>
internal readonly record struct ItemWrite(string Model, string Key, IReadOnlyDictionary<string, object?> Item, DeltaEntry Delta, bool IsNew);
