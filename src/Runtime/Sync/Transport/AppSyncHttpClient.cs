using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Amplify.DataStore.Sync.Transport;

/// <summary>
/// Sends GraphQL requests to AppSync (or the local backend) over HTTP with the chosen authorization mode, and turns every
/// way a request can fail into an <see cref="AppSyncException"/> of a <see cref="AppSyncFailureKind"/>: the transport
/// (connection, timeout, HTTP status, <c>Retry-After</c>) and AppSync's <c>errorType</c>, never message text. A 401 for a
/// token mode asks the <see cref="IAuthTokenProvider"/> for a fresh token and sends once more.
/// </summary>
internal sealed class AppSyncHttpClient
{
    private readonly HttpClient _http;
    private readonly AmplifyConfig _config;
    private readonly IAuthTokenProvider? _tokens;
    private readonly IRequestSigner? _signer;
    private readonly long _maxResponseBytes;

    /// <summary>A client for <paramref name="config"/>'s GraphQL endpoint.</summary>
    /// <param name="http">Sends the requests; its <see cref="HttpClient.Timeout"/> bounds each exchange, body included.</param>
    /// <param name="config">The endpoint and credentials.</param>
    /// <param name="tokens">Bearer tokens for the token modes.</param>
    /// <param name="signer">SigV4 signing for AWS_IAM.</param>
    /// <param name="maxResponseBytes">The largest response body read (see <see cref="AppSyncOptionsBuilder.WithMaxResponseBytes"/>).</param>
    public AppSyncHttpClient(HttpClient http, AmplifyConfig config, IAuthTokenProvider? tokens = null, IRequestSigner? signer = null,
        long maxResponseBytes = AppSyncOptionsBuilder.DefaultMaxResponseBytes)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _config = config ?? throw new ArgumentNullException(nameof(config));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResponseBytes, 1);
        _tokens = tokens;
        _signer = signer;
        _maxResponseBytes = maxResponseBytes;
    }

    /// <summary>
    /// Sends one operation. Returns the server's answer when it answered with HTTP 200 (its <c>errors</c> included: see
    /// <see cref="AppSyncResponse.EnsureSuccess"/>); throws <see cref="AppSyncException"/> otherwise, of kind
    /// <see cref="AppSyncFailureKind.ResponseTooLarge"/> when the body is longer than the limit (it is not read past it).
    /// </summary>
    public Task<AppSyncResponse> SendAsync(string query, JsonObject? variables, AuthorizationType mode, CancellationToken cancellationToken)
        => SendAsync(query, variables, mode, read: null, cancellationToken);

    /// <summary>
    /// Sends a query or mutation; with <paramref name="read"/>, an HTTP 200 body is first offered to it as UTF-8 bytes
    /// (valid only during the call): what it returns becomes <see cref="AppSyncResponse.Read"/>, and null (e.g. the body
    /// has errors) means the body is parsed as usual. Lets a sync page go straight from bytes to models, without the
    /// JSON tree, the string and their large-object-heap copies.
    /// </summary>
    public async Task<AppSyncResponse> SendAsync(string query, JsonObject? variables, AuthorizationType mode, Func<ReadOnlyMemory<byte>, object?>? read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var body = new JsonObject { ["query"] = query, ["variables"] = variables?.DeepClone() ?? new JsonObject() }.ToJsonString();
        for (int attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _config.GraphQLEndpoint)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            await AuthorizeAsync(request, mode, forceRefresh: attempt > 0, cancellationToken).ConfigureAwait(false);
            // The body is read below under the size limit, so only the headers are awaited here; HttpClient.Timeout then
            // stops at the headers, so the same timeout is applied to the whole exchange, body included.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_http.Timeout);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new AppSyncException(AppSyncFailureKind.Timeout, $"No answer from {_config.GraphQLEndpoint} within {_http.Timeout}.", ex);
            }
            // SocketException too: a connection reset right after it opened escapes SocketsHttpHandler unwrapped (it reads the
            // socket's RemoteEndPoint), as a server that accepts and resets does (the sync tests' FaultProxy showed it).
            catch (Exception ex) when (ex is HttpRequestException or IOException or System.Net.Sockets.SocketException)
            {
                throw new AppSyncException(AppSyncFailureKind.Network, $"Cannot reach {_config.GraphQLEndpoint}: {ex.Message}", ex);
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                PooledBody answer;
                try
                {
                    answer = await ReadBodyAsync(response, status, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new AppSyncException(AppSyncFailureKind.Timeout, $"The answer from {_config.GraphQLEndpoint} did not arrive in full within {_http.Timeout}.", ex);
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException)
                {
                    throw new AppSyncException(AppSyncFailureKind.Network, $"The answer from {_config.GraphQLEndpoint} was cut off: {ex.Message}", ex);
                }
                using (answer)
                {
                    if (status == 401 && attempt == 0 && _tokens is not null && UsesToken(mode)) continue; // expired token: refresh once
                    if (status == 200)
                    {
                        if (read?.Invoke(answer.Memory) is { } value) return new AppSyncResponse(null, Array.Empty<AppSyncError>()) { Read = value };
                        return Parse(answer.Memory.Span, status);
                    }
                    throw StatusFailure(response, status, answer.Memory.Span);
                }
            }
        }
    }

    /// <summary>
    /// The body as text, read no further than the limit: an announced <c>Content-Length</c> over it is refused before any
    /// of the body is read, and a body without one (chunked) is abandoned once it passes the limit. Disposing the
    /// response then drops the connection instead of downloading the rest.
    /// </summary>
    private async Task<PooledBody> ReadBodyAsync(HttpResponseMessage response, int status, CancellationToken cancellationToken)
    {
        var announced = response.Content.Headers.ContentLength;
        if (announced > _maxResponseBytes) throw TooLarge(status, announced);
        // An array holds at most ~2 GB, whatever the configured limit.
        var limit = Math.Min(_maxResponseBytes, Array.MaxLength);
        // A pooled buffer sized from Content-Length, but not beyond 1 MiB on the server's word alone; it grows by doubling.
        // Pooled because a sync page (hundreds of KB) would otherwise be a fresh large-object-heap array per page.
        var body = new PooledBody((int)Math.Clamp(announced ?? 0, 16 * 1024, 1024 * 1024));
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while ((read = await stream.ReadAsync(body.FreeSpace(), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (body.Length + read > limit) throw TooLarge(status, announced);
                    body.Advance(read);
                }
            }
            // GraphQL over HTTP answers in JSON, which is UTF-8 (RFC 8259); a byte-order mark is skipped as ReadAsStringAsync would.
            body.SkipPrefix(Encoding.UTF8.Preamble);
            return body;
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    private AppSyncException TooLarge(int status, long? announced)
        => new(AppSyncFailureKind.ResponseTooLarge,
            $"The response from {_config.GraphQLEndpoint} exceeded the {ByteSize.Format(_maxResponseBytes)} limit (WithMaxResponseBytes)"
            + (announced is { } length ? $": it announced {length} bytes." : "."), statusCode: status);

    private async ValueTask AuthorizeAsync(HttpRequestMessage request, AuthorizationType mode, bool forceRefresh, CancellationToken cancellationToken)
    {
        switch (mode)
        {
            case AuthorizationType.ApiKey:
                request.Headers.Add("x-api-key", _config.ApiKey
                    ?? throw new InvalidOperationException("API_KEY authorization needs AmplifyConfig.ApiKey."));
                break;
            case AuthorizationType.AwsIam:
                var signer = _signer ?? throw new InvalidOperationException("AWS_IAM authorization needs an IRequestSigner (SigV4).");
                await signer.SignAsync(request, _config.Region, cancellationToken).ConfigureAwait(false);
                break;
            default:
                var tokens = _tokens ?? throw new InvalidOperationException($"{mode} authorization needs an IAuthTokenProvider.");
                var token = await tokens.GetTokenAsync(forceRefresh, cancellationToken).ConfigureAwait(false);
                // AppSync takes the raw token; TryAddWithoutValidation keeps a token that is not a valid header scheme.
                request.Headers.TryAddWithoutValidation("Authorization", token);
                break;
        }
    }

    /// <summary>True for the modes that send a bearer token from the <see cref="IAuthTokenProvider"/> (refreshed when refused).</summary>
    public static bool UsesToken(AuthorizationType mode) => mode is AuthorizationType.AmazonCognitoUserPools or AuthorizationType.OpenIdConnect or AuthorizationType.AwsLambda;

    private AppSyncException StatusFailure(HttpResponseMessage response, int status, ReadOnlySpan<byte> body)
    {
        var errors = TryParse(body)?.Errors ?? Array.Empty<AppSyncError>();
        string detail;
        if (errors.Count > 0) detail = $"{errors[0].ErrorType}: {errors[0].Message}";
        else
        {
            var text = Encoding.UTF8.GetString(body);
            detail = text.Length > 200 ? text[..200] : text;
        }
        var kind = status switch
        {
            401 or 403 => AppSyncFailureKind.Unauthorized,
            429 => AppSyncFailureKind.Throttled,
            408 => AppSyncFailureKind.Timeout,
            >= 500 => AppSyncFailureKind.ServerError,
            _ => AppSyncFailureKind.BadRequest,
        };
        return new AppSyncException(kind, $"{_config.GraphQLEndpoint} answered HTTP {status}: {detail}", statusCode: status,
            retryAfter: RetryAfter(response), errors: errors);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } retry) return null;
        if (retry.Delta is { } delta) return delta;
        return retry.Date is { } date ? (date - DateTimeOffset.UtcNow) is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero : null;
    }

    private AppSyncResponse Parse(ReadOnlySpan<byte> utf8, int status)
        => TryParse(utf8) ?? throw new AppSyncException(AppSyncFailureKind.ServerError,
            $"{_config.GraphQLEndpoint} answered HTTP {status} with a body that is not a GraphQL response.", statusCode: status);

    /// <summary>Reads <c>{ data, errors }</c>; null when the body is not a JSON object.</summary>
    private static AppSyncResponse? TryParse(ReadOnlySpan<byte> utf8)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(utf8);
        }
        catch (JsonException)
        {
            return null;
        }
        if (root is not JsonObject body) return null;
        return new AppSyncResponse(body["data"] as JsonObject, AppSyncError.ListFrom(body["errors"]));
    }
}
