using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Amplify.DataStore.LocalBackend.Hosting;
using Amplify.DataStore.LocalBackend.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Hosting;

public sealed class DevelopmentCertificateTests
{
    private static readonly DateTimeOffset Start = new(2030, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private string directory = null!;

    [SetUp]
    public void CreateDirectory() =>
        directory = Path.Combine(Path.GetTempPath(), "localbackend-cert-tests", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteDirectory()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private DevelopmentCertificateFiles LoadOrCreate(TimeProvider clock) =>
        DevelopmentCertificate.LoadOrCreate(directory, clock, NullLogger.Instance);

    [Test]
    public void CreatesALocalhostServerCertificateWithItsPrivateKey()
    {
        using X509Certificate2 certificate = LoadOrCreate(new ManualClock(Start)).Certificate;

        Assert.Multiple(() =>
        {
            Assert.That(certificate.HasPrivateKey, Is.True);
            Assert.That(certificate.Subject, Is.EqualTo("CN=localhost"));
            Assert.That(certificate.Issuer, Is.EqualTo("CN=localhost"));
            Assert.That(certificate.SignatureAlgorithm.Value, Is.EqualTo("1.2.840.113549.1.1.11"), "sha256WithRSAEncryption");
            Assert.That(certificate.GetRSAPublicKey()!.KeySize, Is.EqualTo(2048));
            Assert.That(certificate.NotAfter.ToUniversalTime(), Is.EqualTo((Start + TimeSpan.FromDays(365)).UtcDateTime));
            Assert.That(certificate.NotBefore.ToUniversalTime(), Is.LessThanOrEqualTo(Start.UtcDateTime));
        });
    }

    [Test]
    public void HasTheLoopbackNamesAndServerAuthUsage()
    {
        using X509Certificate2 certificate = LoadOrCreate(new ManualClock(Start)).Certificate;

        X509SubjectAlternativeNameExtension names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        X509EnhancedKeyUsageExtension usage = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(names.EnumerateDnsNames(), Is.EqualTo(new[] { "localhost" }));
            Assert.That(names.EnumerateIPAddresses(), Is.EquivalentTo(new[] { IPAddress.Loopback, IPAddress.IPv6Loopback }));
            Assert.That(usage.EnhancedKeyUsages.Cast<Oid>().Select(oid => oid.Value), Is.EqualTo(new[] { "1.3.6.1.5.5.7.3.1" }));
        });
    }

    [Test]
    public void PersistsThePfxAndAPublicOnlyPem()
    {
        DevelopmentCertificateFiles files = LoadOrCreate(new ManualClock(Start));
        using X509Certificate2 certificate = files.Certificate;

        Assert.That(files.PfxPath, Is.EqualTo(Path.Combine(directory, "localbackend-cert.pfx")));
        Assert.That(files.PemPath, Is.EqualTo(Path.Combine(directory, "localbackend-cert.pem")));
        string pem = File.ReadAllText(files.PemPath);
        Assert.That(pem, Does.StartWith("-----BEGIN CERTIFICATE-----"));
        Assert.That(pem, Does.Not.Contain("PRIVATE KEY"));
        using X509Certificate2 fromPem = X509Certificate2.CreateFromPem(pem);
        Assert.That(fromPem.Thumbprint, Is.EqualTo(certificate.Thumbprint));
        Assert.That(Directory.GetFiles(directory), Has.Length.EqualTo(2), "no temp files left behind");
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(files.PfxPath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }
    }

    [Test]
    public void ReusesTheStoredCertificate()
    {
        var clock = new ManualClock(Start);
        using X509Certificate2 first = LoadOrCreate(clock).Certificate;
        clock.Advance(TimeSpan.FromDays(300));

        using X509Certificate2 second = LoadOrCreate(clock).Certificate;

        Assert.That(second.Thumbprint, Is.EqualTo(first.Thumbprint));
        Assert.That(second.HasPrivateKey, Is.True);
    }

    [Test]
    public void RewritesAMissingPemWhenReusing()
    {
        var clock = new ManualClock(Start);
        DevelopmentCertificateFiles first = LoadOrCreate(clock);
        using X509Certificate2 firstCertificate = first.Certificate;
        File.Delete(first.PemPath);

        using X509Certificate2 second = LoadOrCreate(clock).Certificate;

        Assert.That(second.Thumbprint, Is.EqualTo(firstCertificate.Thumbprint));
        using X509Certificate2 fromPem = X509Certificate2.CreateFromPem(File.ReadAllText(first.PemPath));
        Assert.That(fromPem.Thumbprint, Is.EqualTo(firstCertificate.Thumbprint));
    }

    [Test]
    public void RegeneratesWhenExpiringWithinSevenDays()
    {
        var clock = new ManualClock(Start);
        using X509Certificate2 first = LoadOrCreate(clock).Certificate;
        clock.Advance(TimeSpan.FromDays(359));

        DevelopmentCertificateFiles renewed = LoadOrCreate(clock);
        using X509Certificate2 second = renewed.Certificate;

        Assert.That(second.Thumbprint, Is.Not.EqualTo(first.Thumbprint));
        Assert.That(second.NotAfter.ToUniversalTime(), Is.EqualTo((clock.Now + TimeSpan.FromDays(365)).UtcDateTime));
        using X509Certificate2 fromPem = X509Certificate2.CreateFromPem(File.ReadAllText(renewed.PemPath));
        Assert.That(fromPem.Thumbprint, Is.EqualTo(second.Thumbprint), "the PEM follows the new certificate");
    }

    [Test]
    public void RegeneratesWhenTheStoredFileIsUnreadable()
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "localbackend-cert.pfx"), "not a certificate");

        using X509Certificate2 certificate = LoadOrCreate(new ManualClock(Start)).Certificate;

        Assert.That(certificate.HasPrivateKey, Is.True);
        using X509Certificate2 reloaded = LoadOrCreate(new ManualClock(Start)).Certificate;
        Assert.That(reloaded.Thumbprint, Is.EqualTo(certificate.Thumbprint));
    }

    [TestCase("localhost")]
    [TestCase("127.0.0.1")]
    public async Task ServesTlsThatAClientTrustingThePemAccepts(string targetHost)
    {
        DevelopmentCertificateFiles files = LoadOrCreate(TimeProvider.System);
        using X509Certificate2 serverCertificate = files.Certificate;
        using X509Certificate2 trusted = X509Certificate2.CreateFromPem(File.ReadAllText(files.PemPath));

        string echoed = await RoundTripAsync(serverCertificate, targetHost, trusted);

        Assert.That(echoed, Is.EqualTo("ping"));
    }

    [Test]
    public void AClientTrustingAnotherCertificateRejectsIt()
    {
        DevelopmentCertificateFiles files = LoadOrCreate(TimeProvider.System);
        using X509Certificate2 serverCertificate = files.Certificate;
        using RSA otherKey = RSA.Create(2048);
        using X509Certificate2 other = new CertificateRequest("CN=localhost", otherKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        Assert.ThrowsAsync<AuthenticationException>(() => RoundTripAsync(serverCertificate, "localhost", other));
    }

    [Test]
    public void AClientConnectingByAnotherNameRejectsIt()
    {
        DevelopmentCertificateFiles files = LoadOrCreate(TimeProvider.System);
        using X509Certificate2 serverCertificate = files.Certificate;
        using X509Certificate2 trusted = X509Certificate2.CreateFromPem(File.ReadAllText(files.PemPath));

        Assert.ThrowsAsync<AuthenticationException>(() => RoundTripAsync(serverCertificate, "example.com", trusted));
    }

    // One TLS handshake and a 4-byte echo over a real loopback socket; the client trusts only `trusted`.
    private static async Task<string> RoundTripAsync(X509Certificate2 serverCertificate, string targetHost, X509Certificate2 trusted)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            Task server = ServeOneAsync(listener, serverCertificate, cancel.Token);

            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancel.Token);
            await using var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
            try
            {
                await tls.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions
                    {
                        TargetHost = targetHost,
                        RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                            TrustsOnly(trusted, certificate, errors),
                    },
                    cancel.Token);
                await tls.WriteAsync("ping"u8.ToArray(), cancel.Token);
                byte[] buffer = new byte[4];
                await tls.ReadExactlyAsync(buffer, cancel.Token);
                await server;
                return System.Text.Encoding.ASCII.GetString(buffer);
            }
            catch
            {
                // The server side fails too when the client aborts the handshake; only the client's error matters.
                client.Close();
                await Task.WhenAny(server);
                throw;
            }
        }
        finally
        {
            listener.Stop();
        }
    }

    private static async Task ServeOneAsync(TcpListener listener, X509Certificate2 certificate, CancellationToken cancel)
    {
        using TcpClient accepted = await listener.AcceptTcpClientAsync(cancel);
        await using var tls = new SslStream(accepted.GetStream(), leaveInnerStreamOpen: false);
        await tls.AuthenticateAsServerAsync(
            new SslServerAuthenticationOptions { ServerCertificate = certificate },
            cancel);
        byte[] buffer = new byte[4];
        await tls.ReadExactlyAsync(buffer, cancel);
        await tls.WriteAsync(buffer, cancel);
    }

    // What a client configured with the PEM does: accept only a chain rooted in that certificate, with a matching name.
    private static bool TrustsOnly(X509Certificate2 trusted, X509Certificate? presented, SslPolicyErrors errors)
    {
        if (presented is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using X509Certificate2 leaf = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        return chain.Build(leaf);
    }
}
