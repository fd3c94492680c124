namespace Amplify.DataStore.Storage;

/// <summary>
/// What the server says about a synced record, kept next to the item rather than in it (it is not part of the model's
/// public shape): AppSync's <c>_version</c>, <c>_lastChangedAt</c> and <c>_deleted</c>.
/// </summary>
/// <param name="Version">The server's version of the record (<c>_version</c>, from 1).</param>
/// <param name="LastChangedAtUnixMs">When the server last changed it (<c>_lastChangedAt</c>, Unix milliseconds).</param>
/// <param name="Deleted">True when the server holds it as deleted (<c>_deleted</c>, a tombstone).</param>
internal readonly record struct SyncMetadata(int Version, long LastChangedAtUnixMs, bool Deleted);
