using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Text;
using Amplify.DataStore.Sync.Tests.Support;

namespace Amplify.DataStore.Sync.Tests.Configuration;

/// <summary>
/// A .NET client reaches the TLS backend with nothing but the configuration the backend wrote: the files name the
/// backend's self-signed certificate and <see cref="AmplifyConfig"/> trusts exactly that certificate,
/// for loopback endpoints only. Without it the same request fails TLS validation, as it must.
/// </summary>
public class ClientTrustTests
{
    [TestCase("amplifyconfiguration.json")]
    [TestCase("amplify_outputs.json")]
    public async Task TheWrittenConfiguration_IsAllAClientNeeds_OverHttpsAndWss(string file)
    {
        await using var backend = await TestBackend.StartAsync(tls: true);
        var config = AmplifyConfig.Load(backend.ConfigurationPath(file));
        Assert.That(config.TrustedCertificate, Is.Not.Null, "the backend wrote its certificate into the configuration");
        var validation = config.CreateCertificateValidation()!;

        using var trusting = new HttpClient(new SocketsHttpHandler { SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = validation } });
        using var response = await trusting.SendAsync(Request(config));
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"listPosts\""));

        using var socket = new ClientWebSocket();
        socket.Options.RemoteCertificateValidationCallback = validation;
        socket.Options.AddSubProtocol("graphql-ws");
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"host\":\"{config.GraphQLEndpoint.Authority}\",\"x-api-key\":\"{config.ApiKey}\"}}"));
        await socket.ConnectAsync(new Uri(config.RealtimeEndpoint + "?header=" + Uri.EscapeDataString(header) + "&payload=e30="), CancellationToken.None);
        Assert.That(socket.State, Is.EqualTo(WebSocketState.Open));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);

        using var untrusting = new HttpClient();
        var error = Assert.ThrowsAsync<HttpRequestException>(async () => await untrusting.SendAsync(Request(config)));
        Assert.That(error!.InnerException, Is.InstanceOf<AuthenticationException>(), "the system alone does not trust a self-signed certificate");
    }

    [TestCase("amplifyconfiguration.json")]
    [TestCase("amplify_outputs.json")]
    public async Task WithoutTls_TheWrittenConfigurationLoads_AndNamesNoCertificate(string file)
    {
        await using var backend = await TestBackend.StartAsync(tls: false);
        var config = AmplifyConfig.Load(backend.ConfigurationPath(file));
        Assert.That(config.GraphQLEndpoint, Is.EqualTo(backend.Server.GraphQLEndpoint));
        Assert.That(config.RealtimeEndpoint.AbsoluteUri, Is.EqualTo(backend.Server.GraphQLEndpoint.AbsoluteUri.Replace("http://", "ws://") + "/realtime"));
        Assert.That((config.ApiKey, config.DefaultAuthorization, config.TrustedCertificate), Is.EqualTo(("da2-synctests", AuthorizationType.ApiKey, (System.Security.Cryptography.X509Certificates.X509Certificate2?)null)));
        Assert.That(config.CreateCertificateValidation(), Is.Null);
    }

    [Test]
    public async Task ATrustedCertificate_IsRefusedForAnEndpointOffThisMachine()
    {
        await using var backend = await TestBackend.StartAsync(tls: true);
        var local = AmplifyConfig.Load(backend.ConfigurationPath("amplify_outputs.json"));
        var remote = new AmplifyConfig { GraphQLEndpoint = new Uri("https://api.example.com/graphql"), ApiKey = "k", TrustedCertificate = local.TrustedCertificate };
        Assert.That(() => remote.CreateCertificateValidation(), Throws.InstanceOf<AmplifyConfigException>()
            .With.Message.Contains("loopback endpoints only").And.Message.Contains("api.example.com"));
        Assert.That(new AmplifyConfig { GraphQLEndpoint = new Uri("https://api.example.com/graphql") }.CreateCertificateValidation(), Is.Null,
            "without a trusted certificate the system's own validation applies");
    }

    [Test]
    public async Task AnUnreadableCertificate_IsNamedWithItsSetting()
    {
        await using var backend = await TestBackend.StartAsync(tls: true);
        var path = backend.ConfigurationPath("amplify_outputs.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace(".pem\"", ".missing.pem\""));
        Assert.That(() => AmplifyConfig.Load(path), Throws.InstanceOf<AmplifyConfigException>()
            .With.Message.Contains("$.custom.amplify_datastore_dotnet.trusted_certificate_pem").And.Message.Contains(".missing.pem"));
    }

    private static HttpRequestMessage Request(AmplifyConfig config)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, config.GraphQLEndpoint)
        {
            Content = new StringContent("{\"query\":\"{ listPosts { items { id } } }\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", config.ApiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }
}
