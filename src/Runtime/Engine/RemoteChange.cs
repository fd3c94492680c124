using Amplify.DataStore.Storage;

namespace Amplify.DataStore.Engine;

/// <summary>
/// One record received from the cloud for <see cref="StorageEngine.ApplyRemoteAsync"/>: the item as the server holds it,
/// and whether the server holds it as deleted (a tombstone, <c>_deleted: true</c>).
/// </summary>
/// <param name="Item">The item (a generated model instance); for a deletion at least its key fields.</param>
/// <param name="Deleted">True when the server has deleted the record.</param>
/// <param name="Metadata">The server's <c>_version</c>/<c>_lastChangedAt</c>/<c>_deleted</c>, stored with the record when given.</param>
internal readonly record struct RemoteChange(object Item, bool Deleted, SyncMetadata? Metadata = null);
