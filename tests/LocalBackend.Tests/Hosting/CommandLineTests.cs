using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Hosting;

/// <summary>The backend program as a user runs it: a real child process.</summary>
public sealed class CommandLineTests
{
    private static string ProgramPath => Path.Combine(TestContext.CurrentContext.TestDirectory, "Amplify.DataStore.LocalBackend.dll");

    private static Process Start(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        info.ArgumentList.Add(ProgramPath);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return Process.Start(info)!;
    }

    private static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "amplify-local-backend-cli", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    [Test]
    public async Task Help_lists_the_options()
    {
        using var process = Start(NewDirectory(), "--help");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero);
        foreach (var option in new[] { "--schema", "--port", "--data-dir", "--in-memory", "--conflict", "--conflict-model", "--api-key", "--delta-ttl", "--tombstone-ttl", "--keep-alive", "--tls" })
        {
            Assert.That(output, Does.Contain(option));
        }
    }

    [Test]
    public async Task A_schema_error_is_reported_with_file_line_and_column()
    {
        var directory = NewDirectory();
        File.WriteAllText(Path.Combine(directory, "bad.graphql"), "type Post @model {\n  id: ID!\n  title: Strng\n}\n");
        using var process = Start(directory, "--schema", "bad.graphql", "--in-memory");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.EqualTo(1));
        Assert.That(error, Does.Contain("bad.graphql(3,"));
        Assert.That(error, Does.Contain("Strng"));
    }

    [Test]
    public async Task Unknown_options_exit_2()
    {
        using var process = Start(NewDirectory(), "--schema", "x.graphql", "--frobnicate");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--frobnicate"));
    }

    [Test]
    public async Task Serves_the_sample_schema_prints_endpoints_and_writes_client_config()
    {
        var directory = NewDirectory();
        var schema = Path.Combine(TestContext.CurrentContext.TestDirectory, "Schemas", "blog.graphql");
        using var process = Start(directory, "--schema", schema, "--port", "0", "--run-for", "60");
        try
        {
            var lines = new Dictionary<string, string>();
            while (lines.Count < 5 && await process.StandardOutput.ReadLineAsync() is { } line)
            {
                var colon = line.IndexOf(':');
                if (colon > 0 && !line.StartsWith("Press", StringComparison.Ordinal)) lines[line[..colon]] = line[(colon + 1)..].Trim();
            }
            var endpoint = new Uri(lines["GraphQL endpoint"]);
            Assert.That(endpoint.Scheme, Is.EqualTo("https"));
            Assert.That(lines["Realtime endpoint"], Does.StartWith("wss://127.0.0.1:").And.EndWith("/graphql/realtime"));
            var pem = lines["TLS certificate"].Split("  ")[0];
            Assert.That(File.Exists(pem));

            var config = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "amplifyconfiguration.json")))!;
            Assert.That((string)config["aws_appsync_graphqlEndpoint"]!, Is.EqualTo(endpoint.ToString()));
            var outputs = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "amplify_outputs.json")))!;
            Assert.That((string)outputs["data"]!["api_key"]!, Is.EqualTo(lines["API key"]));

            // Trust exactly the printed certificate, as a client would.
            using var trusted = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(pem));
            using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == trusted.Thumbprint };
            using var http = new HttpClient(handler);
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent("{\"query\":\"mutation { createPost(input: { title: \\\"cli\\\", rating: 1, status: ACTIVE }) { id _version } }\"}", Encoding.UTF8, "application/json") };
            request.Headers.Add("x-api-key", lines["API key"]);
            using var response = await http.SendAsync(request);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.That((int)body["data"]!["createPost"]!["_version"]!, Is.EqualTo(1), body.ToJsonString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
