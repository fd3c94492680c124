using System.Net;
using System.Text.Json.Nodes;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Api;

/// <summary>get/list/create/update/delete over HTTP with AppSync's versioned semantics.</summary>
public sealed class MutationTests
{
    private Backend _backend = null!;

    [SetUp]
    public async Task StartAsync() => _backend = await Backend.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _backend.DisposeAsync();

    [Test]
    public async Task Create_sets_version_1_timestamps_and_an_id_and_get_returns_it()
    {
        var created = await _backend.CreatePostAsync("hello", rating: 7);
        Assert.That((int)created["_version"]!, Is.EqualTo(1));
        Assert.That(created["_deleted"], Is.Null);
        Assert.That((long)created["_lastChangedAt"]!, Is.GreaterThan(1_600_000_000_000L));
        Assert.That((string)created["id"]!, Does.Match("^[0-9a-f-]{36}$"));
        Assert.That((string)created["createdAt"]!, Does.EndWith("Z"));
        Assert.That(created["createdAt"]!.ToString(), Is.EqualTo(created["updatedAt"]!.ToString()));

        var data = await _backend.DataAsync($"query($id: ID!) {{ getPost(id: $id) {{ {Backend.PostFields} }} }}", new { id = (string)created["id"]! });
        Assert.That(data["getPost"]!.ToJsonString(), Is.EqualTo(created.ToJsonString()));
    }

    [Test]
    public async Task Update_with_the_current_version_increments_it_and_null_removes_a_field()
    {
        var created = await _backend.CreatePostAsync("v1");
        await _backend.DataAsync("mutation($i: UpdatePostInput!) { updatePost(input: $i) { _version } }",
            new { i = new { id = (string)created["id"]!, tags = new[] { "a" }, _version = 1 } });
        var data = await _backend.DataAsync($"mutation($i: UpdatePostInput!) {{ updatePost(input: $i) {{ {Backend.PostFields} }} }}",
            new { i = new Dictionary<string, object?> { ["id"] = (string)created["id"]!, ["title"] = "v3", ["tags"] = null, ["_version"] = 2 } });
        var updated = data["updatePost"]!;
        Assert.That((int)updated["_version"]!, Is.EqualTo(3));
        Assert.That((string)updated["title"]!, Is.EqualTo("v3"));
        Assert.That(updated["tags"], Is.Null);
        Assert.That((int)updated["rating"]!, Is.EqualTo(5), "omitted fields keep their values");
        Assert.That((long)updated["_lastChangedAt"]!, Is.GreaterThanOrEqualTo((long)created["_lastChangedAt"]!));
    }

    [Test]
    public async Task The_server_sets_versions_the_create_input_version_is_ignored()
    {
        var data = await _backend.DataAsync("mutation { createPost(input: { title: \"x\", rating: 1, status: ACTIVE, _version: 42 }) { _version } }");
        Assert.That((int)data["createPost"]!["_version"]!, Is.EqualTo(1));
    }

    [Test]
    public async Task Delete_leaves_a_tombstone_that_get_list_and_sync_return()
    {
        var created = await _backend.CreatePostAsync("doomed");
        var id = (string)created["id"]!;
        var deleted = await _backend.DataAsync("mutation($i: DeletePostInput!) { deletePost(input: $i) { id _version _deleted } }", new { i = new { id, _version = 1 } });
        Assert.That((int)deleted["deletePost"]!["_version"]!, Is.EqualTo(2));
        Assert.That((bool)deleted["deletePost"]!["_deleted"]!, Is.True);

        var get = await _backend.DataAsync("query($id: ID!) { getPost(id: $id) { id _deleted } }", new { id });
        Assert.That((bool)get["getPost"]!["_deleted"]!, Is.True);
        var list = await _backend.DataAsync("{ listPosts { items { id _deleted } } }");
        Assert.That(list["listPosts"]!["items"]!.AsArray().Single()!["_deleted"]!.GetValue<bool>(), Is.True);
        var sync = await _backend.DataAsync("{ syncPosts { items { id _deleted _version } startedAt } }");
        Assert.That((int)sync["syncPosts"]!["items"]![0]!["_version"]!, Is.EqualTo(2));

        // AppSync's attribute_not_exists(id) fails while the tombstone is there.
        var (_, recreate) = await _backend.PostAsync("mutation($i: CreatePostInput!) { createPost(input: $i) { id } }", new { i = new { id, title = "again", rating = 1, status = "ACTIVE" } });
        Assert.That((string)recreate["errors"]![0]!["errorType"]!, Is.EqualTo("ConditionalCheckFailedException"));
    }

    [Test]
    public async Task Updating_or_deleting_a_missing_item_fails_the_key_condition()
    {
        foreach (var mutation in new[] { "updatePost(input: { id: \"nope\", title: \"x\", _version: 1 })", "deletePost(input: { id: \"nope\", _version: 1 })" })
        {
            var (status, body) = await _backend.PostAsync($"mutation {{ {mutation} {{ id }} }}");
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            var error = body["errors"]![0]!;
            Assert.That((string)error["errorType"]!, Is.EqualTo("ConditionalCheckFailedException"));
            Assert.That((string)error["message"]!, Does.StartWith("The conditional request failed (Service: DynamoDb, Status Code: 400"));
            Assert.That(error["path"]![0]!.ToString(), Does.StartWith(mutation[..10]));
        }
    }

    [Test]
    public async Task A_failed_condition_returns_the_current_item_and_changes_nothing()
    {
        var created = await _backend.CreatePostAsync("keep", rating: 2);
        var id = (string)created["id"]!;
        var (_, body) = await _backend.PostAsync("mutation($i: UpdatePostInput!, $c: ModelPostConditionInput) { updatePost(input: $i, condition: $c) { id title rating _version } }",
            new { i = new { id, title = "changed", _version = 1 }, c = new { rating = new { gt = 4 } } });
        var error = body["errors"]![0]!;
        Assert.That((string)error["errorType"]!, Is.EqualTo("ConditionalCheckFailedException"));
        Assert.That((string)error["data"]!["title"]!, Is.EqualTo("keep"));
        Assert.That(body["data"]!["updatePost"], Is.Null);
        var get = await _backend.DataAsync("query($id: ID!) { getPost(id: $id) { title _version } }", new { id });
        Assert.That((string)get["getPost"]!["title"]!, Is.EqualTo("keep"));
        Assert.That((int)get["getPost"]!["_version"]!, Is.EqualTo(1));

        var ok = await _backend.DataAsync("mutation($i: UpdatePostInput!, $c: ModelPostConditionInput) { updatePost(input: $i, condition: $c) { title } }",
            new { i = new { id, title = "changed", _version = 1 }, c = new { rating = new { lt = 4 } } });
        Assert.That((string)ok["updatePost"]!["title"]!, Is.EqualTo("changed"));
    }

    [Test]
    public async Task Out_of_band_console_mutation_with_sync_fields_in_the_selection_works()
    {
        // As typed in the AppSync console: inline arguments, _version and the sync fields selected.
        var create = await _backend.DataAsync("mutation { createPost(input: { title: \"console\", rating: 3, status: INACTIVE }) { id title _version _lastChangedAt _deleted } }");
        var id = (string)create["createPost"]!["id"]!;
        var update = await _backend.DataAsync($"mutation {{ updatePost(input: {{ id: \"{id}\", rating: 9, _version: 1 }}) {{ id rating _version _lastChangedAt _deleted }} }}");
        Assert.That((int)update["updatePost"]!["_version"]!, Is.EqualTo(2));
        Assert.That((int)update["updatePost"]!["rating"]!, Is.EqualTo(9));
    }

    [Test]
    public async Task Relationship_fields_resolve_both_ways()
    {
        var post = await _backend.CreatePostAsync("parent");
        var postId = (string)post["id"]!;
        for (int i = 0; i < 3; i++)
        {
            await _backend.DataAsync("mutation($i: CreateCommentInput!) { createComment(input: $i) { id } }", new { i = new { content = "c" + i, postCommentsId = postId } });
        }
        var data = await _backend.DataAsync("query($id: ID!) { getPost(id: $id) { comments { items { content post { id title } } } } }", new { id = postId });
        var items = data["getPost"]!["comments"]!["items"]!.AsArray();
        Assert.That(items.Select(c => (string)c!["content"]!), Is.EquivalentTo(new[] { "c0", "c1", "c2" }));
        Assert.That(items.All(c => (string)c!["post"]!["title"]! == "parent"));
    }

    [Test]
    public async Task List_pages_with_next_token_and_applies_the_filter()
    {
        for (int i = 0; i < 25; i++) await _backend.CreatePostAsync("p" + i, rating: i % 10);
        var seen = new List<string>();
        string? token = null;
        int pages = 0;
        do
        {
            var data = await _backend.DataAsync("query($t: String, $f: ModelPostFilterInput) { listPosts(limit: 10, nextToken: $t, filter: $f) { items { title rating } nextToken } }",
                new Dictionary<string, object?> { ["t"] = token, ["f"] = new { rating = new { ge = 5 } } });
            var page = data["listPosts"]!;
            seen.AddRange(page["items"]!.AsArray().Select(x => (string)x!["title"]!));
            Assert.That(page["items"]!.AsArray().All(x => (int)x!["rating"]! >= 5));
            token = (string?)page["nextToken"];
            pages++;
        }
        while (token is not null);
        Assert.That(pages, Is.EqualTo(3), "25 items evaluated 10 at a time");
        Assert.That(seen, Has.Count.EqualTo(Enumerable.Range(0, 25).Count(i => i % 10 >= 5)));
        Assert.That(seen, Is.Unique);
    }

    [Test]
    public async Task Invalid_scalars_and_unknown_fields_are_rejected_before_anything_is_written()
    {
        var (status, body) = await _backend.PostAsync("mutation($i: CreateCommentInput!) { createComment(input: $i) { id } }", new { i = new { content = "x", id = "c1", createdAt = "yesterday" } });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body["errors"]!.AsArray(), Is.Not.Empty);
        var (_, unknown) = await _backend.PostAsync("{ syncNotes { items { id } } }");
        Assert.That((string)unknown["errors"]![0]!["message"]!, Does.StartWith("Validation error of type"));
        Assert.That(unknown["errors"]![0]!["locations"]![0]!["line"]!.GetValue<int>(), Is.EqualTo(1));
        var list = await _backend.DataAsync("{ listComments { items { id } } }");
        Assert.That(list["listComments"]!["items"]!.AsArray(), Is.Empty);
    }
}
