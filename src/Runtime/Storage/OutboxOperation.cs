namespace Amplify.DataStore.Storage;

/// <summary>The GraphQL mutation an outbox entry becomes.</summary>
public enum OutboxOperation
{
    /// <summary><c>createX</c>.</summary>
    Create,
    /// <summary><c>updateX</c>.</summary>
    Update,
    /// <summary><c>deleteX</c>.</summary>
    Delete,
}
