using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Amplify.DataStore.LocalBackend.Api;
using Amplify.DataStore.LocalBackend.Auth;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Amplify.DataStore.LocalBackend.Http;

/// <summary>
/// <c>POST /graphql</c> as AppSync answers it: 401 <c>UnauthorizedException</c> before anything else, 400
/// <c>MalformedHttpRequestException</c> for bodies that are not a GraphQL request, 413 for oversized bodies, and 200
/// with <c>data</c>/<c>errors</c> for everything that executes or is refused by a request limit (responses over the
/// size limit become a <c>ResponseSizeLimitExceeded</c> error). A client that disconnects cancels the execution.
/// </summary>
internal sealed class GraphQLEndpoint(GraphQLApi api, RequestAuthenticator authenticator, long maxRequestBytes, int maxResponseBytes, ILogger logger)
{
    public async Task HandleAsync(HttpContext http)
    {
        var (identity, error) = await authenticator.AuthenticateAsync(http.Request.Headers["x-api-key"], http.Request.Headers.Authorization).ConfigureAwait(false);
        if (identity is null)
        {
            await WriteAsync(http, StatusCodes.Status401Unauthorized, AppSyncHttpErrors.Body("UnauthorizedException", error!)).ConfigureAwait(false);
            return;
        }

        if (http.Request.ContentLength > maxRequestBytes)
        {
            await WriteAsync(http, StatusCodes.Status413PayloadTooLarge, AppSyncHttpErrors.Body("PayloadTooLargeException", $"The request body exceeds {maxRequestBytes} bytes.")).ConfigureAwait(false);
            return;
        }
        var body = await ReadLimitedAsync(http.Request.Body, maxRequestBytes).ConfigureAwait(false);
        if (body is null)
        {
            await WriteAsync(http, StatusCodes.Status413PayloadTooLarge, AppSyncHttpErrors.Body("PayloadTooLargeException", $"The request body exceeds {maxRequestBytes} bytes.")).ConfigureAwait(false);
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = api.Serializer.Deserialize<GraphQLRequest>(body);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException or FormatException)
        {
            request = null;
        }
        if (request is null || string.IsNullOrWhiteSpace(request.Query))
        {
            await WriteAsync(http, StatusCodes.Status400BadRequest, AppSyncHttpErrors.Body("MalformedHttpRequestException", "Unable to parse GraphQL query.")).ConfigureAwait(false);
            return;
        }

        ExecutionResult result;
        try
        {
            result = await api.ExecuteAsync(request.Query, request.Variables, request.OperationName, identity, http.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            logger.LogDebug("POST /graphql: the client left; execution stopped.");
            return;
        }

        using var response = new BoundedBuffer(maxResponseBytes);
        try
        {
            // Without errors GraphQL.NET's own output ({"data":…}) is already AppSync's shape: write it directly.
            if (result.Errors is { Count: > 0 }) await JsonSerializer.SerializeAsync(response, api.ToJson(result)).ConfigureAwait(false);
            else await api.Serializer.WriteAsync(response, result, http.RequestAborted).ConfigureAwait(false);
        }
        catch (BoundedBuffer.LimitExceededException)
        {
            logger.LogWarning("POST /graphql: a response over {Limit} bytes was replaced by ResponseSizeLimitExceeded.", maxResponseBytes);
            await WriteAsync(http, StatusCodes.Status200OK, api.ToJson(new ExecutionResult { Errors = new ExecutionErrors { LimitErrors.ResponseTooLarge(maxResponseBytes) } })).ConfigureAwait(false);
            return;
        }
        if (logger.IsEnabled(LogLevel.Debug)) logger.LogDebug("POST /graphql {Request} -> {Response}", Shorten(body), Shorten(Encoding.UTF8.GetString(response.Written.Span[..Math.Min(response.Written.Length, 8000)])));
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=UTF-8";
        await http.Response.Body.WriteAsync(response.Written, http.RequestAborted).ConfigureAwait(false);
    }

    private static string Shorten(string text) => text.Length <= 2000 ? text : text[..2000] + "…";

    private static async Task<string?> ReadLimitedAsync(Stream body, long max)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max) return null;
            buffer.Write(chunk, 0, read);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static async Task WriteAsync(HttpContext http, int status, JsonObject body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=UTF-8";
        await http.Response.WriteAsync(body.ToJsonString()).ConfigureAwait(false);
    }
}
