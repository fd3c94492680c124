using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json;

namespace Amplify.DataStore.Benchmarks.SyncClient;

/// <summary>The one stdout line the parent reads, and this process's memory figures.</summary>
internal static class Report
{
    public static void Result(Dictionary<string, object?> figures)
    {
        figures["pid"] = Environment.ProcessId;
        Console.Out.WriteLine("RESULT " + JsonSerializer.Serialize(figures));
        Console.Out.Flush();
    }

    public static void Log(string message) => Console.Error.WriteLine("[client] " + message);

    /// <summary>Peak working set of this process so far (Linux: VmHWM), in MB.</summary>
    public static double PeakWorkingSetMb()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    public static double WorkingSetMb()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.WorkingSet64 / (1024.0 * 1024.0);
    }

    public static double Ms(long fromTimestamp, long toTimestamp) => (toTimestamp - fromTimestamp) * 1000.0 / Stopwatch.Frequency;
}
