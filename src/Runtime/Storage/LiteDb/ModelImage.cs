using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// The committed items of one model, materialized and in key order, so reads need not decode LiteDB documents. Kept
/// only while the model has at most <c>limit</c> items. Readers take <see cref="Items"/> (an immutable snapshot); the
/// writer thread applies each commit before its callers learn of it, so a caller always reads its own writes.
/// </summary>
/// <remarks>
/// Loading races with commits: a loader notes <see cref="Version"/> before reading LiteDB and installs what it read only
/// if no commit has been applied since. A commit made but not yet applied may already be in what it read; applying it
/// afterwards is harmless, because applying a commit sets each touched key to its final state.
/// <para>
/// When a commit makes the model outgrow the limit, the image keeps the hash codes of its keys instead (a superset of
/// the committed keys: inserts add theirs, deletes leave them): a key whose hash is not there is certainly absent, so a
/// first hydration of more records than the limit still inserts without LiteDB's lookup of each key (an upsert costs
/// LiteDB about half as much again as an insert). A key whose hash is there may be absent too; it is looked up as before.
/// </para>
/// </remarks>
internal sealed class ModelImage
{
    private static readonly ImmutableSortedDictionary<StorageKey, object> Empty
        = ImmutableSortedDictionary<StorageKey, object>.Empty.WithComparers(StorageKeyOrder.Instance);

    // Past this many keys the hash codes are dropped too (a HashSet<int> takes about 2 MB per 100k keys).
    private const int MaxKeyHashes = 1_000_000;

    private readonly object _gate = new();
    private readonly int _limit;
    private ImmutableSortedDictionary<StorageKey, object>? _items;
    private HashSet<int>? _keyHashes;
    // Whether some committed document carries sync metadata; null when unknown (not loaded, or invalidated). Kept by
    // every applied commit, so it stays known when the items are dropped for size.
    private bool? _carriesSyncMetadata;
    private long _version;
    private long? _count;

    /// <summary>Creates an unloaded image that is kept while the model has at most <paramref name="limit"/> (at least 1) items.</summary>
    public ModelImage(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        _limit = limit;
    }

    /// <summary>The committed items in key order, or null while not loaded (or too many to keep).</summary>
    public ImmutableSortedDictionary<StorageKey, object>? Items => Volatile.Read(ref _items);

    /// <summary>Bumped by every applied commit that touched the model.</summary>
    public long Version
    {
        get
        {
            lock (_gate) return _version;
        }
    }

    /// <summary>False when the model is known to hold more items than the image may keep.</summary>
    public bool WorthLoading
    {
        get
        {
            lock (_gate) return _count is not { } count || count <= _limit;
        }
    }

    /// <summary>The most items the image keeps.</summary>
    public int Limit => _limit;

    /// <summary>
    /// True when <paramref name="key"/> is certainly not committed: the items are not kept (too many) but the hash codes
    /// of every committed key are, and the key's is not among them. False means unknown, not present.
    /// </summary>
    public bool IsKnownAbsent(StorageKey key)
    {
        lock (_gate) return _items is null && _keyHashes is { } hashes && !hashes.Contains(key.GetHashCode());
    }

    /// <summary>
    /// False when no committed document of the model carries sync metadata (<c>__s</c>), true when one may, null when
    /// unknown (callers then look at the document).
    /// </summary>
    public bool? MayCarrySyncMetadata
    {
        get
        {
            lock (_gate) return _carriesSyncMetadata;
        }
    }

    /// <summary>An empty image for a collection known to be empty (no commit may have been applied yet).</summary>
    public bool TryInstallEmpty(long version) => TryInstall(version, Empty, carriesSyncMetadata: false);

    /// <summary>A builder for loading, in key order.</summary>
    public static ImmutableSortedDictionary<StorageKey, object>.Builder CreateBuilder() => Empty.ToBuilder();

    /// <summary>Installs loaded items (at most the limit) unless a commit was applied since <paramref name="version"/>.</summary>
    /// <param name="version">The <see cref="Version"/> noted before the items were read.</param>
    /// <param name="items">The items read.</param>
    /// <param name="carriesSyncMetadata">Whether a document read carried sync metadata.</param>
    public bool TryInstall(long version, ImmutableSortedDictionary<StorageKey, object> items, bool carriesSyncMetadata)
    {
        lock (_gate)
        {
            if (_version != version) return false;
            _count = items.Count;
            _keyHashes = null;
            _carriesSyncMetadata = carriesSyncMetadata;
            Volatile.Write(ref _items, items);
            return true;
        }
    }

    /// <summary>Notes that the model had <paramref name="count"/> items at <paramref name="version"/> (too many to load).</summary>
    public void NoteCount(long version, long count)
    {
        lock (_gate)
        {
            if (_version == version) _count = count;
        }
    }

    /// <summary>Forgets the items and count (e.g. a commit failed after it may have reached the file); the next read reloads.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _version++;
            _count = null;
            _keyHashes = null;
            _carriesSyncMetadata = null;
            Volatile.Write(ref _items, null);
        }
    }

    /// <summary>Applies a committed transaction's changes (writer thread, after the commit, before completing callers).</summary>
    public void Apply(ModelChanges changes)
    {
        lock (_gate)
        {
            _version++;
            var items = _items;
            if (changes.Cleared)
            {
                _count = 0;
                items = Empty;
                _carriesSyncMetadata = false; // every document went; what this commit wrote after that is noted below
            }
            if (changes.WroteSyncMetadata && _carriesSyncMetadata is not null) _carriesSyncMetadata = true;
            if (items is not null)
            {
                var builder = items.ToBuilder();
                foreach (var (key, item) in changes.Items)
                {
                    if (item is null) builder.Remove(key);
                    else builder[key] = item;
                }
                _count = builder.Count;
                _keyHashes = null;
                if (builder.Count > _limit)
                {
                    // Too many now: drop the items, keep the count and the keys' hash codes.
                    items = null;
                    if (builder.Count <= MaxKeyHashes)
                    {
                        _keyHashes = new HashSet<int>(builder.Count * 2);
                        foreach (var key in builder.Keys) _keyHashes.Add(key.GetHashCode());
                    }
                }
                else
                {
                    items = builder.ToImmutable();
                }
            }
            else
            {
                if (_count is { } count)
                {
                    // Only an estimate from here on (a loader may have counted this commit already); it only decides
                    // whether loading is worth trying, and loading counts again.
                    _count = count + changes.CountDelta < 0 ? 0 : count + changes.CountDelta;
                }
                if (_keyHashes is { } hashes)
                {
                    foreach (var (key, item) in changes.Items)
                    {
                        if (item is not null) hashes.Add(key.GetHashCode());
                    }
                    if (hashes.Count > MaxKeyHashes) _keyHashes = null;
                }
            }
            Volatile.Write(ref _items, items);
        }
    }
}
