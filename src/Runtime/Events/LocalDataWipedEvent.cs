using System.Collections.Generic;
using Amplify.DataStore.Storage;

namespace Amplify.DataStore.Events;

/// <summary>
/// The schema version changed, so local model data was wiped on open and a full resync is required. Raised before the
/// wipe with every outbox entry that was still pending, so unsent local changes are never dropped silently.
/// </summary>
/// <param name="PreviousVersion">The version the file was written with.</param>
/// <param name="NewVersion">The version of the schema now in use.</param>
/// <param name="PendingOutbox">Local changes that had not reached the cloud.</param>
public sealed record LocalDataWipedEvent(string PreviousVersion, string NewVersion, IReadOnlyList<OutboxEntry> PendingOutbox) : DataStoreEvent;
