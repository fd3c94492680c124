using System;
using System.Globalization;

namespace Amplify.DataStore.Benchmarks.SyncClient;

/// <summary>Minimal command-line option parsing (as the benchmark's Options).</summary>
internal static class Args
{
    public static int Int(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    public static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
