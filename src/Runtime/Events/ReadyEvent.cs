namespace Amplify.DataStore.Events;

/// <summary>The store is open and usable (amplify-js <c>ready</c>).</summary>
/// <param name="SchemaVersion">The schema version the store was opened with.</param>
public sealed record ReadyEvent(string SchemaVersion) : DataStoreEvent;
