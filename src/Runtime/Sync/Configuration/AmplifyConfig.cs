using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Amplify.DataStore;

/// <summary>
/// Where the sync engine finds the AppSync API and how it authorizes: read from the files the Amplify CLI (Gen 1
/// <c>amplifyconfiguration.json</c> or <c>aws-exports</c>-style keys), Amplify Gen 2 (<c>amplify_outputs.json</c>) or the
/// local backend write, or built in code.
/// </summary>
/// <example>
/// <code>
/// var config = AmplifyConfig.Load("amplifyconfiguration.json");   // or "amplify_outputs.json"
/// var manual = new AmplifyConfig { GraphQLEndpoint = new Uri("https://example.com/graphql"), ApiKey = "da2-…" };
/// </code>
/// </example>
public sealed class AmplifyConfig
{
    private readonly Uri? _realtimeEndpoint;

    /// <summary>The GraphQL endpoint (<c>https://…/graphql</c>).</summary>
    public required Uri GraphQLEndpoint { get; init; }

    /// <summary>
    /// The realtime (WebSocket) endpoint. Derived from <see cref="GraphQLEndpoint"/> unless set: AppSync's own domains
    /// map <c>appsync-api</c> to <c>appsync-realtime-api</c>; any other host (custom domains, the local backend) serves it
    /// at <c>/graphql/realtime</c>.
    /// </summary>
    public Uri RealtimeEndpoint
    {
        get => _realtimeEndpoint ?? RealtimeEndpointFor(GraphQLEndpoint);
        init => _realtimeEndpoint = value;
    }

    /// <summary>The AWS region (needed for IAM signing), if the configuration names one.</summary>
    public string? Region { get; init; }

    /// <summary>The API's default authorization mode.</summary>
    public AuthorizationType DefaultAuthorization { get; init; } = AuthorizationType.ApiKey;

    /// <summary>Further modes the API accepts (multi-auth), in the configuration's order.</summary>
    public IReadOnlyList<AuthorizationType> AdditionalAuthorizations { get; init; } = Array.Empty<AuthorizationType>();

    /// <summary>The API key, when the API accepts <see cref="AuthorizationType.ApiKey"/>.</summary>
    public string? ApiKey { get; init; }

    /// <summary>
    /// A self-signed certificate to trust besides the system's trusted roots: the local backend writes the path of its
    /// certificate's PEM into its configuration files. Honoured for loopback endpoints only; a configuration that names one
    /// for any other host is refused (<see cref="CreateCertificateValidation"/>).
    /// </summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? TrustedCertificate { get; init; }

    /// <summary>
    /// The TLS validation for the sync engine's HTTP and WebSocket connections: null (the system's own checks) unless a
    /// <see cref="TrustedCertificate"/> is set, then a callback that also accepts exactly that certificate.
    /// </summary>
    /// <exception cref="AmplifyConfigException">A trusted certificate is set but an endpoint is not on this machine.</exception>
    public System.Net.Security.RemoteCertificateValidationCallback? CreateCertificateValidation()
    {
        if (TrustedCertificate is null) return null;
        foreach (var endpoint in new[] { GraphQLEndpoint, RealtimeEndpoint })
        {
            if (!LoopbackCertificateTrust.IsLoopback(endpoint))
            {
                throw new AmplifyConfigException(
                    $"A trusted self-signed certificate is honoured for loopback endpoints only (the local backend); '{endpoint}' is not on this machine. Use a certificate the system trusts.");
            }
        }
        return LoopbackCertificateTrust.Callback(TrustedCertificate);
    }

    /// <summary>
    /// Reads <paramref name="path"/>, in any of the formats Amplify writes: Gen 2 <c>amplify_outputs.json</c> (its
    /// <c>data</c> section), Gen 1 <c>amplifyconfiguration.json</c> (<c>api.plugins.awsAPIPlugin</c>), or the flat
    /// <c>aws_appsync_*</c> keys of <c>aws-exports</c> (what the local backend writes into its
    /// <c>amplifyconfiguration.json</c>).
    /// </summary>
    /// <param name="path">The configuration file.</param>
    /// <param name="apiName">For a Gen 1 file with several GraphQL APIs: the one to use.</param>
    /// <exception cref="AmplifyConfigException">The file is missing, is not JSON, or lacks or has an invalid field; the message names it.</exception>
    public static AmplifyConfig Load(string path, string? apiName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AmplifyConfigException($"The Amplify configuration '{path}' cannot be read: {ex.Message}", ex);
        }
        return Parse(json, path, apiName, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>Reads a configuration from its JSON text (formats as in <see cref="Load"/>).</summary>
    /// <param name="json">The configuration's JSON.</param>
    /// <param name="sourceName">How errors name the source (e.g. its file name).</param>
    /// <param name="apiName">For a Gen 1 configuration with several GraphQL APIs: the one to use.</param>
    /// <exception cref="AmplifyConfigException">The text is not JSON, or lacks or has an invalid field; the message names it.</exception>
    public static AmplifyConfig Parse(string json, string sourceName = "the Amplify configuration", string? apiName = null)
        => Parse(json, sourceName, apiName, baseDirectory: null);

    private static AmplifyConfig Parse(string json, string sourceName, string? apiName, string? baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new AmplifyConfigException(
                $"{sourceName} is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}): {ex.Message}", ex);
        }
        using (document)
        {
            return AmplifyConfigReader.Read(document.RootElement, sourceName, apiName, baseDirectory);
        }
    }

    /// <summary>The realtime endpoint AppSync (or a custom domain, or the local backend) serves for <paramref name="graphQLEndpoint"/>.</summary>
    public static Uri RealtimeEndpointFor(Uri graphQLEndpoint)
    {
        ArgumentNullException.ThrowIfNull(graphQLEndpoint);
        var builder = new UriBuilder(graphQLEndpoint) { Scheme = graphQLEndpoint.Scheme == Uri.UriSchemeHttp ? "ws" : "wss" };
        if (graphQLEndpoint.Host.Contains(".appsync-api.", StringComparison.OrdinalIgnoreCase))
        {
            builder.Host = graphQLEndpoint.Host.Replace(".appsync-api.", ".appsync-realtime-api.", StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            builder.Path = builder.Path.TrimEnd('/') + "/realtime";
        }
        if (builder.Uri.IsDefaultPort) builder.Port = -1;
        return builder.Uri;
    }
}
