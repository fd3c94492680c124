using System;
using System.Collections.Immutable;
using System.Threading;
using Amplify.DataStore.Predicates.Evaluation;

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
/// </remarks>
internal sealed class ModelImage
{
    private static readonly ImmutableSortedDictionary<StorageKey, object> Empty
        = ImmutableSortedDictionary<StorageKey, object>.Empty.WithComparers(StorageKeyOrder.Instance);

    private readonly object _gate = new();
    private readonly int _limit;
    private ImmutableSortedDictionary<StorageKey, object>? _items;
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

    /// <summary>An empty image for a collection known to be empty (no commit may have been applied yet).</summary>
    public bool TryInstallEmpty(long version) => TryInstall(version, Empty);

    /// <summary>A builder for loading, in key order.</summary>
    public static ImmutableSortedDictionary<StorageKey, object>.Builder CreateBuilder() => Empty.ToBuilder();

    /// <summary>Installs loaded items (at most the limit) unless a commit was applied since <paramref name="version"/>.</summary>
    public bool TryInstall(long version, ImmutableSortedDictionary<StorageKey, object> items)
    {
        lock (_gate)
        {
            if (_version != version) return false;
            _count = items.Count;
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
            }
            if (items is not null)
            {
                var builder = items.ToBuilder();
                foreach (var (key, item) in changes.Items)
                {
                    if (item is null) builder.Remove(key);
                    else builder[key] = item;
                }
                _count = builder.Count;
                items = builder.Count <= _limit ? builder.ToImmutable() : null; // too many now: drop it, count stays known
            }
            else if (_count is { } count)
            {
                // Only an estimate from here on (a loader may have counted this commit already); it only decides whether
                // loading is worth trying, and loading counts again.
                _count = count + changes.CountDelta < 0 ? 0 : count + changes.CountDelta;
            }
            Volatile.Write(ref _items, items);
        }
    }
}
