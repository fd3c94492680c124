using System.Net.Http;
using System.Text.Json.Nodes;
using Amplify.DataStore.Sync.Transport;

namespace Amplify.DataStore.Sync.Tests.Transport;

/// <summary>IAM authorization of the realtime endpoint: what is signed for the handshake and for each start (reference §4.3).</summary>
public class RealtimeIamHeadersTests
{
    /// <summary>Records what it was asked to sign and signs with a fake, body-dependent signature.</summary>
    private sealed class RecordingSigner : IRequestSigner
    {
        public List<(string Url, string Body, string? Region)> Signed { get; } = new();

        public async ValueTask SignAsync(HttpRequestMessage request, string? region, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            Signed.Add((request.RequestUri!.AbsoluteUri, body, region));
            request.Headers.TryAddWithoutValidation("X-Amz-Date", "20261207T220000Z");
            request.Headers.TryAddWithoutValidation("x-amz-security-token", "session-token");
            request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential=AKID/20261207/{region}/appsync/aws4_request, Signature=sig-of-{body.Length}");
        }
    }

    private static readonly AmplifyConfig Config = new()
    {
        GraphQLEndpoint = new Uri("https://abc.appsync-api.eu-west-1.amazonaws.com/graphql"),
        Region = "eu-west-1",
        DefaultAuthorization = AuthorizationType.AwsIam,
    };

    [Test]
    public async Task The_handshake_signs_a_post_to_graphql_connect_with_an_empty_object_and_sends_the_signed_headers()
    {
        var signer = new RecordingSigner();
        var headers = await RealtimeAuthHeaders.For(Config, AuthorizationType.AwsIam, signer: signer)(null, default);
        Assert.That(signer.Signed, Is.EqualTo(new[] { ("https://abc.appsync-api.eu-west-1.amazonaws.com/graphql/connect", "{}", (string?)"eu-west-1") }));
        Assert.That((string?)headers["host"], Is.EqualTo("abc.appsync-api.eu-west-1.amazonaws.com"));
        Assert.That((string?)headers["Authorization"], Does.StartWith("AWS4-HMAC-SHA256 ").And.EndWith("sig-of-2"));
        Assert.That((string?)headers["x-amz-date"], Is.EqualTo("20261207T220000Z"));
        Assert.That((string?)headers["X-Amz-Security-Token"], Is.EqualTo("session-token"));
        Assert.That((string?)headers["content-type"], Is.EqualTo("application/json; charset=UTF-8"));
        Assert.That((string?)headers["content-encoding"], Is.EqualTo("amz-1.0"));
        Assert.That((string?)headers["accept"], Is.EqualTo("application/json, text/javascript"));
    }

    [Test]
    public async Task A_start_signs_a_post_to_graphql_over_the_subscriptions_payload()
    {
        var signer = new RecordingSigner();
        var payload = new JsonObject { ["query"] = "subscription { onCreatePost { id } }", ["variables"] = new JsonObject() }.ToJsonString();
        var headers = await RealtimeAuthHeaders.For(Config, AuthorizationType.AwsIam, signer: signer)(payload, default);
        Assert.That(signer.Signed.Single().Url, Is.EqualTo("https://abc.appsync-api.eu-west-1.amazonaws.com/graphql"));
        Assert.That(signer.Signed.Single().Body, Is.EqualTo(payload));
        Assert.That((string?)headers["Authorization"], Does.EndWith($"sig-of-{payload.Length}"));
    }

    [Test]
    public void Iam_without_a_signer_is_a_clear_configuration_error()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => RealtimeAuthHeaders.For(Config, AuthorizationType.AwsIam));
        Assert.That(ex!.Message, Does.Contain("IRequestSigner"));
    }
}
