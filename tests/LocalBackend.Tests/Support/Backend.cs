using NUnit.Framework;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Amplify.DataStore.LocalBackend.Tests.Support;

/// <summary>
/// A backend started in-process on a random 127.0.0.1 port, and a raw HttpClient to talk to it (no Amplify client).
/// </summary>
internal sealed class Backend : IAsyncDisposable
{
    public const string BlogSchema = """
        enum PostStatus { ACTIVE INACTIVE }
        type Post @model {
          id: ID!
          title: String!
          rating: Int!
          status: PostStatus!
          tags: [String]
          comments: [Comment] @hasMany
        }
        type Comment @model {
          id: ID!
          content: String
          post: Post @belongsTo
        }
        """;

    private Backend(LocalBackend server, LocalBackendOptions options, string directory)
    {
        Server = server;
        Options = options;
        Directory = directory;
        Http = NewHttpClient();
    }

    public LocalBackend Server { get; }

    public LocalBackendOptions Options { get; }

    public string Directory { get; }

    public HttpClient Http { get; }

    public Uri Endpoint => Server.GraphQLEndpoint;

    public static async Task<Backend> StartAsync(string? schema = null, Action<LocalBackendOptions>? configure = null, string? directory = null)
    {
        directory ??= Path.Combine(Path.GetTempPath(), "amplify-local-backend-tests", Guid.NewGuid().ToString("N"));
        var options = new LocalBackendOptions
        {
            SchemaText = schema ?? BlogSchema,
            Port = 0,
            DataDirectory = directory,
            ClientConfigDirectory = directory,
            UseTls = false,
            ApiKey = "da2-testkey",
            KeepAliveInterval = TimeSpan.FromSeconds(30),
        };
        configure?.Invoke(options);
        var server = await LocalBackend.StartAsync(options);
        return new Backend(server, options, directory);
    }

    /// <summary>A client that trusts only this backend's certificate (when TLS is on).</summary>
    public HttpClient NewHttpClient()
    {
        var handler = new HttpClientHandler();
        if (Server.Certificate is { } certificate)
        {
            handler.ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == certificate.Thumbprint;
        }
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Posts a GraphQL request with the API key (or the given auth) and returns the status and JSON body.</summary>
    public async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(string query, object? variables = null, string? apiKey = "", string? jwt = null)
    {
        var (status, text) = await PostTextAsync(query, variables, apiKey, jwt);
        return (status, (JsonObject)JsonNode.Parse(text)!);
    }

    /// <summary>Like <see cref="PostAsync"/>, but returns the response body exactly as received (for byte-level checks).</summary>
    public async Task<(HttpStatusCode Status, string Text)> PostTextAsync(string query, object? variables = null, string? apiKey = "", string? jwt = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint);
        var body = new JsonObject { ["query"] = query };
        if (variables is not null) body["variables"] = System.Text.Json.JsonSerializer.SerializeToNode(variables);
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        if (apiKey == "") apiKey = Server.ApiKey;
        if (apiKey is not null) request.Headers.Add("x-api-key", apiKey);
        if (jwt is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", jwt);
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts and asserts success (HTTP 200, no errors); returns <c>data</c>.</summary>
    public async Task<JsonObject> DataAsync(string query, object? variables = null, string? jwt = null)
    {
        var (status, body) = await PostAsync(query, variables, apiKey: jwt is null ? "" : null, jwt: jwt);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToJsonString());
        Assert.That(body["errors"], Is.Null, body.ToJsonString());
        return (JsonObject)body["data"]!;
    }

    public const string PostFields = "id title rating status tags _version _deleted _lastChangedAt createdAt updatedAt";

    public async Task<JsonObject> CreatePostAsync(string title, int rating = 5, string status = "ACTIVE", string? id = null)
    {
        var input = new Dictionary<string, object?> { ["title"] = title, ["rating"] = rating, ["status"] = status };
        if (id is not null) input["id"] = id;
        var data = await DataAsync($"mutation($input: CreatePostInput!) {{ createPost(input: $input) {{ {PostFields} }} }}", new { input });
        return (JsonObject)data["createPost"]!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
