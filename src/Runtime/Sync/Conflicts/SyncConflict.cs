using Amplify.DataStore.Storage;

namespace Amplify.DataStore;

/// <summary>
/// A mutation the server rejected because the record changed there since this device last saw it (AppSync's
/// <c>ConflictUnhandled</c>), handed to the conflict handler to decide what to send instead.
/// </summary>
/// <param name="ModelName">The model's GraphQL name (e.g. <c>Post</c>).</param>
/// <param name="Local">The local version of the record as it was queued (a generated model instance; cast it to the model type).</param>
/// <param name="Remote">The server's current copy (a generated model instance).</param>
/// <param name="Operation">What the rejected mutation was.</param>
/// <param name="Attempts">How many times this mutation has met a conflict so far (from 1); after 10 the server's copy is taken.</param>
public sealed record SyncConflict(string ModelName, object Local, object Remote, OutboxOperation Operation, int Attempts);
