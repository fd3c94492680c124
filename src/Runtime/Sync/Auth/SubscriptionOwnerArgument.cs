using System;
using System.Diagnostics.CodeAnalysis;

namespace Amplify.DataStore.Sync.Auth;

/// <summary>
/// The owner argument an <c>onCreate</c>/<c>onUpdate</c>/<c>onDelete</c> subscription takes
/// (<c>onCreatePost(owner: "alice")</c>), or none. The argument is named after the rule's owner field.
/// </summary>
internal sealed record SubscriptionOwnerArgument
{
    private SubscriptionOwnerArgument(string? name, string? value)
    {
        Name = name;
        Value = value;
    }

    /// <summary>Subscribe without an owner argument.</summary>
    public static SubscriptionOwnerArgument NotNeeded { get; } = new(null, null);

    /// <summary>The argument's name (the owner field), or <see langword="null"/> when none is needed.</summary>
    public string? Name { get; }

    /// <summary>The caller's owner value, or <see langword="null"/> when none is needed.</summary>
    public string? Value { get; }

    /// <summary>True when the subscription must pass <see cref="Name"/>: <see cref="Value"/>.</summary>
    [MemberNotNullWhen(true, nameof(Name), nameof(Value))]
    public bool IsNeeded => Name is not null;

    /// <summary>Subscribe with <paramref name="name"/>: <paramref name="value"/>.</summary>
    public static SubscriptionOwnerArgument Needed(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(value);
        return new(name, value);
    }

    /// <inheritdoc/>
    public override string ToString() => IsNeeded ? $"{Name}: \"{Value}\"" : "no owner argument";
}
