using Amplify.DataStore.Predicates;
using Amplify.DataStore.Serialization;
using Amplify.DataStore.Storage;
using Amplify.DataStore.Storage.InMemory;
using NUnit.Framework;
using StoreTests.Models;

namespace Amplify.DataStore.Store.Tests.Engine;

using Amplify.DataStore;

/// <summary>
/// What a local write queues for AppSync: <c>Data</c> is exactly <see cref="ModelJson"/>'s JSON and <c>Condition</c> is
/// the mutation's <c>condition</c> argument as JSON; a condition AppSync cannot take is refused at the write.
/// </summary>
public class OutboxConditionTests
{
    private const string Text = "café ✓ 日本 😀 \"q\" <b>";

    private static async Task<(DataStore Store, FaultInjectingAdapter Adapter)> OpenAsync(bool outbox = true)
    {
        var adapter = new FaultInjectingAdapter(new InMemoryStorageAdapter());
        var store = await DataStore.OpenAsync(AmplifyModels.Schema, o => { o.UseStorageAdapter(adapter); o.OutboxEnabled = outbox; });
        return (store, adapter);
    }

    [Test]
    public async Task Outbox_data_is_byte_for_byte_what_ModelJson_writes_for_non_ASCII_text()
    {
        var (store, adapter) = await OpenAsync();
        await using var _ = store;
        var note = new Note { Title = Text, Tags = ValueList.Create<string?>("日本", "😀🎉", null), Mood = Mood.Happy, Score = 0.1 };
        await store.SaveAsync(note);
        var outbox = (await adapter.TakeOutboxAsync()).ToList();
        var updated = note with { Title = "naïve \u00A0 € 𝄞" };
        await store.SaveAsync(updated);
        outbox.AddRange(await adapter.TakeOutboxAsync());
        await store.DeleteAsync(updated);
        outbox.AddRange(await adapter.TakeOutboxAsync());

        Assert.That(outbox.Select(e => e.Operation), Is.EqualTo(new[] { OutboxOperation.Create, OutboxOperation.Update, OutboxOperation.Delete }));
        Assert.That(outbox[0].Data, Is.EqualTo(ModelJson.Serialize(note)));
        Assert.That(outbox[1].Data, Is.EqualTo(ModelJson.Serialize(updated)));
        Assert.That(outbox[2].Data, Is.EqualTo(ModelJson.Serialize(updated)));
        Assert.That(outbox[0].Data, Does.Contain("café ✓ 日本"), "BMP text is kept as is, not \\u-escaped");
    }

    [Test]
    public async Task Outbox_condition_is_AppSync_condition_JSON()
    {
        var (store, adapter) = await OpenAsync();
        await using var _ = store;
        var note = new Note { Title = Text, Count = 3, Mood = Mood.Sad, Day = AwsDate.Parse("2026-12-07") };
        // Each change is taken as if sent before the next, so none collapses into another (OutboxCollapseTests covers that).
        await store.SaveAsync(note);
        var outbox = (await adapter.TakeOutboxAsync()).ToList();
        await store.SaveAsync(note with { Count = 4 }, Note.Where(n => n.Count.Gt(1) & n.Title.BeginsWith("café ✓") & n.Mood.In(Mood.Sad, Mood.Happy)));
        outbox.AddRange(await adapter.TakeOutboxAsync());
        await store.SaveAsync(note with { Count = 5 }, Note.Where(n => !n.Day.Eq(AwsDate.Parse("2020-01-01")) | n.Done.Eq(null)));
        outbox.AddRange(await adapter.TakeOutboxAsync());
        await store.SaveAsync(note with { Count = 6 }, Predicate<Note>.All);
        outbox.AddRange(await adapter.TakeOutboxAsync());
        await store.SaveAsync(note with { Count = 7 });
        outbox.AddRange(await adapter.TakeOutboxAsync());

        Assert.That(outbox.Select(e => e.Condition), Is.EqualTo(new string?[]
        {
            null,
            """{"and":[{"count":{"gt":1}},{"title":{"beginsWith":"café ✓"}},{"or":[{"mood":{"eq":"SAD"}},{"mood":{"eq":"HAPPY"}}]}]}""",
            """{"or":[{"not":{"day":{"eq":"2020-01-01"}}},{"done":{"eq":null}}]}""",
            null,
            null,
        }));
    }

    [Test]
    public async Task A_create_queues_no_condition_and_a_conditional_delete_queues_its_own_only()
    {
        var (store, adapter) = await OpenAsync();
        await using var _ = store;
        var post = Posts.New("parent");
        await store.SaveAsync(post, Post.Where(p => p.Rating.Gt(100))); // a create: AppSync never evaluates a condition there
        var comment = await store.SaveAsync(new Comment { Content = "child", Post = post });
        var outbox = (await adapter.TakeOutboxAsync()).ToList(); // sent: a delete of an unsent create would cancel it instead
        await store.DeleteAsync(post, Post.Where(p => p.Rating.Gt(1)));
        outbox.AddRange(await adapter.ReadOutboxAsync());

        Assert.That(outbox.Select(e => (e.ModelName, e.Operation, e.Condition)), Is.EqualTo(new[]
        {
            ("Post", OutboxOperation.Create, (string?)null),
            ("Comment", OutboxOperation.Create, (string?)null),
            ("Post", OutboxOperation.Delete, (string?)"""{"and":[{"rating":{"gt":1}}]}"""),
            ("Comment", OutboxOperation.Delete, (string?)null),
        }), "the cascaded child's delete is not held to the parent's condition");
        Assert.That(outbox[3].ModelKey, Is.EqualTo(comment.Id));
    }

    [Test]
    public async Task A_condition_AppSync_cannot_take_is_refused_at_the_write_and_nothing_is_stored_or_queued()
    {
        var (store, adapter) = await OpenAsync();
        await using var _ = store;
        var note = new Note { Title = "t", Count = 1 };
        await store.SaveAsync(note);
        var post = await store.SaveAsync(Posts.New("p"));
        var comment = await store.SaveAsync(new Comment { Content = "c", Post = post });

        // The analyzer reports these at build time (ADS2005); the runtime refuses them too, for conditions it cannot see.
#pragma warning disable ADS2005
        var onKey = Note.Where(n => n.Id.Eq(note.Id));
        var ex = Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(note with { Count = 2 }, onKey));
        Assert.That(ex!.Message, Does.Contain("'id eq'").And.Contain("Note").And.Contain("partition key"));
        ex = Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(note, onKey));
        Assert.That(ex!.Message, Does.Contain("'id eq'"));
#pragma warning restore ADS2005

        var throughParent = new Predicate<Comment>(new FieldCondition(FieldPath.Of("post").Append("title"), PredicateOperator.Eq, new[] { FieldValue.From("p") }));
        ex = Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(comment with { Content = "d" }, throughParent));
        Assert.That(ex!.Message, Does.Contain("'post.title eq'").And.Contain("ModelCommentConditionInput"));
        ex = Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(comment, throughParent));
        Assert.That(ex!.Message, Does.Contain("'post.title eq'"));

        Assert.That((await store.QueryByIdAsync<Note>(note.Id))!.Count, Is.EqualTo(1), "the refused save stored nothing");
        Assert.That(await store.QueryByIdAsync<Comment>(comment.Id), Is.Not.Null, "the refused delete deleted nothing");
        Assert.That((await adapter.ReadOutboxAsync()).Select(e => e.Operation),
            Is.EqualTo(new[] { OutboxOperation.Create, OutboxOperation.Create, OutboxOperation.Create }), "only the three creates are queued");
    }

    [Test]
    public async Task Without_the_outbox_nothing_goes_to_AppSync_so_such_conditions_are_evaluated_locally()
    {
        var (store, _) = await OpenAsync(outbox: false);
        await using var __ = store;
        var post = await store.SaveAsync(Posts.New("p"));
        var comment = await store.SaveAsync(new Comment { Content = "c", Post = post });
        var throughParent = new Predicate<Comment>(new FieldCondition(FieldPath.Of("post").Append("title"), PredicateOperator.Eq, new[] { FieldValue.From("p") }));
        await store.SaveAsync(comment with { Content = "d" }, throughParent);
        Assert.That((await store.QueryByIdAsync<Comment>(comment.Id))!.Content, Is.EqualTo("d"));
    }
}
