namespace Amplify.DataStore;

/// <summary>What happened to an item.</summary>
public enum OpType
{
    /// <summary>The item was created.</summary>
    Insert,
    /// <summary>An existing item was replaced.</summary>
    Update,
    /// <summary>The item was deleted.</summary>
    Delete,
}
