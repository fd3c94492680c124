namespace Amplify.DataStore.Sync.Tests.Support;

/// <summary>Rewrites an <see cref="AmplifyConfig"/> so that its traffic goes through a <see cref="FaultProxy"/>.</summary>
internal static class ProxiedConfig
{
    /// <summary>
    /// A copy of <paramref name="config"/> whose endpoints use <paramref name="proxy"/>'s port (host, scheme and path
    /// unchanged, so TLS names and the trusted certificate still apply) and whose other settings are the same.
    /// </summary>
    public static AmplifyConfig Through(AmplifyConfig config, FaultProxy proxy)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        return Through(config, proxy.Port);
    }

    /// <summary>As <see cref="Through(AmplifyConfig, FaultProxy)"/>, for a proxy on <paramref name="port"/>.</summary>
    /// <exception cref="ArgumentException">The configuration sets a realtime endpoint on another server than its GraphQL endpoint: one proxy cannot forward to both.</exception>
    public static AmplifyConfig Through(AmplifyConfig config, int port)
    {
        ArgumentNullException.ThrowIfNull(config);
        var graphQL = WithPort(config.GraphQLEndpoint, port);
        // AmplifyConfig does not say whether its realtime endpoint was set or derived; one that differs from the derived
        // one was set, and must be moved to the proxy as well (leaving it would let the WebSocket bypass the faults).
        var realtime = config.RealtimeEndpoint == AmplifyConfig.RealtimeEndpointFor(config.GraphQLEndpoint)
            ? AmplifyConfig.RealtimeEndpointFor(graphQL)
            : SameServer(config.RealtimeEndpoint, config.GraphQLEndpoint)
                ? WithPort(config.RealtimeEndpoint, port)
                : throw new ArgumentException(
                    $"The realtime endpoint {config.RealtimeEndpoint} is on another server than {config.GraphQLEndpoint}; a proxy forwards to one target.", nameof(config));
        return new AmplifyConfig
        {
            GraphQLEndpoint = graphQL,
            RealtimeEndpoint = realtime,
            Region = config.Region,
            DefaultAuthorization = config.DefaultAuthorization,
            AdditionalAuthorizations = config.AdditionalAuthorizations,
            ApiKey = config.ApiKey,
            TrustedCertificate = config.TrustedCertificate,
        };
    }

    private static Uri WithPort(Uri endpoint, int port) => new UriBuilder(endpoint) { Port = port }.Uri;

    private static bool SameServer(Uri a, Uri b) => string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;
}
