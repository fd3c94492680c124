using System.Collections.Generic;

namespace Amplify.DataStore.LocalBackend.Conflicts;

/// <summary>A custom handler's answer: AppSync's Lambda actions RESOLVE, REJECT and REMOVE.</summary>
public sealed class ConflictResolution
{
    private ConflictResolution(ConflictAction action, IReadOnlyDictionary<string, object?>? item)
    {
        Action = action;
        Item = item;
    }

    /// <summary>The action.</summary>
    public ConflictAction Action { get; }

    /// <summary>For <see cref="ConflictAction.Resolve"/>: the item to store (its key and sync metadata are ignored).</summary>
    public IReadOnlyDictionary<string, object?>? Item { get; }

    /// <summary>Store <paramref name="item"/> in place of the existing item (updates only).</summary>
    public static ConflictResolution Resolve(IReadOnlyDictionary<string, object?> item) => new(ConflictAction.Resolve, item);

    /// <summary>Reject the write: the client gets <c>ConflictUnhandled</c> with the existing item.</summary>
    public static ConflictResolution Reject() => new(ConflictAction.Reject, null);

    /// <summary>Delete the existing item anyway (deletes only).</summary>
    public static ConflictResolution Remove() => new(ConflictAction.Remove, null);
}
