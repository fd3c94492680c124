namespace Amplify.DataStore.Storage;

/// <summary>
/// A queued mutation the server refused for a reason retrying cannot fix (unauthorized, a validation error), kept in the
/// store's dead-letter collection instead of being dropped: see <c>DataStore.GetFailedMutationsAsync</c>, and retry or
/// discard it from there.
/// </summary>
/// <param name="Mutation">The outbox entry as it was when the server refused it.</param>
/// <param name="ErrorType">AppSync's <c>errorType</c> (e.g. <c>Unauthorized</c>), or the failure kind when the server gave none.</param>
/// <param name="Message">The server's message.</param>
/// <param name="FailedAtUnixMs">When it was refused (Unix milliseconds).</param>
public sealed record FailedMutation(OutboxEntry Mutation, string ErrorType, string Message, long FailedAtUnixMs);
