using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Support;

/// <summary>
/// The backend program as a real child process (<c>dotnet Amplify.DataStore.LocalBackend.dll</c>) on 127.0.0.1 and a
/// free port, plain HTTP, serving the blog sample; its endpoints are read from the lines it prints. Disposing kills it
/// if it is still running, so a failed test never leaves it behind.
/// </summary>
internal sealed class BackendProcess : IAsyncDisposable
{
    public const string ApiKey = "da2-processtestkey";

    /// <summary>Linux and macOS signal numbers (the same on both).</summary>
    public const int SIGINT = 2;

    /// <summary>Linux and macOS signal numbers (the same on both).</summary>
    public const int SIGTERM = 15;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _endpointsPrinted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Uri? _graphql;
    private Uri? _realtime;
    private bool _disposed;

    private BackendProcess(Process process) => _process = process;

    public Uri GraphQLEndpoint => _graphql!;

    public Uri RealtimeEndpoint => _realtime!;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the process printed so far (stdout and stderr, interleaved), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Starts the program on <paramref name="dataDirectory"/> and waits until it prints its endpoints.</summary>
    public static async Task<BackendProcess> StartAsync(string dataDirectory)
    {
        var testDirectory = TestContext.CurrentContext.TestDirectory;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDirectory,
        };
        info.ArgumentList.Add(Path.Combine(testDirectory, "Amplify.DataStore.LocalBackend.dll"));
        foreach (var arg in new[] { "--schema", Path.Combine(testDirectory, "Schemas", "blog.graphql"), "--port", "0", "--tls", "off", "--data-dir", dataDirectory, "--no-client-config", "--api-key", ApiKey })
        {
            info.ArgumentList.Add(arg);
        }

        var backend = new BackendProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start."));
        backend._process.OutputDataReceived += (_, e) => backend.OnLine(e.Data);
        backend._process.ErrorDataReceived += (_, e) => backend.OnLine(e.Data);
        backend._process.BeginOutputReadLine();
        backend._process.BeginErrorReadLine();
        var exited = backend._process.WaitForExitAsync();
        var first = await Task.WhenAny(backend._endpointsPrinted.Task, exited, Task.Delay(StartTimeout));
        if (first != backend._endpointsPrinted.Task)
        {
            await backend.DisposeAsync();
            throw new AssertionException($"The backend process did not print its endpoints within {StartTimeout.TotalSeconds} s (exited: {backend.HasExited}). Output:\n{backend.Output}");
        }

        return backend;
    }

    /// <summary>Sends <paramref name="signal"/> to the process, as <c>kill -&lt;signal&gt; &lt;pid&gt;</c> does.</summary>
    public void Signal(int signal)
    {
        if (kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>Waits for the process to exit; false when it is still running after <paramref name="within"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Creates a post; its id when the backend acknowledged it (HTTP 200, no errors), else null.</summary>
    public async Task<string?> TryCreatePostAsync(HttpClient http, string title)
    {
        try
        {
            var (status, body) = await PostAsync(http, "mutation($t: String!) { createPost(input: { title: $t, rating: 1, status: ACTIVE }) { id } }", new JsonObject { ["t"] = title });
            return status == HttpStatusCode.OK && body["errors"] is null ? (string?)body["data"]?["createPost"]?["id"] : null;
        }
        catch (HttpRequestException)
        {
            return null; // refused or cut off by the shutdown: not acknowledged
        }
    }

    /// <summary>
    /// Starts a createPost whose body stops halfway until <see cref="HeldBackContent.Release"/>; the task gives the id
    /// when the backend acknowledges the write, else null. The request expects <c>100 Continue</c>, so the body (and
    /// <see cref="HeldBackContent.FirstPartSent"/>) only goes once the backend's handler reads it: from then on the
    /// request is certainly in flight at the server, not just bytes in a socket buffer that a stopping server may
    /// drop with the idle connection.
    /// </summary>
    public (HeldBackContent Body, Task<string?> Id) StartHeldBackCreatePost(string title)
    {
        var json = new JsonObject
        {
            ["query"] = "mutation($t: String!) { createPost(input: { title: $t, rating: 1, status: ACTIVE }) { id } }",
            ["variables"] = new JsonObject { ["t"] = title },
        }.ToJsonString();
        var body = new HeldBackContent(json, json.Length / 2);
        return (body, SendAsync());

        async Task<string?> SendAsync()
        {
            // Wait for 100 Continue however long a loaded machine takes (the default is 1 s, then the body goes anyway).
            using var http = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) });
            using var request = new HttpRequestMessage(HttpMethod.Post, GraphQLEndpoint) { Content = body };
            request.Headers.Add("x-api-key", ApiKey);
            request.Headers.ExpectContinue = true;
            using var response = await http.SendAsync(request);
            var reply = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            return response.StatusCode == HttpStatusCode.OK && reply["errors"] is null ? (string?)reply["data"]?["createPost"]?["id"] : null;
        }
    }

    /// <summary>Posts a GraphQL request with the API key.</summary>
    public async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(HttpClient http, string query, JsonObject? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, GraphQLEndpoint);
        request.Content = new StringContent(new JsonObject { ["query"] = query, ["variables"] = variables ?? new JsonObject() }.ToJsonString(), Encoding.UTF8, "application/json");
        request.Headers.Add("x-api-key", ApiKey);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (line.StartsWith("GraphQL endpoint:", StringComparison.Ordinal)) _graphql = new Uri(line["GraphQL endpoint:".Length..].Trim());
        if (line.StartsWith("Realtime endpoint:", StringComparison.Ordinal)) _realtime = new Uri(line["Realtime endpoint:".Length..].Trim());
        if (_graphql is not null && _realtime is not null) _endpointsPrinted.TrySetResult();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
