using System;
using System.Collections.Generic;

namespace Amplify.DataStore.LocalBackend.Auth;

/// <summary>
/// A subscription event's item with the protected fields its subscriber may not read set to null. The field-auth
/// resolver consults <see cref="Hides"/> because relationship fields resolve from keys, not from the nulled value.
/// </summary>
internal sealed class RedactedItem : Dictionary<string, object?>
{
    private readonly HashSet<string> _hidden;

    /// <summary>Copies <paramref name="item"/> with every field in <paramref name="hidden"/> set to null.</summary>
    public RedactedItem(IReadOnlyDictionary<string, object?> item, IReadOnlyCollection<string> hidden)
        : base(item.Count, StringComparer.Ordinal)
    {
        _hidden = new HashSet<string>(hidden, StringComparer.Ordinal);
        foreach (var (name, value) in item) this[name] = _hidden.Contains(name) ? null : value;
    }

    /// <summary>True when <paramref name="field"/> was withheld from this subscriber.</summary>
    public bool Hides(string field) => _hidden.Contains(field);
}
