using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace Amplify.DataStore.TestCases;

/// <summary>
/// Finds Node.js and installs tests/AmplifyJsCompat's pinned packages for the amplify-js interop tests (linked into
/// LocalBackend.Tests and Sync.Tests). On a developer machine without Node the check is skipped (and a failed
/// <c>npm ci</c>, e.g. no registry, is inconclusive), but with CI=true either fails the test, so CI cannot silently lose
/// the interop check.
/// </summary>
internal static class NodeTooling
{
    public static string CompatDirectory => Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "AmplifyJsCompat"));

    /// <summary>Returns when node and the packages are there; otherwise fails (CI=true), ignores or is inconclusive.</summary>
    public static async Task RequireAsync()
    {
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

    /// <summary>Runs a command to its end (killed after <paramref name="timeout"/>); returns its exit code and output.</summary>
    public static async Task<(int Code, string Output)> RunAsync(string command, string[] args, string workingDirectory, TimeSpan timeout,
        params (string Name, string Value)[] environment)
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
