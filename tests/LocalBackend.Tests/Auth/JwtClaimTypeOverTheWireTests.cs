using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Auth;

/// <summary>Mistyped JWT claims over HTTP and the realtime socket: AppSync's 401 <c>UnauthorizedException</c>, no data touched.</summary>
public sealed class JwtClaimTypeOverTheWireTests
{
    private const string Unparseable = "Unable to parse JWT token.";

    private Backend _backend = null!;

    [SetUp]
    public async Task StartAsync() => _backend = await Backend.StartAsync(configure: o =>
    {
        o.Jwt.HmacSecrets.Add(TestTokens.Secret);
        o.Jwt.Issuer = TestTokens.Issuer;
    });

    [TearDown]
    public async Task StopAsync() => await _backend.DisposeAsync();

    private static IEnumerable<TestCaseData> MistypedTokens()
    {
        // The backend checks lifetimes against the real clock, so the claims are built from it.
        DateTimeOffset now = DateTimeOffset.UtcNow;
        string exp = now.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        yield return new TestCaseData("exp", (JsonNode)exp).SetArgDisplayNames("exp as a string");
        yield return new TestCaseData("iss", (JsonNode)new JsonArray(TestTokens.Issuer)).SetArgDisplayNames("iss as an array");
        yield return new TestCaseData("aud", (JsonNode)new JsonArray("client-1", 1)).SetArgDisplayNames("aud holding a number");
        yield return new TestCaseData("cognito:groups", (JsonNode)new JsonArray("Admins", 1)).SetArgDisplayNames("groups holding a number");
    }

    private static string TokenWith(string claim, JsonNode value)
    {
        JsonObject payload = TestTokens.Payload(DateTimeOffset.UtcNow);
        payload[claim] = value.DeepClone();
        return TestTokens.SignPayload(payload);
    }

    [Test]
    public async Task A_well_typed_hand_signed_token_is_accepted_over_http()
    {
        // The same helper and payload as the refused cases, with every claim well typed: only the type makes them fail.
        var (status, body) = await _backend.PostAsync("{ listPosts { items { id } } }", apiKey: null, jwt: TestTokens.SignPayload(TestTokens.Payload(DateTimeOffset.UtcNow)));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
    }

    [TestCaseSource(nameof(MistypedTokens))]
    public async Task Http_gets_401_UnauthorizedException_and_writes_nothing(string claim, JsonNode value)
    {
        var (status, body) = await _backend.PostAsync(
            "mutation { createPost(input: { title: \"should not exist\", rating: 1, status: ACTIVE }) { id } }", apiKey: null, jwt: TokenWith(claim, value));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Unauthorized), body.ToJsonString());
        Assert.That(body.ToJsonString(), Is.EqualTo($"{{\"errors\":[{{\"errorType\":\"UnauthorizedException\",\"message\":\"{Unparseable}\"}}]}}"));
        var posts = await _backend.DataAsync("{ listPosts { items { id } } }");
        Assert.That(posts["listPosts"]!["items"]!.AsArray(), Is.Empty);
    }

    [TestCaseSource(nameof(MistypedTokens))]
    public async Task Realtime_connection_auth_gets_connection_error_401_and_the_socket_closes(string claim, JsonNode value)
    {
        var header = new JsonObject { ["host"] = _backend.Endpoint.Authority, ["Authorization"] = TokenWith(claim, value) };
        await using var client = await RealtimeClient.ConnectWithSubprotocolAsync(_backend, header);

        Assert.That(await client.ReceiveTextAsync(), Is.EqualTo(
            $"{{\"type\":\"connection_error\",\"payload\":{{\"errors\":[{{\"errorType\":\"UnauthorizedException\",\"message\":\"{Unparseable}\",\"errorCode\":401}}]}}}}"));
        Assert.That(await client.ReceiveTextAsync(), Is.Null, "the server closes the socket");
    }

    [TestCaseSource(nameof(MistypedTokens))]
    public async Task Realtime_start_auth_gets_an_UnauthorizedException_error_frame(string claim, JsonNode value)
    {
        // Connection auth with a good token, then a start whose own authorization is mistyped.
        var good = new JsonObject { ["host"] = _backend.Endpoint.Authority, ["Authorization"] = TestTokens.Issue() };
        await using var client = await RealtimeClient.ConnectWithSubprotocolAsync(_backend, good);
        Assert.That((string)(await client.InitAsync())["type"]!, Is.EqualTo("connection_ack"));

        var authorization = new JsonObject { ["host"] = _backend.Endpoint.Authority, ["Authorization"] = TokenWith(claim, value) };
        var reply = await client.StartAsync("mistyped", "subscription { onCreatePost { id } }", authorization);

        Assert.That(reply.ToJsonString(), Is.EqualTo(
            $"{{\"type\":\"error\",\"id\":\"mistyped\",\"payload\":{{\"errors\":[{{\"errorType\":\"UnauthorizedException\",\"message\":\"{Unparseable}\"}}]}}}}"));
    }
}
