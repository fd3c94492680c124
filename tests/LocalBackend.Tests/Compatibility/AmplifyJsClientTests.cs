using System.Diagnostics;
using System.Text.Json.Nodes;
using Amplify.DataStore.LocalBackend.Conflicts;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Compatibility;

/// <summary>
/// The real Amplify JavaScript DataStore (aws-amplify 6.22.1, @aws-amplify/datastore 5.1.13, pinned in
/// tests/AmplifyJsCompat/package-lock.json) syncing against the backend over HTTPS and WSS: create, update, belongsTo,
/// an out-of-band update arriving by subscription, a ConflictUnhandled retried by DataStore's default handler, a delete
/// becoming a tombstone, a full sync after a wipe and a delta sync after a restart (tests/AmplifyJsCompat/sync.cjs).
/// </summary>
[NonParallelizable]
public sealed class AmplifyJsClientTests
{
    private static readonly string[] Steps =
    {
        "ready", "create-synced", "update-synced", "belongs-to-synced", "out-of-band-update-observed", "conflict-resolved",
        "delete-synced", "full-sync-after-clear", "tombstone-not-restored", "delta-sync-after-restart", "done",
    };

    private static string CompatDirectory => Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "AmplifyJsCompat"));

    [Test]
    public async Task The_stock_amplify_js_DataStore_syncs_against_the_backend()
    {
        // On a developer machine without Node the check is skipped; in CI (CI=true) it must run, so a missing Node or a
        // failed install fails the test instead of silently dropping the interop check.
        bool required = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!await CommandWorksAsync("node", "--version"))
        {
            const string missing = "Node.js is not installed; the amplify-js compatibility run needs it.";
            if (required) Assert.Fail(missing + " CI=true requires it.");
            Assert.Ignore(missing);
        }
        if (!Directory.Exists(Path.Combine(CompatDirectory, "node_modules", "@aws-amplify", "datastore")))
        {
            var (code, output) = await RunAsync("npm", new[] { "ci", "--no-audit", "--no-fund" }, CompatDirectory, TimeSpan.FromMinutes(5));
            if (code != 0)
            {
                var failed = "npm ci failed (is the npm registry reachable?):\n" + output;
                if (required) Assert.Fail(failed);
                Assert.Inconclusive(failed);
            }
        }

        var directory = Path.Combine(Path.GetTempPath(), "amplify-local-backend-tests", Guid.NewGuid().ToString("N"));
        await using var backend = await Backend.StartAsync(File.ReadAllText(Path.Combine(CompatDirectory, "schema.graphql")), o =>
        {
            o.UseTls = true; // amplify-js always opens wss://
            o.ModelConflictStrategies["Post"] = ConflictStrategy.OptimisticConcurrency; // so DataStore's own conflict handler runs
        }, directory);

        var (exit, log) = await RunAsync("node", new[] { "sync.cjs", backend.Server.AmplifyOutputsPath! }, CompatDirectory, TimeSpan.FromMinutes(3),
            ("NODE_EXTRA_CA_CERTS", backend.Server.CertificatePemPath!));
        var results = log.Split('\n')
            .Where(line => line.StartsWith("{\"step\"", StringComparison.Ordinal))
            .Select(line => JsonNode.Parse(line)!)
            .ToDictionary(r => (string)r["step"]!, r => (bool)r["ok"]!);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, log);
            foreach (var step in Steps) Assert.That(results.GetValueOrDefault(step), Is.True, $"step {step}\n{log}");
        });
    }

    private static async Task<bool> CommandWorksAsync(string command, string argument)
    {
        try
        {
            return (await RunAsync(command, new[] { argument }, Path.GetTempPath(), TimeSpan.FromSeconds(30))).Code == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string command, string[] args, string workingDirectory, TimeSpan timeout, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo(command) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
