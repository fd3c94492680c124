using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Amplify.DataStore.Benchmarks;

/// <summary>
/// The abusive requests of issue 12 §2 against the backend program running as a child process: per attack the answer,
/// the server's CPU time while it ran and in the 5 s after it (the server should be idle again), and its resident set;
/// at the end the server's peak working set across all attacks. Targets: peak under 300 MB, CPU after each under 0.5 s.
/// </summary>
internal static class BackendAttackBenchmark
{
    private const double PeakTargetMb = 300;
    private static readonly TimeSpan CpuAfterTarget = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(15);
    private const int SeedPosts = 1_000;
    private const int SlowEvents = 3_000;
    private const int SlowEventBytes = 50 * 1024;

    /// <param name="serverDll">Another build of the program to measure (e.g. an older commit's), or null for this one.</param>
    public static async Task<bool> RunAsync(string? serverDll)
    {
        await using var server = await BackendServerProcess.StartAsync(BackendBenchmark.Schema, serverDll);
        using var handler = new SocketsHttpHandler { UseProxy = false };
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        Console.WriteLine($"{{\"scenario\":\"backend-attacks\",\"server\":\"{(serverDll ?? "this build").Replace("\\", "/", StringComparison.Ordinal)}\",\"pid\":{server.Pid},\"startPeakMb\":{F(server.Sample().PeakMb)}}}");
        for (int i = 0; i < SeedPosts; i++)
        {
            await PostAsync(http, server, Json(new { query = "mutation($i: CreatePostInput!) { createPost(input: $i) { id } }", variables = new { i = new { title = "Post " + i, rating = i % 10, status = "ACTIVE" } } }), CancellationToken.None);
        }

        var cpuAfter = TimeSpan.Zero;
        var ok = true;
        foreach (var (name, body) in HttpAttacks())
        {
            var (fine, after) = await HttpAttackAsync(server, http, name, body);
            ok &= fine;
            cpuAfter = cpuAfter > after ? cpuAfter : after;
        }
        var (slowFine, slowAfter) = await SlowSubscriberAsync(server, http);
        ok &= slowFine;
        cpuAfter = cpuAfter > slowAfter ? cpuAfter : slowAfter;

        var peak = server.Sample().PeakMb;
        var targetsMet = peak < PeakTargetMb && cpuAfter < CpuAfterTarget;
        Console.WriteLine($"{{\"scenario\":\"backend-attacks-summary\",\"peakWorkingSetMb\":{F(peak)},\"peakTargetMb\":{PeakTargetMb},\"maxCpuAfterMs\":{F(cpuAfter.TotalMilliseconds)},\"cpuAfterTargetMs\":{CpuAfterTarget.TotalMilliseconds},\"targetsMet\":{Bool(targetsMet)},\"ok\":{Bool(ok)}}}");
        return ok && targetsMet;
    }

    private static IEnumerable<(string Name, string Body)> HttpAttacks()
    {
        yield return ("fragments-24-levels", Json(new { query = FragmentBomb(24) }));
        yield return ("fragments-40-levels", Json(new { query = FragmentBomb(40) }));
        yield return ("aliases-1000", Json(new { query = ListAliases(1_000) }));
        yield return ("aliases-5000", Json(new { query = ListAliases(5_000) }));
        yield return ("selection-nested-1000", Json(new { query = "query " + string.Concat(Enumerable.Repeat("{ a ", 1_000)) + new string('}', 1_000) }));
        yield return ("filter-literal-nested-1000", Json(new { query = "query { listPosts(filter: " + string.Concat(Enumerable.Repeat("{ and: [", 1_000)) + "{ rating: { eq: 1 } }" + string.Concat(Enumerable.Repeat("] }", 1_000)) + ") { items { id } } }" }));
        yield return ("list-literal-nested-1000", Json(new { query = "query { listPosts(filter: { rating: { between: " + new string('[', 1_000) + "1" + new string(']', 1_000) + " } }) { items { id } } }" }));
        yield return ("variables-nested-1000", "{\"query\":\"query($f: ModelPostFilterInput) { listPosts(filter: $f) { items { id } } }\",\"variables\":{\"f\":"
            + string.Concat(Enumerable.Repeat("{\"and\":[", 1_000)) + "{\"rating\":{\"eq\":1}}" + string.Concat(Enumerable.Repeat("]}", 1_000)) + "}}");
    }

    /// <summary>Each fragment spreads the next twice (inline fragments keep execution from merging the spreads).</summary>
    private static string FragmentBomb(int levels)
    {
        var text = new StringBuilder("query { listPosts { items { ...F0 } } }\n");
        for (int i = 0; i < levels; i++) text.Append(CultureInfo.InvariantCulture, $"fragment F{i} on Post {{ id ...on Post {{ ...F{i + 1} }} ...on Post {{ ...F{i + 1} }} }}\n");
        return text.Append(CultureInfo.InvariantCulture, $"fragment F{levels} on Post {{ id title }}\n").ToString();
    }

    /// <summary>Aliases of listPosts with differing arguments (page size and filter), each a full page of the seeded posts.</summary>
    private static string ListAliases(int count)
    {
        var text = new StringBuilder("query {");
        for (int i = 0; i < count; i++) text.Append(CultureInfo.InvariantCulture, $" a{i}: listPosts(limit: {1000 - i % 10}, filter: {{ rating: {{ ge: {i % 10} }} }}) {{ items {{ id title rating status _version }} }}");
        return text.Append(" }").ToString();
    }

    private static async Task<(bool Ok, TimeSpan CpuAfter)> HttpAttackAsync(BackendServerProcess server, HttpClient http, string name, string body)
    {
        await server.SettleAsync(SettleLimit);
        var before = server.Sample();
        var watch = Stopwatch.StartNew();
        string outcome;
        using (var timeout = new CancellationTokenSource(ClientTimeout))
        {
            try
            {
                var (status, length, head) = await PostAsync(http, server, body, timeout.Token);
                var errorType = Regex.Match(head, "\"errorType\":\"([^\"]+)\"");
                outcome = $"HTTP {status}, {length} bytes" + (errorType.Success ? ", " + errorType.Groups[1].Value : "");
            }
            catch (OperationCanceledException)
            {
                outcome = $"client gave up after {ClientTimeout.TotalSeconds} s";
            }
            catch (HttpRequestException ex)
            {
                outcome = "connection failed: " + ex.Message;
            }
        }
        var clientMs = watch.Elapsed.TotalMilliseconds;
        var done = server.Sample();
        await Task.Delay(Quiet);
        var after = server.Sample();
        var cpuAfter = after.Cpu - done.Cpu;
        // Correct when the server answered with a GraphQL error body (never a 500, never silence).
        var ok = outcome.StartsWith("HTTP 200", StringComparison.Ordinal) || outcome.StartsWith("HTTP 400", StringComparison.Ordinal);
        Console.WriteLine($"{{\"scenario\":\"attack-{name}\",\"requestBytes\":{Encoding.UTF8.GetByteCount(body)},\"outcome\":{JsonSerializer.Serialize(outcome)},\"clientMs\":{F(clientMs)},\"serverCpuDuringMs\":{F((done.Cpu - before.Cpu).TotalMilliseconds)},\"serverCpuIn5sAfterMs\":{F(cpuAfter.TotalMilliseconds)},\"residentMb\":{F(after.ResidentMb)},\"peakMb\":{F(after.PeakMb)},\"ok\":{Bool(ok)}}}");
        return (ok, cpuAfter);
    }

    /// <summary>
    /// One subscriber that never reads and one that reads, while 3,000 updates of one post with a 50 KB title are
    /// published (each event carries the title; the store keeps one copy of it, so memory growth is the send queues').
    /// </summary>
    private static async Task<(bool Ok, TimeSpan CpuAfter)> SlowSubscriberAsync(BackendServerProcess server, HttpClient http)
    {
        const string selection = "{ id title rating _version }";
        var title = new string('x', SlowEventBytes);
        var created = await PostAsync(http, server, Json(new { query = "mutation($i: CreatePostInput!) { createPost(input: $i) " + selection + " }", variables = new { i = new { id = "big", title, rating = 0, status = "ACTIVE" } } }), CancellationToken.None);
        if (created.Status != 200) throw new InvalidOperationException("Could not create the post: " + created.Head);

        await server.SettleAsync(SettleLimit);
        var before = server.Sample();
        var watch = Stopwatch.StartNew();
        using var slow = await SubscribeAsync(server, "subscription { onUpdatePost " + selection + " }");
        using var reader = await SubscribeAsync(server, "subscription { onUpdatePost " + selection + " }");
        var received = 0;
        var reading = Task.Run(async () =>
        {
            var buffer = new byte[256 * 1024];
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            while (received < SlowEvents)
            {
                var (text, closed) = await ReceiveAsync(reader, buffer, limit.Token);
                if (closed) return;
                if (text.StartsWith("{\"type\":\"data\"", StringComparison.Ordinal)) received++;
            }
        });

        long version = 1;
        for (int i = 1; i <= SlowEvents; i++)
        {
            // The event carries what the mutation selected (AppSync's rule), so the mutation selects the title too.
            var update = Json(new { query = "mutation($i: UpdatePostInput!) { updatePost(input: $i) " + selection + " }", variables = new { i = new { id = "big", rating = i % 10, _version = version } } });
            var (_, _, head) = await PostAsync(http, server, update, CancellationToken.None);
            var match = Regex.Match(head, "\"_version\":(\\d+)");
            if (match.Success) version = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        try
        {
            await reading.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (Exception ex) when (ex is TimeoutException or WebSocketException or OperationCanceledException)
        {
        }
        var clientMs = watch.Elapsed.TotalMilliseconds;
        var done = server.Sample();
        await Task.Delay(Quiet);
        var after = server.Sample();

        // What the slow client finds when it finally reads: its dropped queue ends in an error frame and a close.
        var slowOutcome = "still open";
        var slowData = 0;
        try
        {
            var buffer = new byte[256 * 1024];
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (true)
            {
                var (text, closed) = await ReceiveAsync(slow, buffer, limit.Token);
                if (closed)
                {
                    slowOutcome = slowOutcome.StartsWith("error frame", StringComparison.Ordinal) ? slowOutcome + ", then closed" : "closed";
                    break;
                }
                if (text.StartsWith("{\"type\":\"data\"", StringComparison.Ordinal)) slowData++;
                else if (text.StartsWith("{\"type\":\"error\"", StringComparison.Ordinal)) slowOutcome = "error frame " + Regex.Match(text, "\"errorType\":\"([^\"]+)\"").Groups[1].Value;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException)
        {
            slowOutcome = slowOutcome.StartsWith("error frame", StringComparison.Ordinal) ? slowOutcome + ", then reset" : "reset by the server";
        }
        var ok = received == SlowEvents && slowOutcome != "still open";
        Console.WriteLine($"{{\"scenario\":\"attack-slow-subscriber\",\"events\":{SlowEvents},\"eventBytes\":{SlowEventBytes},\"readerReceived\":{received},\"slowClientReceived\":{slowData},\"slowClient\":{JsonSerializer.Serialize(slowOutcome)},\"clientMs\":{F(clientMs)},\"serverCpuDuringMs\":{F((done.Cpu - before.Cpu).TotalMilliseconds)},\"serverCpuIn5sAfterMs\":{F((after.Cpu - done.Cpu).TotalMilliseconds)},\"residentMb\":{F(after.ResidentMb)},\"peakMb\":{F(after.PeakMb)},\"ok\":{Bool(ok)}}}");
        return (ok, after.Cpu - done.Cpu);
    }

    private static async Task<ClientWebSocket> SubscribeAsync(BackendServerProcess server, string query)
    {
        var header = JsonSerializer.Serialize(new Dictionary<string, string> { ["host"] = server.Endpoint.Authority, ["x-api-key"] = server.ApiKey });
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-ws");
        socket.Options.AddSubProtocol("header-" + Convert.ToBase64String(Encoding.UTF8.GetBytes(header)).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await socket.ConnectAsync(server.RealtimeEndpoint, timeout.Token);
        var buffer = new byte[64 * 1024];
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"type\":\"connection_init\"}"), WebSocketMessageType.Text, true, timeout.Token);
        await ExpectAsync(socket, buffer, "connection_ack", timeout.Token);
        var data = JsonSerializer.Serialize(new Dictionary<string, object> { ["query"] = query, ["variables"] = new Dictionary<string, object>() });
        var start = "{\"id\":\"s\",\"type\":\"start\",\"payload\":{\"data\":" + JsonSerializer.Serialize(data) + ",\"extensions\":{\"authorization\":" + header + "}}}";
        await socket.SendAsync(Encoding.UTF8.GetBytes(start), WebSocketMessageType.Text, true, timeout.Token);
        await ExpectAsync(socket, buffer, "start_ack", timeout.Token);
        return socket;
    }

    private static async Task ExpectAsync(ClientWebSocket socket, byte[] buffer, string type, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (text, closed) = await ReceiveAsync(socket, buffer, cancellationToken);
            if (closed) throw new InvalidOperationException($"The server closed the socket while waiting for {type}.");
            if (text.Contains($"\"type\":\"{type}\"", StringComparison.Ordinal)) return;
        }
    }

    private static async Task<(string Text, bool Closed)> ReceiveAsync(ClientWebSocket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            if (length == buffer.Length) throw new InvalidOperationException("Frame larger than the receive buffer.");
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) return ("", true);
            length += result.Count;
            if (result.EndOfMessage) return (Encoding.UTF8.GetString(buffer, 0, length), false);
        }
    }

    /// <summary>Posts a body; returns the status, the response length and its first 4 KB (the rest is read and dropped).</summary>
    private static async Task<(int Status, long Length, string Head)> PostAsync(HttpClient http, BackendServerProcess server, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-api-key", server.ApiKey);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[64 * 1024];
        var head = new StringBuilder();
        long length = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (length < 4096) head.Append(Encoding.UTF8.GetString(buffer, 0, (int)Math.Min(read, 4096 - length)));
            length += read;
        }
        return ((int)response.StatusCode, length, head.ToString());
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static string F(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";
}
