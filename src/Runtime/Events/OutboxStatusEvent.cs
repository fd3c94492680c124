namespace Amplify.DataStore.Events;

/// <summary>Raised when the outbox becomes empty or non-empty (amplify-js <c>outboxStatus</c>).</summary>
/// <param name="IsEmpty">True when no local change is waiting to be sent.</param>
/// <param name="PendingCount">How many entries are waiting.</param>
public sealed record OutboxStatusEvent(bool IsEmpty, int PendingCount) : DataStoreEvent;
