namespace Amplify.DataStore.Sync.Auth;

/// <summary>What the sync engine is about to do with a model, which decides the <c>@auth</c> rules that apply.</summary>
internal enum AuthOperation
{
    /// <summary>The sync query and the <c>onCreate</c>/<c>onUpdate</c>/<c>onDelete</c> subscriptions.</summary>
    Read,

    /// <summary>The <c>create</c> mutation.</summary>
    Create,

    /// <summary>The <c>update</c> mutation.</summary>
    Update,

    /// <summary>The <c>delete</c> mutation.</summary>
    Delete,
}
