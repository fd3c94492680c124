using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Amplify.DataStore.Benchmarks;

/// <summary>
/// Runs one child program of a benchmark (a C# client, a node script) to its end: stderr forwarded with a prefix,
/// the figures read from its one stdout line "RESULT {json}"; killed with its tree at the time cap or on failure.
/// </summary>
internal static class ChildProgram
{
    /// <summary>The parsed RESULT line, or null (with the reason printed) when the program failed or printed none.</summary>
    public static async Task<JsonElement?> RunAsync(string label, string fileName, IEnumerable<string> arguments, TimeSpan cap, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        if (environment is not null)
        {
            foreach (var (key, value) in environment) info.Environment[key] = value;
        }
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        }
        catch (Win32Exception ex)
        {
            Console.Error.WriteLine($"[{label}] could not start {fileName}: {ex.Message}");
            return null;
        }
        using (process)
        {
            string? result = null;
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null) Console.Error.WriteLine($"[{label}] {e.Data}");
            };
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                if (e.Data.StartsWith("RESULT ", StringComparison.Ordinal)) result = e.Data["RESULT ".Length..];
                else Console.Error.WriteLine($"[{label}] {e.Data}");
            };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            using var timeout = new CancellationTokenSource(cap);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
                process.WaitForExit(); // drains the redirected streams
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"[{label}] killed at the cap of {cap.TotalSeconds:F0} s.");
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            if (result is null)
            {
                Console.Error.WriteLine($"[{label}] exited with {process.ExitCode} and printed no result.");
                return null;
            }
            if (process.ExitCode != 0) Console.Error.WriteLine($"[{label}] exited with {process.ExitCode}.");
            return JsonDocument.Parse(result).RootElement.Clone();
        }
    }
}
