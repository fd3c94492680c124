using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Amplify.DataStore.LocalBackend.Conflicts;
using Amplify.DataStore.Sync.Tests.Support;
using Amplify.DataStore.Sync.Transport;

namespace Amplify.DataStore.Sync.Tests.Transport;

/// <summary>
/// The GraphQL HTTP transport against the real local backend and raw loopback sockets: each failure arrives as the
/// right <see cref="AppSyncFailureKind"/> (from the transport and AppSync's errorType, never message text), and a token
/// refused with 401 is refreshed once.
/// </summary>
public class AppSyncHttpClientTests
{
    private const string JwtSecret = "sync-tests-secret-that-is-long-enough-for-hs256";
    private const string ListPosts = "query { listPosts { items { id title _version } } }";
    private const string CreatePost = "mutation($input: CreatePostInput!) { createPost(input: $input) { id title _version } }";
    private const string UpdatePost = "mutation($input: UpdatePostInput!, $condition: ModelPostConditionInput) { updatePost(input: $input, condition: $condition) { id title _version } }";

    private static AppSyncHttpClient Client(TestBackend backend, HttpClient? http = null, IAuthTokenProvider? tokens = null)
        => new(http ?? new HttpClient(), AmplifyConfig.Load(backend.ConfigurationPath("amplify_outputs.json")), tokens);

    private static JsonObject Vars(string json) => (JsonObject)JsonNode.Parse(json)!;

    [Test]
    public async Task AQueryAndAMutation_Succeed_WithTheApiKey()
    {
        await using var backend = await TestBackend.StartAsync();
        var client = Client(backend);
        var created = (await client.SendAsync(CreatePost, Vars("""{"input":{"id":"p1","title":"hello ✓"}}"""), AuthorizationType.ApiKey, default)).EnsureSuccess();
        Assert.That(created["createPost"]!["_version"]!.GetValue<int>(), Is.EqualTo(1));
        var listed = (await client.SendAsync(ListPosts, null, AuthorizationType.ApiKey, default)).EnsureSuccess();
        Assert.That(listed["listPosts"]!["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()), Is.EqualTo(new[] { "hello ✓" }));
    }

    [Test]
    public async Task ServerErrors_AreClassifiedByErrorType()
    {
        await using var backend = await TestBackend.StartAsync(configure: o => o.ConflictStrategy = ConflictStrategy.OptimisticConcurrency);
        var client = Client(backend);
        (await client.SendAsync(CreatePost, Vars("""{"input":{"id":"p1","title":"v1"}}"""), AuthorizationType.ApiKey, default)).EnsureSuccess();

        var stale = await client.SendAsync(UpdatePost, Vars("""{"input":{"id":"p1","title":"stale","_version":0}}"""), AuthorizationType.ApiKey, default);
        var conflict = Assert.Throws<AppSyncException>(() => stale.EnsureSuccess())!;
        Assert.That(conflict.Kind, Is.EqualTo(AppSyncFailureKind.ConflictUnhandled));
        Assert.That(conflict.Errors[0].Data!["title"]!.GetValue<string>(), Is.EqualTo("v1"), "the server's copy comes with the conflict");

        var failed = await client.SendAsync(UpdatePost, Vars("""{"input":{"id":"p1","title":"x","_version":1},"condition":{"title":{"eq":"other"}}}"""), AuthorizationType.ApiKey, default);
        Assert.That(Assert.Throws<AppSyncException>(() => failed.EnsureSuccess())!.Kind, Is.EqualTo(AppSyncFailureKind.ConditionalCheckFailed));

        var invalid = await client.SendAsync("query { listPosts { items { nope } } }", null, AuthorizationType.ApiKey, default);
        Assert.That(Assert.Throws<AppSyncException>(() => invalid.EnsureSuccess())!.Kind, Is.EqualTo(AppSyncFailureKind.BadRequest));
    }

    [Test]
    public async Task AWrongApiKey_IsUnauthorized()
    {
        await using var backend = await TestBackend.StartAsync();
        var config = AmplifyConfig.Load(backend.ConfigurationPath("amplify_outputs.json"));
        var client = new AppSyncHttpClient(new HttpClient(), new AmplifyConfig { GraphQLEndpoint = config.GraphQLEndpoint, ApiKey = "da2-wrong" });
        var error = Assert.ThrowsAsync<AppSyncException>(async () => await client.SendAsync(ListPosts, null, AuthorizationType.ApiKey, default))!;
        Assert.That((error.Kind, error.StatusCode), Is.EqualTo((AppSyncFailureKind.Unauthorized, (int?)401)));
    }

    [Test]
    public async Task AnExpiredToken_IsRefreshedOnce_AndTheRequestGoesThrough()
    {
        await using var backend = await TestBackend.StartAsync(configure: o => o.Jwt.HmacSecrets.Add(JwtSecret),
            schema: "type Note @model @auth(rules: [{ allow: owner }]) { id: ID! body: String }");
        var tokens = new RefreshingTokens();
        var client = Client(backend, tokens: tokens);
        var created = (await client.SendAsync("mutation { createNote(input: { id: \"n1\", body: \"mine\" }) { id owner } }", null, AuthorizationType.AmazonCognitoUserPools, default)).EnsureSuccess();
        Assert.That(created["createNote"]!["id"]!.GetValue<string>(), Is.EqualTo("n1"));
        Assert.That(tokens.Calls, Is.EqualTo(new[] { false, true }), "the refused (expired) token was refreshed once");

        var never = new FixedToken(Token(DateTimeOffset.UtcNow.AddHours(-1)));
        var refused = Client(backend, tokens: never);
        var error = Assert.ThrowsAsync<AppSyncException>(async () => await refused.SendAsync("query { listNotes { items { id } } }", null, AuthorizationType.AmazonCognitoUserPools, default))!;
        Assert.That((error.Kind, never.Calls), Is.EqualTo((AppSyncFailureKind.Unauthorized, 2)), "one refresh, then the refusal is reported");
    }

    [Test]
    public void AClosedPort_IsANetworkFailure()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now
        var client = new AppSyncHttpClient(new HttpClient(), new AmplifyConfig { GraphQLEndpoint = new Uri($"http://127.0.0.1:{port}/graphql"), ApiKey = "k" });
        var error = Assert.ThrowsAsync<AppSyncException>(async () => await client.SendAsync(ListPosts, null, AuthorizationType.ApiKey, default))!;
        Assert.That((error.Kind, error.IsTransient), Is.EqualTo((AppSyncFailureKind.Network, true)));
    }

    [Test]
    public async Task AServerThatNeverAnswers_IsATimeout_AndTheCallersCancellationStaysACancellation()
    {
        using var silent = new RawHttpServer(_ => Task.Delay(Timeout.Infinite));
        var client = new AppSyncHttpClient(new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) }, new AmplifyConfig { GraphQLEndpoint = silent.Endpoint, ApiKey = "k" });
        var error = Assert.ThrowsAsync<AppSyncException>(async () => await client.SendAsync(ListPosts, null, AuthorizationType.ApiKey, default))!;
        Assert.That(error.Kind, Is.EqualTo(AppSyncFailureKind.Timeout));

        var patient = new AppSyncHttpClient(new HttpClient(), new AmplifyConfig { GraphQLEndpoint = silent.Endpoint, ApiKey = "k" });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        Assert.That(async () => await patient.SendAsync(ListPosts, null, AuthorizationType.ApiKey, cancel.Token), Throws.InstanceOf<OperationCanceledException>());
        await Task.CompletedTask;
    }

    [TestCase("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nContent-Length: 0\r\n\r\n", AppSyncFailureKind.Throttled, 7)]
    [TestCase("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n", AppSyncFailureKind.ServerError, -1)]
    [TestCase("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\nContent-Length: 79\r\n\r\n{\"errors\":[{\"errorType\":\"PayloadTooLargeException\",\"message\":\"Too big request.\"}]}", AppSyncFailureKind.BadRequest, -1)]
    [TestCase("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 9\r\n\r\n<html/>  ", AppSyncFailureKind.ServerError, -1)]
    public void HttpStatuses_AreClassified_WithRetryAfter(string response, object expectedKind, int retryAfterSeconds)
    {
        using var server = new RawHttpServer(async stream =>
        {
            await RawHttpServer.ReadRequestAsync(stream);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
        });
        var client = new AppSyncHttpClient(new HttpClient(), new AmplifyConfig { GraphQLEndpoint = server.Endpoint, ApiKey = "k" });
        var error = Assert.ThrowsAsync<AppSyncException>(async () => await client.SendAsync(ListPosts, null, AuthorizationType.ApiKey, default))!;
        Assert.That(error.Kind, Is.EqualTo((AppSyncFailureKind)expectedKind));
        Assert.That(error.RetryAfter, Is.EqualTo(retryAfterSeconds < 0 ? (TimeSpan?)null : TimeSpan.FromSeconds(retryAfterSeconds)));
    }

    private static string Token(DateTimeOffset expires)
    {
        static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = B64(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));
        var payload = B64(Encoding.UTF8.GetBytes($"{{\"sub\":\"user-1\",\"username\":\"alice\",\"exp\":{expires.ToUnixTimeSeconds()},\"iat\":{expires.AddHours(-1).ToUnixTimeSeconds()}}}"));
        var signature = B64(HMACSHA256.HashData(Encoding.UTF8.GetBytes(JwtSecret), Encoding.ASCII.GetBytes(header + "." + payload)));
        return header + "." + payload + "." + signature;
    }

    /// <summary>Hands out an expired token until asked to refresh.</summary>
    private sealed class RefreshingTokens : IAuthTokenProvider
    {
        public List<bool> Calls { get; } = [];

        public ValueTask<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
        {
            Calls.Add(forceRefresh);
            return ValueTask.FromResult(Token(forceRefresh ? DateTimeOffset.UtcNow.AddHours(1) : DateTimeOffset.UtcNow.AddHours(-1)));
        }
    }

    private sealed class FixedToken(string token) : IAuthTokenProvider
    {
        public int Calls { get; private set; }

        public ValueTask<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.FromResult(token);
        }
    }
}
