using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Amplify.DataStore.Events;
using Amplify.DataStore.Sync.Tests.Auth;
using Amplify.DataStore.Sync.Tests.Support;
using SyncTests.Models;

namespace Amplify.DataStore.Sync.Tests.Engine;

/// <summary>
/// A client in AMAZON_COGNITO_USER_POOLS mode whose tokens live three seconds, against a backend that checks JWT
/// signature, issuer and expiry with no clock skew, and serves Post and Comment to signed-in users only
/// (<c>@auth(rules: [{ allow: private }])</c>; Notice stays public-read with the API key, through multi-auth).
/// The token provider hands out its cached token until asked to refresh, as a sign-in library with a stale cache would.
/// The local backend checks the token at the realtime handshake and at each subscription <c>start</c>, never again on an
/// open socket: subscriptions opened before expiry keep delivering; a reconnect after expiry needs a fresh token.
/// </summary>
[NonParallelizable]
[CancelAfter(90_000)]
public class TokenExpiryTests
{
    private const string Secret = "sync-tests-hs256-shared-secret-0123456789-abcdef";
    private const string Issuer = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_SyncTests";
    // A subscription event carries what the mutation selected (as in AppSync): everything the client's documents read.
    private const string PostFields = "id title rating status tags createdAt updatedAt _version _deleted _lastChangedAt";
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3);

    [Test]
    public async Task Saves_and_subscription_events_after_the_token_expired_still_sync_after_a_forced_refresh()
    {
        await using var backend = await StartBackendAsync();
        var tokens = new ShortLivedTokens("sub-alice", "alice", Lifetime);
        await using var alice = await SyncClient.StartAsync(backend, sync: s => s.WithAuthTokenProvider(tokens).WithMultiAuth(), config: UserPoolsConfig(backend));
        await alice.WaitForAsync<ReadyEvent>(_ => true, "alice's first sync");
        var anonymous = await GraphQLAsync(backend, "{ listPosts { items { id } } }", apiKey: true);
        Assert.That(anonymous["errors"], Is.Not.Null, "the API key is refused for Post: only signed-in users may read it");

        var before = await alice.Store.SaveAsync(new Post { Title = "before expiry" });
        await alice.WaitForEmptyOutboxAsync();
        int establishedBefore = alice.Events.OfType<SubscriptionsEstablishedEvent>().Count();

        // Let the token alice's client holds expire, and check the server now refuses it.
        var held = tokens.Current!;
        await Task.Delay(tokens.ExpiresAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(1200));
        var refused = await GraphQLAsync(backend, "{ listPosts { items { id } } }", token: held);
        Assert.That(refused.ToJsonString(), Does.Contain("Token has expired"), "the server refuses the expired token");
        int forcedBefore = tokens.ForcedRefreshes;

        // Saves made after expiry: the first request gets 401, the client asks for a fresh token and sends again.
        var after = new List<Post>();
        for (int i = 0; i < 5; i++) after.Add(await alice.Store.SaveAsync(new Post { Title = "after expiry " + i, Rating = i }));
        await alice.WaitForEmptyOutboxAsync();
        Assert.That(await alice.Store.GetFailedMutationsAsync(), Is.Empty, "no save was dead-lettered as Unauthorized");
        Assert.That(tokens.ForcedRefreshes, Is.GreaterThan(forcedBefore), "the client asked for a fresh token (forceRefresh: true) after a 401");
        var bob = Issue("sub-bob", "bob", TimeSpan.FromMinutes(5));
        foreach (var post in after.Append(before))
        {
            var body = await GraphQLAsync(backend, "query($id: ID!) { getPost(id: $id) { id title _version } }", token: bob, variables: new JsonObject { ["id"] = post.Id });
            Assert.That((string?)body["data"]?["getPost"]?["title"], Is.EqualTo(post.Title), body.ToJsonString());
        }

        // A change by another user, made after alice's token expired, still reaches alice by subscription.
        var remote = Guid.NewGuid().ToString();
        var created = await GraphQLAsync(backend, "mutation($input: CreatePostInput!) { createPost(input: $input) { " + PostFields + " } }", token: bob,
            variables: new JsonObject { ["input"] = new JsonObject { ["id"] = remote, ["title"] = "from bob after expiry" } });
        Assert.That(created["errors"], Is.Null, created.ToJsonString());
        await alice.WaitUntilAsync(async s => (await s.QueryByIdAsync<Post>(remote))?.Title == "from bob after expiry", "bob's post reached alice", TimeSpan.FromSeconds(10));
        int establishedAfter = alice.Events.OfType<SubscriptionsEstablishedEvent>().Count();
        TestContext.Out.WriteLine($"token requests: {tokens.Requests} ({tokens.ForcedRefreshes} forced); subscriptions established {establishedBefore} time(s) before expiry, {establishedAfter} after");
        Assert.That(establishedAfter, Is.EqualTo(establishedBefore),
            "the realtime socket opened with the now-expired token stayed open and kept delivering (the local backend checks the token at connect and at each subscription start only)");
    }

    [Test]
    public async Task A_restart_after_the_token_expired_reconnects_the_subscriptions()
    {
        await using var backend = await StartBackendAsync();
        var tokens = new ShortLivedTokens("sub-alice", "alice", Lifetime);
        await using var alice = await SyncClient.StartAsync(backend, sync: s => s.WithAuthTokenProvider(tokens).WithMultiAuth()
            .WithErrorHandler(e => TestContext.Out.WriteLine("sync error: " + e)), config: UserPoolsConfig(backend));
        await alice.WaitForAsync<ReadyEvent>(_ => true, "alice's first sync");
        await Task.Delay(tokens.ExpiresAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(1200));

        // Offline and back (e.g. the app was suspended): the realtime connection is opened again with the token the
        // provider holds, which has expired.
        await alice.Store.StopAsync();
        int establishedBefore = alice.Events.OfType<SubscriptionsEstablishedEvent>().Count();
        int forcedBefore = tokens.ForcedRefreshes;
        await alice.Store.StartAsync();
        // Before the fix the handshake was refused ("Token has expired") on every retry, the session never got online
        // and this outbox never drained: the realtime path never asked for a forced refresh.
        var saved = await alice.Store.SaveAsync(new Post { Title = "after restart" });
        await alice.WaitForEmptyOutboxAsync(TimeSpan.FromSeconds(10));
        Assert.That(await alice.Store.GetFailedMutationsAsync(), Is.Empty);
        Assert.That(alice.Events.OfType<SubscriptionsEstablishedEvent>().Count(), Is.EqualTo(establishedBefore + 1), "the subscriptions were established again");
        Assert.That(tokens.ForcedRefreshes, Is.GreaterThan(forcedBefore), "the refused handshake made the client ask for a fresh token");
        TestContext.Out.WriteLine($"token requests: {tokens.Requests} ({tokens.ForcedRefreshes} forced, {tokens.ForcedRefreshes - forcedBefore} after the restart)");

        var bob = Issue("sub-bob", "bob", TimeSpan.FromMinutes(5));
        var remote = Guid.NewGuid().ToString();
        var created = await GraphQLAsync(backend, "mutation($input: CreatePostInput!) { createPost(input: $input) { " + PostFields + " } }", token: bob,
            variables: new JsonObject { ["input"] = new JsonObject { ["id"] = remote, ["title"] = "from bob after the restart" } });
        Assert.That(created["errors"], Is.Null, created.ToJsonString());
        await alice.WaitUntilAsync(async s => await s.QueryByIdAsync<Post>(remote) is not null, "bob's post reached alice", TimeSpan.FromSeconds(10));
        var body = await GraphQLAsync(backend, "query($id: ID!) { getPost(id: $id) { title } }", token: bob, variables: new JsonObject { ["id"] = saved.Id });
        Assert.That((string?)body["data"]?["getPost"]?["title"], Is.EqualTo("after restart"), body.ToJsonString());
    }

    private static Task<TestBackend> StartBackendAsync()
    {
        // The test models' schema, with Post and Comment for signed-in users only.
        var schema = TestBackend.SyncSchema
            .Replace("type Post @model {", "type Post @model @auth(rules: [{ allow: private }]) {", StringComparison.Ordinal)
            .Replace("type Comment @model {", "type Comment @model @auth(rules: [{ allow: private }]) {", StringComparison.Ordinal);
        Assert.That(schema, Does.Contain("type Post @model @auth(rules: [{ allow: private }])").And.Contain("type Comment @model @auth(rules: [{ allow: private }])"));
        return TestBackend.StartAsync(schema: schema, configure: o =>
        {
            o.Jwt.HmacSecrets.Add(Secret);
            o.Jwt.Issuer = Issuer;
            o.Jwt.ClockSkew = TimeSpan.Zero; // expiry is exact (the default tolerates five minutes)
        });
    }

    private static AmplifyConfig UserPoolsConfig(TestBackend backend)
    {
        var written = AmplifyConfig.Load(backend.ConfigurationPath("amplify_outputs.json"));
        return new AmplifyConfig
        {
            GraphQLEndpoint = written.GraphQLEndpoint,
            Region = written.Region,
            DefaultAuthorization = AuthorizationType.AmazonCognitoUserPools,
            AdditionalAuthorizations = new[] { AuthorizationType.ApiKey },
            ApiKey = written.ApiKey,
        };
    }

    /// <summary>An HS256 token shaped like a Cognito access token.</summary>
    private static string Issue(string sub, string username, TimeSpan lifetime)
    {
        var now = DateTimeOffset.UtcNow;
        var payload = new JsonObject
        {
            ["sub"] = sub,
            ["username"] = username,
            ["token_use"] = "access",
            ["iss"] = Issuer,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + lifetime).ToUnixTimeSeconds(),
        };
        var unsigned = TestTokens.Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + TestTokens.Base64Url(payload.ToJsonString());
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes(unsigned));
        return unsigned + "." + Convert.ToBase64String(signature).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static async Task<JsonObject> GraphQLAsync(TestBackend backend, string query, string? token = null, bool apiKey = false, JsonObject? variables = null)
    {
        var config = AmplifyConfig.Load(backend.ConfigurationPath("amplify_outputs.json"));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, config.GraphQLEndpoint)
        {
            Content = new StringContent(new JsonObject { ["query"] = query, ["variables"] = variables ?? new JsonObject() }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (apiKey) request.Headers.Add("x-api-key", config.ApiKey);
        if (token is not null) request.Headers.TryAddWithoutValidation("Authorization", token);
        using var response = await http.SendAsync(request);
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Mints a token of <paramref name="lifetime"/> when there is none or when asked to refresh; otherwise hands out the cached one, expired or not.</summary>
    private sealed class ShortLivedTokens(string sub, string username, TimeSpan lifetime) : IAuthTokenProvider
    {
        private readonly object _gate = new();
        private int _requests;
        private int _forced;

        public string? Current { get; private set; }

        public DateTimeOffset ExpiresAt { get; private set; }

        public int Requests => Volatile.Read(ref _requests);

        public int ForcedRefreshes => Volatile.Read(ref _forced);

        public ValueTask<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            if (forceRefresh) Interlocked.Increment(ref _forced);
            lock (_gate)
            {
                if (Current is null || forceRefresh)
                {
                    // exp is in whole seconds: the token expires at the start of the second after issued + lifetime.
                    Current = Issue(sub, username, lifetime);
                    ExpiresAt = DateTimeOffset.FromUnixTimeSeconds((DateTimeOffset.UtcNow + lifetime).ToUnixTimeSeconds());
                }
                return ValueTask.FromResult(Current);
            }
        }
    }
}
