using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LiteDB;

namespace Amplify.DataStore.Benchmarks;

/// <summary>
/// The raw baselines of the <c>sync</c> scenarios: a bare <see cref="HttpClient"/> sending the documents the C# engine
/// sends for Post (<c>SyncDocuments</c>, <c>MutationVariables</c>), one request in flight, nothing stored, so the
/// client's own cost can be told from the backend's and the wire's.
/// </summary>
internal static class RawSyncBaseline
{
    // SyncDocuments' selection for Post of sync.graphql: stored fields (not the comments association, timestamps
    // included) plus the sync metadata. Kept verbatim so the backend resolves and serializes exactly the same work.
    private const string PostFields = "id title rating status tags createdAt updatedAt _version _lastChangedAt _deleted";
    private const string SyncPosts = "query SyncPosts($limit: Int, $nextToken: String, $lastSync: AWSTimestamp, $filter: ModelPostFilterInput) "
        + "{ syncPosts(limit: $limit, nextToken: $nextToken, lastSync: $lastSync, filter: $filter) { items { " + PostFields + " } nextToken startedAt } }";
    private const string CreatePost = "mutation CreatePost($input: CreatePostInput!) { createPost(input: $input) { " + PostFields + " } }";
    private const int PageSize = 1_000;

    public readonly record struct FetchFigures(int Items, int Pages, double Seconds, double PageP50Ms, long Bytes);

    public readonly record struct MutationFigures(int Sent, double Seconds, double P50Ms, double P99Ms);

    /// <summary>
    /// Fetches every page of <c>syncPosts</c> in turn, following nextToken, and parses each with <see cref="JsonDocument"/>;
    /// stops where the C# client does (no nextToken, or <paramref name="n"/> records, asking for at most the rest).
    /// </summary>
    public static Task<FetchFigures> FetchAllAsync(BackendServerProcess backend, int n) => FetchPagesAsync(backend, n, storePage: null);

    /// <summary>
    /// The floor of a hydration into LiteDB: the same pages fetched as <see cref="FetchAllAsync"/> (the next page
    /// requested while one is stored, as the engine does), each item mapped by hand to a <see cref="BsonDocument"/> (its
    /// fields, <c>_id</c> from its id, its version and change time) and inserted into a fresh LiteDB file with the store's
    /// settings, one transaction per page. No change events, no merge rules, no journal: what any LiteDB-backed client pays.
    /// </summary>
    public static async Task<FetchFigures> FetchAndStoreAllAsync(BackendServerProcess backend, int n, string databasePath)
    {
        using var database = new LiteDatabase(new ConnectionString { Filename = databasePath, Connection = ConnectionType.Direct, Collation = Collation.Binary });
        database.Pragma("CHECKPOINT", new Amplify.DataStore.Storage.LiteDb.LiteDbOptions { FilePath = "unused" }.CheckpointLogPages);
        var posts = database.GetCollection("Post");
        var figures = await FetchPagesAsync(backend, n, records =>
        {
            // No await between BeginTrans and Commit: a LiteDB transaction is bound to its OS thread.
            var stored = new List<BsonDocument>(records.GetArrayLength());
            foreach (var record in records.EnumerateArray()) stored.Add(ToDocument(record));
            database.BeginTrans();
            foreach (var doc in stored) posts.Insert(doc);
            database.Commit();
        });
        if (posts.Count() != figures.Items) throw new InvalidOperationException($"raw LiteDB stored {posts.Count()} of {figures.Items} records");
        return figures;
    }

    // Each page's next one is requested as soon as its token is read, then storePage (if any) gets the page's items; a
    // page's time runs from waiting for it to the end of its storing.
    private static async Task<FetchFigures> FetchPagesAsync(BackendServerProcess backend, int n, Action<JsonElement>? storePage)
    {
        using var http = backend.CreateHttpClient();
        var pageMs = new List<double>();
        long bytes = 0;
        var items = 0;
        Task<byte[]> Fetch(string? token, int soFar) => PostAsync(http, backend, SyncPosts, new JsonObject
        {
            ["limit"] = Math.Min(PageSize, n - soFar),
            ["nextToken"] = token,
            ["lastSync"] = null,
            ["filter"] = null,
        });
        var watch = Stopwatch.StartNew();
        Task<byte[]>? next = Fetch(null, 0);
        while (next is not null)
        {
            var started = Stopwatch.GetTimestamp();
            var body = await next;
            next = null;
            bytes += body.Length;
            using var document = JsonDocument.Parse(body);
            var page = Data(document, "syncPosts");
            var records = page.GetProperty("items");
            items += records.GetArrayLength();
            var token = page.GetProperty("nextToken").ValueKind == JsonValueKind.String ? page.GetProperty("nextToken").GetString() : null;
            if (token is not null && items < n) next = Fetch(token, items);
            storePage?.Invoke(records);
            pageMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        var seconds = watch.Elapsed.TotalSeconds;
        pageMs.Sort();
        return new FetchFigures(items, pageMs.Count, seconds, pageMs[pageMs.Count / 2], bytes);
    }

    private static BsonDocument ToDocument(JsonElement record)
    {
        var tags = new BsonArray();
        if (record.GetProperty("tags") is { ValueKind: JsonValueKind.Array } list)
        {
            foreach (var tag in list.EnumerateArray()) tags.Add(tag.ValueKind == JsonValueKind.String ? new BsonValue(tag.GetString()) : BsonValue.Null);
        }
        static BsonValue Text(JsonElement e) => e.ValueKind == JsonValueKind.String ? new BsonValue(e.GetString()) : BsonValue.Null;
        return new BsonDocument
        {
            ["_id"] = record.GetProperty("id").GetString(),
            ["title"] = Text(record.GetProperty("title")),
            ["rating"] = record.GetProperty("rating") is { ValueKind: JsonValueKind.Number } r ? new BsonValue(r.GetInt32()) : BsonValue.Null,
            ["status"] = Text(record.GetProperty("status")),
            ["tags"] = tags,
            ["createdAt"] = Text(record.GetProperty("createdAt")),
            ["updatedAt"] = Text(record.GetProperty("updatedAt")),
            ["_version"] = record.GetProperty("_version").GetInt32(),
            ["_lastChangedAt"] = record.GetProperty("_lastChangedAt").GetInt64(),
        };
    }

    /// <summary>
    /// Sends <paramref name="m"/> createPost mutations, each awaited before the next, with the variables the outbox sends
    /// for a create (every writable stored field, the id made by the client; no condition, no _version).
    /// </summary>
    public static async Task<MutationFigures> CreatePostsAsync(BackendServerProcess backend, int m)
    {
        using var http = backend.CreateHttpClient();
        var latencies = new double[m];
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < m; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var body = await PostAsync(http, backend, CreatePost, new JsonObject
            {
                ["input"] = new JsonObject
                {
                    ["id"] = Guid.NewGuid().ToString(),
                    ["title"] = "raw " + i,
                    ["rating"] = i,
                    ["status"] = "ACTIVE",
                    ["tags"] = new JsonArray("bench", "raw"),
                },
            });
            using var document = JsonDocument.Parse(body);
            Data(document, "createPost");
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        var seconds = watch.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        double Pct(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
        return new MutationFigures(m, seconds, Pct(0.50), Pct(0.99));
    }

    private static async Task<byte[]> PostAsync(HttpClient http, BackendServerProcess backend, string query, JsonObject variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, backend.Endpoint)
        {
            Content = new StringContent(new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", backend.ApiKey);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(500, body.Length)))}");
        return body;
    }

    // A baseline that got errors would be timing a different (cheaper) path, so it fails instead.
    private static JsonElement Data(JsonDocument document, string field)
    {
        var root = document.RootElement;
        if (root.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0) throw new InvalidOperationException(field + " failed: " + errors.GetRawText()[..Math.Min(500, errors.GetRawText().Length)]);
        return root.GetProperty("data").GetProperty(field);
    }
}
