using System.Collections.Generic;

namespace Amplify.DataStore.Metadata;

/// <summary>A relationship on a field.</summary>
public sealed class AssociationMetadata
{
    /// <summary>HasOne, HasMany or BelongsTo.</summary>
    public required AssociationType Type { get; init; }

    /// <summary>The related model's name.</summary>
    public required string RelatedModel { get; init; }

    /// <summary>
    /// Foreign-key fields on this model (BelongsTo/HasOne), in the related primary key's order. Empty for HasMany, and
    /// for a HasOne whose child holds the key (Amplify Gen 2 <c>references</c>; then <see cref="AssociatedWith"/> names
    /// the child's fields).
    /// </summary>
    public required IReadOnlyList<string> TargetNames { get; init; }

    /// <summary>
    /// HasMany, and HasOne with no <see cref="TargetNames"/>: the foreign-key fields on the child, in this model's
    /// primary key's order. HasOne/BelongsTo otherwise: the related model's key fields.
    /// </summary>
    public required IReadOnlyList<string> AssociatedWith { get; init; }

    /// <summary>The field on the related model that points back, if any.</summary>
    public string? AssociatedField { get; init; }
}
