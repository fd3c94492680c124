using System;
using System.Collections.Generic;

namespace Amplify.DataStore.Sync.Transport;

/// <summary>A GraphQL request that failed, with its <see cref="Kind"/> (the sync engine's routing) and the server's errors.</summary>
internal sealed class AppSyncException : Exception
{
    public AppSyncException(AppSyncFailureKind kind, string message, Exception? innerException = null, int? statusCode = null,
        TimeSpan? retryAfter = null, IReadOnlyList<AppSyncError>? errors = null)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
        Errors = errors ?? Array.Empty<AppSyncError>();
    }

    /// <summary>Why it failed.</summary>
    public AppSyncFailureKind Kind { get; }

    /// <summary>The HTTP status, when the server answered.</summary>
    public int? StatusCode { get; }

    /// <summary>How long the server asked the client to wait (<c>Retry-After</c>), if it did.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The server's GraphQL errors, if any.</summary>
    public IReadOnlyList<AppSyncError> Errors { get; }

    /// <summary>True for failures worth sending again unchanged (network, timeout, server error, throttling).</summary>
    public bool IsTransient => Kind is AppSyncFailureKind.Network or AppSyncFailureKind.Timeout or AppSyncFailureKind.ServerError or AppSyncFailureKind.Throttled;
}
