using System.Collections.Generic;

namespace Amplify.DataStore.Metadata;

/// <summary>A GraphQL enum and its wire values.</summary>
public sealed class EnumMetadata
{
    /// <summary>The GraphQL name.</summary>
    public required string Name { get; init; }

    /// <summary>The wire values in declaration order.</summary>
    public required IReadOnlyList<string> Values { get; init; }
}
