using System.Text.Json.Nodes;
using Amplify.DataStore.Sync.Tests.Support;
using Amplify.DataStore.Sync.Transport;

namespace Amplify.DataStore.Sync.Tests.Transport;

/// <summary>
/// The realtime client in AppSync's dialect against the local backend's real WebSocket endpoint: handshake with auth
/// headers (ws and TLS wss), start → start_ack → data → stop → complete, the server's error for a bad start, a refused
/// handshake, and the keep-alive watchdog ending every subscription when the server goes quiet.
/// </summary>
public class AppSyncRealtimeConnectionTests
{
    private const string OnCreatePost = "subscription { onCreatePost { id title } }";
    private const string CreatePost = "mutation($input: CreatePostInput!) { createPost(input: $input) { id title } }";

    private static AmplifyConfig Config(TestBackend backend) => AmplifyConfig.Load(backend.ConfigurationPath("amplify_outputs.json"));

    private static async Task CreateAsync(AmplifyConfig config, string id, string title)
    {
        var http = new AppSyncHttpClient(new HttpClient(new SocketsHttpHandler
        {
            SslOptions = new System.Net.Security.SslClientAuthenticationOptions { RemoteCertificateValidationCallback = config.CreateCertificateValidation() },
        }), config);
        var input = new JsonObject { ["input"] = new JsonObject { ["id"] = id, ["title"] = title } };
        (await http.SendAsync(CreatePost, input, AuthorizationType.ApiKey, default)).EnsureSuccess();
    }

    private static async Task<List<string>> ReadTitlesAsync(RealtimeSubscription subscription, int count)
    {
        var titles = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (titles.Count < count)
        {
            var data = await subscription.Events.ReadAsync(timeout.Token);
            titles.Add(data["onCreatePost"]!["title"]!.GetValue<string>());
        }
        return titles;
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task EventsArriveInOrder_AndStopCompletesTheSubscription(bool tls)
    {
        await using var backend = await TestBackend.StartAsync(tls: tls);
        var config = Config(backend);
        await using var connection = await AppSyncRealtimeConnection.ConnectAsync(config, RealtimeAuthHeaders.For(config, AuthorizationType.ApiKey), null, default);
        Assert.That(connection.KeepAliveTimeout, Is.EqualTo(TimeSpan.FromMinutes(5)), "the server's connectionTimeoutMs");
        var subscription = await connection.SubscribeAsync(OnCreatePost, null, default);

        await CreateAsync(config, "p1", "first ✓");
        await CreateAsync(config, "p2", "second");
        Assert.That(await ReadTitlesAsync(subscription, 2), Is.EqualTo(new[] { "first ✓", "second" }));

        await subscription.StopAsync();
        Assert.That(subscription.Completion.IsCompletedSuccessfully, Is.True);
        await CreateAsync(config, "p3", "after stop");
        Assert.That(await subscription.Events.Completion.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(t => t.IsCompletedSuccessfully), Is.True);
        Assert.That(subscription.Events.TryRead(out _), Is.False, "no event after the stop");
    }

    [Test]
    public async Task ABadStart_FailsWithTheServersError_AndTheConnectionKeepsServing()
    {
        await using var backend = await TestBackend.StartAsync();
        var config = Config(backend);
        await using var connection = await AppSyncRealtimeConnection.ConnectAsync(config, RealtimeAuthHeaders.For(config, AuthorizationType.ApiKey), null, default);
        var error = Assert.ThrowsAsync<AppSyncException>(async () => await connection.SubscribeAsync("subscription { onCreatePost { nope } }", null, default))!;
        Assert.That(error.Kind, Is.EqualTo(AppSyncFailureKind.BadRequest));
        Assert.That(error.Errors, Is.Not.Empty);

        var good = await connection.SubscribeAsync(OnCreatePost, null, default);
        await CreateAsync(config, "p1", "still served");
        Assert.That(await ReadTitlesAsync(good, 1), Is.EqualTo(new[] { "still served" }));
    }

    [Test]
    public async Task AWrongApiKey_IsRefusedAtTheHandshake()
    {
        await using var backend = await TestBackend.StartAsync();
        var config = Config(backend);
        var wrong = new AmplifyConfig { GraphQLEndpoint = config.GraphQLEndpoint, ApiKey = "da2-wrong" };
        var error = Assert.ThrowsAsync<AppSyncException>(async () =>
            await AppSyncRealtimeConnection.ConnectAsync(wrong, RealtimeAuthHeaders.For(wrong, AuthorizationType.ApiKey), null, default))!;
        Assert.That(error.Kind, Is.EqualTo(AppSyncFailureKind.Unauthorized), error.Message);
    }

    [Test]
    public async Task WhenTheServerGoesQuiet_TheWatchdogEndsEverySubscriptionAsLost()
    {
        await using var backend = await TestBackend.StartAsync(configure: o => o.KeepAliveInterval = TimeSpan.FromMinutes(10));
        var config = Config(backend);
        await using var connection = await AppSyncRealtimeConnection.ConnectAsync(config, RealtimeAuthHeaders.For(config, AuthorizationType.ApiKey),
            keepAliveTimeout: TimeSpan.FromMilliseconds(400), default);
        var subscription = await connection.SubscribeAsync(OnCreatePost, null, default);

        var lost = await connection.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(lost, Is.InstanceOf<AppSyncException>().With.Property(nameof(AppSyncException.Kind)).EqualTo(AppSyncFailureKind.Network)
            .And.Message.Contains("No keep-alive"));
        Assert.That(async () => await subscription.Completion, Throws.InstanceOf<AppSyncException>());
        Assert.That(async () => await connection.SubscribeAsync(OnCreatePost, null, default), Throws.InstanceOf<AppSyncException>());
    }

    [Test]
    public async Task DisposingTheConnection_EndsSubscriptionsWithoutError()
    {
        await using var backend = await TestBackend.StartAsync();
        var config = Config(backend);
        var connection = await AppSyncRealtimeConnection.ConnectAsync(config, RealtimeAuthHeaders.For(config, AuthorizationType.ApiKey), null, default);
        var subscription = await connection.SubscribeAsync(OnCreatePost, null, default);
        await connection.DisposeAsync();
        Assert.That((await connection.Closed, subscription.Completion.IsCompletedSuccessfully), Is.EqualTo(((Exception?)null, true)));
    }
}
