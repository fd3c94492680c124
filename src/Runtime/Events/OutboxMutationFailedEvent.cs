using Amplify.DataStore.Storage;

namespace Amplify.DataStore.Events;

/// <summary>
/// A queued mutation the server refused for a reason retrying cannot fix (unauthorized, invalid): it moved to the
/// dead-letter collection (<c>store.GetFailedMutationsAsync()</c>), from where it can be retried or discarded.
/// </summary>
/// <param name="Failure">The failed mutation and the server's error.</param>
public sealed record OutboxMutationFailedEvent(FailedMutation Failure) : DataStoreEvent;
