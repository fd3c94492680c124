using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Limits;

/// <summary>
/// Depth, resolver count and cost are checked before anything executes; over a limit the answer is an AppSync-shaped
/// GraphQL error naming the limit, and nothing is read or written.
/// </summary>
public sealed class RequestLimitTests
{
    private Backend _backend = null!;

    [SetUp]
    public async Task StartAsync() => _backend = await Backend.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _backend.DisposeAsync();

    private async Task<int> PostCountAsync() => (await _backend.DataAsync("{ listPosts(limit: 1000) { items { id } } }"))["listPosts"]!["items"]!.AsArray().Count;

    private static JsonNode SingleError(JsonObject body, string errorType)
    {
        Assert.That(body["data"], Is.Null, body.ToJsonString());
        var errors = body["errors"]!.AsArray();
        Assert.That(errors, Has.Count.EqualTo(1), body.ToJsonString());
        var error = errors[0]!;
        Assert.That((string?)error["errorType"], Is.EqualTo(errorType), body.ToJsonString());
        // AppSync's error shape: every member at the root of the error.
        Assert.That(error.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "path", "data", "errorType", "errorInfo", "locations", "message" }));
        return error;
    }

    [TestCase(24)]
    [TestCase(40)]
    public async Task Fragment_spreads_are_costed_expanded_and_rejected_before_execution(int levels)
    {
        var document = AttackDocuments.FragmentBomb(levels);
        Assert.That(Encoding.UTF8.GetByteCount(document), Is.LessThan(4096), "a few kilobytes");
        var (status, body) = await _backend.PostAsync(document);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var error = SingleError(body, "QueryCostLimitExceeded");
        Assert.That((string)error["message"]!, Does.Contain("maximum query cost of 100000"));
    }

    [Test]
    public async Task A_mutation_whose_fragments_expand_over_the_cost_writes_nothing()
    {
        var (_, body) = await _backend.PostAsync(AttackDocuments.FragmentBomb(30, "mutation { createPost(input: { title: \"bomb\", rating: 1, status: ACTIVE }) { ...F0 } }"));
        SingleError(body, "QueryCostLimitExceeded");
        Assert.That(await PostCountAsync(), Is.Zero);
    }

    [Test]
    public async Task A_thousand_list_aliases_are_over_the_cost_but_small_pages_are_not()
    {
        var (_, body) = await _backend.PostAsync(AttackDocuments.ListAliases(1000));
        var error = SingleError(body, "QueryCostLimitExceeded");
        Assert.That((string)error["message"]!, Does.Contain("lists counted at their limit"));

        await _backend.CreatePostAsync("one", rating: 9);
        var small = await _backend.DataAsync(AttackDocuments.ListAliases(1000, page: "limit: 1, "));
        Assert.That(small, Has.Count.EqualTo(1000), "1,000 one-item pages cost 4,000 and 1,000 resolvers: within the limits");
    }

    [Test]
    public async Task More_resolvers_than_the_limit_are_rejected_and_nothing_is_written()
    {
        var text = new StringBuilder("mutation {");
        for (int i = 0; i <= 10_000; i++) text.Append($" m{i}: createPost(input: {{ title: \"t\", rating: 1, status: ACTIVE }}) {{ id }}");
        var (status, body) = await _backend.PostAsync(text.Append(" }").ToString());
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var error = SingleError(body, "ResolverCountLimitExceeded");
        Assert.That((string)error["message"]!, Does.Contain("10001 resolvers").And.Contain("resolver limit of 10000"));
        Assert.That(await PostCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Relationship_fields_count_as_resolvers_once_per_item_of_their_page()
    {
        await using var backend = await Backend.StartAsync(configure: o => o.MaxResolvers = 500);
        // 1 (syncPosts) + 1,000 items × 1 (comments) resolvers.
        var (_, over) = await backend.PostAsync("{ syncPosts(limit: 1000) { items { id comments { items { id } } } } }");
        Assert.That((string)SingleError(over, "ResolverCountLimitExceeded")["message"]!, Does.Contain("1001 resolvers"));
        // A variable limit is read too: 1 + 100 × 1.
        await backend.DataAsync("query($n: Int) { syncPosts(limit: $n) { items { id comments { items { id } } } } }", new { n = 100 });
    }

    [Test]
    public async Task Depth_over_the_limit_is_rejected_with_the_limit_named()
    {
        var (_, over) = await _backend.PostAsync(AttackDocuments.DeepSelection(26));
        var error = SingleError(over, "QueryDepthLimitExceeded");
        Assert.That((string)error["message"]!, Is.EqualTo("The query has a depth of 26, which exceeds the maximum query depth of 25 (--max-depth, LocalBackendOptions.MaxQueryDepth)."));

        await using var shallow = await Backend.StartAsync(configure: o => o.MaxQueryDepth = 3);
        await shallow.DataAsync("{ listPosts { items { id } } }");
        var (_, body) = await shallow.PostAsync("{ listPosts { items { comments { items { id } } } } }");
        Assert.That((string)SingleError(body, "QueryDepthLimitExceeded")["message"]!, Does.Contain("depth of 5").And.Contain("maximum query depth of 3"));
    }

    [Test]
    public async Task Depth_counts_fields_inside_fragments()
    {
        await using var shallow = await Backend.StartAsync(configure: o => o.MaxQueryDepth = 4);
        var (_, body) = await shallow.PostAsync("{ listPosts { items { ...P } } } fragment P on Post { comments { items { id } } }");
        Assert.That((string)SingleError(body, "QueryDepthLimitExceeded")["message"]!, Does.Contain("depth of 5"));
    }

    [TestCase(1_000)]
    [TestCase(100_000)]
    public async Task Selections_nested_far_too_deep_get_a_graphql_error_not_a_500(int depth)
    {
        var document = "query " + string.Concat(Enumerable.Repeat("{ a ", depth)) + new string('}', depth);
        await using var backend = await Backend.StartAsync(configure: o => o.MaxRequestBytes = 4 * 1024 * 1024);
        var (status, body) = await backend.PostAsync(document);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((string)SingleError(body, "QueryDepthLimitExceeded")["message"]!, Does.Contain("nests selections, fragments or values more than"));
        await backend.CreatePostAsync("still serving");
    }

    [Test]
    public async Task Deep_filter_and_list_literals_get_graphql_errors()
    {
        foreach (var document in new[] { AttackDocuments.DeepFilterLiteral(1_000), AttackDocuments.DeepListLiteral(1_000), AttackDocuments.DeepListLiteral(50_000) })
        {
            var (status, body) = await _backend.PostAsync(document);
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            SingleError(body, "QueryDepthLimitExceeded");
        }
        // Within the limit a nested filter still works.
        await _backend.CreatePostAsync("one", rating: 1);
        var nested = await _backend.DataAsync(AttackDocuments.DeepFilterLiteral(20));
        Assert.That(nested["listPosts"]!["items"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [TestCase(20)]
    [TestCase(1_000)]
    [TestCase(100_000)]
    public async Task Deep_filter_variables_get_an_error_body_never_a_500(int depth)
    {
        await using var backend = await Backend.StartAsync(configure: o => o.MaxRequestBytes = 4 * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, backend.Endpoint)
        {
            Content = new StringContent("{\"query\":\"query($f: ModelPostFilterInput) { listPosts(filter: $f) { items { id } } }\",\"variables\":{\"f\":" + AttackDocuments.DeepFilterVariableJson(depth) + "}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", backend.Server.ApiKey);
        using var response = await backend.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.BadRequest), text);
        var body = (JsonObject)JsonNode.Parse(text)!;
        if (depth > 20) Assert.That(body["errors"]!.AsArray(), Is.Not.Empty, "nesting beyond what is read is refused with errors");
        else Assert.That(body["errors"], Is.Null, "a 20-level filter is within the JSON depth read: " + text);
        await backend.CreatePostAsync("still serving");
    }
}
