using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace Amplify.DataStore.Benchmarks;

/// <summary>
/// The backend program (<c>Amplify.DataStore.LocalBackend.dll</c>) as a child process on a free loopback port, so its
/// memory and CPU time can be read from <c>/proc/&lt;pid&gt;</c> apart from the benchmark's own. Killed on dispose; it also
/// stops by itself after <c>--run-for</c>.
/// </summary>
internal sealed class BackendServerProcess : IAsyncDisposable
{
    // /proc reports CPU times in USER_HZ ticks, which Linux fixes at 100 per second for user space.
    private const double TicksPerSecond = 100;

    private readonly Process _process;
    private readonly string _directory;

    private BackendServerProcess(Process process, string directory, Uri endpoint, string apiKey, string? outputsPath = null, string? certificatePemPath = null)
    {
        _process = process;
        _directory = directory;
        Endpoint = endpoint;
        ApiKey = apiKey;
        OutputsPath = outputsPath;
        CertificatePemPath = certificatePemPath;
    }

    /// <summary>The amplify_outputs.json the program wrote (<see cref="StartForClientsAsync"/> only).</summary>
    public string? OutputsPath { get; }

    /// <summary>The PEM of its development certificate, for clients to trust (<see cref="StartForClientsAsync"/> only).</summary>
    public string? CertificatePemPath { get; }

    public Uri Endpoint { get; }

    public Uri RealtimeEndpoint => new("ws://" + Endpoint.Authority + "/graphql/realtime");

    public string ApiKey { get; }

    /// <summary>
    /// An <see cref="HttpClient"/> for raw requests that trusts exactly this program's development certificate (and what
    /// the machine trusts anyway), never any certificate.
    /// </summary>
    public HttpClient CreateHttpClient(int maxConnectionsPerServer = int.MaxValue)
    {
        string? trusted = null;
        if (CertificatePemPath is { } pem)
        {
            using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(pem));
            trusted = certificate.GetCertHashString();
        }
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnectionsPerServer,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    errors == SslPolicyErrors.None || (trusted is not null && certificate is not null && certificate.GetCertHashString() == trusted),
            },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
    }

    public int Pid => _process.Id;

    /// <summary>Starts the program with the schema, plain HTTP, data in memory and a fixed API key.</summary>
    /// <param name="serverDll">The program to run; default: the one built next to this benchmark.</param>
    public static Task<BackendServerProcess> StartAsync(string schema, string? serverDll = null)
        => StartAsync(schema, serverDll, forClients: false);

    /// <summary>
    /// Starts the program as a user would run it for real clients: TLS on (amplify-js always opens wss://), data in a
    /// LiteDB file and the client configuration (amplify_outputs.json) written, all in its temp directory.
    /// </summary>
    public static Task<BackendServerProcess> StartForClientsAsync(string schema, string? serverDll = null)
        => StartAsync(schema, serverDll, forClients: true);

    private static async Task<BackendServerProcess> StartAsync(string schema, string? serverDll, bool forClients)
    {
        var directory = Path.Combine(Path.GetTempPath(), "amplify-bench-server-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var schemaPath = Path.Combine(directory, "schema.graphql");
        await File.WriteAllTextAsync(schemaPath, schema);
        const string apiKey = "da2-bench";
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(serverDll ?? Path.Combine(AppContext.BaseDirectory, "Amplify.DataStore.LocalBackend.dll"));
        var args = forClients
            ? new[] { "--schema", schemaPath, "--port", "0", "--tls", "on", "--api-key", apiKey, "--config-dir", directory, "--data-dir", directory, "--run-for", "3600" }
            : new[] { "--schema", schemaPath, "--port", "0", "--in-memory", "--tls", "off", "--api-key", apiKey, "--no-client-config", "--data-dir", directory, "--run-for", "1800" };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the backend program.");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) Console.Error.WriteLine("[server] " + e.Data);
        };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            Uri? endpoint = null;
            string? pem = null;
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("GraphQL endpoint:", StringComparison.Ordinal)) endpoint = new Uri(line["GraphQL endpoint:".Length..].Trim());
                // "TLS certificate:   <pem>  (trust it: NODE_EXTRA_CA_CERTS=<pem>)"
                if (line.StartsWith("TLS certificate:", StringComparison.Ordinal)) pem = line["TLS certificate:".Length..].Trim().Split("  (", 2)[0];
                string? outputs = line.StartsWith("Client outputs:", StringComparison.Ordinal) ? line["Client outputs:".Length..].Trim() : null;
                if (endpoint is null || (forClients && outputs is null)) continue;
                _ = ForwardProblemsAsync(process);
                return new BackendServerProcess(process, directory, endpoint, apiKey, outputs, pem);
            }
        }
        catch (OperationCanceledException)
        {
        }
        process.Kill(entireProcessTree: true);
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        throw new InvalidOperationException("The backend program did not print its endpoint within 60 s.");
    }

    /// <summary>
    /// Waits until the server has been idle (at most one 10 ms tick of CPU in half a second), so an attack is not
    /// charged for the JIT and collections of what ran before it; at most <paramref name="within"/>.
    /// </summary>
    public async Task<TimeSpan> SettleAsync(TimeSpan within)
    {
        var watch = Stopwatch.StartNew();
        var last = Sample().Cpu;
        while (watch.Elapsed < within)
        {
            await Task.Delay(500);
            var now = Sample().Cpu;
            if (now - last <= TimeSpan.FromMilliseconds(10)) break;
            last = now;
        }
        return watch.Elapsed;
    }

    // The log goes to stdout; warnings and errors (e.g. a dropped slow client) are shown on the benchmark's stderr.
    private static async Task ForwardProblemsAsync(Process process)
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
            {
                Console.Error.WriteLine("[server] " + line);
            }
        }
    }

    /// <summary>The process's peak and current resident set and its total CPU time, from /proc.</summary>
    public ServerSample Sample()
    {
        long Kb(string[] lines, string key) => long.Parse(lines.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        var status = File.ReadAllLines($"/proc/{Pid}/status");
        // stat: the command name may hold spaces, so count fields after its closing parenthesis (utime, stime = 14, 15).
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return new ServerSample(Kb(status, "VmHWM:") / 1024.0, Kb(status, "VmRSS:") / 1024.0, TimeSpan.FromSeconds(ticks / TicksPerSecond));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        finally
        {
            _process.Dispose();
            try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>One reading of the server process.</summary>
    public readonly record struct ServerSample(double PeakMb, double ResidentMb, TimeSpan Cpu);
}
