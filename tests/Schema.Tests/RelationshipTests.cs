using System.Linq;

namespace Amplify.DataStore.Schema.Tests;

/// <summary>How relationships resolve into associations and foreign-key fields (v1 and v2).</summary>
public class RelationshipTests
{
    private static Association Assoc(AssociationKind kind, string related, string[] targets, string[] with, string? field) =>
        new(kind, related, targets.ToEquatableArray(), with.ToEquatableArray(), field);

    private static readonly string[] None = System.Array.Empty<string>();
    private static readonly string[] Id = { "id" };

    [Test]
    public void V1_one_way_list_gives_the_child_parent_field_id()
    {
        var schema = SchemaAssert.Valid("type Post @model { id: ID! comments: [Comment] @connection }\ntype Comment @model { id: ID! text: String }");
        Assert.That(schema.Model("Post").Field("comments").Association, Is.EqualTo(Assoc(AssociationKind.HasMany, "Comment", None, new[] { "postCommentsId" }, null)));
        Assert.That(schema.Model("Comment").Field("postCommentsId").Origin, Is.EqualTo(FieldOrigin.ForeignKey));
    }

    [Test]
    public void V1_one_way_single_field_belongs_to_with_model_field_id()
    {
        var schema = SchemaAssert.Valid("type Post @model { id: ID! }\ntype Comment @model { id: ID! post: Post! @connection }");
        var comment = schema.Model("Comment");
        Assert.That(comment.Field("post").Association, Is.EqualTo(Assoc(AssociationKind.BelongsTo, "Post", new[] { "commentPostId" }, Id, null)));
        Assert.That(comment.Field("commentPostId").IsRequired, Is.True, "a required belongsTo makes its key required");
    }

    [Test]
    public void V1_named_one_to_one_the_non_null_side_belongs()
    {
        var schema = SchemaAssert.Valid(
            "type Person @model { id: ID! license: License @connection(name: \"PL\") }\ntype License @model { id: ID! person: Person! @connection(name: \"PL\") }");
        Assert.That(schema.Model("Person").Field("license").Association,
            Is.EqualTo(Assoc(AssociationKind.HasOne, "License", new[] { "personLicenseId" }, Id, "person")));
        Assert.That(schema.Model("License").Field("person").Association,
            Is.EqualTo(Assoc(AssociationKind.BelongsTo, "Person", new[] { "licensePersonId" }, Id, "license")));
        Assert.That(schema.Model("License").Field("licensePersonId").IsRequired, Is.True);
        Assert.That(schema.Model("Person").Field("personLicenseId").IsRequired, Is.False);
    }

    [Test]
    public void V1_named_connection_with_key_field()
    {
        var schema = SchemaAssert.Valid(
            "type Post @model { id: ID! comments: [Comment] @connection(name: \"PC\", keyField: \"postID\") }\ntype Comment @model { id: ID! postID: ID post: Post @connection(name: \"PC\", keyField: \"postID\") }");
        Assert.That(schema.Model("Post").Field("comments").Association!.AssociatedWith, Is.EqualTo(EquatableArray.Create("postID")));
        Assert.That(schema.Model("Comment").Field("postID").Origin, Is.EqualTo(FieldOrigin.Declared));
    }

    [Test]
    public void V2_has_one_without_fields_keeps_model_field_id_on_the_parent()
    {
        var schema = SchemaAssert.Valid("type Project @model { id: ID! team: Team! @hasOne }\ntype Team @model { id: ID! project: Project @belongsTo }");
        var project = schema.Model("Project");
        Assert.That(project.Field("team").Association, Is.EqualTo(Assoc(AssociationKind.HasOne, "Team", new[] { "projectTeamId" }, Id, "project")));
        Assert.That(project.Field("projectTeamId").IsRequired, Is.True);
        Assert.That(project.FieldNames(), Is.EqualTo(new[] { "id", "team", "projectTeamId", "createdAt", "updatedAt" }));
        Assert.That(schema.Model("Team").Field("project").Association,
            Is.EqualTo(Assoc(AssociationKind.BelongsTo, "Project", new[] { "teamProjectId" }, Id, "team")));
    }

    [Test]
    public void V2_required_belongs_to_makes_the_shared_key_required()
    {
        var schema = SchemaAssert.Valid("type Post @model { id: ID! comments: [Comment] @hasMany }\ntype Comment @model { id: ID! post: Post! @belongsTo }");
        Assert.That(schema.Model("Comment").Field("postCommentsId").IsRequired, Is.True);
    }

    [Test]
    public void V2_self_relationship()
    {
        var schema = SchemaAssert.Valid(
            "type Category @model { id: ID! parent: Category @belongsTo children: [Category] @hasMany }");
        var category = schema.Model("Category");
        Assert.That(category.Field("children").Association, Is.EqualTo(Assoc(AssociationKind.HasMany, "Category", None, new[] { "categoryChildrenId" }, "parent")));
        Assert.That(category.Field("parent").Association, Is.EqualTo(Assoc(AssociationKind.BelongsTo, "Category", new[] { "categoryChildrenId" }, Id, "children")));
        Assert.That(category.Fields.Count(f => f.Name == "categoryChildrenId"), Is.EqualTo(1));
    }

    [Test]
    public void V2_two_has_many_to_one_child_pairs_the_first_and_gives_the_second_its_own_key()
    {
        var schema = SchemaAssert.Valid(
            "type Post @model { id: ID! comments: [Comment] @hasMany pinned: [Comment] @hasMany }\ntype Comment @model { id: ID! post: Post @belongsTo }");
        var post = schema.Model("Post");
        Assert.That(post.Field("comments").Association!.AssociatedField, Is.EqualTo("post"));
        Assert.That(post.Field("pinned").Association, Is.EqualTo(Assoc(AssociationKind.HasMany, "Comment", None, new[] { "postPinnedId" }, null)));
        Assert.That(schema.Model("Comment").FieldNames(), Is.EqualTo(new[] { "id", "post", "postCommentsId", "postPinnedId", "createdAt", "updatedAt" }));
    }

    [Test]
    public void V2_two_belongs_to_the_same_parent_with_indexes()
    {
        var schema = SchemaAssert.Valid("""
            type Person @model {
              id: ID!
              authored: [Post] @hasMany(indexName: "byAuthor", fields: ["id"])
              edited: [Post] @hasMany(indexName: "byEditor", fields: ["id"])
            }
            type Post @model {
              id: ID!
              authorID: ID @index(name: "byAuthor")
              editorID: ID @index(name: "byEditor")
              author: Person @belongsTo(fields: ["authorID"])
              editor: Person @belongsTo(fields: ["editorID"])
            }
            """);
        var person = schema.Model("Person");
        Assert.That(person.Field("authored").Association, Is.EqualTo(Assoc(AssociationKind.HasMany, "Post", None, new[] { "authorID" }, "author")));
        Assert.That(person.Field("edited").Association, Is.EqualTo(Assoc(AssociationKind.HasMany, "Post", None, new[] { "editorID" }, "editor")));
        Assert.That(schema.Model("Post").Field("editor").Association!.AssociatedField, Is.EqualTo("edited"));
    }

    [Test]
    public void V2_has_many_reuses_the_belongs_to_fields()
    {
        var schema = SchemaAssert.Valid(
            "type Post @model { id: ID! comments: [Comment] @hasMany }\ntype Comment @model { id: ID! postID: ID! post: Post @belongsTo(fields: [\"postID\"]) }");
        Assert.That(schema.Model("Post").Field("comments").Association!.AssociatedWith, Is.EqualTo(EquatableArray.Create("postID")));
        Assert.That(schema.Models.SelectMany(m => m.Fields).Any(f => f.Origin == FieldOrigin.ForeignKey), Is.False);
    }

    [Test]
    public void V2_declared_field_with_the_implicit_name_is_reused()
    {
        var schema = SchemaAssert.Valid("type Post @model { id: ID! comments: [Comment] @hasMany }\ntype Comment @model { id: ID! postCommentsId: ID! }");
        var key = schema.Model("Comment").Field("postCommentsId");
        Assert.That((key.Origin, key.IsRequired), Is.EqualTo((FieldOrigin.Declared, true)));
    }

    [Test]
    public void V2_has_many_with_fields_and_no_index_uses_the_child_primary_key()
    {
        var schema = SchemaAssert.Valid(
            "type Post @model { id: ID! details: [Detail] @hasMany(fields: [\"id\"]) }\ntype Detail @model { postId: ID! @primaryKey(sortKeyFields: [\"lang\"]) lang: String! }");
        Assert.That(schema.Model("Post").Field("details").Association!.AssociatedWith, Is.EqualTo(EquatableArray.Create("postId")));
    }

    [Test]
    public void V2_many_to_many_with_composite_keys_and_auth()
    {
        var schema = SchemaAssert.Valid("""
            type Post @model @auth(rules: [{ allow: owner }]) {
              id: ID! @primaryKey(sortKeyFields: ["title"])
              title: String!
              tags: [Tag] @manyToMany(relationName: "postTags")
            }
            type Tag @model @auth(rules: [{ allow: owner }, { allow: public, operations: [read] }]) {
              label: String! @primaryKey
              posts: [Post] @manyToMany(relationName: "postTags")
            }
            """);
        var join = schema.Model("PostTags");
        Assert.That(join.FieldNames(), Is.EqualTo(new[] { "id", "postId", "postTitle", "tagLabel", "post", "tag", "createdAt", "updatedAt" }));
        Assert.That(join.Field("postTitle").Type, Is.EqualTo(FieldType.Of(ScalarKind.String)));
        Assert.That(join.Field("post").Association, Is.EqualTo(Assoc(AssociationKind.BelongsTo, "Post", new[] { "postId", "postTitle" }, new[] { "id", "title" }, "tags")));
        Assert.That(join.Indexes.Select(i => (i.Name, string.Join(",", i.Fields))), Is.EqualTo(new[] { ("byPost", "postId,postTitle"), ("byTag", "tagLabel") }));
        Assert.That(join.AuthRules.Select(r => r.Allow), Is.EqualTo(new[] { "owner", "public" }), "union of both sides, without duplicates");
        Assert.That(schema.Model("Post").Field("tags").Association!.AssociatedWith, Is.EqualTo(EquatableArray.Create("postId", "postTitle")));
    }

    [Test]
    public void Model_typed_field_in_a_non_model_is_dropped_with_a_warning()
    {
        var result = SchemaAssert.Parse("type Meta { author: Author note: String }\ntype Author @model { id: ID! meta: Meta }");
        var schema = SchemaAssert.Valid(result);
        Assert.That(schema.FindNonModel("Meta")!.Fields.Select(f => f.Name), Is.EqualTo(new[] { "note" }));
        SchemaAssert.Single(result, "ADS1013", 1, 13);
    }
}
