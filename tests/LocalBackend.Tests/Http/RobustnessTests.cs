using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Http;

/// <summary>Bad requests get AppSync's error shapes, the server keeps serving, and nothing partial is stored.</summary>
public sealed class RobustnessTests
{
    private Backend _backend = null!;

    [SetUp]
    public async Task StartAsync() => _backend = await Backend.StartAsync(configure: o => o.MaxRequestBytes = 64 * 1024);

    [TearDown]
    public async Task StopAsync() => await _backend.DisposeAsync();

    private async Task<(HttpStatusCode Status, string Body)> PostRawAsync(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _backend.Endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-api-key", _backend.Server.ApiKey);
        using var response = await _backend.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [TestCase("{not json")]
    [TestCase("[1,2,3]")]
    [TestCase("{\"variables\":{}}")]
    [TestCase("")]
    public async Task Malformed_bodies_get_400_MalformedHttpRequestException(string body)
    {
        var (status, text) = await PostRawAsync(body);
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(text, Is.EqualTo("{\"errors\":[{\"errorType\":\"MalformedHttpRequestException\",\"message\":\"Unable to parse GraphQL query.\"}]}"));
        await _backend.CreatePostAsync("still serving");
    }

    [Test]
    public async Task Oversized_request_gets_413_and_nothing_is_written()
    {
        var (status, body) = await _backend.PostAsync("mutation($i: CreatePostInput!) { createPost(input: $i) { id } }", new { i = new { title = new string('x', 100 * 1024), rating = 1, status = "ACTIVE" } });
        Assert.That(status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That((string)body["errors"]![0]!["errorType"]!, Is.EqualTo("PayloadTooLargeException"));
        var list = await _backend.DataAsync("{ listPosts { items { id } } }");
        Assert.That(list["listPosts"]!["items"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Unknown_operations_and_fields_are_validation_errors_with_locations()
    {
        var (status, body) = await _backend.PostAsync("mutation { launchRocket(input: {}) { id } }");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body["data"], Is.Null);
        var error = body["errors"]![0]!;
        Assert.That((string)error["message"]!, Does.StartWith("Validation error of type"));
        Assert.That(error["errorType"], Is.Null, "AppSync's validation errors carry no errorType");
        Assert.That((int)error["locations"]![0]!["line"]!, Is.EqualTo(1));
        Assert.That(error["locations"]![0]!.AsObject().ContainsKey("sourceName"));
    }

    [Test]
    public async Task Invalid_aws_scalars_are_rejected_and_nothing_is_written()
    {
        await using var backend = await Backend.StartAsync("type Event @model { id: ID! when: AWSDateTime! email: AWSEmail ip: AWSIPAddress }");
        var (_, bad) = await backend.PostAsync("mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }", new { i = new { when = "2024-01-01T10:00:00", email = "not-an-email" } });
        Assert.That(bad["errors"]!.AsArray(), Is.Not.Empty);
        Assert.That(bad["errors"]!.ToJsonString(), Does.Contain("AWSDateTime"));
        var ok = await backend.DataAsync("mutation($i: CreateEventInput!) { createEvent(input: $i) { id when email } }", new { i = new { when = "2024-01-01T10:00:00.123+02:00", email = "a@b.example" } });
        Assert.That((string)ok["createEvent"]!["when"]!, Is.EqualTo("2024-01-01T10:00:00.123+02:00"), "the exact text is kept");
        var list = await backend.DataAsync("{ listEvents { items { id } } }");
        Assert.That(list["listEvents"]!["items"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Malformed_filters_are_reported_with_the_field()
    {
        var (_, body) = await _backend.PostAsync("query($f: ModelPostFilterInput) { listPosts(filter: $f) { items { id } } }", new { f = new { rating = new { between = new[] { 1 } } } });
        var error = body["errors"]![0]!;
        Assert.That((string)error["errorType"]!, Is.EqualTo("BadRequest"));
        Assert.That((string)error["message"]!, Does.Contain("rating"));
    }

    [Test]
    public async Task Data_survives_a_restart_with_versions_tombstones_and_delta()
    {
        var directory = Path.Combine(Path.GetTempPath(), "amplify-local-backend-tests", Guid.NewGuid().ToString("N"));
        string keep, gone;
        long startedAt;
        // A manual clock: delta sync includes changes at lastSync itself, so the creates must be in an earlier millisecond.
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using (var first = await Backend.StartAsync(directory: directory, configure: o => o.Clock = clock))
        {
            keep = (string)(await first.CreatePostAsync("keep"))["id"]!;
            gone = (string)(await first.CreatePostAsync("gone"))["id"]!;
            clock.Advance(TimeSpan.FromSeconds(1));
            startedAt = (long)(await first.DataAsync("{ syncPosts { startedAt } }"))["syncPosts"]!["startedAt"]!;
            await first.DataAsync("mutation($i: UpdatePostInput!) { updatePost(input: $i) { id } }", new { i = new { id = keep, title = "kept", _version = 1 } });
            await first.DataAsync("mutation($i: DeletePostInput!) { deletePost(input: $i) { id } }", new { i = new { id = gone, _version = 1 } });
            // Disposing the harness deletes the directory; stop only the server so the file stays.
            await first.Server.DisposeAsync();
            var apiKeyFile = Path.Combine(directory, "localbackend.db");
            Assert.That(File.Exists(apiKeyFile));
            clock.Advance(TimeSpan.FromSeconds(1));
            await using var second = await Backend.StartAsync(directory: directory, configure: o => o.Clock = clock);
            var get = await second.DataAsync("query($id: ID!) { getPost(id: $id) { title _version } }", new { id = keep });
            Assert.That((string)get["getPost"]!["title"]!, Is.EqualTo("kept"));
            Assert.That((int)get["getPost"]!["_version"]!, Is.EqualTo(2));
            var tomb = await second.DataAsync("query($id: ID!) { getPost(id: $id) { _deleted _version } }", new { id = gone });
            Assert.That((bool)tomb["getPost"]!["_deleted"]!, Is.True);
            var delta = await second.DataAsync("query($s: AWSTimestamp) { syncPosts(lastSync: $s) { items { id _version } } }", new { s = startedAt });
            Assert.That(delta["syncPosts"]!["items"]!.AsArray().Select(i => (int)i!["_version"]!), Is.EqualTo(new[] { 2, 2 }), "the delta table survived too");
            var next = await second.DataAsync("mutation($i: UpdatePostInput!) { updatePost(input: $i) { _version } }", new { i = new { id = keep, title = "again", _version = 2 } });
            Assert.That((int)next["updatePost"]!["_version"]!, Is.EqualTo(3));
        }
    }

    [Test]
    public async Task Graceful_shutdown_completes_in_flight_writes()
    {
        var directory = Path.Combine(Path.GetTempPath(), "amplify-local-backend-tests", Guid.NewGuid().ToString("N"));
        var server = await Backend.StartAsync(directory: directory);
        // One write is certainly in flight (its handler is reading the body) when the shutdown begins, and many more may
        // be: the held-back one must be acknowledged, so a backend that refuses every write fails here, not 0 == 0.
        var (heldBody, heldId) = StartHeldBackCreatePost(server, "held back across the shutdown");
        await heldBody.FirstPartSent.WaitAsync(TimeSpan.FromSeconds(10));
        var writes = Enumerable.Range(0, 40).Select(i => server.PostAsync("mutation($i: CreatePostInput!) { createPost(input: $i) { id } }", new { i = new { title = "w" + i, rating = 1, status = "ACTIVE" } })).ToList();
        await Task.Delay(20);
        var stopping = server.Server.DisposeAsync().AsTask();
        await WaitUntilNotListeningAsync(server.Endpoint, TimeSpan.FromSeconds(10)); // the shutdown is under way
        Assert.That(stopping.IsCompleted, Is.False, "the stop waits for the held-back write");
        heldBody.Release();
        var held = await heldId.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.That(held, Is.Not.Null, "the write in flight when the shutdown began was acknowledged");
        await stopping.WaitAsync(TimeSpan.FromSeconds(15));
        var outcomes = new List<bool> { true };
        foreach (var write in writes)
        {
            try
            {
                var (status, body) = await write;
                outcomes.Add(status == HttpStatusCode.OK && body["errors"] is null);
            }
            catch (HttpRequestException)
            {
                outcomes.Add(false); // refused after shutdown began: never acknowledged
            }
        }
        await using var reopened = await Backend.StartAsync(directory: directory);
        var stored = (await reopened.DataAsync("{ listPosts(limit: 1000) { items { id } } }"))["listPosts"]!["items"]!.AsArray();
        var acknowledged = outcomes.Count(o => o);
        TestContext.Out.WriteLine($"{acknowledged - 1} of {writes.Count} other writes acknowledged");
        Assert.That(acknowledged, Is.GreaterThan(0));
        Assert.That(stored.Select(i => (string)i!["id"]!), Does.Contain(held), "the held-back write survived the restart");
        Assert.That(stored.Count, Is.EqualTo(acknowledged), "every acknowledged write is stored, nothing else");
        server.Http.Dispose();
    }

    /// <summary>
    /// Starts a createPost whose body stops halfway until <see cref="HeldBackContent.Release"/>; the task gives the id when
    /// the backend acknowledges the write, else null. The request expects <c>100 Continue</c>, so the body (and
    /// <see cref="HeldBackContent.FirstPartSent"/>) only goes once the backend's handler reads it.
    /// </summary>
    private static (HeldBackContent Body, Task<string?> Id) StartHeldBackCreatePost(Backend backend, string title)
    {
        var json = new JsonObject
        {
            ["query"] = "mutation($t: String!) { createPost(input: { title: $t, rating: 1, status: ACTIVE }) { id } }",
            ["variables"] = new JsonObject { ["t"] = title },
        }.ToJsonString();
        var body = new HeldBackContent(json, json.Length / 2);
        return (body, SendAsync());

        async Task<string?> SendAsync()
        {
            using var http = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) });
            using var request = new HttpRequestMessage(HttpMethod.Post, backend.Endpoint) { Content = body };
            request.Headers.Add("x-api-key", backend.Server.ApiKey);
            request.Headers.ExpectContinue = true;
            try
            {
                using var response = await http.SendAsync(request);
                var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                return response.StatusCode == HttpStatusCode.OK && reply["errors"] is null ? (string?)reply["data"]?["createPost"]?["id"] : null;
            }
            catch (HttpRequestException)
            {
                return null;
            }
        }
    }

    /// <summary>Waits until new connections to the endpoint are refused: the server has stopped listening.</summary>
    private static async Task WaitUntilNotListeningAsync(Uri endpoint, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(endpoint.Host, endpoint.Port);
            }
            catch (System.Net.Sockets.SocketException)
            {
                return;
            }
            if (DateTime.UtcNow > deadline) throw new AssertionException($"{endpoint} still accepts connections {within.TotalSeconds} s after the stop began");
            await Task.Delay(10);
        }
    }
}
