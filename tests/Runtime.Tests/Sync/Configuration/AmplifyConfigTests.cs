namespace Amplify.DataStore.Runtime.Tests.Sync.Configuration;

/// <summary>
/// <see cref="AmplifyConfig"/> reads the three shapes Amplify writes (Gen 2 outputs, Gen 1 plugin configuration,
/// aws-exports keys), derives the realtime endpoint, and refuses anything unusable with a message naming the source,
/// the JSON path and what is expected.
/// </summary>
public class AmplifyConfigTests
{
    private const string Gen2 = """
        { "version": "1.3", "data": { "url": "https://abc.appsync-api.eu-west-1.amazonaws.com/graphql", "aws_region": "eu-west-1",
          "api_key": "da2-key", "default_authorization_type": "AMAZON_COGNITO_USER_POOLS", "authorization_types": ["API_KEY", "AWS_IAM"] } }
        """;

    private const string Gen1 = """
        { "UserAgent": "aws-amplify-cli/2.0", "Version": "1.0", "api": { "plugins": { "awsAPIPlugin": {
            "rest": { "endpointType": "REST", "endpoint": "https://rest.example.com/api", "region": "us-east-1", "authorizationType": "AWS_IAM" },
            "blog": { "endpointType": "GraphQL", "endpoint": "https://api.example.com/graphql", "region": "us-east-1", "authorizationType": "API_KEY", "apiKey": "da2-gen1" } } } } }
        """;

    private const string AwsExports = """
        { "aws_project_region": "us-east-1", "aws_appsync_graphqlEndpoint": "https://127.0.0.1:20002/graphql",
          "aws_appsync_region": "us-east-1", "aws_appsync_authenticationType": "API_KEY", "aws_appsync_apiKey": "da2-local" }
        """;

    [Test]
    public void Gen2Outputs_AreRead_WithTheirAdditionalModes()
    {
        var config = AmplifyConfig.Parse(Gen2);
        Assert.That(config.GraphQLEndpoint, Is.EqualTo(new Uri("https://abc.appsync-api.eu-west-1.amazonaws.com/graphql")));
        Assert.That(config.RealtimeEndpoint, Is.EqualTo(new Uri("wss://abc.appsync-realtime-api.eu-west-1.amazonaws.com/graphql")));
        Assert.That((config.Region, config.DefaultAuthorization, config.ApiKey), Is.EqualTo(("eu-west-1", AuthorizationType.AmazonCognitoUserPools, "da2-key")));
        Assert.That(config.AdditionalAuthorizations, Is.EqualTo(new[] { AuthorizationType.ApiKey, AuthorizationType.AwsIam }));
    }

    [Test]
    public void Gen1Configuration_PicksTheGraphQLApi()
    {
        var config = AmplifyConfig.Parse(Gen1);
        Assert.That((config.GraphQLEndpoint.AbsoluteUri, config.ApiKey, config.DefaultAuthorization), Is.EqualTo(("https://api.example.com/graphql", "da2-gen1", AuthorizationType.ApiKey)));
        Assert.That(config.RealtimeEndpoint, Is.EqualTo(new Uri("wss://api.example.com/graphql/realtime")), "custom domains serve realtime at /graphql/realtime");
        Assert.That(AmplifyConfig.Parse(Gen1, apiName: "blog").ApiKey, Is.EqualTo("da2-gen1"));
        Assert.That(() => AmplifyConfig.Parse(Gen1, "cfg.json", apiName: "rest"), Throws.InstanceOf<AmplifyConfigException>()
            .With.Message.EqualTo("cfg.json: $.api.plugins.awsAPIPlugin.rest is not a GraphQL API here (GraphQL APIs: blog)."));
    }

    [Test]
    public void AwsExportsKeys_AreRead_AndTheLocalBackendsRealtimeEndpointKeepsItsPort()
    {
        var config = AmplifyConfig.Parse(AwsExports);
        Assert.That((config.GraphQLEndpoint.AbsoluteUri, config.ApiKey, config.Region), Is.EqualTo(("https://127.0.0.1:20002/graphql", "da2-local", "us-east-1")));
        Assert.That(config.RealtimeEndpoint.AbsoluteUri, Is.EqualTo("wss://127.0.0.1:20002/graphql/realtime"));
        Assert.That(AmplifyConfig.RealtimeEndpointFor(new Uri("http://localhost:8080/graphql")).AbsoluteUri, Is.EqualTo("ws://localhost:8080/graphql/realtime"));
    }

    [TestCase("""{ "version": "1", "data": { "url": "https://x/graphql", "default_authorization_type": "API_KEY" } }""",
        "cfg.json: $.data.api_key is missing, but the API uses API_KEY authorization.")]
    [TestCase("""{ "version": "1", "data": { "url": "https://x/graphql", "default_authorization_type": "COGNITO" } }""",
        "cfg.json: $.data names the authorization type 'COGNITO'; expected API_KEY, AWS_IAM, AMAZON_COGNITO_USER_POOLS, OPENID_CONNECT or AWS_LAMBDA.")]
    [TestCase("""{ "version": "1", "data": { "url": 42, "default_authorization_type": "AWS_IAM" } }""",
        "cfg.json: $.data.url must be a string, not Number.")]
    [TestCase("""{ "version": "1", "data": { "url": "/graphql", "default_authorization_type": "AWS_IAM" } }""",
        "cfg.json: the GraphQL endpoint '/graphql' under $.data is not an absolute http(s) URL.")]
    [TestCase("""{ "version": "1", "auth": {} }""", "cfg.json: $.data is missing: the backend has no data (AppSync) resource.")]
    [TestCase("""{ "version": "2", "data": {} }""", "cfg.json: $.version is '2'; this reader understands amplify_outputs version 1.")]
    [TestCase("""{ "version": "1", "data": { "url": "https://x/graphql", "default_authorization_type": "AWS_IAM", "authorization_types": ["API_KEY"] } }""",
        "cfg.json: $.data.api_key is missing, but the API uses API_KEY authorization.")]
    [TestCase("""{ "api": { "plugins": { "awsAPIPlugin": { "a": { "endpointType": "GraphQL", "endpoint": "https://a/graphql", "authorizationType": "AWS_IAM" }, "b": { "endpointType": "GraphQL", "endpoint": "https://b/graphql", "authorizationType": "AWS_IAM" } } } } }""",
        "cfg.json: $.api.plugins.awsAPIPlugin holds several GraphQL APIs (a, b); name the one to sync with (AmplifyConfig.Load(path, apiName)).")]
    [TestCase("""{ "api": { "plugins": { "awsAPIPlugin": { "blog": { "endpointType": "GraphQL", "authorizationType": "AWS_IAM" } } } } }""",
        "cfg.json: $.api.plugins.awsAPIPlugin.blog.endpoint is missing or empty.")]
    [TestCase("""{ "aws_appsync_graphqlEndpoint": "https://x/graphql" }""", "cfg.json: $.aws_appsync_authenticationType is missing or empty.")]
    [TestCase("""[1, 2]""", "cfg.json: $ must be a JSON object.")]
    public void UnusableConfigurations_NameTheFieldAndWhatIsExpected(string json, string message)
    {
        Assert.That(() => AmplifyConfig.Parse(json, "cfg.json"), Throws.InstanceOf<AmplifyConfigException>().With.Message.EqualTo(message));
    }

    [Test]
    public void NoApiAtAll_OrNotJson_OrNoFile_IsExplained()
    {
        Assert.That(() => AmplifyConfig.Parse("""{ "auth": {} }""", "cfg.json"), Throws.InstanceOf<AmplifyConfigException>()
            .With.Message.StartsWith("cfg.json has no AppSync API: expected a Gen 2 'data' section"));
        Assert.That(() => AmplifyConfig.Parse("{\n  \"version\": \"1\",\n  \"data\": { oops }\n}", "cfg.json"), Throws.InstanceOf<AmplifyConfigException>()
            .With.Message.StartsWith("cfg.json is not valid JSON (line 3,"));
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "amplifyconfiguration.json");
        Assert.That(() => AmplifyConfig.Load(missing), Throws.InstanceOf<AmplifyConfigException>().With.Message.Contains(missing));
    }

    [Test]
    public void AConfigurationBuiltInCode_DerivesItsRealtimeEndpoint_UnlessGiven()
    {
        var config = new AmplifyConfig { GraphQLEndpoint = new Uri("https://api.example.com/graphql"), ApiKey = "k" };
        Assert.That((config.DefaultAuthorization, config.RealtimeEndpoint.AbsoluteUri), Is.EqualTo((AuthorizationType.ApiKey, "wss://api.example.com/graphql/realtime")));
        var explicitRealtime = config.RealtimeEndpoint;
        var custom = new AmplifyConfig { GraphQLEndpoint = config.GraphQLEndpoint, RealtimeEndpoint = new Uri("wss://rt.example.com/graphql") };
        Assert.That(custom.RealtimeEndpoint, Is.Not.EqualTo(explicitRealtime));
    }
}
