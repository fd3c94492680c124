using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Amplify.DataStore.Sync.Transport;

/// <summary>One entry of a GraphQL response's <c>errors</c>.</summary>
/// <param name="ErrorType">AppSync's <c>errorType</c> (e.g. <c>ConflictUnhandled</c>), null when the server gave none.</param>
/// <param name="Message">The server's message, for logs and error handlers.</param>
/// <param name="Data">The error's <c>data</c> (for conflicts and failed conditions: the server's copy), if any.</param>
/// <param name="Path">The response path the error belongs to, if any.</param>
internal sealed record AppSyncError(string? ErrorType, string Message, JsonNode? Data, IReadOnlyList<string> Path)
{
    /// <summary>The entries of an <c>errors</c> array (an HTTP response's or a realtime <c>error</c> frame's); none for anything else.</summary>
    public static AppSyncError[] ListFrom(JsonNode? errors)
        => errors is JsonArray list
            ? list.OfType<JsonObject>().Select(entry => new AppSyncError(
                entry["errorType"] is JsonValue type && type.TryGetValue<string>(out var t) ? t : null,
                entry["message"] is JsonValue message && message.TryGetValue<string>(out var m) ? m : "",
                entry["data"]?.DeepClone(),
                entry["path"] is JsonArray segments ? segments.Select(s => s?.ToString() ?? "").ToArray() : Array.Empty<string>())).ToArray()
            : Array.Empty<AppSyncError>();

    /// <summary>What the error means for the sync engine (by <see cref="ErrorType"/> only).</summary>
    public AppSyncFailureKind Kind => ErrorType switch
    {
        "ConflictUnhandled" => AppSyncFailureKind.ConflictUnhandled,
        "ConditionalCheckFailedException" or "DynamoDB:ConditionalCheckFailedException" => AppSyncFailureKind.ConditionalCheckFailed,
        "Unauthorized" or "UnauthorizedException" => AppSyncFailureKind.Unauthorized,
        "ExecutionTimeout" => AppSyncFailureKind.Timeout,
        "Throttled" or "ThrottlingException" or "TooManyRequestsException" or "DynamoDB:ProvisionedThroughputExceededException" => AppSyncFailureKind.Throttled,
        "InternalFailure" or "InternalServerError" or "ServiceUnavailable" or "DynamoDB:InternalServerError" => AppSyncFailureKind.ServerError,
        _ => AppSyncFailureKind.BadRequest,
    };
}
