namespace Amplify.DataStore.LocalBackend.Conflicts;

/// <summary>What the server does when a write's <c>_version</c> differs from the stored one (AppSync's conflict handler).</summary>
public enum ConflictStrategy
{
    /// <summary>AppSync's AUTOMERGE: merge the write into the stored item by AppSync's documented rules.</summary>
    Automerge,

    /// <summary>AppSync's OPTIMISTIC_CONCURRENCY: reject the write with <c>ConflictUnhandled</c> and the stored item.</summary>
    OptimisticConcurrency,

    /// <summary>AppSync's LAMBDA: ask the configured <see cref="IConflictHandler"/> (embedded mode only).</summary>
    Custom,
}
