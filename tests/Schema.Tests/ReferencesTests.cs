using System.Linq;

namespace Amplify.DataStore.Schema.Tests;

/// <summary>
/// Amplify Gen 2 <c>references</c> relationships: the foreign-key fields are declared on the child and named on both
/// sides; the parent's primary key (partition key, then sort keys) maps to them in order, and nothing is added.
/// </summary>
public class ReferencesTests
{
    private static Association Assoc(AssociationKind kind, string related, string[] targets, string[] with, string? field) =>
        new(kind, related, targets.ToEquatableArray(), with.ToEquatableArray(), field);

    private static readonly string[] None = System.Array.Empty<string>();

    private const string Corpus = """
        type Primary @model {
          id: ID! @primaryKey
          relatedMany: [RelatedMany] @hasMany(references: "primaryId")
          relatedOne: RelatedOne @hasOne(references: "primaryId")
        }
        type RelatedMany @model {
          id: ID! @primaryKey
          primaryId: ID!
          primary: Primary @belongsTo(references: "primaryId")
        }
        type RelatedOne @model {
          id: ID! @primaryKey
          primaryId: ID!
          primary: Primary @belongsTo(references: "primaryId")
        }
        """;

    [Test]
    public void Has_many_and_has_one_with_references_name_the_child_fields_and_add_none()
    {
        var schema = SchemaAssert.Valid(Corpus);
        var primary = schema.Model("Primary");
        Assert.That(primary.Field("relatedMany").Association,
            Is.EqualTo(Assoc(AssociationKind.HasMany, "RelatedMany", None, new[] { "primaryId" }, "primary")));
        Assert.That(primary.Field("relatedOne").Association,
            Is.EqualTo(Assoc(AssociationKind.HasOne, "RelatedOne", None, new[] { "primaryId" }, "primary")),
            "the child holds the key: nothing in targetNames, the child's fields in associatedWith");
        Assert.That(schema.Model("RelatedMany").Field("primary").Association,
            Is.EqualTo(Assoc(AssociationKind.BelongsTo, "Primary", new[] { "primaryId" }, new[] { "id" }, "relatedMany")));
        Assert.That(schema.Model("RelatedOne").Field("primary").Association,
            Is.EqualTo(Assoc(AssociationKind.BelongsTo, "Primary", new[] { "primaryId" }, new[] { "id" }, "relatedOne")));

        Assert.That(schema.Models.SelectMany(m => m.Fields).Any(f => f.Origin == FieldOrigin.ForeignKey), Is.False, "no implicit foreign key");
        Assert.That(primary.FieldNames(), Is.EqualTo(new[] { "id", "relatedMany", "relatedOne", "createdAt", "updatedAt" }));
        Assert.That(schema.Models.SelectMany(m => m.RelationIndexes), Is.Empty, "both sides are paired: no gsi- index");
    }

    [Test]
    public void References_map_a_composite_primary_key_in_order()
    {
        var schema = SchemaAssert.Valid("""
            type Primary @model {
              tenantId: ID! @primaryKey(sortKeyFields: ["instanceId", "recordId"])
              instanceId: ID!
              recordId: ID!
              related: [Related] @hasMany(references: ["primaryTenantId", "primaryInstanceId", "primaryRecordId"])
            }
            type Related @model {
              primaryTenantId: ID!
              primaryInstanceId: ID!
              primaryRecordId: ID!
              primary: Primary @belongsTo(references: ["primaryTenantId", "primaryInstanceId", "primaryRecordId"])
            }
            """);
        var keys = new[] { "primaryTenantId", "primaryInstanceId", "primaryRecordId" };
        Assert.That(schema.Model("Primary").Field("related").Association, Is.EqualTo(Assoc(AssociationKind.HasMany, "Related", None, keys, "primary")));
        Assert.That(schema.Model("Related").Field("primary").Association,
            Is.EqualTo(Assoc(AssociationKind.BelongsTo, "Primary", keys, new[] { "tenantId", "instanceId", "recordId" }, "related")));
        Assert.That(schema.Model("Related").FieldNames(), Is.EqualTo(new[] { "id", "primaryTenantId", "primaryInstanceId", "primaryRecordId", "primary", "createdAt", "updatedAt" }));
    }

    [Test]
    public void References_fields_may_be_optional_and_string_typed()
    {
        var schema = SchemaAssert.Valid("""
            type Post @model { id: ID! meta: Meta @hasOne(references: ["postRef"]) }
            type Meta @model { id: ID! postRef: String post: Post @belongsTo(references: ["postRef"]) }
            """);
        Assert.That(schema.Model("Post").Field("meta").Association, Is.EqualTo(Assoc(AssociationKind.HasOne, "Meta", None, new[] { "postRef" }, "post")));
    }

    // ---- refusals: each with its id, position and message --------------------------------------------------------

    [TestCase("type P @model {\n  id: ID!\n  cs: [C] @hasMany(references: [\"pId\", \"x\"])\n}\ntype C @model {\n  id: ID!\n  pId: ID!\n  x: ID\n  p: P @belongsTo(references: [\"pId\", \"x\"])\n}",
        "ADS1007", 3, 20, "@hasMany on field 'P.cs' lists 2 field(s) in 'references', but the primary key of 'P' has 1 (id).")]
    [TestCase("type P @model {\n  id: ID!\n  cs: [C] @hasMany(references: [\"pId\"])\n}\ntype C @model {\n  id: ID!\n  pId: Int\n  p: P @belongsTo(references: [\"pId\"])\n}",
        "ADS1007", 3, 33, "Field 'C.pId' (Int) in 'references' of @hasMany on field 'P.cs' does not match the type of 'P.id' (ID!).")]
    [TestCase("type P @model {\n  id: ID!\n  c: C @hasOne(references: [\"pId\"])\n}\ntype C @model {\n  id: ID!\n  p: P @belongsTo(references: [\"pId\"])\n}",
        "ADS1006", 3, 29, "@hasOne on field 'P.c' names field 'pId' in 'references', but model 'C' has no such field.")]
    [TestCase("type P @model {\n  id: ID!\n  cs: [C] @hasMany(references: [\"pId\"])\n}\ntype C @model {\n  id: ID!\n  pId: ID\n}",
        "ADS1014", 3, 20, "@hasMany on field 'P.cs' has references [pId], but model 'C' has no @belongsTo field of type 'P' with the same references; 'references' must be named on both sides of the relationship.")]
    [TestCase("type P @model {\n  id: ID!\n  cs: [C] @hasMany(references: [\"pId\"])\n}\ntype C @model {\n  id: ID!\n  pId: ID\n  p: P @belongsTo\n}",
        "ADS1014", 3, 20, "@hasMany on field 'P.cs' has references [pId], but @belongsTo on field 'C.p' that points back has no 'references'; name the same fields in 'references' on both sides.")]
    [TestCase("type P @model {\n  id: ID!\n  cs: [C] @hasMany\n}\ntype C @model {\n  id: ID!\n  pId: ID\n  p: P @belongsTo(references: [\"pId\"])\n}",
        "ADS1014", 8, 19, "@belongsTo on field 'C.p' has references [pId], but @hasMany on field 'P.cs' that points back has no 'references'; name the same fields in 'references' on both sides.")]
    [TestCase("type P @model {\n  id: ID!\n  c: C @hasOne(references: [\"a\"])\n}\ntype C @model {\n  id: ID!\n  a: ID\n  b: ID\n  p: P @belongsTo(references: [\"b\"])\n}",
        "ADS1014", 3, 16, "@hasOne on field 'P.c' has references [a], but @belongsTo on field 'C.p' that points back has references [b]; name the same fields in 'references' on both sides.")]
    [TestCase("type P @model {\n  id: ID!\n}\ntype C @model {\n  id: ID!\n  pId: ID\n  p: P @belongsTo(references: [\"pId\"])\n}",
        "ADS1014", 7, 19, "@belongsTo on field 'C.p' has references [pId], but model 'P' has no @hasOne or @hasMany field of type 'C' with the same references; 'references' must be named on both sides of the relationship.")]
    [TestCase("type P @model {\n  id: ID!\n  cs: [C] @hasMany(fields: [\"id\"], references: [\"pId\"])\n}\ntype C @model {\n  id: ID!\n  pId: ID\n  p: P @belongsTo(references: [\"pId\"])\n}",
        "ADS1015", 3, 36, "@hasMany on field 'P.cs': 'fields' and 'references' cannot be used together; use 'references' on both sides of the relationship.")]
    [TestCase("type P @model {\n  id: ID!\n  cs: [C] @hasMany(indexName: \"byP\", references: [\"pId\"])\n}\ntype C @model {\n  id: ID!\n  pId: ID @index(name: \"byP\")\n  p: P @belongsTo(references: [\"pId\"])\n}",
        "ADS1015", 3, 38, "@hasMany on field 'P.cs': 'indexName' and 'references' cannot be used together")]
    [TestCase("type P @model {\n  id: ID!\n  cs: [C] @hasMany(references: [])\n}\ntype C @model {\n  id: ID!\n  p: P @belongsTo(references: [])\n}",
        "ADS1015", 3, 20, "@hasMany on field 'P.cs': argument 'references' must name at least one field.")]
    public void Malformed_references_are_reported_where_they_are_written(string schema, string id, int line, int column, string message)
    {
        var result = SchemaAssert.Parse(schema);
        Assert.That(result.Diagnostics.Where(d => d.Severity == SchemaDiagnosticSeverity.Error).Select(d => d.Id).Distinct(), Is.EqualTo(new[] { id }),
            string.Join("\n", result.Diagnostics));
        // Both sides may say what is wrong from where they stand; the one under test is at line/column.
        var at = result.Diagnostics.Where(d => d.Id == id && d.Location.StartLine == line && d.Location.StartColumn == column).ToList();
        Assert.That(at, Has.Count.EqualTo(1), string.Join("\n", result.Diagnostics));
        Assert.That(at[0].Message, Does.StartWith(message));
    }

    // ---- the index modelgen adds for a one-directional @hasMany ------------------------------------------------

    [Test]
    public void One_directional_has_many_gets_the_gsi_index_on_its_implicit_key()
    {
        var schema = SchemaAssert.Valid("type Post @model { id: ID! comments: [Comment] @hasMany }\ntype Comment @model { id: ID! content: String }");
        Assert.That(schema.Model("Comment").RelationIndexes,
            Is.EqualTo(new[] { new IndexDefinition("gsi-Post.comments", EquatableArray.Create("postCommentsId"), null) }));
        Assert.That(schema.Model("Comment").Indexes, Is.Empty, "not an @index: no query field");
    }

    [Test]
    public void Composite_key_parent_gives_a_gsi_index_over_every_key_field()
    {
        var schema = SchemaAssert.Valid(
            "type Post @model { id: ID! @primaryKey(sortKeyFields: [\"title\"]) title: String! comments: [Comment] @hasMany }\ntype Comment @model { id: ID! }");
        Assert.That(schema.Model("Comment").RelationIndexes.Single().Fields, Is.EqualTo(EquatableArray.Create("postCommentsId", "postCommentsTitle")));
    }

    [TestCase("type Post @model { id: ID! comments: [Comment] @hasMany }\ntype Comment @model { id: ID! post: Post @belongsTo }")]
    [TestCase("type Post @model { id: ID! comments: [Comment] @hasMany(indexName: \"byPost\", fields: [\"id\"]) }\ntype Comment @model { id: ID! postID: ID @index(name: \"byPost\") }")]
    [TestCase("type Post @model { id: ID! comments: [Comment] @connection }\ntype Comment @model { id: ID! }")]
    public void Has_many_read_through_a_belongs_to_an_index_or_v1_gets_no_gsi_index(string text)
    {
        var schema = SchemaAssert.Valid(text);
        Assert.That(schema.Models.SelectMany(m => m.RelationIndexes), Is.Empty);
    }
}
