using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LocalBackendOptions = Amplify.DataStore.LocalBackend.LocalBackendOptions;
using LocalBackendServer = Amplify.DataStore.LocalBackend.LocalBackend;

namespace Amplify.DataStore.Benchmarks;

/// <summary>
/// The local AppSync-compatible backend over real loopback sockets: raw HttpClient for GraphQL, raw ClientWebSocket for
/// the realtime dialect (no Amplify client, no mocks). Prints one JSON line per scenario with a correctness check in
/// "ok"; each figure is the median over the measured runs.
/// </summary>
internal static class BackendBenchmark
{
    /// <summary>The schema both backend benchmarks serve.</summary>
    internal const string Schema = """
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

    private const string PostFields = "id title rating status _version _deleted _lastChangedAt createdAt updatedAt";
    private const string CreatePost = "mutation CreatePost($input: CreatePostInput!) { createPost(input: $input) { " + PostFields + " } }";
    private const string SyncPosts = "query SyncPosts($limit: Int, $nextToken: String) { syncPosts(limit: $limit, nextToken: $nextToken) { items { " + PostFields + " } nextToken startedAt } }";
    private const string OnCreatePost = "subscription OnCreatePost { onCreatePost { " + PostFields + " } }";
    private const int Clients = 8;
    private const int SyncSeed = 5_000;
    private const int SyncPage = 1_000;
    private const int Subscribers = 200;
    private const int Events = 200;

    private static readonly string Root = Path.Combine(Path.GetTempPath(), "amplify-bench-backend-" + Environment.ProcessId);

    private static readonly Results s_results = new();

    public static async Task<bool> RunAsync(int n, int repeat)
    {
        Directory.CreateDirectory(Root);
        try
        {
            // Warm-up pass (not recorded): JIT for the server pipeline, GraphQL execution and the client paths.
            s_results.Quiet = true;
            await RunScenariosAsync(Math.Min(n, 400), syncSeed: 1_200, subscribers: 20, events: 20);
            s_results.Quiet = false;
            var ok = true;
            for (int r = 0; r < repeat; r++) ok &= await RunScenariosAsync(n, SyncSeed, Subscribers, Events);
            s_results.PrintMedians();
            return ok;
        }
        finally
        {
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<bool> RunScenariosAsync(int n, int syncSeed, int subscribers, int events)
    {
        var ok = true;
        ok &= await MutationsAsync(n);
        ok &= await SyncPagesAsync(syncSeed);
        ok &= await SubscribersAsync(subscribers, events);
        return ok;
    }

    // ---- scenarios ---------------------------------------------------------------------------------------------------

    /// <summary>
    /// 8 concurrent clients, each its own HttpClient over one shared SocketsHttpHandler (so each client gets a pooled
    /// keep-alive connection of its own), creating posts in a loop against the LiteDB-backed store.
    /// </summary>
    private static async Task<bool> MutationsAsync(int n)
    {
        var per = n / Clients;
        var total = per * Clients;
        await using var backend = await BackendHandle.StartAsync(inMemory: false);
        var clients = Enumerable.Range(0, Clients).Select(_ => backend.NewClient()).ToArray();
        try
        {
            var failures = 0;
            var sw = Stopwatch.StartNew();
            await Task.WhenAll(clients.Select((client, c) => Task.Run(async () =>
            {
                for (int i = 0; i < per; i++)
                {
                    if (!await backend.CreatePostAsync(client, Guid.NewGuid().ToString(), c * per + i)) Interlocked.Increment(ref failures);
                }
            })));
            var seconds = sw.Elapsed.TotalSeconds;
            var synced = await backend.SyncAllAsync(clients[0], SyncPage, pageMs: null);
            var ok = failures == 0 && synced.Count == total && synced.Distinct(StringComparer.Ordinal).Count() == total;
            return s_results.Record($"backend-mutations-{Clients}-clients", ok, ("n", total), ("opsPerSec", total / seconds));
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    /// <summary>Seeds posts, then times full base syncs (following nextToken) and each 1000-item page.</summary>
    private static async Task<bool> SyncPagesAsync(int seed)
    {
        await using var backend = await BackendHandle.StartAsync(inMemory: false);
        using var client = backend.NewClient();
        var ids = Enumerable.Range(0, seed).Select(_ => Guid.NewGuid().ToString()).ToArray();
        var seeders = Enumerable.Range(0, Clients).Select(_ => backend.NewClient()).ToArray();
        var failures = 0;
        try
        {
            await Task.WhenAll(seeders.Select((seeder, c) => Task.Run(async () =>
            {
                for (int i = c; i < seed; i += Clients)
                {
                    if (!await backend.CreatePostAsync(seeder, ids[i], i)) Interlocked.Increment(ref failures);
                }
            })));
        }
        finally
        {
            foreach (var seeder in seeders) seeder.Dispose();
        }

        const int fullSyncs = 5;
        var pageMs = new List<double>();
        var syncMs = new double[fullSyncs];
        var ok = failures == 0;
        var expected = new HashSet<string>(ids, StringComparer.Ordinal);
        for (int s = 0; s < fullSyncs; s++)
        {
            var sw = Stopwatch.StartNew();
            var received = await backend.SyncAllAsync(client, SyncPage, pageMs);
            syncMs[s] = sw.Elapsed.TotalMilliseconds;
            var distinct = new HashSet<string>(received, StringComparer.Ordinal);
            ok &= received.Count == seed && distinct.Count == seed && distinct.SetEquals(expected);
        }
        Array.Sort(syncMs);
        var pages = pageMs.OrderBy(v => v).ToArray();
        var median = syncMs[fullSyncs / 2];
        return s_results.Record($"backend-sync-page-{SyncPage}", ok, ("n", seed), ("itemsPerSec", seed / (median / 1000)),
            ("fullSyncMs", median), ("pages", pages.Length), ("pageP50Ms", Pct(pages, 0.5)), ("pageMaxMs", pages[^1]));
    }

    /// <summary>
    /// Many WebSocket connections with one onCreatePost subscription each; createPost mutations published sequentially a
    /// few ms apart; latency from just before sending each mutation to each subscriber receiving its data frame.
    /// </summary>
    private static async Task<bool> SubscribersAsync(int subscriberCount, int events)
    {
        await using var backend = await BackendHandle.StartAsync(inMemory: false);
        using var publisher = backend.NewClient();
        var ids = Enumerable.Range(0, events).Select(_ => Guid.NewGuid().ToString()).ToArray();
        var index = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var sent = new long[events];
        var expectedTotal = subscriberCount * events;
        var received = 0;
        var allReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var subscribers = new Subscriber[subscriberCount];
        try
        {
            // Connect and subscribe, 16 at a time.
            using (var gate = new SemaphoreSlim(16))
            {
                await Task.WhenAll(Enumerable.Range(0, subscriberCount).Select(async s =>
                {
                    await gate.WaitAsync();
                    try
                    {
                        subscribers[s] = await Subscriber.ConnectAsync(backend, events);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }));
            }
            foreach (var subscriber in subscribers)
            {
                subscriber.Listen(sent, index, () =>
                {
                    if (Interlocked.Increment(ref received) == expectedTotal) allReceived.TrySetResult();
                });
            }

            var failures = 0;
            for (int i = 0; i < events; i++)
            {
                Volatile.Write(ref sent[i], Stopwatch.GetTimestamp());
                if (!await backend.CreatePostAsync(publisher, ids[i], i)) failures++;
                await Task.Delay(3);
            }
            var completed = await Task.WhenAny(allReceived.Task, Task.Delay(TimeSpan.FromSeconds(15))) == allReceived.Task;

            var latencies = subscribers.SelectMany(s => s.Latencies).Where(v => !double.IsNaN(v)).OrderBy(v => v).ToArray();
            var ok = completed && failures == 0 && subscribers.All(s => s.Complete) && latencies.Length == expectedTotal;
            // Fan-out spread: per event, the first and the last subscriber to receive it (medians over events).
            var first = Enumerable.Range(0, events).Select(i => subscribers.Select(s => s.Latencies[i]).Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Min()).OrderBy(v => v).ToArray();
            var last = Enumerable.Range(0, events).Select(i => subscribers.Select(s => s.Latencies[i]).Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Max()).OrderBy(v => v).ToArray();
            return s_results.Record($"backend-subscribers-{subscriberCount}", ok, ("n", events), ("connections", subscriberCount),
                ("delivered", Volatile.Read(ref received)), ("expected", expectedTotal),
                ("p50Ms", Pct(latencies, 0.5)), ("p99Ms", Pct(latencies, 0.99)), ("maxMs", latencies.Length == 0 ? 0 : latencies[^1]),
                ("firstSubscriberP50Ms", Pct(first, 0.5)), ("lastSubscriberP50Ms", Pct(last, 0.5)));
        }
        finally
        {
            await Task.WhenAll(subscribers.Where(s => s is not null).Select(s => s.CloseAsync()));
        }
    }

    private static double Pct(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    // ---- the backend and raw clients ---------------------------------------------------------------------------------

    /// <summary>A backend on a random loopback port (plain HTTP, API key) in its own temp directory.</summary>
    private sealed class BackendHandle : IAsyncDisposable
    {
        private readonly SocketsHttpHandler _handler = new()
        {
            UseProxy = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };

        private BackendHandle(LocalBackendServer server, string directory)
        {
            Server = server;
            Directory = directory;
            HeaderObject = JsonSerializer.Serialize(new Dictionary<string, string> { ["host"] = server.GraphQLEndpoint.Authority, ["x-api-key"] = server.ApiKey });
        }

        public LocalBackendServer Server { get; }

        public string Directory { get; }

        /// <summary>The realtime auth header object: <c>{"host":..,"x-api-key":..}</c>.</summary>
        public string HeaderObject { get; }

        public static async Task<BackendHandle> StartAsync(bool inMemory)
        {
            var directory = Path.Combine(Root, Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(directory);
            var server = await LocalBackendServer.StartAsync(new LocalBackendOptions
            {
                SchemaText = Schema,
                Port = 0,
                InMemory = inMemory,
                DataDirectory = directory,
                ClientConfigDirectory = directory,
                UseTls = false,
                ApiKey = "da2-bench",
            });
            return new BackendHandle(server, directory);
        }

        /// <summary>A client of its own over the shared handler (connections are pooled per handler).</summary>
        public HttpClient NewClient() => new(_handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };

        public async Task<JsonDocument> PostAsync(HttpClient client, string body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Server.GraphQLEndpoint)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("x-api-key", Server.ApiKey);
            using var response = await client.SendAsync(request);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
            return JsonDocument.Parse(bytes);
        }

        /// <summary>createPost with a client-chosen id; true when the response has no errors and echoes the id.</summary>
        public async Task<bool> CreatePostAsync(HttpClient client, string id, int i)
        {
            var input = new Dictionary<string, object> { ["id"] = id, ["title"] = "Post number " + i.ToString(CultureInfo.InvariantCulture), ["rating"] = i % 10, ["status"] = i % 3 == 0 ? "INACTIVE" : "ACTIVE" };
            var body = JsonSerializer.Serialize(new Dictionary<string, object> { ["query"] = CreatePost, ["variables"] = new Dictionary<string, object> { ["input"] = input } });
            using var document = await PostAsync(client, body);
            var root = document.RootElement;
            return !root.TryGetProperty("errors", out _)
                && root.TryGetProperty("data", out var data) && data.TryGetProperty("createPost", out var created)
                && created.ValueKind == JsonValueKind.Object && created.GetProperty("id").GetString() == id;
        }

        /// <summary>A full base sync following nextToken: the ids of every live item received (duplicates kept).</summary>
        public async Task<List<string>> SyncAllAsync(HttpClient client, int limit, List<double>? pageMs)
        {
            var ids = new List<string>();
            string? token = null;
            do
            {
                var variables = new Dictionary<string, object?> { ["limit"] = limit, ["nextToken"] = token };
                var body = JsonSerializer.Serialize(new Dictionary<string, object> { ["query"] = SyncPosts, ["variables"] = variables });
                var sw = Stopwatch.StartNew();
                using var document = await PostAsync(client, body);
                var elapsed = sw.Elapsed.TotalMilliseconds;
                var root = document.RootElement;
                if (root.TryGetProperty("errors", out var errors)) throw new InvalidOperationException("syncPosts failed: " + errors.GetRawText());
                var page = root.GetProperty("data").GetProperty("syncPosts");
                // Page latency counts full pages only (a trailing short or empty page is not a 1000-item page).
                if (page.GetProperty("items").GetArrayLength() == limit) pageMs?.Add(elapsed);
                foreach (var item in page.GetProperty("items").EnumerateArray())
                {
                    if (item.GetProperty("_deleted").ValueKind != JsonValueKind.True) ids.Add(item.GetProperty("id").GetString()!);
                }
                token = page.GetProperty("nextToken").GetString();
            }
            while (token is not null);
            return ids;
        }

        public async ValueTask DisposeAsync()
        {
            _handler.Dispose();
            await Server.DisposeAsync();
            try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>One raw ClientWebSocket with one onCreatePost subscription.</summary>
    private sealed class Subscriber
    {
        private readonly ClientWebSocket _socket;
        private readonly byte[] _buffer = new byte[16 * 1024];
        private Task _loop = Task.CompletedTask;
        private int _duplicates;

        private Subscriber(ClientWebSocket socket, int events)
        {
            _socket = socket;
            Latencies = Enumerable.Repeat(double.NaN, events).ToArray();
        }

        /// <summary>Per event: ms from just before its mutation was sent to this subscriber's data frame (NaN: missed).</summary>
        public double[] Latencies { get; }

        public bool Complete => _duplicates == 0 && Latencies.All(v => !double.IsNaN(v));

        public static async Task<Subscriber> ConnectAsync(BackendHandle backend, int events)
        {
            var socket = new ClientWebSocket();
            var header = Convert.ToBase64String(Encoding.UTF8.GetBytes(backend.HeaderObject)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            socket.Options.AddSubProtocol("graphql-ws");
            socket.Options.AddSubProtocol("header-" + header);
            var subscriber = new Subscriber(socket, events);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await socket.ConnectAsync(backend.Server.RealtimeEndpoint, timeout.Token);
            await subscriber.SendAsync("{\"type\":\"connection_init\"}", timeout.Token);
            await subscriber.ExpectAsync("connection_ack", timeout.Token);
            var data = JsonSerializer.Serialize(new Dictionary<string, object> { ["query"] = OnCreatePost, ["variables"] = new Dictionary<string, object>() });
            var start = "{\"id\":\"sub-1\",\"type\":\"start\",\"payload\":{\"data\":" + JsonSerializer.Serialize(data)
                + ",\"extensions\":{\"authorization\":" + backend.HeaderObject + "}}}";
            await subscriber.SendAsync(start, timeout.Token);
            await subscriber.ExpectAsync("start_ack", timeout.Token);
            return subscriber;
        }

        /// <summary>Receives data frames until the server closes, timing each against its mutation's send time.</summary>
        public void Listen(long[] sent, Dictionary<string, int> index, Action onEvent)
        {
            _loop = Task.Run(async () =>
            {
                while (true)
                {
                    var (length, closed) = await ReceiveAsync(CancellationToken.None);
                    if (closed) return;
                    var now = Stopwatch.GetTimestamp();
                    using var document = JsonDocument.Parse(_buffer.AsMemory(0, length));
                    var root = document.RootElement;
                    if (root.GetProperty("type").GetString() != "data") continue;
                    var id = root.GetProperty("payload").GetProperty("data").GetProperty("onCreatePost").GetProperty("id").GetString()!;
                    if (!index.TryGetValue(id, out var i)) continue;
                    if (!double.IsNaN(Latencies[i]))
                    {
                        _duplicates++;
                        continue;
                    }
                    Latencies[i] = Stopwatch.GetElapsedTime(Volatile.Read(ref sent[i]), now).TotalMilliseconds;
                    onEvent();
                }
            });
        }

        public async Task CloseAsync()
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                if (_socket.State == WebSocketState.Open) await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                await _loop.WaitAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or TimeoutException)
            {
            }
            finally
            {
                _socket.Dispose();
            }
        }

        private Task SendAsync(string text, CancellationToken cancellationToken)
            => _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);

        /// <summary>Skips frames (ka) until one of the given type.</summary>
        private async Task ExpectAsync(string type, CancellationToken cancellationToken)
        {
            while (true)
            {
                var (length, closed) = await ReceiveAsync(cancellationToken);
                if (closed) throw new InvalidOperationException($"The server closed the socket while waiting for {type}.");
                using var document = JsonDocument.Parse(_buffer.AsMemory(0, length));
                var received = document.RootElement.GetProperty("type").GetString();
                if (received == type) return;
                if (received != "ka") throw new InvalidOperationException($"Expected {type}, got {document.RootElement.GetRawText()}.");
            }
        }

        private async Task<(int Length, bool Closed)> ReceiveAsync(CancellationToken cancellationToken)
        {
            var length = 0;
            while (true)
            {
                if (length == _buffer.Length) throw new InvalidOperationException("Frame larger than the receive buffer.");
                var result = await _socket.ReceiveAsync(_buffer.AsMemory(length), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close) return (0, true);
                length += result.Count;
                if (result.EndOfMessage) return (length, false);
            }
        }
    }

    /// <summary>Each scenario's figures per measured run; prints the medians, one JSON line per scenario.</summary>
    private sealed class Results
    {
        private readonly List<(string Scenario, List<((string Name, double Value)[] Figures, bool Ok)> Runs)> _results = new();

        public bool Quiet { get; set; }

        public bool Record(string scenario, bool ok, params (string Name, double Value)[] figures)
        {
            if (Quiet) return ok;
            var index = _results.FindIndex(r => r.Scenario == scenario);
            if (index < 0)
            {
                _results.Add((scenario, new()));
                index = _results.Count - 1;
            }
            _results[index].Runs.Add((figures, ok));
            return ok;
        }

        public void PrintMedians()
        {
            foreach (var (scenario, runs) in _results)
            {
                var line = new StringBuilder();
                line.Append(CultureInfo.InvariantCulture, $"{{\"scenario\":\"{scenario}\"");
                foreach (var (name, _) in runs[0].Figures)
                {
                    var values = runs.Select(r => r.Figures.First(f => f.Name == name).Value).OrderBy(v => v).ToArray();
                    var median = values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
                    var format = name.EndsWith("Ms", StringComparison.Ordinal) ? "F3" : "F0";
                    line.Append(CultureInfo.InvariantCulture, $",\"{name}\":{median.ToString(format, CultureInfo.InvariantCulture)}");
                }
                line.Append(CultureInfo.InvariantCulture, $",\"runs\":{runs.Count},\"ok\":{(runs.All(r => r.Ok) ? "true" : "false")}}}");
                Console.WriteLine(line.ToString());
            }
        }
    }
}
