using Amplify.DataStore.Metadata;
using Amplify.DataStore.Storage.LiteDb;
using NUnit.Framework;
using StoreTests.Models;

namespace Amplify.DataStore.Store.Tests.Engine;

using Amplify.DataStore;

/// <summary>
/// Amplify Gen 2 <c>references</c> relations (Schema/relations.graphql: Album, keyed by artist and title, hasMany
/// Track and hasOne Cover, each child naming albumArtist/albumTitle): the generated metadata lets the store save,
/// load, filter through and cascade them, and LiteDB indexes the referencing fields.
/// </summary>
public class ReferencesRelationTests
{
    [Test]
    public async Task Children_reference_the_composite_key_and_load_through_both_sides()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        var album = await store.SaveAsync(new Album { Artist = "Nina", Title = "Pastel Blues" });
        var other = await store.SaveAsync(new Album { Artist = "Nina", Title = "Wild Is the Wind" });
        var one = await store.SaveAsync(new Track { Name = "Be My Husband", Album = album });
        var two = await store.SaveAsync(new Track { Name = "Sinnerman", Album = album });
        await store.SaveAsync(new Track { Name = "Lilac Wine", Album = other });
        var cover = await store.SaveAsync(new Cover { Url = "https://example.com/pastel.png", Album = album });

        Assert.That((one.AlbumArtist, one.AlbumTitle), Is.EqualTo(("Nina", "Pastel Blues")), "setting the parent sets the referencing fields in key order");
        Assert.That((await store.QueryAsync(album.Tracks)).Select(t => t.Name), Is.EquivalentTo(new[] { "Be My Husband", "Sinnerman" }));
        Assert.That(await store.QueryAsync(album.Cover), Is.EqualTo(cover));
        Assert.That(await store.QueryAsync(other.Cover), Is.Null);

        var loaded = await store.QueryByIdAsync<Track>(two.Id);
        Assert.That((loaded!.AlbumArtist, loaded.AlbumTitle), Is.EqualTo(("Nina", "Pastel Blues")));
        var byParent = await store.QueryAsync(Track.Where(t => t.Album.Title.Eq("Wild Is the Wind")));
        Assert.That(byParent.Select(t => t.Name), Is.EqualTo(new[] { "Lilac Wine" }), "a nested condition follows the @belongsTo(references)");
    }

    [Test]
    public async Task A_child_cannot_reference_a_missing_parent()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        Assert.That(async () => await store.SaveAsync(new Track { Name = "orphan", AlbumArtist = "Nobody", AlbumTitle = "Nothing" }),
            Throws.InstanceOf<DataStoreValidationException>());
        Assert.That(await store.SaveAsync(new Track { Name = "single" }), Is.Not.Null, "no reference, no parent needed");
    }

    [Test]
    public async Task Deleting_the_parent_cascades_to_has_many_and_has_one_children()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        var album = await store.SaveAsync(new Album { Artist = "Nina", Title = "Pastel Blues" });
        var keep = await store.SaveAsync(new Album { Artist = "Nina", Title = "Wild Is the Wind" });
        await store.SaveAsync(new Track { Name = "Sinnerman", Album = album });
        await store.SaveAsync(new Cover { Url = "https://example.com/pastel.png", Album = album });
        var kept = await store.SaveAsync(new Track { Name = "Lilac Wine", Album = keep });
        var keptCover = await store.SaveAsync(new Cover { Url = "https://example.com/wild.png", Album = keep });

        Assert.That(await store.DeleteAsync(album), Is.True);
        Assert.That(await store.QueryAsync<Track>(), Is.EqualTo(new[] { kept }));
        Assert.That(await store.QueryAsync<Cover>(), Is.EqualTo(new[] { keptCover }));
    }

    [Test]
    public void LiteDb_indexes_each_referencing_field_once()
    {
        var plan = IndexPlan.For(AmplifyModels.Schema);
        Assert.That(plan["Track"].Select(i => i.Name), Is.EqualTo(new[] { "ix_albumArtist", "ix_albumTitle", "ix_playlistTracksId" }));
        Assert.That(plan["Cover"].Select(i => i.Name), Is.EqualTo(new[] { "ix_albumArtist", "ix_albumTitle" }));
        Assert.That(plan["Album"].Select(i => i.Name), Is.EqualTo(new[] { "ix_artist", "ix_title" }), "the composite key's fields");
    }

    [Test]
    public void One_directional_has_many_carries_modelgen_gsi_index()
    {
        var index = AmplifyModels.Schema.GetModel("Track").Indexes.Single();
        Assert.That((index.Name, index.Fields), Is.EqualTo(("gsi-Playlist.tracks", new[] { "playlistTracksId" })));
        var cover = AmplifyModels.Schema.GetModel("Album").GetField("cover").Association!;
        Assert.That((cover.Type, cover.TargetNames.Count, cover.AssociatedWith), Is.EqualTo((AssociationType.HasOne, 0, new[] { "albumArtist", "albumTitle" })));
    }
}
