namespace Amplify.DataStore.LocalBackend.Conflicts;

/// <summary>AppSync's Lambda conflict handler actions.</summary>
public enum ConflictAction
{
    /// <summary>RESOLVE: store the returned item.</summary>
    Resolve,

    /// <summary>REJECT: fail the write with <c>ConflictUnhandled</c>.</summary>
    Reject,

    /// <summary>REMOVE: delete the item.</summary>
    Remove,
}
