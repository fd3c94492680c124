namespace Amplify.DataStore.LocalBackend.Conflicts;

/// <summary>
/// Custom conflict resolution (AppSync's LAMBDA strategy) for embedded use. Called only on a version mismatch, while the
/// item's write lock is held, so it must be quick and must not call back into the backend.
/// </summary>
public interface IConflictHandler
{
    /// <summary>Decides what happens to a conflicting write.</summary>
    ConflictResolution Resolve(ConflictContext context);
}
