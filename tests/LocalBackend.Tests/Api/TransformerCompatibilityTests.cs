using GraphQLParser;
using GraphQLParser.AST;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Api;

/// <summary>
/// The SDL the backend serves for the reference Post model against the transformer's output (reference §1.2): every
/// type, operation, argument and input field with the same type.
/// </summary>
public sealed class TransformerCompatibilityTests
{
    private const string ReferenceModel = """
        enum PostStatus { DRAFT PUBLISHED }
        type Post @model { id: ID! title: String! rating: Int! status: PostStatus! }
        """;

    [Test]
    public async Task Served_sdl_matches_the_transformer_output_for_every_type_field_and_argument()
    {
        await using var backend = await Backend.StartAsync(ReferenceModel);
        var served = Shapes(Parser.Parse(backend.Server.Sdl));
        var expected = Shapes(Parser.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Api", "Reference", "transformer-v2-post.graphql"))));

        Assert.That(expected.Keys, Has.Member("Post").And.Member("ModelPostFilterInput"), "the reference was read (an empty one would compare nothing)");
        Assert.That(expected.Values, Has.All.Not.Empty, "every reference type has fields to compare");
        var missing = expected.Keys.Except(served.Keys).ToList();
        Assert.That(missing, Is.Empty, "types the transformer generates that the backend does not serve");
        foreach (var (type, fields) in expected)
        {
            Assert.That(served[type], Is.EquivalentTo(fields), $"fields of {type}");
        }
    }

    [Test]
    public async Task Owner_auth_adds_the_owner_field_and_subscription_argument()
    {
        await using var backend = await Backend.StartAsync("type Post @model @auth(rules: [{ allow: owner }]) { id: ID! title: String! }");
        var served = Shapes(Parser.Parse(backend.Server.Sdl));
        Assert.That(served["Post"], Does.Contain("owner: String"));
        Assert.That(served["ModelPostFilterInput"], Does.Contain("owner: ModelStringInput"));
        Assert.That(served["ModelPostConditionInput"], Does.Contain("owner: ModelStringInput"));
        Assert.That(served["ModelSubscriptionPostFilterInput"], Does.Contain("owner: ModelSubscriptionStringInput"));
        Assert.That(served["Subscription"], Does.Contain("onCreatePost(filter: ModelSubscriptionPostFilterInput, owner: String): Post"));
        Assert.That(served["CreatePostInput"].Any(f => f.StartsWith("owner", StringComparison.Ordinal)), Is.False, "no implicit owner on the create input (§1.3)");
    }

    [Test]
    public async Task Introspection_works_over_http()
    {
        await using var backend = await Backend.StartAsync(ReferenceModel);
        var data = await backend.DataAsync("{ __schema { queryType { name } types { name } } }");
        var names = data["__schema"]!["types"]!.AsArray().Select(t => (string)t!["name"]!).ToList();
        Assert.That(names, Is.SupersetOf(new[] { "Post", "ModelPostConnection", "AWSDateTime", "AWSTimestamp", "ModelPostFilterInput", "ModelSubscriptionPostFilterInput" }));
    }

    /// <summary>Type name → "field(args): Type" strings (enum values for enums), ignoring order and directives.</summary>
    private static Dictionary<string, List<string>> Shapes(GraphQLDocument document)
    {
        var shapes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLObjectTypeDefinition o:
                    shapes[o.Name.StringValue] = (o.Fields?.Items ?? new List<GraphQLFieldDefinition>()).Select(f =>
                        f.Name.StringValue + Arguments(f.Arguments) + ": " + TypeText(f.Type)).ToList();
                    break;
                case GraphQLInputObjectTypeDefinition i:
                    shapes[i.Name.StringValue] = (i.Fields?.Items ?? new List<GraphQLInputValueDefinition>()).Select(f => f.Name.StringValue + ": " + TypeText(f.Type)).ToList();
                    break;
                case GraphQLEnumTypeDefinition e:
                    shapes[e.Name.StringValue] = (e.Values?.Items ?? new List<GraphQLEnumValueDefinition>()).Select(v => v.Name.StringValue).ToList();
                    break;
            }
        }
        return shapes;
    }

    private static string Arguments(GraphQLArgumentsDefinition? arguments)
        => arguments is null || arguments.Items.Count == 0 ? "" : "(" + string.Join(", ", arguments.Items.Select(a => a.Name.StringValue + ": " + TypeText(a.Type))) + ")";

    private static string TypeText(GraphQLType type) => type switch
    {
        GraphQLNonNullType n => TypeText(n.Type) + "!",
        GraphQLListType l => "[" + TypeText(l.Type) + "]",
        GraphQLNamedType named => named.Name.StringValue,
        _ => throw new ArgumentException(type.GetType().Name),
    };
}
