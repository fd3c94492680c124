using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Amplify.DataStore.LocalBackend.Conflicts;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Limits;

/// <summary>
/// Execution stops at the timeout and when the client disconnects; oversized responses become an error. A custom
/// conflict handler that blocks stands in for a slow resolver: the next root field shows whether execution went on.
/// </summary>
public sealed class ExecutionLimitTests
{
    // a: a stale update, so the blocking conflict handler runs; b: a create that must not run once execution stopped.
    private const string SlowThenWrite = "mutation($a: UpdatePostInput!, $b: CreatePostInput!) { a: updatePost(input: $a) { id } b: createPost(input: $b) { id } }";

    private static object SlowThenWriteVariables(string id)
        => new { a = new { id, title = "conflicting", _version = 0 }, b = new { id = "after-the-slow-field", title = "must not be written", rating = 1, status = "ACTIVE" } };

    [Test]
    public async Task Execution_past_the_timeout_stops_with_ExecutionTimeout_and_runs_no_further_resolver()
    {
        using var handler = new BlockingHandler();
        await using var backend = await Backend.StartAsync(configure: o =>
        {
            o.ConflictStrategy = ConflictStrategy.Custom;
            o.ConflictHandler = handler;
            o.ExecutionTimeout = TimeSpan.FromMilliseconds(300);
        });
        var id = (string)(await backend.CreatePostAsync("slow"))["id"]!;
        var request = backend.PostAsync(SlowThenWrite, SlowThenWriteVariables(id));
        Assert.That(await handler.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10)), Is.True);
        await Task.Delay(600); // past the timeout while the resolver is busy
        handler.Release();
        var (status, body) = await request.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body["data"], Is.Null, body.ToJsonString());
        var error = body["errors"]![0]!;
        Assert.That((string)error["errorType"]!, Is.EqualTo("ExecutionTimeout"));
        Assert.That((string)error["message"]!, Does.Contain("0.3 s").And.Contain("--timeout"));
        var get = await backend.DataAsync("{ getPost(id: \"after-the-slow-field\") { id } }");
        Assert.That(get["getPost"], Is.Null, "the field after the timeout never ran");
    }

    [Test]
    public async Task A_client_that_disconnects_stops_the_execution()
    {
        using var handler = new BlockingHandler();
        var logs = new LogCollector();
        using var loggerFactory = logs.NewFactory();
        await using var backend = await Backend.StartAsync(configure: o =>
        {
            o.ConflictStrategy = ConflictStrategy.Custom;
            o.ConflictHandler = handler;
            o.LoggerFactory = loggerFactory;
        });
        var id = (string)(await backend.CreatePostAsync("slow"))["id"]!;
        using var client = backend.NewHttpClient();
        using var leave = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, backend.Endpoint)
        {
            Content = new StringContent(new JsonObject { ["query"] = SlowThenWrite, ["variables"] = System.Text.Json.JsonSerializer.SerializeToNode(SlowThenWriteVariables(id)) }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", backend.Server.ApiKey);
        var sending = client.SendAsync(request, leave.Token);
        Assert.That(await handler.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10)), Is.True);

        await leave.CancelAsync(); // the client goes away while the resolver is busy
        Assert.CatchAsync<OperationCanceledException>(async () => await sending);
        await Task.Delay(200); // let the server see the connection close before the resolver returns
        handler.Release();

        Assert.That(await logs.WaitForAsync("the client left; execution stopped", TimeSpan.FromSeconds(10)), Is.True, "the server stopped the request: " + string.Join(" | ", logs.Messages));
        var get = await backend.DataAsync("{ getPost(id: \"after-the-slow-field\") { id } }");
        Assert.That(get["getPost"], Is.Null, "the field after the disconnect never ran");
    }

    [Test]
    public async Task A_response_over_the_size_limit_becomes_ResponseSizeLimitExceeded()
    {
        await using var backend = await Backend.StartAsync(configure: o => o.MaxResponseBytes = 64 * 1024);
        for (int i = 0; i < 10; i++) await backend.CreatePostAsync(new string((char)('a' + i), 10_000));

        var (status, body) = await backend.PostAsync("{ listPosts { items { id title } } }");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body["data"], Is.Null);
        var error = body["errors"]!.AsArray().Single()!;
        Assert.That((string)error["errorType"]!, Is.EqualTo("ResponseSizeLimitExceeded"));
        Assert.That((string)error["message"]!, Does.Contain("65536 bytes").And.Contain("--max-response-bytes"));

        var page = await backend.DataAsync("{ listPosts(limit: 2) { items { id title } } }");
        Assert.That(page["listPosts"]!["items"]!.AsArray(), Has.Count.EqualTo(2), "a response under the limit is unchanged");
    }

    /// <summary>A conflict handler that blocks until released (a resolver that takes as long as the test wants).</summary>
    private sealed class BlockingHandler : IConflictHandler, IDisposable
    {
        private readonly ManualResetEventSlim _release = new();

        public TaskCompletionSource<bool> Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _release.Set();

        public ConflictResolution Resolve(ConflictContext context)
        {
            Entered.TrySetResult(true);
            _release.Wait(TimeSpan.FromSeconds(30));
            return ConflictResolution.Reject();
        }

        public void Dispose()
        {
            _release.Set();
            _release.Dispose();
        }
    }
}
