namespace Amplify.DataStore.Sync.Engine;

/// <summary>What a request does, for choosing its authorization modes (reads cover sync queries and subscriptions).</summary>
internal enum SyncOperationKind
{
    Read,
    Create,
    Update,
    Delete,
}
