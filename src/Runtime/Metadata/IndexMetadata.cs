using System.Collections.Generic;

namespace Amplify.DataStore.Metadata;

/// <summary>A secondary index.</summary>
public sealed class IndexMetadata
{
    /// <summary>The index name.</summary>
    public required string Name { get; init; }

    /// <summary>The partition field followed by sort-key fields.</summary>
    public required IReadOnlyList<string> Fields { get; init; }

    /// <summary>The query field AppSync generates for it, if any.</summary>
    public string? QueryField { get; init; }
}
