using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Amplify.DataStore.LocalBackend.Hosting;

/// <summary>
/// Writes the Amplify client configuration files that point an app at the local backend with API-key auth, in both
/// forms amplify-js v6 accepts in <c>Amplify.configure</c>: Gen 1 <c>aws-exports</c> and Gen 2 <c>amplify_outputs</c>.
/// </summary>
internal static class ClientConfigWriter
{
    /// <summary>The Gen 1 (aws-exports form) file name.</summary>
    public const string AmplifyConfigurationFileName = "amplifyconfiguration.json";

    /// <summary>The Gen 2 file name.</summary>
    public const string AmplifyOutputsFileName = "amplify_outputs.json";

    /// <summary>The section (top level in Gen 1 files, under <c>custom</c> in Gen 2 outputs) naming the certificate to trust.</summary>
    public const string TrustedCertificateSection = "amplify_datastore_dotnet";

    /// <summary>The key holding the PEM path of the backend's self-signed certificate.</summary>
    public const string TrustedCertificateKey = "trusted_certificate_pem";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes both files into <paramref name="directory"/>, replacing earlier ones atomically.</summary>
    /// <param name="directory">Where to write; created if missing.</param>
    /// <param name="graphQLEndpoint">The absolute GraphQL URL (the client derives the realtime URL from it).</param>
    /// <param name="apiKey">The API key clients send as <c>x-api-key</c>.</param>
    /// <param name="region">The AWS region to report; clients need one even though nothing is signed.</param>
    /// <param name="certificatePemPath">The PEM of the self-signed TLS certificate, written for the .NET client to trust on loopback; null without TLS.</param>
    /// <returns>The paths of the Gen 1 and Gen 2 files.</returns>
    public static (string AmplifyConfigurationPath, string AmplifyOutputsPath) Write(
        string directory, Uri graphQLEndpoint, string apiKey, string region, string? certificatePemPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(graphQLEndpoint);
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        ArgumentException.ThrowIfNullOrEmpty(region);
        if (!graphQLEndpoint.IsAbsoluteUri)
        {
            throw new ArgumentException("The GraphQL endpoint must be an absolute URL.", nameof(graphQLEndpoint));
        }

        Directory.CreateDirectory(directory);
        string configurationPath = Path.Combine(directory, AmplifyConfigurationFileName);
        string outputsPath = Path.Combine(directory, AmplifyOutputsFileName);
        string url = graphQLEndpoint.AbsoluteUri;

        // amplify-js parseAWSExports rejects the whole file without aws_project_region, and reads the API from the
        // aws_appsync_* keys.
        var configuration = new JsonObject
        {
            ["aws_project_region"] = region,
            ["aws_appsync_graphqlEndpoint"] = url,
            ["aws_appsync_region"] = region,
            ["aws_appsync_authenticationType"] = "API_KEY",
            ["aws_appsync_apiKey"] = apiKey,
        };

        // amplify-js parseAmplifyOutputs treats a file as Gen 2 when `version` starts with "1", and maps `data` to the
        // GraphQL config; authorization_types lists additional modes and is required by the outputs schema.
        var outputs = new JsonObject
        {
            ["version"] = "1",
            ["data"] = new JsonObject
            {
                ["url"] = url,
                ["aws_region"] = region,
                ["api_key"] = apiKey,
                ["default_authorization_type"] = "API_KEY",
                ["authorization_types"] = new JsonArray(),
            },
        };

        if (certificatePemPath is not null)
        {
            // The .NET client trusts this self-signed certificate for loopback endpoints only (AmplifyConfig). Other
            // clients ignore the key: amplify-js reads neither unknown aws-exports keys nor `custom`.
            configuration[TrustedCertificateSection] = new JsonObject { [TrustedCertificateKey] = certificatePemPath };
            outputs["custom"] = new JsonObject { [TrustedCertificateSection] = new JsonObject { [TrustedCertificateKey] = certificatePemPath } };
        }

        AtomicFile.WriteAllBytes(configurationPath, JsonSerializer.SerializeToUtf8Bytes(configuration, Indented));
        AtomicFile.WriteAllBytes(outputsPath, JsonSerializer.SerializeToUtf8Bytes(outputs, Indented));
        return (configurationPath, outputsPath);
    }
}
