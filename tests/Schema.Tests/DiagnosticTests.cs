using System.IO;
using System.Linq;
using System.Reflection;

namespace Amplify.DataStore.Schema.Tests;

/// <summary>
/// One test per diagnostic ID over the schemas in Invalid/: exact ID, severity, line and column, and a message that
/// names what is wrong.
/// </summary>
public class DiagnosticTests
{
    private static SchemaParseResult ParseInvalid(string name)
    {
        string path = Path.Combine(TestPaths.Invalid, name);
        if (Directory.Exists(path))
        {
            var files = Directory.GetFiles(path, "*.graphql").OrderBy(f => f, System.StringComparer.Ordinal)
                .Select(f => new SchemaFile(Path.GetFileName(f), File.ReadAllText(f))).ToArray();
            return SchemaParser.Parse(files);
        }
        return SchemaParser.Parse(name, File.ReadAllText(path));
    }

    private static SchemaDiagnostic At(SchemaParseResult result, string id, int line, int column)
    {
        var match = result.Diagnostics.Where(d => d.Id == id && d.Location.StartLine == line && d.Location.StartColumn == column).ToList();
        Assert.That(match, Has.Count.EqualTo(1), $"expected {id} at ({line},{column}); got:\n{string.Join("\n", result.Diagnostics)}");
        return match[0];
    }

    private static void OnlyIds(SchemaParseResult result, params string[] ids) =>
        Assert.That(result.Diagnostics.Select(d => d.Id).Distinct(), Is.EquivalentTo(ids), string.Join("\n", result.Diagnostics));

    public static string[] AllIds() =>
        typeof(SchemaDiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetValue(null)!).OrderBy(s => s).ToArray();

    [TestCaseSource(nameof(AllIds))]
    public void Every_id_has_an_invalid_schema_and_a_doc(string id)
    {
        Assert.That(Directory.GetFileSystemEntries(TestPaths.Invalid, id + "-*"), Is.Not.Empty, $"no Invalid/{id}-* schema");
        Assert.That(File.Exists(Path.Combine(TestPaths.RepoRoot, "docs", "diagnostics", id + ".md")), Is.True, $"no docs/diagnostics/{id}.md");
    }

    [Test]
    public void ADS1001_syntax_error()
    {
        var result = ParseInvalid("ADS1001-syntax-error.graphql");
        OnlyIds(result, "ADS1001");
        var d = At(result, "ADS1001", 3, 9);
        Assert.That(d.Severity, Is.EqualTo(SchemaDiagnosticSeverity.Error));
        Assert.That(d.Message, Does.StartWith("Syntax error:").And.Contain("String"));
        Assert.That(d.Location.Start, Is.EqualTo(File.ReadAllText(Path.Combine(TestPaths.Invalid, "ADS1001-syntax-error.graphql")).IndexOf("String")));
        Assert.That(result.Schema, Is.Null);
    }

    [Test]
    public void ADS1002_unknown_type()
    {
        var result = ParseInvalid("ADS1002-unknown-type.graphql");
        OnlyIds(result, "ADS1002");
        Assert.That(At(result, "ADS1002", 3, 11).Message, Does.Contain("'Post.author'").And.Contain("unknown type 'Author'"));
        Assert.That(At(result, "ADS1002", 4, 10).Message, Does.Contain("custom scalar type 'Money'"));
        Assert.That(At(result, "ADS1002", 5, 13).Message, Does.Contain("'SearchResult', which is a union"));
        Assert.That(At(result, "ADS1002", 6, 11).Message, Does.Contain("'PostFilter', which is an input type"));
    }

    [Test]
    public void ADS1002_suggests_a_differently_cased_type()
    {
        var result = SchemaAssert.Parse("type Post @model {\n  id: ID!\n  when: AWSDatetime\n}");
        Assert.That(SchemaAssert.Single(result, "ADS1002", 3, 9).Message, Does.Contain("Did you mean 'AWSDateTime'?"));
    }

    [Test]
    public void ADS1003_duplicate_type_across_files()
    {
        var result = ParseInvalid("ADS1003-duplicate-type");
        OnlyIds(result, "ADS1003");
        var duplicate = At(result, "ADS1003", 1, 6);
        Assert.That(duplicate.Location.FilePath, Is.EqualTo("b.graphql"));
        Assert.That(duplicate.Message, Is.EqualTo("Type 'Post' is already defined at a.graphql(1,6)."));
        var join = At(result, "ADS1003", 3, 41);
        Assert.That(join.Location.FilePath, Is.EqualTo("a.graphql"));
        Assert.That(join.Message, Does.Contain("join model named 'PostTag'").And.Contain("b.graphql(3,6)"));
        // Diagnostics are ordered by file, then position.
        Assert.That(result.Diagnostics.Select(d => d.Location.FilePath), Is.EqualTo(new[] { "a.graphql", "b.graphql" }));
    }

    [Test]
    public void ADS1004_duplicate_field_and_enum_value()
    {
        var result = ParseInvalid("ADS1004-duplicate-field.graphql");
        OnlyIds(result, "ADS1004");
        Assert.That(At(result, "ADS1004", 1, 31).Message, Does.Contain("Enum value 'ACTIVE'").And.Contain("enum 'Status'").And.Contain("(1,15)"));
        Assert.That(At(result, "ADS1004", 6, 3).Message, Does.Contain("Field 'title'").And.Contain("type 'Post'").And.Contain("(5,3)"));
    }

    [Test]
    public void ADS1005_invalid_primary_key()
    {
        var result = ParseInvalid("ADS1005-invalid-primary-key.graphql");
        OnlyIds(result, "ADS1005");
        var nullable = At(result, "ADS1005", 2, 15);
        Assert.That(nullable.Message, Does.Contain("'Product.sku' must be non-null").And.Contain("'String!'"));
        Assert.That(At(result, "ADS1005", 2, 43).Message, Does.Contain("'region'").And.Contain("'Product' has no such field"));
        Assert.That(At(result, "ADS1005", 2, 53).Message, Does.Contain("'Product.tags'").And.Contain("'[String!]!'"));
        var id = At(result, "ADS1005", 7, 3);
        Assert.That(id.Severity, Is.EqualTo(SchemaDiagnosticSeverity.Warning));
        Assert.That(id.Message, Does.Contain("'Order.id'").And.Contain("non-null"));
    }

    [Test]
    public void ADS1005_nullable_id_is_forced_non_null_with_a_warning()
    {
        var result = SchemaAssert.Parse("type Order @model {\n  id: ID\n}");
        var schema = SchemaAssert.Valid(result);
        Assert.That(schema.Model("Order").Field("id").IsRequired, Is.True);
        Assert.That(SchemaAssert.Single(result, "ADS1005", 2, 3).Severity, Is.EqualTo(SchemaDiagnosticSeverity.Warning));
    }

    [Test]
    public void ADS1005_primary_key_declared_twice_and_v1_key_field_missing()
    {
        var twice = SchemaAssert.Parse("type A @model {\n  a: ID! @primaryKey\n  b: ID! @primaryKey\n}");
        Assert.That(SchemaAssert.Single(twice, "ADS1005", 3, 10).Message, Does.Contain("Model 'A' declares its primary key more than once"));

        var v1 = SchemaAssert.Parse("type A @model @key(fields: [\"slug\"]) {\n  id: ID!\n}");
        Assert.That(SchemaAssert.Single(v1, "ADS1005", 1, 29).Message, Does.Contain("@key on model 'A' names key field 'slug'"));
    }

    [Test]
    public void ADS1006_relationship_field_not_found()
    {
        var result = ParseInvalid("ADS1006-relationship-field-not-found.graphql");
        OnlyIds(result, "ADS1006");
        Assert.That(At(result, "ADS1006", 8, 34).Message,
            Is.EqualTo("@belongsTo on field 'Comment.post' names field 'postID' in 'fields', but model 'Comment' has no such field."));
    }

    [Test]
    public void ADS1006_hasOne_and_hasMany_fields()
    {
        var hasOne = SchemaAssert.Parse("type A @model {\n  id: ID!\n  b: B @hasOne(fields: [\"bId\"])\n}\ntype B @model { id: ID! }");
        Assert.That(SchemaAssert.Single(hasOne, "ADS1006", 3, 25).Message, Does.Contain("@hasOne on field 'A.b'").And.Contain("'bId'"));

        var hasMany = SchemaAssert.Parse("type A @model {\n  id: ID!\n  bs: [B] @hasMany(indexName: \"byA\", fields: [\"nope\"])\n}\ntype B @model { id: ID!  aId: ID @index(name: \"byA\") }");
        Assert.That(SchemaAssert.Single(hasMany, "ADS1006", 3, 47).Message, Does.Contain("@hasMany on field 'A.bs'").And.Contain("'nope'"));
    }

    [Test]
    public void ADS1007_key_type_mismatch()
    {
        var result = ParseInvalid("ADS1007-key-type-mismatch.graphql");
        OnlyIds(result, "ADS1007");
        Assert.That(At(result, "ADS1007", 9, 34).Message, Does.Contain("'Comment.postID' (Int)").And.Contain("'Post.id' (ID!)"));
    }

    [Test]
    public void ADS1007_key_count_mismatch_and_hasMany_fields_not_the_key()
    {
        var count = SchemaAssert.Parse(
            "type P @model {\n  id: ID!\n  cs: [C] @hasMany\n}\ntype C @model {\n  id: ID!\n  a: ID\n  b: ID\n  p: P @belongsTo(fields: [\"a\", \"b\"])\n}");
        Assert.That(SchemaAssert.Single(count, "ADS1007", 9, 19).Message, Does.Contain("lists 2 field(s)").And.Contain("primary key of 'P' has 1 (id)"));

        var notKey = SchemaAssert.Parse(
            "type P @model {\n  id: ID!\n  slug: String!\n  cs: [C] @hasMany(indexName: \"byP\", fields: [\"slug\"])\n}\ntype C @model {\n  id: ID!\n  pSlug: String @index(name: \"byP\")\n}");
        Assert.That(SchemaAssert.Single(notKey, "ADS1007", 4, 38).Message, Does.Contain("must list the primary key of 'P'"));
    }

    [Test]
    public void ADS1007_declared_field_with_an_implicit_foreign_key_name()
    {
        var result = SchemaAssert.Parse("type P @model {\n  id: ID!\n  cs: [C] @hasMany\n}\ntype C @model {\n  id: ID!\n  pCsId: Int\n}");
        Assert.That(SchemaAssert.Single(result, "ADS1007", 7, 3).Message, Does.Contain("'C.pCsId' is the foreign key of @hasMany on field 'P.cs'"));
    }

    [Test]
    public void ADS1008_index_not_found()
    {
        var result = ParseInvalid("ADS1008-index-not-found.graphql");
        OnlyIds(result, "ADS1008");
        Assert.That(At(result, "ADS1008", 3, 43).Message,
            Is.EqualTo("@hasMany on field 'Post.comments' names index 'byNothing', which is not defined on model 'Comment'."));
        Assert.That(At(result, "ADS1008", 8, 54).Message, Does.Contain("@index 'byPost'").And.Contain("'createdOn'"));
    }

    [Test]
    public void ADS1008_connection_key_name_not_found()
    {
        var result = SchemaAssert.Parse(
            "type Post @model {\n  id: ID!\n  editors: [PostEditor] @connection(keyName: \"byPost\", fields: [\"id\"])\n}\ntype PostEditor @model {\n  id: ID!\n  postID: ID!\n}");
        Assert.That(SchemaAssert.Single(result, "ADS1008", 3, 46).Message, Does.Contain("@connection on field 'Post.editors' names key 'byPost'"));
    }

    [Test]
    public void ADS1009_many_to_many_mismatch()
    {
        var result = ParseInvalid("ADS1009-many-to-many-mismatch.graphql");
        OnlyIds(result, "ADS1009");
        Assert.That(At(result, "ADS1009", 3, 41).Message, Does.Contain("relation 'PostTags' is used by 1 field(s) (Post.tags)"));
    }

    [Test]
    public void ADS1009_three_fields_and_self_relation()
    {
        var three = SchemaAssert.Parse(
            "type A @model {\n  id: ID!\n  bs: [B] @manyToMany(relationName: \"AB\")\n  cs: [B] @manyToMany(relationName: \"AB\")\n}\ntype B @model {\n  id: ID!\n  as: [A] @manyToMany(relationName: \"AB\")\n}");
        Assert.That(three.Diagnostics.Count(d => d.Id == "ADS1009"), Is.EqualTo(3));
        Assert.That(three.Diagnostics.First().Message, Does.Contain("used by 3 field(s) (A.bs, A.cs, B.as)"));

        var self = SchemaAssert.Parse(
            "type User @model {\n  id: ID!\n  friends: [User] @manyToMany(relationName: \"Friends\")\n  friendOf: [User] @manyToMany(relationName: \"Friends\")\n}");
        Assert.That(SchemaAssert.Single(self, "ADS1009", 3, 45).Message, Does.Contain("connects model 'User' to itself"));
    }

    [Test]
    public void ADS1010_reserved_name()
    {
        var result = ParseInvalid("ADS1010-reserved-name.graphql");
        OnlyIds(result, "ADS1010");
        Assert.That(At(result, "ADS1010", 1, 6).Message, Does.Contain("Type name 'ModelOperation' is reserved"));
        Assert.That(At(result, "ADS1010", 3, 6).Message, Does.Contain("Type name 'AmplifyModels' is reserved"));
        var version = At(result, "ADS1010", 9, 3);
        Assert.That(version.Severity, Is.EqualTo(SchemaDiagnosticSeverity.Error));
        Assert.That(version.Message, Does.Contain("'Post._version'"));
    }

    [Test]
    public void ADS1019_renamed_member()
    {
        var result = ParseInvalid("ADS1019-renamed-member.graphql");
        OnlyIds(result, "ADS1019");
        Assert.That(result.Schema, Is.Not.Null, "ADS1019 is informational");
        var own = At(result, "ADS1019", 3, 3);
        Assert.That(own.Severity, Is.EqualTo(SchemaDiagnosticSeverity.Info));
        Assert.That(own.Message, Is.EqualTo("Field 'Task.task' is generated as C# property 'TaskValue' because a member cannot have the same name as its enclosing type 'Task'."));
        Assert.That(At(result, "ADS1019", 4, 3).Message, Does.Contain("'Task.copyOf'").And.Contain("'CopyOfValue'"));
        Assert.That(At(result, "ADS1019", 8, 3).Message, Does.Contain("'Address.address'").And.Contain("'AddressValue'"));
    }

    [Test]
    public void ADS1010_any_underscore_field_and_sync_metadata()
    {
        var result = SchemaAssert.Parse("type Post @model {\n  id: ID!\n  _deleted: Boolean\n  _lastChangedAt: AWSTimestamp\n  _custom: String\n}");
        Assert.That(result.Diagnostics.Select(d => (d.Id, d.Location.StartLine, d.Severity)), Is.EqualTo(new[]
        {
            ("ADS1010", 3, SchemaDiagnosticSeverity.Error),
            ("ADS1010", 4, SchemaDiagnosticSeverity.Error),
            ("ADS1010", 5, SchemaDiagnosticSeverity.Error),
        }));
    }

    [Test]
    public void ADS1010_amplify_input_is_allowed_but_an_amplify_type_is_not()
    {
        SchemaAssert.Valid("input AMPLIFY { globalAuthRule: AuthRule = { allow: public } }\ntype A @model { id: ID! }");
        var result = SchemaAssert.Parse("type AuthRule { a: Int }\ntype A @model { id: ID! }");
        SchemaAssert.Single(result, "ADS1010", 1, 6);
    }

    [Test]
    public void ADS1011_unsupported_directive()
    {
        var result = ParseInvalid("ADS1011-unsupported-directive.graphql");
        OnlyIds(result, "ADS1011");
        Assert.That(result.Schema, Is.Not.Null, "ADS1011 is informational");
        var searchable = At(result, "ADS1011", 1, 18);
        Assert.That(searchable.Severity, Is.EqualTo(SchemaDiagnosticSeverity.Info));
        Assert.That(searchable.Message, Does.Contain("@searchable on type 'Post'"));
        Assert.That(At(result, "ADS1011", 3, 19).Message, Does.Contain("@function on field 'Post.summary'"));
    }

    [Test]
    public void ADS1011_model_directive_on_a_non_model_type_is_a_warning()
    {
        var result = SchemaAssert.Parse("type Meta @auth(rules: [{ allow: owner }]) {\n  a: Int @primaryKey\n}\ntype A @model { id: ID! meta: Meta }");
        Assert.That(result.Schema, Is.Not.Null);
        Assert.That(result.Diagnostics.Select(d => (d.Id, d.Severity, d.Location.StartLine, d.Location.StartColumn)), Is.EqualTo(new[]
        {
            ("ADS1011", SchemaDiagnosticSeverity.Warning, 1, 11),
            ("ADS1011", SchemaDiagnosticSeverity.Warning, 2, 10),
        }));
    }

    [Test]
    public void ADS1012_unknown_directive()
    {
        var result = ParseInvalid("ADS1012-unknown-directive.graphql");
        OnlyIds(result, "ADS1012");
        var d = At(result, "ADS1012", 3, 17);
        Assert.That(d.Severity, Is.EqualTo(SchemaDiagnosticSeverity.Warning));
        Assert.That(d.Message, Does.Contain("@uppercase").And.Contain("'Post.title'"));
        Assert.That(result.Schema, Is.Not.Null);
    }

    [Test]
    public void ADS1012_not_reported_for_directives_the_schema_declares_or_aws_directives()
    {
        var result = SchemaAssert.Parse(
            "directive @uppercase on FIELD_DEFINITION\ntype Post @model @aws_cognito_user_pools @aws_api_key {\n  id: ID!\n  title: String @uppercase @deprecated(reason: \"old\")\n}");
        Assert.That(result.Diagnostics, Is.Empty, string.Join("\n", result.Diagnostics));
    }

    [Test]
    public void ADS1013_unconnected_model_field()
    {
        var result = ParseInvalid("ADS1013-unconnected-model-field.graphql");
        OnlyIds(result, "ADS1013");
        var d = At(result, "ADS1013", 3, 3);
        Assert.That(d.Severity, Is.EqualTo(SchemaDiagnosticSeverity.Warning));
        Assert.That(d.Message, Does.Contain("'Post.author'").And.Contain("'Author'"));
        Assert.That(result.Schema!.Model("Post").FindField("author"), Is.Null, "the field is dropped");
    }

    [Test]
    public void ADS1014_invalid_relationship()
    {
        var result = ParseInvalid("ADS1014-invalid-relationship.graphql");
        OnlyIds(result, "ADS1014");
        Assert.That(At(result, "ADS1014", 3, 20).Message, Is.EqualTo("@hasMany on field 'Post.comment' requires a list type such as '[Comment]'."));
        Assert.That(At(result, "ADS1014", 8, 18).Message,
            Is.EqualTo("@belongsTo on field 'Comment.author' needs a matching @hasOne or @hasMany field of type 'Comment' on model 'Author'."));
    }

    [TestCase("type A @model {\n  id: ID!\n  b: [B] @hasOne\n}\ntype B @model { id: ID! }", 3, 10, "@hasOne on field 'A.b' cannot be a list")]
    [TestCase("type A @model {\n  id: ID!\n  bs: [B] @hasMany\n}\ntype B @model {\n  id: ID!\n  as: [A] @belongsTo\n}", 7, 11, "@belongsTo on field 'B.as' cannot be a list")]
    [TestCase("type A @model {\n  id: ID!\n  n: Int @hasMany\n}", 3, 10, "@hasMany on field 'A.n' requires a @model type, but 'Int' is a scalar")]
    [TestCase("type A {\n  b: B @hasOne\n}\ntype B @model { id: ID! a: A }", 2, 8, "relationships are only supported on fields of @model types")]
    [TestCase("type A @model {\n  id: ID!\n  b: B @hasOne @belongsTo\n}\ntype B @model { id: ID! }", 3, 16, "more than one relationship directive")]
    [TestCase("type Person @model {\n  id: ID!\n  license: License @connection(name: \"PL\")\n}\ntype License @model {\n  id: ID!\n  person: Person @connection(name: \"PL\")\n}", 7, 18, "one-to-one with both sides optional")]
    [TestCase("type A @model {\n  id: ID!\n  bs: [B] @connection(name: \"AB\")\n}\ntype B @model {\n  id: ID!\n  as: [A] @connection(name: \"AB\")\n}", 3, 11, "is many-to-many")]
    public void ADS1014_variants(string schema, int line, int column, string message)
    {
        var result = SchemaAssert.Parse(schema);
        Assert.That(SchemaAssert.Single(result, "ADS1014", line, column).Message, Does.Contain(message));
    }

    [Test]
    public void ADS1015_invalid_directive_argument()
    {
        var result = ParseInvalid("ADS1015-invalid-directive-argument.graphql");
        OnlyIds(result, "ADS1015");
        Assert.That(At(result, "ADS1015", 1, 30).Message, Does.Contain("@model on type 'Post'").And.Contain("'timestamps'"));
        Assert.That(At(result, "ADS1015", 3, 15).Message, Is.EqualTo("@manyToMany on field 'Post.tags' is missing the required argument 'relationName'."));
        Assert.That(At(result, "ADS1015", 4, 31).Message, Does.Contain("@index on field 'Post.status'").And.Contain("'name' must be a string"));
    }

    [TestCase("type A @model(foo: 1) { id: ID! }", 1, 15, "unknown argument 'foo'")]
    [TestCase("type A @model { id: ID! @model }", 1, 25, "not allowed on field 'A.id'")]
    [TestCase("type A @model @model { id: ID! }", 1, 15, "used more than once on type 'A'")]
    [TestCase("type A @model @auth(rules: [{ allow: everyone }]) { id: ID! }", 1, 38, "'allow' must be one of")]
    [TestCase("type A @model @auth(rules: [{ allow: owner, provider: apiKey }]) { id: ID! }", 1, 55, "cannot use provider 'apiKey'")]
    [TestCase("type A @model @auth(rules: [{ allow: public, operations: [write] }]) { id: ID! }", 1, 59, "'operations' entries must be one of")]
    [TestCase("type A @model(timestamps: { createdAt: \"ts\", updatedAt: \"ts\" }) { id: ID! }", 1, 27, "'ts' for both")]
    [TestCase("type A @model { id: ID! title: String @default }", 1, 39, "missing the required argument 'value'")]
    [TestCase("type A @model { id: ID! n: Int @default(value: 5) }", 1, 48, "'value' must be a string")]
    [TestCase("type A @model { id: ID! n: Int @default(value: null) }", 1, 32, "missing the required argument 'value'")]
    [TestCase("type A @model @key(fields: null) { id: ID! }", 1, 15, "missing the required argument 'fields'")]
    [TestCase("type A @model @key(name: null, fields: [\"id\"]) { id: ID! }", 1, 20, "'name' must be a string")]
    [TestCase("type A @model {\n  id: ID!\n  bs: [B] @manyToMany(relationName: null)\n}\ntype B @model { id: ID! }", 3, 11, "missing the required argument 'relationName'")]
    [TestCase("type A @model {\n  id: ID!\n  b: B @belongsTo(fields: [\"bId\"], references: [\"bId\"])\n}\ntype B @model { id: ID! a: A @hasOne }", 3, 36, "'fields' and 'references' cannot be used together")]
    public void ADS1015_variants(string schema, int line, int column, string message)
    {
        var result = SchemaAssert.Parse(schema);
        Assert.That(SchemaAssert.Single(result, "ADS1015", line, column).Message, Does.Contain(message));
    }

    [Test]
    public void ADS1016_invalid_default_value()
    {
        var result = ParseInvalid("ADS1016-invalid-default-value.graphql");
        OnlyIds(result, "ADS1016");
        Assert.That(At(result, "ADS1016", 5, 33).Message, Is.EqualTo("@default value \"three\" on field 'Task.estimate' is not a valid Int."));
        Assert.That(At(result, "ADS1016", 6, 38).Message, Does.Contain("not a value of enum 'Priority' (LOW, HIGH)"));
        Assert.That(At(result, "ADS1016", 7, 34).Message, Does.Contain("'Task.dueOn' is not a valid AWSDate"));
    }

    [TestCase("Boolean", "yes", false)]
    [TestCase("Boolean", "true", true)]
    [TestCase("Float", "1e3", true)]
    [TestCase("Float", "abc", false)]
    [TestCase("Int", "2147483648", false)]
    [TestCase("Int", "-12", true)]
    [TestCase("AWSDate", "2024-02-29", true)]
    [TestCase("AWSDate", "2024-02-29+05:30", true)]
    [TestCase("AWSDate", "29/02/2024", false)]
    [TestCase("AWSTime", "23:59:59.999", true)]
    [TestCase("AWSTime", "24:00", false)]
    [TestCase("AWSDateTime", "2024-01-01T10:00:00Z", true)]
    [TestCase("AWSDateTime", "2024-01-01T10:00:00", false)]
    [TestCase("AWSTimestamp", "1700000000", true)]
    [TestCase("AWSTimestamp", "soon", false)]
    [TestCase("AWSJSON", "[1, {\\\"a\\\": null}]", true)]
    [TestCase("AWSJSON", "{a: 1}", false)]
    [TestCase("AWSEmail", "a@b.co", true)]
    [TestCase("AWSEmail", "nope", false)]
    [TestCase("AWSURL", "mailto:a@b.co", true)]
    [TestCase("AWSURL", "example.com", false)]
    [TestCase("AWSPhone", "+44 (20) 7946-0958", true)]
    [TestCase("AWSPhone", "call me", false)]
    [TestCase("AWSIPAddress", "2001:db8::/32", true)]
    [TestCase("AWSIPAddress", "300.1.1.1", false)]
    [TestCase("String", "anything", true)]
    public void ADS1016_default_value_formats(string type, string value, bool valid)
    {
        var result = SchemaAssert.Parse($"type A @model {{ id: ID! f: {type} @default(value: \"{value}\") }}");
        Assert.That(result.Diagnostics.Any(d => d.Id == "ADS1016"), Is.EqualTo(!valid), string.Join("\n", result.Diagnostics));
        Assert.That(result.Diagnostics.Where(d => d.Id != "ADS1016"), Is.Empty);
    }

    [Test]
    public void ADS1016_default_on_a_list_or_object_field()
    {
        var result = SchemaAssert.Parse("type A @model {\n  id: ID!\n  tags: [String] @default(value: \"a\")\n}");
        Assert.That(SchemaAssert.Single(result, "ADS1016", 3, 34).Message, Does.Contain("list field"));
    }

    [Test]
    public void ADS1017_name_collision()
    {
        var result = ParseInvalid("ADS1017-name-collision.graphql");
        OnlyIds(result, "ADS1017");
        Assert.That(At(result, "ADS1017", 1, 22).Message, Is.EqualTo("Enum values 'ACTIVE' and 'active' in enum 'Status' both map to the C# member 'Active'."));
        Assert.That(At(result, "ADS1017", 6, 3).Message, Is.EqualTo("Fields 'dueDate' and 'due_date' in type 'Task' both map to the C# property 'DueDate'."));
    }

    [Test]
    public void ADS1017_type_names_and_implicit_fields()
    {
        var types = SchemaAssert.Parse("type post_tag { a: Int }\ntype PostTag @model { id: ID! }");
        Assert.That(SchemaAssert.Single(types, "ADS1017", 2, 6).Message, Does.Contain("Types 'post_tag' and 'PostTag'"));

        var implicitKey = SchemaAssert.Parse("type P @model {\n  id: ID!\n  cs: [C] @hasMany\n}\ntype C @model {\n  id: ID!\n  p_cs_id: ID\n}");
        Assert.That(SchemaAssert.Single(implicitKey, "ADS1017", 7, 3).Message, Does.Contain("'pCsId' and 'p_cs_id'"));
    }

    [Test]
    public void ADS1018_unsupported_field_shape()
    {
        var result = ParseInvalid("ADS1018-unsupported-field-shape.graphql");
        OnlyIds(result, "ADS1018");
        Assert.That(At(result, "ADS1018", 3, 10).Message, Does.Contain("'Grid.cells'").And.Contain("'[[Int]]'"));
    }

    [Test]
    public void Errors_mean_no_schema_and_warnings_do_not()
    {
        foreach (var entry in Directory.GetFileSystemEntries(TestPaths.Invalid))
        {
            var result = ParseInvalid(Path.GetFileName(entry));
            Assert.That(result.Schema is null, Is.EqualTo(result.HasErrors), entry);
        }
    }
}
