using NUnit.Framework;
using StoreTests.Models;

namespace Amplify.DataStore.Store.Tests.Engine;

using Amplify.DataStore;
using Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// A child saved with its <c>@belongsTo</c> parent instance is read back with the foreign key only: after the parent is
/// updated no read (memory image, LiteDB, in-memory adapter, observe, observe-query) hands out the old parent instance.
/// </summary>
public class ParentInstanceTests
{
    private static IEnumerable<TestCaseData> Stores()
    {
        yield return new TestCaseData("memory image").SetArgDisplayNames("memory image");
        yield return new TestCaseData("LiteDB reads").SetArgDisplayNames("LiteDB reads");
        yield return new TestCaseData("in-memory adapter").SetArgDisplayNames("in-memory adapter");
    }

    private static Task<DataStore> OpenAsync(TestDirectory dir, string kind) => DataStore.OpenAsync(AmplifyModels.Schema, o =>
    {
        switch (kind)
        {
            case "memory image": o.UseLiteDb(dir.File()); break;
            case "LiteDB reads": o.UseLiteDb(new LiteDbOptions { FilePath = dir.File(), MemoryImageLimit = 0 }); break;
            default: o.UseInMemory(); break;
        }
    });

    [TestCaseSource(nameof(Stores))]
    public async Task AReadChild_CarriesNoStaleParent(string kind)
    {
        using var dir = new TestDirectory();
        await using var store = await OpenAsync(dir, kind);
        var post = await store.SaveAsync(Posts.New("old title"));
        var comment = new Comment { Content = "hi", Post = post };
        var returned = await store.SaveAsync(comment);
        Assert.That(returned.Post, Is.SameAs(post), "the caller's own instance is returned unchanged");
        await store.SaveAllAsync(new[] { new Comment { Content = "bulk", Post = post } });
        await store.SaveAsync(Post.CopyOf(post, u => u.Title = "new title"));

        var byId = await store.QueryByIdAsync<Comment>(comment.Id);
        var all = await store.QueryAsync<Comment>();
        var byParent = await store.QueryAsync(post.Comments);
        Assert.That(byId, Is.Not.Null);
        Assert.That(all, Has.Count.EqualTo(2), "the saved and the bulk-saved comment");
        Assert.That(byParent, Has.Count.EqualTo(2));
        foreach (var read in all.Append(byId!).Concat(byParent))
        {
            Assert.That(read.Post, Is.Null, "the stale parent instance is not handed out");
            Assert.That(read.CommentPostId, Is.EqualTo(post.Id), "the foreign key stays");
        }
        var parent = await store.QueryByIdAsync<Post>(byId!.CommentPostId!);
        Assert.That(parent!.Title, Is.EqualTo("new title"));
    }

    [Test]
    public async Task ObservedChildren_CarryNoParentInstance()
    {
        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        var post = await store.SaveAsync(Posts.New());
        var seen = new List<Comment>();
        var snapshots = new List<QuerySnapshot<Comment>>();
        using (store.Observe<Comment>().Subscribe(m => { lock (seen) seen.Add(m.Element); }))
        using (store.ObserveQuery(Predicate<Comment>.All).Subscribe(s => { lock (snapshots) snapshots.Add(s); }))
        {
            await store.SaveAsync(new Comment { Content = "hi", Post = post });
            await WaitUntil(() => { lock (seen) return seen.Count == 1; });
            await WaitUntil(() => { lock (snapshots) return snapshots.Any(s => s.Items.Count == 1); });
        }
        Assert.That(seen.Single().Post, Is.Null);
        Assert.That(seen.Single().CommentPostId, Is.EqualTo(post.Id));
        lock (snapshots) Assert.That(snapshots.SelectMany(s => s.Items).All(c => c.Post is null), Is.True);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > until) Assert.Fail("timed out waiting for the observer");
            await Task.Delay(10);
        }
    }
}
