using Amplify.DataStore.Storage;

namespace Amplify.DataStore.Events;

/// <summary>A queued mutation the server applied; <paramref name="Element"/> is the record as the server now holds it.</summary>
/// <param name="Mutation">The outbox entry that was sent.</param>
/// <param name="Element">The server's copy (a generated model instance).</param>
/// <param name="Version">The server's new <c>_version</c>.</param>
public sealed record OutboxMutationProcessedEvent(OutboxEntry Mutation, object Element, int Version) : DataStoreEvent;
