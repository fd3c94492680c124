using System.Collections.Generic;

namespace Amplify.DataStore.LocalBackend.Auth;

/// <summary>
/// The authenticated caller of one request or WebSocket operation. API-key callers have no subject; JWT callers carry
/// the token's <c>sub</c>, user name (<c>username</c>, else <c>cognito:username</c>) and groups (<c>cognito:groups</c>).
/// </summary>
public sealed record CallerIdentity(
    AuthMode Mode,
    string? Subject,
    string? Username,
    IReadOnlyList<string> Groups,
    IReadOnlyDictionary<string, object?> Claims)
{
    /// <summary>The identity of an API-key caller.</summary>
    public static CallerIdentity ApiKey { get; } = new(AuthMode.ApiKey, null, null, System.Array.Empty<string>(), new Dictionary<string, object?>());
}
