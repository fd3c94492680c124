using Amplify.DataStore.Storage;

namespace Amplify.DataStore;

/// <summary>
/// An error the sync engine could not recover from by retrying, given to the error handler: a mutation the server refused
/// (it is kept in <c>GetFailedMutationsAsync</c>, not dropped), a failed condition, or a model that could not be synced.
/// </summary>
/// <param name="Process">What was running: <c>Mutate</c>, <c>Sync</c> or <c>Subscribe</c>.</param>
/// <param name="ModelName">The model concerned.</param>
/// <param name="ErrorType">AppSync's <c>errorType</c> (e.g. <c>Unauthorized</c>, <c>ConditionalCheckFailedException</c>), or the failure kind.</param>
/// <param name="Message">The server's message.</param>
/// <param name="Mutation">For mutations: the outbox entry concerned.</param>
/// <param name="Remote">The server's copy of the record when it sent one (a generated model instance).</param>
public sealed record SyncError(string Process, string ModelName, string ErrorType, string Message, OutboxEntry? Mutation = null, object? Remote = null)
{
    /// <inheritdoc/>
    public override string ToString()
        => $"{Process} {ModelName}{(Mutation is null ? "" : " " + Mutation.Operation + " " + Mutation.ModelKey)}: {ErrorType}: {Message}";
}
