namespace Amplify.DataStore.Schema;

/// <summary>Where a field in the model came from.</summary>
public enum FieldOrigin
{
    /// <summary>Written by the user in the schema.</summary>
    Declared,
    /// <summary>The implicit <c>id: ID!</c> added to a model without a primary key.</summary>
    ImplicitId,
    /// <summary>An automatic <c>createdAt</c>/<c>updatedAt</c> timestamp.</summary>
    Timestamp,
    /// <summary>A foreign-key field implied by a relationship (e.g. <c>postCommentsId</c>).</summary>
    ForeignKey,
    /// <summary>A field of a join model synthesised for <c>@manyToMany</c>.</summary>
    JoinModel,
}
