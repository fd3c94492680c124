namespace Amplify.DataStore.Events;

/// <summary>
/// Something the data store reports on <c>store.Events</c> (the counterpart of amplify-js Hub events on the
/// <c>datastore</c> channel). State events (<see cref="ReadyEvent"/>, <see cref="LocalDataWipedEvent"/>) are replayed to
/// late subscribers.
/// </summary>
public abstract record DataStoreEvent;
