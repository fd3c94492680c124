using NUnit.Framework;
using StoreTests.Models;

namespace Amplify.DataStore.Store.Tests.Engine;

using Amplify.DataStore;

/// <summary>hasOne children are cascaded; many-to-many join rows are not; a self-referencing tree is deleted level by level, each item once, even through a cycle.</summary>
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

    [Test]
    public async Task Deleting_a_folder_deletes_its_subtree_each_folder_once()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        var root = await store.SaveAsync(new Folder { Name = "root" });
        var a = await store.SaveAsync(new Folder { Name = "a", ParentId = root.Id });
        var b = await store.SaveAsync(new Folder { Name = "b", ParentId = root.Id });
        var c = await store.SaveAsync(new Folder { Name = "c", ParentId = a.Id });
        var other = await store.SaveAsync(new Folder { Name = "other" });
        var deleted = await store.DeleteAsync(Folder.Where(f => f.Id.Eq(root.Id)));
        Assert.That(deleted.Select(f => f.Name), Is.EquivalentTo(new[] { "root", "a", "b", "c" }), "each once");
        Assert.That(deleted[0].Name, Is.EqualTo("root"));
        Assert.That(deleted[^1].Name, Is.EqualTo("c"), "level by level");
        Assert.That((await store.QueryAsync<Folder>()).Select(f => f.Id), Is.EqualTo(new[] { other.Id }));
    }

    [Test]
    public async Task A_cycle_of_parents_ends_the_cascade_each_folder_deleted_once()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        var x = await store.SaveAsync(new Folder { Name = "x" });
        var y = await store.SaveAsync(new Folder { Name = "y", ParentId = x.Id });
        x = await store.SaveAsync(Folder.CopyOf(x, u => u.ParentId = y.Id)); // x ↔ y
        var changes = new List<string>();
        using var log = store.Observe<Folder>().Subscribe(m => { lock (changes) changes.Add($"{m.OpType} {m.Element.Name}"); });
        var deleted = await store.DeleteAsync(Folder.Where(f => f.Id.Eq(x.Id)));
        Assert.That(deleted.Select(f => f.Name), Is.EqualTo(new[] { "x", "y" }));
        Assert.That(await store.QueryAsync<Folder>(), Is.Empty);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && changes.Count < 2) await Task.Delay(10);
        await Task.Delay(50); // a duplicate would arrive by now
        lock (changes) Assert.That(changes, Is.EqualTo(new[] { "Delete x", "Delete y" }));
    }
}
