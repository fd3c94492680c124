using System.Collections.Generic;
using GraphQL;

namespace Amplify.DataStore.LocalBackend.Api;

/// <summary>
/// A resolver error as AppSync reports it (<c>$util.error(message, errorType, data, errorInfo)</c>): the HTTP layer
/// writes <see cref="ErrorType"/>, <see cref="ErrorData"/> and <see cref="ErrorInfo"/> at the root of the error object.
/// </summary>
internal sealed class AppSyncError : ExecutionError
{
    public AppSyncError(string errorType, string message, object? data = null, object? errorInfo = null)
        : base(message)
    {
        ErrorType = errorType;
        ErrorData = data;
        ErrorInfo = errorInfo;
    }

    /// <summary>AppSync's <c>errorType</c>, e.g. <c>ConflictUnhandled</c>.</summary>
    public string ErrorType { get; }

    /// <summary>AppSync's <c>data</c>: on conflicts, the server's current item.</summary>
    public object? ErrorData { get; }

    /// <summary>AppSync's <c>errorInfo</c>.</summary>
    public object? ErrorInfo { get; }

    /// <summary>Version mismatch rejected (optimistic concurrency, automerge delete, custom REJECT).</summary>
    public static AppSyncError ConflictUnhandled(IReadOnlyDictionary<string, object?> current)
        => new("ConflictUnhandled", "Conflict resolver rejects mutation.", current);

    /// <summary>A failed condition (including the implicit key-exists / key-absent checks).</summary>
    public static AppSyncError ConditionalCheckFailed(IReadOnlyDictionary<string, object?>? current, string requestId)
        => new("ConditionalCheckFailedException",
            $"The conditional request failed (Service: DynamoDb, Status Code: 400, Request ID: {requestId}, Extended Request ID: null)",
            current);

    /// <summary>Resolver-level authorization failure.</summary>
    public static AppSyncError Unauthorized(string field, string parentType)
        => new("Unauthorized", $"Not Authorized to access {field} on type {parentType}");
}
