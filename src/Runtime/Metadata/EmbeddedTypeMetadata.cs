using System.Collections.Generic;

namespace Amplify.DataStore.Metadata;

/// <summary>A non-model (embedded) type.</summary>
public sealed class EmbeddedTypeMetadata
{
    /// <summary>The GraphQL name.</summary>
    public required string Name { get; init; }

    /// <summary>Its fields.</summary>
    public required IReadOnlyList<FieldMetadata> Fields { get; init; }
}
