namespace Amplify.DataStore.Schema;

/// <summary>A resolved relationship on a field.</summary>
/// <param name="Kind">HasOne, HasMany or BelongsTo.</param>
/// <param name="RelatedModel">The model on the other side.</param>
/// <param name="TargetNames">
/// For <see cref="AssociationKind.BelongsTo"/> and <see cref="AssociationKind.HasOne"/>: the foreign-key fields on
/// <em>this</em> model, in the order of the related model's primary-key fields. For <see cref="AssociationKind.HasMany"/>:
/// the fields of <em>this</em> model whose values the children's foreign keys hold (its primary-key fields, or the
/// <c>@hasMany(fields:)</c> list), in the order of <paramref name="AssociatedWith"/>.
/// </param>
/// <param name="AssociatedWith">
/// For <see cref="AssociationKind.HasMany"/>: the foreign-key fields on the related (child) model, in the order of this
/// model's primary-key fields. For HasOne/BelongsTo: the related model's primary-key fields.
/// </param>
/// <param name="AssociatedField">
/// The relationship field on the other side that points back (e.g. <c>Comment.post</c> for <c>Post.comments</c>),
/// or <see langword="null"/> when the relationship is one-directional.
/// </param>
public sealed record Association(
    AssociationKind Kind,
    string RelatedModel,
    EquatableArray<string> TargetNames,
    EquatableArray<string> AssociatedWith,
    string? AssociatedField);
