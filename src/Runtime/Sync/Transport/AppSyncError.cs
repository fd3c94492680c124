using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Amplify.DataStore.Sync.Transport;

/// <summary>One entry of a GraphQL response's <c>errors</c>.</summary>
/// <param name="ErrorType">AppSync's <c>errorType</c> (e.g. <c>ConflictUnhandled</c>), null when the server gave none.</param>
/// <param name="Message">The server's message, for logs and error handlers.</param>
/// <param name="Data">The error's <c>data</c> (for conflicts and failed conditions: the server's copy), if any.</param>
/// <param name="Path">The response path the error belongs to, if any.</param>
internal sealed record AppSyncError(string? ErrorType, string Message, JsonNode? Data, IReadOnlyList<string> Path)
{
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
