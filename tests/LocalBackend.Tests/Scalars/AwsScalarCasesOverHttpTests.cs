using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amplify.DataStore.LocalBackend.Tests.Support;
using Amplify.DataStore.TestCases;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Scalars;

/// <summary>
/// The shared AWS scalar cases (tests/Common/AwsScalarCases.cs) sent to a real backend over HTTP in a create
/// mutation: accepted texts are stored and returned verbatim, refused ones fail with an error naming the scalar and
/// nothing is created. String scalars travel as variables (as the client sends them); AWSTimestamp as an integer literal.
/// </summary>
public sealed class AwsScalarCasesOverHttpTests
{
    // The same model the store's case tests save through (tests/Store.Tests/Schema/scalars.graphql).
    private static readonly string Schema = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Schemas", "scalars.graphql"));

    private Backend _backend = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _backend = await Backend.StartAsync(Schema);

    [OneTimeTearDown]
    public async Task StopAsync() => await _backend.DisposeAsync();

    private static IEnumerable<TestCaseData> Cases()
        => AwsScalarCases.All.Select(c => new TestCaseData(c).SetName("backend " + c));

    [TestCaseSource(nameof(Cases))]
    public async Task A_create_is_accepted_exactly_when_the_shared_rule_accepts_it(AwsScalarCase c)
    {
        string field = FieldFor(c.Scalar);
        string id = Guid.NewGuid().ToString();
        var (status, body) = c.Scalar == "AWSTimestamp"
            ? await _backend.PostAsync($"mutation {{ createScalarHolder(input: {{ id: \"{id}\", {field}: {c.Text} }}) {{ id {field} }} }}")
            : await _backend.PostAsync($"mutation($input: CreateScalarHolderInput!) {{ createScalarHolder(input: $input) {{ id {field} }} }}",
                new { input = new Dictionary<string, object?> { ["id"] = id, [field] = c.Text } });

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        if (c.Accepted)
        {
            Assert.That(body["errors"], Is.Null, body.ToJsonString());
            var returned = body["data"]!["createScalarHolder"]![field]!;
            if (c.Scalar == "AWSJSON")
            {
                Assert.That(JsonNode.DeepEquals(JsonNode.Parse((string)returned!), JsonNode.Parse(c.Text)), Is.True, "the same JSON value");
            }
            else
            {
                Assert.That(c.Scalar == "AWSTimestamp" ? returned.ToJsonString() : (string)returned!, Is.EqualTo(c.Text), "kept verbatim");
            }
        }
        else
        {
            Assert.That(body["errors"], Is.Not.Null, body.ToJsonString());
            // A timestamp that is not a GraphQL integer literal (1.5, +5, 007) fails in the parser or as a Float,
            // before or without the scalar's own message; an out-of-range integer reaches the scalar.
            if (c.Scalar != "AWSTimestamp" || Regex.IsMatch(c.Text, "^-?(0|[1-9][0-9]*)$"))
            {
                Assert.That(body["errors"]!.ToJsonString(), Does.Contain(c.Scalar), "the error names the scalar");
            }
            var get = await _backend.DataAsync("query($id: ID!) { getScalarHolder(id: $id) { id } }", new { id });
            Assert.That(get["getScalarHolder"], Is.Null, "nothing was created");
        }
    }

    private static string FieldFor(string scalar) => scalar switch
    {
        "AWSDate" => "day",
        "AWSTime" => "clock",
        "AWSDateTime" => "at",
        "AWSTimestamp" => "stamp",
        "AWSEmail" => "email",
        "AWSURL" => "url",
        "AWSPhone" => "phone",
        "AWSIPAddress" => "ip",
        "AWSJSON" => "json",
        _ => throw new ArgumentOutOfRangeException(nameof(scalar), scalar, "no field of this scalar in the test schema"),
    };
}
