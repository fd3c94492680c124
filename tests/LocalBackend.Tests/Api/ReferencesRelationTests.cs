using System.Text.Json.Nodes;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Api;

/// <summary>
/// Amplify Gen 2 <c>references</c> relations over HTTP: the children's declared fields hold the parent's key, and the
/// relationship fields resolve both ways (schema-samples/gen2-references.graphql, and the corpus' composite-key case).
/// </summary>
public sealed class ReferencesRelationTests
{
    private static string Sample => File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Schemas", "gen2-references.graphql"));

    [Test]
    public async Task Has_many_has_one_and_belongs_to_resolve_through_the_referencing_fields()
    {
        await using var backend = await Backend.StartAsync(Sample, o => o.InMemory = true);
        var post = (await backend.DataAsync("mutation { createPost(input: { title: \"gen 2\" }) { id } }"))["createPost"]!;
        var other = (await backend.DataAsync("mutation { createPost(input: { title: \"other\" }) { id } }"))["createPost"]!;
        string postId = (string)post["id"]!, otherId = (string)other["id"]!;
        foreach (var (content, parent) in new[] { ("first", postId), ("second", postId), ("elsewhere", otherId) })
        {
            await backend.DataAsync("mutation($i: CreateCommentInput!) { createComment(input: $i) { id } }", new { i = new { content, postId = parent } });
        }
        await backend.DataAsync("mutation($i: CreatePostMetaInput!) { createPostMeta(input: $i) { id } }", new { i = new { views = 7, postId } });

        var data = await backend.DataAsync("""
            query($id: ID!) {
              getPost(id: $id) {
                title
                comments { items { content postId post { title } } }
                meta { views post { id } }
              }
            }
            """, new { id = postId });
        var got = data["getPost"]!;
        var comments = got["comments"]!["items"]!.AsArray();
        Assert.That(comments.Select(c => (string)c!["content"]!), Is.EquivalentTo(new[] { "first", "second" }));
        Assert.That(comments.All(c => (string)c!["postId"]! == postId && (string)c["post"]!["title"]! == "gen 2"), Is.True);
        Assert.That((int)got["meta"]!["views"]!, Is.EqualTo(7));
        Assert.That((string)got["meta"]!["post"]!["id"]!, Is.EqualTo(postId));

        var lonely = await backend.DataAsync("query($id: ID!) { getPost(id: $id) { meta { id } comments { items { content } } } }", new { id = otherId });
        Assert.That(lonely["getPost"]!["meta"], Is.Null, "no PostMeta references it");
        Assert.That(lonely["getPost"]!["comments"]!["items"]!.AsArray().Select(c => (string)c!["content"]!), Is.EqualTo(new[] { "elsewhere" }));
    }

    [Test]
    public async Task A_composite_parent_key_is_matched_field_by_field()
    {
        var corpus = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Parity", "corpus", "references-with-sort-key.graphql"));
        await using var backend = await Backend.StartAsync(corpus, o => o.InMemory = true);
        await backend.DataAsync("mutation { createPrimary(input: { tenantId: \"t\", instanceId: \"i\", recordId: \"r1\", content: \"one\" }) { tenantId } }");
        await backend.DataAsync("mutation { createPrimary(input: { tenantId: \"t\", instanceId: \"i\", recordId: \"r2\", content: \"two\" }) { tenantId } }");
        foreach (var (content, record) in new[] { ("a", "r1"), ("b", "r1"), ("c", "r2") })
        {
            await backend.DataAsync("mutation($i: CreateRelatedInput!) { createRelated(input: $i) { id } }",
                new { i = new { content, primaryTenantId = "t", primaryInstanceId = "i", primaryRecordId = record } });
        }

        var data = await backend.DataAsync("""
            { getPrimary(tenantId: "t", instanceId: "i", recordId: "r1") { content related { items { content primary { recordId content } } } } }
            """);
        var items = data["getPrimary"]!["related"]!["items"]!.AsArray();
        Assert.That(items.Select(r => (string)r!["content"]!), Is.EquivalentTo(new[] { "a", "b" }));
        Assert.That(items.All(r => (string)r!["primary"]!["recordId"]! == "r1" && (string)r["primary"]!["content"]! == "one"), Is.True);
    }

    [Test]
    public async Task Served_sdl_has_the_relationship_fields_and_no_implicit_keys()
    {
        await using var backend = await Backend.StartAsync(Sample, o => o.InMemory = true);
        var sdl = backend.Server.Sdl;
        Assert.That(sdl, Does.Contain("comments(filter: ModelCommentFilterInput, sortDirection: ModelSortDirection, limit: Int, nextToken: String): ModelCommentConnection"));
        Assert.That(sdl, Does.Contain("meta: PostMeta"));
        Assert.That(sdl, Does.Not.Contain("postCommentsId").And.Not.Contain("postMetaId"), "references add no foreign-key field");
    }
}
