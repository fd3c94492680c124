using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Amplify.DataStore.Benchmarks;

/// <summary>
/// Fills the backend with posts through its public GraphQL API (the backend program has no bulk import): createPost
/// mutations, <see cref="PerRequest"/> aliased fields per request, from <see cref="Connections"/> concurrent connections.
/// </summary>
internal static class SyncSeeder
{
    private const int PerRequest = 100;
    private const int Connections = 8;

    /// <summary>Creates <paramref name="n"/> posts; returns how many the server refused.</summary>
    public static async Task<int> SeedAsync(BackendServerProcess backend, int n)
    {
        using var http = backend.CreateHttpClient(maxConnectionsPerServer: Connections);
        var batches = (n + PerRequest - 1) / PerRequest;
        var next = -1;
        var refused = 0;
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(_ => Task.Run(async () =>
        {
            for (int b = Interlocked.Increment(ref next); b < batches; b = Interlocked.Increment(ref next))
            {
                var first = b * PerRequest;
                var count = Math.Min(PerRequest, n - first);
                var query = new StringBuilder("mutation Seed {");
                for (int i = first; i < first + count; i++)
                {
                    query.Append(CultureInfo.InvariantCulture,
                        $" p{i}: createPost(input: {{ title: \"seeded post {i}\", rating: {i % 5}, status: {(i % 2 == 0 ? "ACTIVE" : "INACTIVE")}, tags: [\"seed\", \"t{i % 10}\"] }}) {{ id }}");
                }
                query.Append(" }");
                using var request = new HttpRequestMessage(HttpMethod.Post, backend.Endpoint)
                {
                    Content = new StringContent(JsonSerializer.Serialize(new { query = query.ToString() }), Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("x-api-key", backend.ApiKey);
                using var response = await http.SendAsync(request);
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var created = body.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                    ? data.EnumerateObject().Count(p => p.Value.ValueKind == JsonValueKind.Object)
                    : 0;
                if (created != count)
                {
                    if (Interlocked.Add(ref refused, count - created) == count - created) Console.Error.WriteLine("[seed] " + body.RootElement.GetRawText()[..Math.Min(500, body.RootElement.GetRawText().Length)]);
                }
            }
        })));
        return refused;
    }
}
