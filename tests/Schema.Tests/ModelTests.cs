using System.Linq;

namespace Amplify.DataStore.Schema.Tests;

/// <summary>Model-level rules: implicit id, keys, type classification, merging of files and extensions.</summary>
public class ModelTests
{
    [Test]
    public void Implicit_id_is_added_first()
    {
        var model = SchemaAssert.Valid("type Todo @model { name: String! }").Model("Todo");
        Assert.That(model.Fields[0], Is.EqualTo(new FieldDefinition("id", FieldType.Of(ScalarKind.ID), true, false, false, false,
            FieldOrigin.ImplicitId, null, null, EquatableArray<AuthRule>.Empty)));
        Assert.That(model.PrimaryKey, Is.EqualTo(new PrimaryKey("id", EquatableArray<string>.Empty, false)));
    }

    [Test]
    public void Declared_id_keeps_its_place_and_type()
    {
        var model = SchemaAssert.Valid("type Todo @model { name: String! id: String! }").Model("Todo");
        Assert.That(model.FieldNames(), Is.EqualTo(new[] { "name", "id", "createdAt", "updatedAt" }));
        Assert.That(model.Field("id").Type, Is.EqualTo(FieldType.Of(ScalarKind.String)));
    }

    [Test]
    public void V1_unnamed_key_is_the_primary_key_and_named_keys_are_indexes()
    {
        var model = SchemaAssert.Valid(
            "type Item @model @key(fields: [\"orderId\", \"sku\"]) @key(name: \"bySku\", fields: [\"sku\"], queryField: \"itemsBySku\") { orderId: ID! sku: String! }")
            .Model("Item");
        Assert.That(model.PrimaryKey, Is.EqualTo(new PrimaryKey("orderId", EquatableArray.Create("sku"), true)));
        Assert.That(model.FindField("id"), Is.Null);
        Assert.That(model.Indexes.Single(), Is.EqualTo(new IndexDefinition("bySku", EquatableArray.Create("sku"), "itemsBySku")));
    }

    [Test]
    public void Enum_primary_key_and_index_on_a_timestamp()
    {
        var model = SchemaAssert.Valid(
            "enum Region { EU US }\ntype Shard @model { region: Region! @primaryKey  kind: String @index(name: \"byKind\", sortKeyFields: [\"createdAt\"]) }")
            .Model("Shard");
        Assert.That(model.PrimaryKey.PartitionKey, Is.EqualTo("region"));
        Assert.That(model.Indexes.Single().Fields, Is.EqualTo(EquatableArray.Create("kind", "createdAt")));
    }

    [Test]
    public void Identical_indexes_are_merged()
    {
        var model = SchemaAssert.Valid("type A @model @key(name: \"byB\", fields: [\"b\"]) { id: ID! b: String @index(name: \"byB\") }").Model("A");
        Assert.That(model.Indexes, Has.Count.EqualTo(1));
    }

    [Test]
    public void Root_types_inputs_and_interfaces_are_ignored()
    {
        var schema = SchemaAssert.Valid("""
            schema { query: RootQuery mutation: Mutation }
            type RootQuery { posts: [Post] @aws_api_key }
            type Mutation { publish(id: ID!): Post @function(name: "publish") }
            type Subscription { onPost: Post @aws_subscribe(mutations: ["publish"]) }
            extend type Query { hello: String }
            input PostInput { title: String }
            interface Node { id: ID! }
            type Post implements Node @model { id: ID! title: String }
            """);
        Assert.That(schema.Models.Select(m => m.Name), Is.EqualTo(new[] { "Post" }));
        Assert.That(schema.NonModels, Is.Empty);
    }

    [Test]
    public void Extensions_merge_into_their_type_across_files()
    {
        var result = SchemaParser.Parse(new[]
        {
            new SchemaFile("a.graphql", "type Post @model { id: ID! }\nenum Status { A }"),
            new SchemaFile("b.graphql", "extend type Post { title: String status: Status }\nextend enum Status { B }"),
        });
        var schema = SchemaAssert.Valid(result);
        Assert.That(schema.Model("Post").FieldNames(), Is.EqualTo(new[] { "id", "title", "status", "createdAt", "updatedAt" }));
        Assert.That(schema.FindEnum("Status")!.Values, Is.EqualTo(EquatableArray.Create("A", "B")));
    }

    [Test]
    public void Extension_of_an_unknown_type_is_an_error()
    {
        var result = SchemaAssert.Parse("extend type Ghost { a: Int }");
        Assert.That(SchemaAssert.Single(result, "ADS1002", 1, 13).Message, Does.Contain("'Ghost'"));
    }

    [Test]
    public void Builtin_scalar_declarations_are_accepted_but_types_named_like_scalars_are_not()
    {
        SchemaAssert.Valid("scalar AWSDateTime\nscalar AWSJSON\ntype A @model { id: ID! at: AWSDateTime }");
        var result = SchemaAssert.Parse("type String { a: Int }\ntype A @model { id: ID! }");
        Assert.That(SchemaAssert.Single(result, "ADS1010", 1, 6).Message, Does.Contain("built-in"));
    }

    [Test]
    public void Output_collections_are_sorted_by_name()
    {
        var schema = SchemaAssert.Valid("enum Z { A }\nenum B { A }\ntype Zed { a: Int }\ntype Alpha { a: Int }\ntype Y @model { id: ID! }\ntype X @model { id: ID! }");
        Assert.That(schema.Models.Select(m => m.Name), Is.EqualTo(new[] { "X", "Y" }));
        Assert.That(schema.NonModels.Select(m => m.Name), Is.EqualTo(new[] { "Alpha", "Zed" }));
        Assert.That(schema.Enums.Select(m => m.Name), Is.EqualTo(new[] { "B", "Z" }));
    }
}
