using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Amplify.DataStore.Sync.Transport;

/// <summary>
/// The headers AppSync's realtime endpoint takes for the handshake and each <c>start</c>: the GraphQL endpoint's
/// <c>host</c> plus the credential of the chosen mode, asked for anew each time so a refreshed token is used after a
/// reconnect. <c>refreshFirst</c> makes the first ask a forced refresh (after the handshake refused the token).
/// </summary>
internal static class RealtimeAuthHeaders
{
    public static Func<CancellationToken, ValueTask<JsonObject>> For(AmplifyConfig config, AuthorizationType mode, IAuthTokenProvider? tokens = null, bool refreshFirst = false)
    {
        ArgumentNullException.ThrowIfNull(config);
        var host = config.GraphQLEndpoint.Authority;
        switch (mode)
        {
            case AuthorizationType.ApiKey:
                var key = config.ApiKey ?? throw new InvalidOperationException("API_KEY authorization needs AmplifyConfig.ApiKey.");
                return _ => new ValueTask<JsonObject>(new JsonObject { ["host"] = host, ["x-api-key"] = key });
            case AuthorizationType.AwsIam:
                throw new NotSupportedException("AWS_IAM realtime authorization needs signed handshake headers, which the IRequestSigner does not produce yet.");
            default:
                var provider = tokens ?? throw new InvalidOperationException($"{mode} authorization needs an IAuthTokenProvider.");
                int refresh = refreshFirst ? 1 : 0;
                return async cancellationToken => new JsonObject
                {
                    ["host"] = host,
                    ["Authorization"] = await provider.GetTokenAsync(forceRefresh: Interlocked.Exchange(ref refresh, 0) == 1, cancellationToken).ConfigureAwait(false),
                };
        }
    }
}
