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
    public static Func<string?, CancellationToken, ValueTask<JsonObject>> For(AmplifyConfig config, AuthorizationType mode, IAuthTokenProvider? tokens = null,
        bool refreshFirst = false, IRequestSigner? signer = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var host = config.GraphQLEndpoint.Authority;
        switch (mode)
        {
            case AuthorizationType.ApiKey:
                var key = config.ApiKey ?? throw new InvalidOperationException("API_KEY authorization needs AmplifyConfig.ApiKey.");
                return (_, _) => new ValueTask<JsonObject>(new JsonObject { ["host"] = host, ["x-api-key"] = key });
            case AuthorizationType.AwsIam:
                var iam = signer ?? throw new InvalidOperationException("AWS_IAM authorization needs an IRequestSigner (SigV4).");
                return (payload, cancellationToken) => SignedAsync(config, iam, payload, cancellationToken);
            default:
                var provider = tokens ?? throw new InvalidOperationException($"{mode} authorization needs an IAuthTokenProvider.");
                int refresh = refreshFirst ? 1 : 0;
                return async (_, cancellationToken) => new JsonObject
                {
                    ["host"] = host,
                    ["Authorization"] = await provider.GetTokenAsync(forceRefresh: Interlocked.Exchange(ref refresh, 0) == 1, cancellationToken).ConfigureAwait(false),
                };
        }
    }

    /// <summary>
    /// AppSync's IAM headers for the realtime endpoint: a SigV4 signature over <c>POST {graphql}/connect</c> with body
    /// <c>{}</c> for the handshake, and over <c>POST {graphql}</c> with the subscription's payload as body for a start.
    /// </summary>
    private static async ValueTask<JsonObject> SignedAsync(AmplifyConfig config, IRequestSigner signer, string? payload, CancellationToken cancellationToken)
    {
        var endpoint = config.GraphQLEndpoint;
        var url = payload is null ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/connect") : endpoint;
        using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, url)
        {
            Content = new System.Net.Http.StringContent(payload ?? "{}", System.Text.Encoding.UTF8),
        };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=UTF-8");
        request.Content.Headers.ContentEncoding.Add("amz-1.0");
        request.Headers.TryAddWithoutValidation("accept", "application/json, text/javascript");
        await signer.SignAsync(request, config.Region, cancellationToken).ConfigureAwait(false);
        var headers = new JsonObject { ["host"] = endpoint.Authority };
        foreach (var header in request.Headers) headers[Name(header.Key)] = string.Join(", ", header.Value);
        foreach (var header in request.Content.Headers) headers[Name(header.Key)] = string.Join(", ", header.Value);
        return headers;
    }

    // AppSync's documented spelling: lower case, except the two it shows capitalized.
    private static string Name(string header)
        => header.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ? "Authorization"
         : header.Equals("X-Amz-Security-Token", StringComparison.OrdinalIgnoreCase) ? "X-Amz-Security-Token"
         : header.ToLowerInvariant();
}
