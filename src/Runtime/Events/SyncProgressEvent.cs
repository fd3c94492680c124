namespace Amplify.DataStore.Events;

/// <summary>Raised by the sync engine as a model's base or delta sync progresses (amplify-js <c>modelSynced</c>).</summary>
/// <param name="ModelName">The model being synced.</param>
/// <param name="IsFullSync">True for a base (full) sync, false for a delta sync.</param>
/// <param name="ItemsReceived">Items received so far.</param>
/// <param name="IsComplete">True when the model's sync finished.</param>
public sealed record SyncProgressEvent(string ModelName, bool IsFullSync, int ItemsReceived, bool IsComplete) : DataStoreEvent;
