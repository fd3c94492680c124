using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Amplify.DataStore.Sync.Transport;

/// <summary>A GraphQL answer the server gave with HTTP 200: <c>data</c> (possibly partial) and <c>errors</c>.</summary>
internal sealed record AppSyncResponse(JsonObject? Data, IReadOnlyList<AppSyncError> Errors)
{
    /// <summary>
    /// What the caller's reader made of an error-free body instead of <see cref="Data"/> (e.g. a sync page read straight
    /// into models); null when the body was parsed into <see cref="Data"/> and <see cref="Errors"/>.
    /// </summary>
    public object? Read { get; init; }

    /// <summary>
    /// Throws an <see cref="AppSyncException"/> for the response's errors, the first one deciding the kind (AppSync reports
    /// one error per failed mutation); returns <see cref="Data"/> when there are none.
    /// </summary>
    public JsonObject EnsureSuccess() => Errors.Count == 0 ? Data ?? new JsonObject() : throw ToException();

    /// <summary>The exception for the response's errors (there must be some), the first one deciding the kind.</summary>
    public AppSyncException ToException()
    {
        var first = Errors[0];
        return new AppSyncException(first.Kind, $"{first.ErrorType ?? "GraphQL error"}: {first.Message}", errors: Errors.ToArray());
    }
}
