using System;
using System.Collections.Generic;

namespace Amplify.DataStore.Metadata;

/// <summary>One <c>@auth</c> rule with Amplify's defaults applied.</summary>
public sealed class AuthRuleMetadata
{
    /// <summary><c>owner</c>, <c>groups</c>, <c>public</c>, <c>private</c> or <c>custom</c>.</summary>
    public required string Allow { get; init; }

    /// <summary>The auth provider, or <see langword="null"/> for the API default.</summary>
    public string? Provider { get; init; }

    /// <summary>The owner field, for owner rules.</summary>
    public string? OwnerField { get; init; }

    /// <summary>The identity claim, for owner rules.</summary>
    public string? IdentityClaim { get; init; }

    /// <summary>The groups claim, for group rules.</summary>
    public string? GroupClaim { get; init; }

    /// <summary>Static groups.</summary>
    public IReadOnlyList<string> Groups { get; init; } = Array.Empty<string>();

    /// <summary>The field holding dynamic groups.</summary>
    public string? GroupsField { get; init; }

    /// <summary>The operations the rule allows.</summary>
    public IReadOnlyList<string> Operations { get; init; } = Array.Empty<string>();
}
