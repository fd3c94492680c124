using System;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Amplify.DataStore;

/// <summary>
/// Trust in one self-signed certificate (the local backend's) for loopback endpoints only: a server certificate that the
/// system already trusts passes as usual; otherwise only a certificate byte-for-byte equal to the configured one passes,
/// and only when every endpoint is on this machine. Certificate checks are never turned off in general.
/// </summary>
internal static class LoopbackCertificateTrust
{
    /// <summary>True when <paramref name="endpoint"/>'s host is this machine (127.0.0.0/8, ::1 or <c>localhost</c>).</summary>
    public static bool IsLoopback(Uri endpoint)
        => endpoint.IsLoopback || (IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>Reads the certificate at <paramref name="pemPath"/>; <paramref name="where"/> names the setting in errors.</summary>
    public static X509Certificate2 Load(string pemPath, string where)
    {
        try
        {
            return X509Certificate2.CreateFromPem(System.IO.File.ReadAllText(pemPath));
        }
        catch (Exception ex) when (ex is System.IO.IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new AmplifyConfigException($"{where}: the trusted certificate '{pemPath}' cannot be read as a PEM certificate: {ex.Message}", ex);
        }
    }

    /// <summary>A TLS validation callback that also accepts <paramref name="trusted"/> (for <c>HttpClient</c> and <c>ClientWebSocket</c>).</summary>
    public static RemoteCertificateValidationCallback Callback(X509Certificate2 trusted)
    {
        var expected = trusted.RawData;
        return (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None
            || (certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(expected)
                && (errors & SslPolicyErrors.RemoteCertificateNotAvailable) == 0);
    }
}
