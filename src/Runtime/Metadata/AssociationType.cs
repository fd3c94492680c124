namespace Amplify.DataStore.Metadata;

/// <summary>The kind of relationship.</summary>
public enum AssociationType
{
    /// <summary><c>@hasOne</c>: this model holds the child's key.</summary>
    HasOne,
    /// <summary><c>@hasMany</c>: the children hold this model's key.</summary>
    HasMany,
    /// <summary><c>@belongsTo</c>: this model holds the parent's key.</summary>
    BelongsTo,
}
