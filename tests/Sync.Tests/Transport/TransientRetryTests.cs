using System.Text;
using Amplify.DataStore.Sync.Tests.Support;
using Amplify.DataStore.Sync.Transport;

namespace Amplify.DataStore.Sync.Tests.Transport;

/// <summary>
/// The retry pipeline around the transport: transient failures (5xx, 429, dropped connections) are sent again until
/// they succeed, with no attempt limit, and only the caller's cancellation stops them; other failures are not retried.
/// </summary>
public class TransientRetryTests
{
    private const string Ok = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 30\r\n\r\n{\"data\":{\"listPosts\":{\"x\":1}}}";

    private static RawHttpServer Server(Func<int, string?> answerFor, List<int> attempts)
        => new(async stream =>
        {
            await RawHttpServer.ReadRequestAsync(stream);
            int attempt;
            lock (attempts)
            {
                attempt = attempts.Count + 1;
                attempts.Add(attempt);
            }
            var answer = answerFor(attempt);
            if (answer is null) return; // close without answering: a dropped connection
            await stream.WriteAsync(Encoding.ASCII.GetBytes(answer));
        });

    private static AppSyncHttpClient Client(RawHttpServer server)
        => new(new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }), new AmplifyConfig { GraphQLEndpoint = server.Endpoint, ApiKey = "k" });

    [Test]
    public async Task TransientFailures_AreRetried_UntilTheRequestSucceeds()
    {
        var attempts = new List<int>();
        using var server = Server(n => n switch
        {
            1 => "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n",
            2 => null,
            3 => "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 0\r\nContent-Length: 0\r\n\r\n",
            4 => "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n",
            _ => Ok,
        }, attempts);
        var client = Client(server);
        var retries = new List<AppSyncFailureKind>();
        var pipeline = TransientRetry.Create(firstDelay: TimeSpan.FromMilliseconds(5), maxDelay: TimeSpan.FromMilliseconds(50), onRetry: args =>
        {
            retries.Add(((AppSyncException)args.Outcome.Exception!).Kind);
            return ValueTask.CompletedTask;
        });

        var response = await pipeline.ExecuteAsync(async ct => await client.SendAsync("query { listPosts { x } }", null, AuthorizationType.ApiKey, ct), CancellationToken.None);

        Assert.That(response.EnsureSuccess()["listPosts"]!["x"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(retries, Is.EqualTo(new[] { AppSyncFailureKind.ServerError, AppSyncFailureKind.Network, AppSyncFailureKind.Throttled, AppSyncFailureKind.ServerError }));
        Assert.That(attempts, Has.Count.EqualTo(5));
    }

    [Test]
    public void AFailureRetryingCannotFix_IsNotRetried()
    {
        var attempts = new List<int>();
        using var server = Server(_ => "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n", attempts);
        var client = Client(server);
        var pipeline = TransientRetry.Create(firstDelay: TimeSpan.FromMilliseconds(5));
        var error = Assert.ThrowsAsync<AppSyncException>(async () =>
            await pipeline.ExecuteAsync(async ct => await client.SendAsync("query { x }", null, AuthorizationType.ApiKey, ct), CancellationToken.None))!;
        Assert.That((error.Kind, attempts.Count), Is.EqualTo((AppSyncFailureKind.BadRequest, 1)));
    }

    [Test]
    public void OnlyTheCallersCancellation_EndsTheRetries()
    {
        var attempts = new List<int>();
        using var server = Server(_ => "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n", attempts);
        var client = Client(server);
        var pipeline = TransientRetry.Create(firstDelay: TimeSpan.FromMilliseconds(5), maxDelay: TimeSpan.FromMilliseconds(20));
        using var offline = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        Assert.That(async () => await pipeline.ExecuteAsync(async ct => await client.SendAsync("query { x }", null, AuthorizationType.ApiKey, ct), offline.Token),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(attempts.Count, Is.GreaterThan(3), "it kept trying until cancelled");
    }
}
