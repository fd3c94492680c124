using System.Collections.Generic;

namespace Amplify.DataStore.Metadata;

/// <summary>A model's primary key.</summary>
public sealed class PrimaryKeyMetadata
{
    /// <summary>The partition-key field followed by the sort-key fields.</summary>
    public required IReadOnlyList<string> Fields { get; init; }

    /// <summary>True when declared with <c>@primaryKey</c>/<c>@key</c> rather than the implicit <c>id</c>.</summary>
    public bool IsCustom { get; init; }

    /// <summary>True when there are sort-key fields.</summary>
    public bool IsComposite => Fields.Count > 1;
}
