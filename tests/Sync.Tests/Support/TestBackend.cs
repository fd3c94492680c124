using Amplify.DataStore.LocalBackend;

namespace Amplify.DataStore.Sync.Tests.Support;

/// <summary>An in-process local backend on a random free loopback port, with its data and written configuration in a temp directory.</summary>
internal sealed class TestBackend : IAsyncDisposable
{
    public const string BlogSchema = """
        enum PostStatus { ACTIVE INACTIVE }
        type Post @model { id: ID! title: String! rating: Int status: PostStatus }
        """;

    /// <summary>The schema the generated test models come from (Schema/sync.graphql, copied next to the tests).</summary>
    public static string SyncSchema => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schema", "sync.graphql"));

    private TestBackend(LocalBackend.LocalBackend server, string directory)
    {
        Server = server;
        Directory = directory;
    }

    public LocalBackend.LocalBackend Server { get; }

    /// <summary>Where the backend keeps its data and writes amplifyconfiguration.json / amplify_outputs.json.</summary>
    public string Directory { get; }

    public string ConfigurationPath(string file) => Path.Combine(Directory, file);

    public static async Task<TestBackend> StartAsync(bool tls = false, string schema = BlogSchema, Action<LocalBackendOptions>? configure = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "amplify-sync-tests", Guid.NewGuid().ToString("N"));
        var options = new LocalBackendOptions
        {
            SchemaText = schema,
            Port = 0,
            DataDirectory = directory,
            ClientConfigDirectory = directory,
            UseTls = tls,
            ApiKey = "da2-synctests",
        };
        configure?.Invoke(options);
        return new TestBackend(await LocalBackend.LocalBackend.StartAsync(options), directory);
    }

    /// <summary>
    /// Sends a GraphQL request with the API key over plain HTTP (as from the AppSync console: outside any client); returns
    /// the whole response body.
    /// </summary>
    public async Task<System.Text.Json.Nodes.JsonObject> GraphQLAsync(string query, System.Text.Json.Nodes.JsonObject? variables = null)
    {
        var config = AmplifyConfig.Load(ConfigurationPath("amplify_outputs.json"));
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, config.GraphQLEndpoint)
        {
            Content = new StringContent(new System.Text.Json.Nodes.JsonObject { ["query"] = query, ["variables"] = variables ?? new System.Text.Json.Nodes.JsonObject() }.ToJsonString(),
                System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", config.ApiKey);
        using var response = await http.SendAsync(request);
        return (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The server's copy of a post (tombstones included), or null.</summary>
    public async Task<System.Text.Json.Nodes.JsonObject?> GetPostAsync(string id)
    {
        var body = await GraphQLAsync("query($id: ID!) { getPost(id: $id) { id title rating status tags _version _deleted } }", new System.Text.Json.Nodes.JsonObject { ["id"] = id });
        return body["data"]?["getPost"] as System.Text.Json.Nodes.JsonObject;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
