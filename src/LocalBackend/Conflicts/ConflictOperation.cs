namespace Amplify.DataStore.LocalBackend.Conflicts;

/// <summary>The kind of write that met a conflict.</summary>
public enum ConflictOperation
{
    /// <summary>An <c>updateX</c> mutation (AppSync's UpdateItem).</summary>
    Update,

    /// <summary>A <c>deleteX</c> mutation (AppSync's DeleteItem).</summary>
    Delete,
}
