namespace Amplify.DataStore.Schema;

/// <summary>A <c>@model</c> type: stored, synced and queryable.</summary>
/// <param name="Name">The GraphQL type name.</param>
/// <param name="PluralName">Amplify's plural (used for <c>listPosts</c>/<c>syncPosts</c>).</param>
/// <param name="Fields">All fields, including implicit <c>id</c>, timestamps and foreign keys, in declaration order.</param>
/// <param name="PrimaryKey">The primary key.</param>
/// <param name="Indexes">Secondary indexes.</param>
/// <param name="AuthRules">Model-level <c>@auth</c> rules.</param>
/// <param name="Timestamps">The automatic timestamp field names.</param>
/// <param name="IsJoinModel">True for a join model synthesised by <c>@manyToMany</c>.</param>
public sealed record ModelDefinition(
    string Name,
    string PluralName,
    EquatableArray<FieldDefinition> Fields,
    PrimaryKey PrimaryKey,
    EquatableArray<IndexDefinition> Indexes,
    EquatableArray<AuthRule> AuthRules,
    TimestampFields Timestamps,
    bool IsJoinModel)
{
    /// <summary>
    /// Indexes that a relationship implies on this model rather than an <c>@index</c>: for a one-directional v2
    /// <c>@hasMany</c> without <c>indexName</c> (no <c>@belongsTo</c> points back), the index Amplify's transformer
    /// creates on the child's foreign key, <c>gsi-Parent.field</c> (e.g. <c>gsi-Post.comments</c> on
    /// <c>postCommentsId</c>), as modelgen's introspection lists it. Model metadata only: no query field.
    /// </summary>
    public EquatableArray<IndexDefinition> RelationIndexes { get; init; } = EquatableArray<IndexDefinition>.Empty;

    /// <summary>Finds a field by its GraphQL name.</summary>
    public FieldDefinition? FindField(string name)
    {
        foreach (var f in Fields)
        {
            if (f.Name == name) return f;
        }
        return null;
    }
}
