using System;
using System.IO;

namespace Amplify.DataStore.Schema.Tests;

/// <summary>Finds the repository folders the tests read schemas from.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepoRoot => Root.Value;

    public static string Samples => Path.Combine(RepoRoot, "schema-samples");

    public static string Invalid => Path.Combine(RepoRoot, "tests", "Schema.Tests", "Invalid");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Amplify.DataStore.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Could not find the repository root (Amplify.DataStore.sln) above " + AppContext.BaseDirectory);
    }
}
