using NUnit.Framework;
using StoreTests.Models;

namespace Amplify.DataStore.Store.Tests;

using Amplify.DataStore;

/// <summary>hasOne children are cascaded; many-to-many join rows are not.</summary>
public class CascadeTests
{
    [Test]
    public async Task Deleting_a_project_deletes_its_hasOne_team()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        var team = await store.SaveAsync(new Team { Name = "core" });
        var project = await store.SaveAsync(new Project { Name = "p", ProjectTeamId = team.Id });
        Assert.That(await store.QueryAsync(project.Team), Is.EqualTo(team));
        await store.DeleteAsync(project);
        Assert.That(await store.QueryByIdAsync<Team>(team.Id), Is.Null);
    }

    [Test]
    public async Task Many_to_many_join_rows_are_not_cascaded()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        var book = await store.SaveAsync(new Book { Title = "b" });
        var writer = await store.SaveAsync(new Writer { Name = "w" });
        var link = await store.SaveAsync(new BookWriters { Book = book, Writer = writer });
        await store.DeleteAsync(book);
        Assert.That(await store.QueryByIdAsync<BookWriters>(link.Id), Is.EqualTo(link));
        Assert.That(await store.QueryByIdAsync<Writer>(writer.Id), Is.EqualTo(writer));
    }
}
