using Amplify.DataStore.Storage;

namespace Amplify.DataStore.Events;

/// <summary>
/// A queued conditional save or delete whose condition the server found false: the local change was undone by storing the
/// server's copy (when it sent one), and the error handler was called.
/// </summary>
/// <param name="Mutation">The outbox entry the server refused.</param>
/// <param name="Remote">The server's copy now stored locally (a generated model instance), or null when the server sent none.</param>
/// <param name="Message">The server's message.</param>
public sealed record ConditionalSaveFailedEvent(OutboxEntry Mutation, object? Remote, string Message) : DataStoreEvent;
