using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Amplify.DataStore.Metadata;
using LiteDB;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>The <see cref="ModelImage"/> of every model of the schema, and how they are loaded and kept current.</summary>
internal sealed class ModelImages
{
    private readonly Dictionary<string, ModelImage> _images = new(StringComparer.Ordinal);

    /// <summary>Creates an image per model, each kept while its model has at most <paramref name="limit"/> (at least 1) items.</summary>
    public ModelImages(ModelSchema schema, int limit)
    {
        foreach (var model in schema.Models) _images.Add(model.Name, new ModelImage(limit));
    }

    /// <summary>The image of <paramref name="model"/> (a model outside the schema gets none).</summary>
    public ModelImage? For(ModelMetadata model) => _images.TryGetValue(model.Name, out var image) ? image : null;

    /// <summary>The committed items of <paramref name="model"/> when its image is loaded, else null (never loads it).</summary>
    public ImmutableSortedDictionary<StorageKey, object>? Loaded(ModelMetadata model) => For(model)?.Items;

    /// <summary>Installs empty images for empty collections, so a new store keeps its image from the first write.</summary>
    public void InstallEmpty(LiteDatabase database)
    {
        foreach (var (name, image) in _images)
        {
            var version = image.Version;
            if (LiteDbReads.IsEmpty(database, name)) image.TryInstallEmpty(version);
        }
    }

    /// <summary>Applies a committed transaction (writer thread, before its callers complete).</summary>
    public void Apply(PendingChanges changes)
    {
        foreach (var model in changes.Models) For(model.Model)?.Apply(model);
    }

    /// <summary>Forgets every image (see <see cref="ModelImage.Invalidate"/>).</summary>
    public void InvalidateAll()
    {
        foreach (var image in _images.Values) image.Invalidate();
    }

    /// <summary>
    /// The committed items of <paramref name="storage"/>'s model: the image, loading it first when it is worth it; null
    /// when the model has too many items to keep (read LiteDB instead). Not on the writer thread. What is loaded is
    /// installed only when <paramref name="holdsEveryWrite"/>, asked after the image's version is noted, says LiteDB holds
    /// every write applied to the images (journaled writes are applied before their LiteDB commit).
    /// </summary>
    public ImmutableSortedDictionary<StorageKey, object>? GetOrLoad(LiteDatabase database, ModelStorage storage, Func<bool> holdsEveryWrite)
    {
        if (For(storage.Model) is not { } image) return null;
        if (image.Items is { } items) return items;
        if (!image.WorthLoading) return null;
        var version = image.Version;
        bool installable = holdsEveryWrite();
        var builder = ModelImage.CreateBuilder();
        var model = storage.Model;
        bool carriesSyncMetadata = false;
        // At most one item more than the limit: no separate count (LiteDB counts by reading every document anyway).
        foreach (var document in database.GetCollection(storage.CollectionName).Query().Limit(image.Limit + 1).ToDocuments())
        {
            var item = ModelDocuments.FromDocument(storage, document);
            builder[StorageKey.Of(model, item)] = item;
            carriesSyncMetadata |= document.ContainsKey(DocumentLayout.SyncField);
        }
        var loaded = builder.ToImmutable();
        if (loaded.Count > image.Limit)
        {
            image.NoteCount(version, loaded.Count); // at least this many: no new attempt until deletes bring it to the limit
            return null;
        }
        // Not installed when a commit was applied meanwhile; what was read is still one committed state, so use it.
        if (installable) image.TryInstall(version, loaded, carriesSyncMetadata);
        return loaded;
    }
}
