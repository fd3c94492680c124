namespace Amplify.DataStore.Events;

/// <summary>Every realtime subscription of the sync engine was acknowledged by the server.</summary>
/// <param name="Subscriptions">How many subscriptions are open.</param>
/// <param name="Connections">Over how many WebSocket connections (at most 100 subscriptions each, as AppSync allows).</param>
public sealed record SubscriptionsEstablishedEvent(int Subscriptions, int Connections) : DataStoreEvent;
