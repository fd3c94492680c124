namespace Amplify.DataStore.Sync.Transport;

/// <summary>
/// Why a GraphQL request did not succeed, decided from the transport and AppSync's <c>errorType</c>, never from message
/// text. The sync engine retries the first four while online and routes the others.
/// </summary>
internal enum AppSyncFailureKind
{
    /// <summary>The connection failed or dropped (no answer to rely on).</summary>
    Network,

    /// <summary>No answer within the request timeout.</summary>
    Timeout,

    /// <summary>HTTP 5xx, or an AppSync error type that marks a server-side failure.</summary>
    ServerError,

    /// <summary>HTTP 429 or AppSync throttling; honour <see cref="AppSyncException.RetryAfter"/>.</summary>
    Throttled,

    /// <summary>The credentials were refused (HTTP 401/403, <c>UnauthorizedException</c>, <c>Unauthorized</c>).</summary>
    Unauthorized,

    /// <summary><c>ConflictUnhandled</c>: the server holds another version; its copy is in the error's data.</summary>
    ConflictUnhandled,

    /// <summary><c>ConditionalCheckFailedException</c>: the mutation's condition failed on the server.</summary>
    ConditionalCheckFailed,

    /// <summary>The request itself is wrong (GraphQL validation, bad input, HTTP 400/413): sending it again cannot help.</summary>
    BadRequest,

    /// <summary>
    /// The server's answer (an HTTP body or a realtime message) exceeded the size limit the client accepts, and was cut off
    /// unread. Not transient: sending the same request again would download the same oversize answer, so the outbox
    /// dead-letters the mutation, and a sync session ends and is retried only after the reconnect backoff.
    /// </summary>
    ResponseTooLarge,
}
