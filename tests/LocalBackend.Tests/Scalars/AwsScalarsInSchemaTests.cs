using System.Text.Json;
using Amplify.DataStore.LocalBackend.Scalars;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Scalars;

/// <summary>
/// The scalars inside a real GraphQL.NET schema and executer, so validation (CanParseLiteral), variable coercion
/// (ParseValue on the request's JSON) and output (Serialize) are exercised the way the backend will use them.
/// </summary>
public class AwsScalarsInSchemaTests
{
    private static readonly GraphQLSerializer Serializer = new();

    [Test]
    public async Task AWSTimestamp_accepts_zero_and_milliseconds_as_literals_and_variables()
    {
        string literal = await Run("{ ts(value: 0) big: ts(value: 1700000000000) }");
        string variable = await Run("query ($v: AWSTimestamp) { ts(value: $v) }", "{\"v\": 1700000000000}");

        Assert.Multiple(() =>
        {
            Assert.That(literal, Is.EqualTo("{\"data\":{\"ts\":0,\"big\":1700000000000}}"));
            Assert.That(variable, Is.EqualTo("{\"data\":{\"ts\":1700000000000}}"));
        });
    }

    [TestCase("{ ts(value: \"1700000000000\") }")]
    [TestCase("{ ts(value: 1.5) }")]
    [TestCase("{ ts(value: true) }")]
    public async Task AWSTimestamp_rejects_non_integer_literals(string query)
    {
        string result = await Run(query);

        Assert.That(result, Does.Contain("\"errors\"").And.Not.Contain("\"data\":{"));
    }

    [TestCase("{\"v\": \"1700000000000\"}")]
    [TestCase("{\"v\": 1.5}")]
    [TestCase("{\"v\": true}")]
    public async Task AWSTimestamp_rejects_non_integer_variables(string variables)
    {
        string result = await Run("query ($v: AWSTimestamp) { ts(value: $v) }", variables);

        Assert.That(result, Does.Contain("\"errors\"").And.Contain("AWSTimestamp"));
    }

    [Test]
    public async Task AWSDate_literal_is_validated_and_echoed_verbatim()
    {
        string ok = await Run("{ date(value: \"2024-02-29+05:30\") }");
        string bad = await Run("{ date(value: \"2024-13-01\") }");

        Assert.Multiple(() =>
        {
            Assert.That(DataField(ok, "date"), Is.EqualTo("2024-02-29+05:30"));
            Assert.That(bad, Does.Contain("\"errors\"").And.Not.Contain("\"data\":{"));
        });
    }

    [Test]
    public async Task AWSDate_variable_error_carries_the_scalar_message()
    {
        string bad = await Run("query ($v: AWSDate) { date(value: $v) }", "{\"v\": \"2024-13-01\"}");

        Assert.That(bad, Does.Contain("\"errors\"").And.Contain("AWSDate"));
    }

    [Test]
    public async Task AWSJSON_variable_object_is_returned_as_json_text()
    {
        string fromObject = await Run("query ($v: AWSJSON) { json(value: $v) }", "{\"v\": {\"a\": [1, \"b\"]}}");
        string fromString = await Run("query ($v: AWSJSON) { json(value: $v) }", "{\"v\": \"{\\\"a\\\": 1}\"}");
        string badLiteral = await Run("{ json(value: \"{a: 1}\") }");

        Assert.Multiple(() =>
        {
            Assert.That(DataField(fromObject, "json"), Is.EqualTo("{\"a\":[1,\"b\"]}"));
            Assert.That(DataField(fromString, "json"), Is.EqualTo("{\"a\": 1}"));
            Assert.That(badLiteral, Does.Contain("\"errors\"").And.Not.Contain("\"data\":{"));
        });
    }

    // The serializer escapes '+' and quotes, so string results are compared after JSON decoding.
    private static string? DataField(string resultJson, string field)
    {
        using JsonDocument document = JsonDocument.Parse(resultJson);
        return document.RootElement.GetProperty("data").GetProperty(field).GetString();
    }

    private static async Task<string> Run(string query, string? variablesJson = null)
    {
        ExecutionResult result = await new DocumentExecuter().ExecuteAsync(options =>
        {
            options.Schema = BuildSchema();
            options.Query = query;
            options.Variables = variablesJson == null ? null : Serializer.Deserialize<Inputs>(variablesJson);
        });
        return Serializer.Serialize(result);
    }

    // Echo fields, one per scalar under test, built from instances the way the backend builds its schema.
    private static GraphQL.Types.Schema BuildSchema()
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.AddField(Echo("ts", AwsScalarTypes.Create(Amplify.DataStore.Schema.ScalarKind.AWSTimestamp)));
        query.AddField(Echo("date", AwsScalarTypes.Create(Amplify.DataStore.Schema.ScalarKind.AWSDate)));
        query.AddField(Echo("json", AwsScalarTypes.Create(Amplify.DataStore.Schema.ScalarKind.AWSJSON)));
        return new GraphQL.Types.Schema { Query = query };
    }

    private static FieldType Echo(string name, ScalarGraphType scalar) => new()
    {
        Name = name,
        ResolvedType = scalar,
        Arguments = new QueryArguments(new QueryArgument(scalar) { Name = "value" }),
        Resolver = new GraphQL.Resolvers.FuncFieldResolver<object?>(EchoArgument),
    };

    private static object? EchoArgument(IResolveFieldContext context) => context.Arguments!["value"].Value;
}
