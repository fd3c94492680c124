using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.LocalBackend.Hosting;

/// <summary>
/// The self-signed TLS certificate the local backend serves HTTPS and WSS with. Amplify clients always open the
/// realtime socket with <c>wss://</c>, so TLS is needed even on 127.0.0.1. The certificate is kept on disk so clients
/// configured to trust it keep working across restarts.
/// </summary>
internal static partial class DevelopmentCertificate
{
    /// <summary>The PKCS#12 file name (certificate and private key).</summary>
    public const string PfxFileName = "localbackend-cert.pfx";

    /// <summary>The PEM file name (public certificate only).</summary>
    public const string PemFileName = "localbackend-cert.pem";

    /// <summary>How long a new certificate is valid.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromDays(365);

    /// <summary>A stored certificate that expires sooner than this is replaced.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(7);

    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

    /// <summary>
    /// Loads the certificate stored in <paramref name="directory"/>, or creates and stores a new one when there is
    /// none, it cannot be read, or it is not valid for at least <see cref="RenewBefore"/> more.
    /// </summary>
    /// <param name="directory">Where <see cref="PfxFileName"/> and <see cref="PemFileName"/> live; created if missing.</param>
    /// <param name="clock">The time validity is judged and new certificates are dated by.</param>
    /// <param name="logger">Receives whether the certificate was reused or created.</param>
    /// <returns>The certificate with its private key and the paths of both files.</returns>
    public static DevelopmentCertificateFiles LoadOrCreate(string directory, TimeProvider clock, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);

        Directory.CreateDirectory(directory);
        string pfxPath = Path.Combine(directory, PfxFileName);
        string pemPath = Path.Combine(directory, PemFileName);
        DateTimeOffset now = clock.GetUtcNow();

        X509Certificate2? existing = TryLoad(pfxPath, logger);
        if (existing is not null)
        {
            if (IsUsable(existing, now))
            {
                // The PEM is derived data; rewrite it if someone deleted it.
                if (!File.Exists(pemPath))
                {
                    AtomicFile.WriteAllBytes(pemPath, Encoding.ASCII.GetBytes(existing.ExportCertificatePem()));
                }

                LogReused(logger, existing.Thumbprint, existing.NotAfter.ToUniversalTime(), pfxPath);
                return new DevelopmentCertificateFiles(existing, pfxPath, pemPath);
            }

            LogRenewing(logger, existing.Thumbprint, existing.NotAfter.ToUniversalTime());
            existing.Dispose();
        }

        byte[] pfx = CreatePfx(now);
        // The PKCS#12 file holds the unencrypted private key: owner-only on Unix.
        AtomicFile.WriteAllBytes(pfxPath, pfx, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        // Load from the PKCS#12 bytes rather than returning the generated object: on Windows, SslStream cannot use
        // the ephemeral key CertificateRequest produces, and this way new and reused certificates behave the same.
        X509Certificate2 created = X509CertificateLoader.LoadPkcs12(pfx, password: null);
        AtomicFile.WriteAllBytes(pemPath, Encoding.ASCII.GetBytes(created.ExportCertificatePem()));
        LogCreated(logger, created.Thumbprint, created.NotAfter.ToUniversalTime(), pfxPath, pemPath);
        return new DevelopmentCertificateFiles(created, pfxPath, pemPath);
    }

    private static X509Certificate2? TryLoad(string pfxPath, ILogger logger)
    {
        if (!File.Exists(pfxPath))
        {
            return null;
        }

        try
        {
            X509Certificate2 certificate = X509CertificateLoader.LoadPkcs12FromFile(pfxPath, password: null);
            if (certificate.HasPrivateKey)
            {
                return certificate;
            }

            certificate.Dispose();
            LogUnreadable(logger, pfxPath, "it holds no private key");
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            LogUnreadable(logger, pfxPath, e.Message);
        }

        return null;
    }

    private static bool IsUsable(X509Certificate2 certificate, DateTimeOffset now) =>
        certificate.NotBefore.ToUniversalTime() <= now.UtcDateTime
        && certificate.NotAfter.ToUniversalTime() - now.UtcDateTime > RenewBefore;

    private static byte[] CreatePfx(DateTimeOffset now)
    {
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build(critical: false));
        // Self-signed and marked as its own CA so OpenSSL-based clients (Node's NODE_EXTRA_CA_CERTS) accept it as a root.
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign,
            critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(ServerAuthOid) }, critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));

        // Backdated a little so a client whose clock runs slightly behind does not see a not-yet-valid certificate.
        using X509Certificate2 certificate = request.CreateSelfSigned(now.AddMinutes(-5), now + Validity);
        return certificate.Export(X509ContentType.Pkcs12);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Using TLS certificate {Thumbprint} (valid until {NotAfter:u}) from {PfxPath}")]
    private static partial void LogReused(ILogger logger, string thumbprint, DateTime notAfter, string pfxPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replacing TLS certificate {Thumbprint}: it expires within a week or is not valid yet (expires {NotAfter:u})")]
    private static partial void LogRenewing(ILogger logger, string thumbprint, DateTime notAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replacing unreadable TLS certificate {PfxPath}: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string pfxPath, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created TLS certificate {Thumbprint} (valid until {NotAfter:u}) in {PfxPath}; clients can trust {PemPath}")]
    private static partial void LogCreated(ILogger logger, string thumbprint, DateTime notAfter, string pfxPath, string pemPath);
}
