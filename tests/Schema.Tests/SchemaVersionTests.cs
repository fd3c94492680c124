namespace Amplify.DataStore.Schema.Tests;

/// <summary>The version hash changes exactly when the storage shape changes.</summary>
public class SchemaVersionTests
{
    private const string Baseline = """
        enum Status { DRAFT PUBLISHED }
        type Meta { rating: Float  tags: [String!] }
        type Post @model @auth(rules: [{ allow: owner }]) {
          id: ID!
          title: String!
          status: Status
          meta: Meta
          views: Int @default(value: "0")
          category: String @index(name: "byCategory", queryField: "postsByCategory")
          comments: [Comment] @hasMany
        }
        type Comment @model {
          id: ID!
          body: String
          post: Post @belongsTo
        }
        """;

    private static string Version(string schema) => SchemaAssert.Valid(schema).Version;

    [Test]
    public void Is_lowercase_sha256_hex_and_deterministic()
    {
        string version = Version(Baseline);
        Assert.That(version, Does.Match("^[0-9a-f]{64}$"));
        Assert.That(Version(Baseline), Is.EqualTo(version));
        Assert.That(SchemaVersion.Compute(SchemaAssert.Valid(Baseline)), Is.EqualTo(version));
    }

    [TestCase("title: String!", "title: String", TestName = "Nullability of a field")]
    [TestCase("title: String!", "headline: String!", TestName = "Field renamed")]
    [TestCase("title: String!", "title: String!\n  subtitle: String", TestName = "Field added")]
    [TestCase("  views: Int @default(value: \"0\")\n", "", TestName = "Field removed")]
    [TestCase("title: String!", "title: AWSJSON!", TestName = "Field type changed")]
    [TestCase("title: String!", "title: [String]!", TestName = "Scalar became list")]
    [TestCase("tags: [String!]", "tags: [String]", TestName = "List element nullability")]
    [TestCase("tags: [String!]", "tags: [String!]!", TestName = "List nullability")]
    [TestCase("enum Status { DRAFT PUBLISHED }", "enum Status { DRAFT PUBLISHED ARCHIVED }", TestName = "Enum value added")]
    [TestCase("enum Status { DRAFT PUBLISHED }", "enum Status { DRAFT LIVE }", TestName = "Enum value renamed")]
    [TestCase("@index(name: \"byCategory\", queryField: \"postsByCategory\")", "@index(name: \"postsByCategory\")", TestName = "Index renamed")]
    [TestCase("@index(name: \"byCategory\", queryField: \"postsByCategory\")", "@index(name: \"byCategory\", sortKeyFields: [\"title\"])", TestName = "Index fields changed")]
    [TestCase("  id: ID!\n  title: String!", "  id: ID!\n  title: String! @index(name: \"byTitle\")", TestName = "Index added")]
    [TestCase("type Post @model @auth(rules: [{ allow: owner }]) {\n  id: ID!\n  title: String!", "type Post @model @auth(rules: [{ allow: owner }]) {\n  id: ID! @primaryKey(sortKeyFields: [\"title\"])\n  title: String!", TestName = "Primary key changed")]
    [TestCase("type Post @model @auth", "type Post @model(timestamps: { createdAt: \"createdOn\" }) @auth", TestName = "Timestamp renamed")]
    [TestCase("type Post @model @auth", "type Post @model(timestamps: null) @auth", TestName = "Timestamps disabled")]
    [TestCase("comments: [Comment] @hasMany", "comments: [Comment] @hasMany(indexName: \"byPost\", fields: [\"id\"])", TestName = "Relationship key changed")]
    [TestCase("type Meta {", "type Other { a: Int }\ntype Meta {", TestName = "Non-model type added")]
    [TestCase("type Comment @model {", "type Tag @model { id: ID! }\ntype Comment @model {", TestName = "Model added")]
    public void Changes_when_the_storage_shape_changes(string before, string after)
    {
        Assert.That(Baseline, Does.Contain(before));
        string changed = Baseline.Replace(before, after);
        if (after.Contains("byPost")) changed = changed.Replace("  body: String", "  body: String\n  postID: ID @index(name: \"byPost\")");
        Assert.That(Version(changed), Is.Not.EqualTo(Version(Baseline)));
    }

    [TestCase("@auth(rules: [{ allow: owner }])", "@auth(rules: [{ allow: public, operations: [read] }])", TestName = "Auth rules changed")]
    [TestCase("@auth(rules: [{ allow: owner }])", "", TestName = "Auth removed")]
    [TestCase("@default(value: \"0\")", "@default(value: \"42\")", TestName = "Default changed")]
    [TestCase("queryField: \"postsByCategory\"", "queryField: \"listByCategory\"", TestName = "Index query field changed")]
    [TestCase("  title: String!\n  status: Status", "  status: Status\n  title: String!", TestName = "Field order changed")]
    [TestCase("enum Status { DRAFT PUBLISHED }", "enum Status {\n  PUBLISHED\n  DRAFT\n}", TestName = "Enum value order changed")]
    [TestCase("type Post @model", "# A blog post.\n\"The post\"\ntype Post @model", TestName = "Comments and descriptions")]
    [TestCase("  id: ID!\n  title: String!", "  id:    ID!\n\n\n  title:String!   ", TestName = "Whitespace")]
    [TestCase("type Post @model @auth", "type Post @model(queries: { get: \"fetchPost\" }, subscriptions: null) @auth", TestName = "Model operations changed")]
    [TestCase("  id: ID!\n  title: String!", "  title: String!", TestName = "Implicit id instead of declared id")]
    public void Does_not_change_otherwise(string before, string after)
    {
        Assert.That(Baseline, Does.Contain(before));
        Assert.That(Version(Baseline.Replace(before, after)), Is.EqualTo(Version(Baseline)));
    }

    [Test]
    public void Does_not_depend_on_type_order_or_file_split()
    {
        const string a = "type A @model { id: ID! }\n";
        const string b = "type B @model { id: ID! a: String }\n";
        string oneFile = Version(a + b);
        Assert.That(Version(b + a), Is.EqualTo(oneFile));
        var split = SchemaParser.Parse(new[] { new SchemaFile("b.graphql", b), new SchemaFile("a.graphql", a) });
        Assert.That(SchemaAssert.Valid(split).Version, Is.EqualTo(oneFile));
    }

    [Test]
    public void Canonical_text_lists_the_storage_shape()
    {
        var schema = SchemaAssert.Valid(Baseline);
        string text = SchemaVersion.CanonicalText(schema.Models, schema.NonModels, schema.Enums);
        Assert.That(text, Does.Contain("model Post\n key id\n"));
        Assert.That(text, Does.Contain(" field postCommentsId Scalar:ID required=0 list=0 listRequired=0\n"));
        Assert.That(text, Does.Contain(" field post Model:Post required=0 list=0 listRequired=0 association=BelongsTo:Post targets=postCommentsId\n"));
        Assert.That(text, Does.Contain(" index byCategory category\n"));
        Assert.That(text, Does.Contain("enum Status DRAFT,PUBLISHED\n"));
        Assert.That(text, Does.Not.Contain("owner").And.Not.Contain("postsByCategory"));
    }
}
