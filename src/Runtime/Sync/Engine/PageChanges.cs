using System.Collections.Generic;
using Amplify.DataStore.Engine;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Storage;

namespace Amplify.DataStore.Sync.Engine;

/// <summary>
/// The records of one sync page in arrival order; a record sent twice in the page is kept once, with its last copy (as
/// amplify-js's mergePage does).
/// </summary>
internal sealed class PageChanges(ModelMetadata model)
{
    private readonly Dictionary<StorageKey, int> _seen = new();

    /// <summary>The page's records so far.</summary>
    public List<RemoteChange> Changes { get; } = new();

    /// <summary>Adds <paramref name="change"/>, replacing an earlier copy of the same record.</summary>
    public void Add(RemoteChange change)
    {
        var key = StorageKey.Of(model, change.Item);
        if (_seen.TryGetValue(key, out var index))
        {
            Changes[index] = change;
            return;
        }
        _seen[key] = Changes.Count;
        Changes.Add(change);
    }
}
