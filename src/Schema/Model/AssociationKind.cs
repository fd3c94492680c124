namespace Amplify.DataStore.Schema;

/// <summary>The kind of relationship a field represents.</summary>
public enum AssociationKind
{
    /// <summary>One parent holds the foreign key of one child (<c>@hasOne</c>).</summary>
    HasOne,
    /// <summary>The children hold the parent's key (<c>@hasMany</c>, list field).</summary>
    HasMany,
    /// <summary>This model holds the foreign key of its parent (<c>@belongsTo</c>).</summary>
    BelongsTo,
}
