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
    void Commit(IReadOnlyList<(string Model, string Key, IReadOnlyDictionary<string, object?> Item, DeltaEntry Delta)> writes);

    /// <summary>Removes expired tombstones and delta rows older than <paramref name="deltaBeforeSequence"/>.</summary>
    void Purge(IReadOnlyList<(string Model, string Key)> expiredItems, long deltaBeforeSequence);

    /// <summary>Moves logged commits into the data file (called periodically, not on every commit).</summary>
    void Checkpoint();
}
