using System.Net;
using System.Text.Json.Nodes;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Api;

/// <summary>
/// Issue 14: the transformer's key queries over HTTP: @index query fields (default and explicit names), hasMany
/// connections with a sort-key condition, and listX on a custom (composite) primary key, with DynamoDB Query semantics:
/// equality on the partition key, one condition on the sort key, sort-key order, filter after limit, paging.
/// </summary>
public sealed class KeyQueryTests
{
    private const string Schema = """
        type Post @model {
          id: ID!
          title: String!
          comments: [Comment] @hasMany(indexName: "byPost", fields: ["id"])
        }
        type Comment @model {
          id: ID!
          postID: ID! @index(name: "byPost", sortKeyFields: ["content"])
          content: String!
          rank: Int @index(name: "byRank", sortKeyFields: ["content"], queryField: "commentsByRank")
          topic: String @index(name: "byTopic", sortKeyFields: ["rank"], queryField: "commentsByTopic")
        }
        type Test @model {
          email: String! @primaryKey(sortKeyFields: ["kind", "other"])
          kind: Int!
          other: AWSDateTime!
          note: String
        }
        type Event @model {
          id: ID!
          createdAt: AWSDateTime!
          category: String! @index(name: "CategoryGSI", sortKeyFields: "createdAt", queryField: "eventsByCategory")
        }
        """;

    private Backend _backend = null!;

    [SetUp]
    public async Task StartAsync() => _backend = await Backend.StartAsync(Schema, o => o.InMemory = true);

    [TearDown]
    public async Task StopAsync() => await _backend.DisposeAsync();

    private async Task CommentAsync(string postID, string content, int? rank = null, string? topic = null)
        => await _backend.DataAsync("mutation($i: CreateCommentInput!) { createComment(input: $i) { id } }",
            new { i = new Dictionary<string, object?> { ["postID"] = postID, ["content"] = content, ["rank"] = rank, ["topic"] = topic } });

    private static List<string> Contents(JsonNode connection) => connection["items"]!.AsArray().Select(i => (string)i!["content"]!).ToList();

    [Test]
    public async Task Default_index_query_applies_the_sort_key_condition_and_orders_by_the_sort_key()
    {
        foreach (var c in new[] { "b2", "a1", "b1", "c1" }) await CommentAsync("p1", c);
        await CommentAsync("p2", "b0");

        var all = await _backend.DataAsync("{ commentsByPostIDAndContent(postID: \"p1\") { items { content } nextToken } }");
        Assert.That(Contents(all["commentsByPostIDAndContent"]!), Is.EqualTo(new[] { "a1", "b1", "b2", "c1" }), "partition equality, ascending sort key");

        var q = "query($c: ModelStringKeyConditionInput, $d: ModelSortDirection) { commentsByPostIDAndContent(postID: \"p1\", content: $c, sortDirection: $d) { items { content } } }";
        Assert.That(Contents((await _backend.DataAsync(q, new { c = new { beginsWith = "b" } }))["commentsByPostIDAndContent"]!), Is.EqualTo(new[] { "b1", "b2" }));
        Assert.That(Contents((await _backend.DataAsync(q, new { c = new { beginsWith = "b" }, d = "DESC" }))["commentsByPostIDAndContent"]!), Is.EqualTo(new[] { "b2", "b1" }));
        Assert.That(Contents((await _backend.DataAsync(q, new { c = new { between = new[] { "a1", "b1" } } }))["commentsByPostIDAndContent"]!), Is.EqualTo(new[] { "a1", "b1" }));
        Assert.That(Contents((await _backend.DataAsync(q, new { c = new { gt = "b1" } }))["commentsByPostIDAndContent"]!), Is.EqualTo(new[] { "b2", "c1" }));
        Assert.That(Contents((await _backend.DataAsync(q, new { c = new { le = "b1" } }))["commentsByPostIDAndContent"]!), Is.EqualTo(new[] { "a1", "b1" }));
        Assert.That(Contents((await _backend.DataAsync(q, new { c = new { eq = "c1" } }))["commentsByPostIDAndContent"]!), Is.EqualTo(new[] { "c1" }));
    }

    [Test]
    public async Task Index_query_pages_in_sort_order_and_limit_counts_items_before_the_filter()
    {
        for (int i = 0; i < 7; i++) await CommentAsync("p1", $"c{i}");
        var q = "query($t: String, $d: ModelSortDirection) { commentsByPostIDAndContent(postID: \"p1\", sortDirection: $d, limit: 3, nextToken: $t, filter: { content: { ne: \"c4\" } }) { items { content } nextToken } }";
        foreach (var (direction, expected, sizes) in new[] { ("ASC", new[] { "c0", "c1", "c2", "c3", "c5", "c6" }, new[] { 3, 2, 1 }), ("DESC", new[] { "c6", "c5", "c3", "c2", "c1", "c0" }, new[] { 2, 3, 1 }) })
        {
            var seen = new List<string>();
            var pages = new List<int>();
            string? token = null;
            do
            {
                var page = (await _backend.DataAsync(q, new { t = token, d = direction }))["commentsByPostIDAndContent"]!;
                seen.AddRange(Contents(page));
                pages.Add(page["items"]!.AsArray().Count);
                token = (string?)page["nextToken"];
            }
            while (token is not null);
            Assert.That(seen, Is.EqualTo(expected), direction);
            Assert.That(pages, Is.EqualTo(sizes), $"{direction}: c4 is evaluated (counts toward the limit) but filtered out");
        }

        var (_, body) = await _backend.PostAsync("{ commentsByPostIDAndContent(postID: \"p1\", nextToken: \"bm90LWEtdG9rZW4=\") { items { id } } }");
        Assert.That((string)body["errors"]![0]!["errorType"]!, Is.EqualTo("InvalidNextTokenException"));
    }

    [Test]
    public async Task Number_sort_keys_order_numerically_and_items_without_the_key_are_not_in_the_index()
    {
        await CommentAsync("p1", "ten", rank: 10, topic: "t");
        await CommentAsync("p1", "two", rank: 2, topic: "t");
        await CommentAsync("p1", "none", topic: "t"); // no rank: not in byTopic (sparse index)
        await CommentAsync("p1", "other", rank: 5, topic: "u");

        var data = await _backend.DataAsync("{ commentsByTopic(topic: \"t\") { items { content } } ge: commentsByTopic(topic: \"t\", rank: { ge: 3 }) { items { content } } }");
        Assert.That(Contents(data["commentsByTopic"]!), Is.EqualTo(new[] { "two", "ten" }));
        Assert.That(Contents(data["ge"]!), Is.EqualTo(new[] { "ten" }));

        var byRank = await _backend.DataAsync("{ commentsByRank(rank: 10) { items { content } } }");
        Assert.That(Contents(byRank["commentsByRank"]!), Is.EqualTo(new[] { "ten" }));
    }

    [Test]
    public async Task A_key_condition_takes_one_operator()
    {
        var (_, body) = await _backend.PostAsync("{ commentsByPostIDAndContent(postID: \"p1\", content: { gt: \"a\", lt: \"b\" }) { items { id } } }");
        Assert.That((string)body["errors"]![0]!["errorType"]!, Is.EqualTo("InvalidArgumentsError"), body.ToJsonString());
        (_, body) = await _backend.PostAsync("{ commentsByPostIDAndContent(postID: \"p1\", content: { between: [\"a\"] }) { items { id } } }");
        Assert.That((string)body["errors"]![0]!["errorType"]!, Is.EqualTo("InvalidArgumentsError"), body.ToJsonString());
    }

    [Test]
    public async Task HasMany_connection_takes_the_sort_key_condition_of_its_index()
    {
        var post = await _backend.DataAsync("mutation { createPost(input: { id: \"p1\", title: \"t\" }) { id } }");
        foreach (var c in new[] { "x2", "y1", "x1" }) await CommentAsync("p1", c);
        await CommentAsync("p2", "x0");

        var data = await _backend.DataAsync("""
            { getPost(id: "p1") {
                all: comments { items { content } }
                xs: comments(content: { beginsWith: "x" }, sortDirection: DESC) { items { content } }
                first: comments(limit: 1) { items { content } nextToken }
            } }
            """);
        var got = data["getPost"]!;
        Assert.That(Contents(got["all"]!), Is.EqualTo(new[] { "x1", "x2", "y1" }));
        Assert.That(Contents(got["xs"]!), Is.EqualTo(new[] { "x2", "x1" }));
        Assert.That(Contents(got["first"]!), Is.EqualTo(new[] { "x1" }));
        var token = (string)got["first"]!["nextToken"]!;
        var rest = await _backend.DataAsync("query($t: String) { getPost(id: \"p1\") { comments(nextToken: $t) { items { content } } } }", new { t = token });
        Assert.That(Contents(rest["getPost"]!["comments"]!), Is.EqualTo(new[] { "x2", "y1" }));
    }

    [Test]
    public async Task ListX_on_a_composite_primary_key_queries_the_partition_with_a_composite_condition()
    {
        foreach (var (email, kind, other) in new[] { ("a@x", 1, "2026-01-02T00:00:00.000Z"), ("a@x", 1, "2026-01-01T00:00:00.000Z"), ("a@x", 2, "2026-01-01T00:00:00.000Z"), ("b@x", 1, "2026-01-01T00:00:00.000Z") })
        {
            await _backend.DataAsync("mutation($i: CreateTestInput!) { createTest(input: $i) { email } }", new { i = new { email, kind, other } });
        }
        string Keys(JsonNode connection) => string.Join(" ", connection["items"]!.AsArray().Select(i => $"{i!["kind"]}/{((string)i["other"]!)[..10]}"));

        var q = "query($e: String, $k: ModelTestPrimaryCompositeKeyConditionInput, $d: ModelSortDirection) { listTests(email: $e, kindOther: $k, sortDirection: $d) { items { email kind other } } }";
        Assert.That(Keys((await _backend.DataAsync(q, new { e = "a@x" }))["listTests"]!), Is.EqualTo("1/2026-01-01 1/2026-01-02 2/2026-01-01"));
        Assert.That(Keys((await _backend.DataAsync(q, new { e = "a@x", d = "DESC" }))["listTests"]!), Is.EqualTo("2/2026-01-01 1/2026-01-02 1/2026-01-01"));
        Assert.That(Keys((await _backend.DataAsync(q, new { e = "a@x", k = new { beginsWith = new { kind = 1 } } }))["listTests"]!), Is.EqualTo("1/2026-01-01 1/2026-01-02"));
        Assert.That(Keys((await _backend.DataAsync(q, new { e = "a@x", k = new { eq = new { kind = 1, other = "2026-01-02T00:00:00.000Z" } } }))["listTests"]!), Is.EqualTo("1/2026-01-02"));
        Assert.That(Keys((await _backend.DataAsync(q, new { e = "a@x", k = new { gt = new { kind = 1, other = "2026-01-01T00:00:00.000Z" } } }))["listTests"]!), Is.EqualTo("1/2026-01-02 2/2026-01-01"));
        Assert.That((await _backend.DataAsync(q, new { }))["listTests"]!["items"]!.AsArray(), Has.Count.EqualTo(4), "no partition key: a scan");

        var (_, body) = await _backend.PostAsync(q, new { d = "DESC" });
        Assert.That((string)body["errors"]![0]!["message"]!, Is.EqualTo("When providing argument 'sortDirection' you must also provide argument 'email'."));
        (_, body) = await _backend.PostAsync(q, new { k = new { eq = new { kind = 1 } } });
        Assert.That((string)body["errors"]![0]!["errorType"]!, Is.EqualTo("InvalidArgumentsError"));
    }

    [Test]
    public async Task Declared_timestamp_sort_key_is_optional_on_create_and_queryable()
    {
        var first = (await _backend.DataAsync("mutation { createEvent(input: { category: \"c\" }) { id createdAt } }"))["createEvent"]!;
        Assert.That((string?)first["createdAt"], Is.Not.Null, "the resolver fills a declared createdAt");
        await _backend.DataAsync("mutation { createEvent(input: { category: \"c\", createdAt: \"2020-01-01T00:00:00.000Z\" }) { id } }");
        var data = await _backend.DataAsync("{ eventsByCategory(category: \"c\", createdAt: { lt: \"2021-01-01\" }) { items { createdAt } } }");
        Assert.That(data["eventsByCategory"]!["items"]!.AsArray().Select(i => (string)i!["createdAt"]!), Is.EqualTo(new[] { "2020-01-01T00:00:00.000Z" }));
    }

    [Test]
    public async Task Index_queries_are_costed_like_lists()
    {
        // 1,000 comments per page, each with its post and 1,000 of that post's comments: far over the cost limit.
        var (status, body) = await _backend.PostAsync("{ commentsByPostIDAndContent(postID: \"p\", limit: 1000) { items { id content postID rank topic createdAt updatedAt _version _deleted _lastChangedAt } } a: commentsByPostIDAndContent(postID: \"p\", limit: 1000) { items { id content postID rank topic createdAt updatedAt _version _deleted _lastChangedAt } } b: commentsByRank(rank: 1, limit: 1000) { items { id content postID rank topic createdAt updatedAt _version _deleted _lastChangedAt } } c: commentsByTopic(topic: \"t\", limit: 1000) { items { id content postID rank topic createdAt updatedAt _version _deleted _lastChangedAt } } d: commentsByTopic(topic: \"t\", limit: 1000) { items { id content postID rank topic createdAt updatedAt _version _deleted _lastChangedAt } } e: commentsByTopic(topic: \"t\", limit: 1000) { items { id content postID rank topic createdAt updatedAt _version _deleted _lastChangedAt } } f: commentsByTopic(topic: \"t\", limit: 1000) { items { id content postID rank topic createdAt updatedAt _version _deleted _lastChangedAt } } g: commentsByTopic(topic: \"t\", limit: 1000) { items { id content postID rank topic createdAt updatedAt _version _deleted _lastChangedAt } } h: commentsByTopic(topic: \"t\", limit: 1000) { items { id content postID rank topic createdAt updatedAt _version _deleted _lastChangedAt } } i: commentsByTopic(topic: \"t\", limit: 1000) { items { id content postID rank topic createdAt updatedAt _version _deleted _lastChangedAt } } }");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string)body["errors"]![0]!["errorType"]!, Is.EqualTo("QueryCostLimitExceeded"), body.ToJsonString());
        Assert.That(body["data"], Is.Null);
    }

    [Test]
    public async Task Many_to_many_join_model_gets_its_index_queries_and_non_null_parents()
    {
        await using var backend = await Backend.StartAsync("""
            type Post @model { id: ID! title: String! editors: [User] @manyToMany(relationName: "PostEditor") }
            type User @model { id: ID! username: String! posts: [Post] @manyToMany(relationName: "PostEditor") }
            """, o => o.InMemory = true);
        await backend.DataAsync("mutation { createPost(input: { id: \"p1\", title: \"T\" }) { id } createUser(input: { id: \"u1\", username: \"ann\" }) { id } }");
        await backend.DataAsync("mutation { a: createPostEditor(input: { postId: \"p1\", userId: \"u1\" }) { id } b: createPostEditor(input: { postId: \"p2\", userId: \"u1\" }) { id } }");

        var data = await backend.DataAsync("{ postEditorsByPostId(postId: \"p1\") { items { post { title } user { username } } } postEditorsByUserId(userId: \"u1\") { items { postId } } }");
        var items = data["postEditorsByPostId"]!["items"]!.AsArray();
        Assert.That(items, Has.Count.EqualTo(1));
        Assert.That((string)items[0]!["post"]!["title"]!, Is.EqualTo("T"));
        Assert.That((string)items[0]!["user"]!["username"]!, Is.EqualTo("ann"));
        Assert.That(data["postEditorsByUserId"]!["items"]!.AsArray().Select(i => (string)i!["postId"]!), Is.EquivalentTo(new[] { "p1", "p2" }));
        Assert.That(backend.Server.Sdl, Does.Contain("post: Post!").And.Contain("user: User!"), "a join model's parents are non-null, as the transformer declares them");
    }
}
