using System.Security.Cryptography.X509Certificates;

namespace Amplify.DataStore.LocalBackend.Hosting;

/// <summary>The local backend's TLS certificate and where it is stored.</summary>
/// <param name="Certificate">The certificate with its private key, ready for Kestrel's <c>UseHttps</c>.</param>
/// <param name="PfxPath">The PKCS#12 file holding the certificate and key (no password).</param>
/// <param name="PemPath">
/// The PEM file holding only the public certificate, for clients to trust (<c>NODE_EXTRA_CA_CERTS</c>, or a .NET
/// <c>HttpClientHandler</c> that validates against it).
/// </param>
internal sealed record DevelopmentCertificateFiles(X509Certificate2 Certificate, string PfxPath, string PemPath);
