namespace Amplify.DataStore.Events;

/// <summary>Raised by the sync engine when connectivity to AppSync changes (amplify-js <c>networkStatus</c>).</summary>
/// <param name="Active">True when the cloud is reachable.</param>
public sealed record NetworkStatusEvent(bool Active) : DataStoreEvent;
