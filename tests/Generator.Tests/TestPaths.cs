using System.IO;
using System.Linq;
using System.Reflection;

namespace Amplify.DataStore.Generator.Tests;

/// <summary>Locations of the repository's samples and the approved snapshots.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = typeof(TestPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string SchemaSamples => Path.Combine(RepoRoot, "schema-samples");

    public static string Snapshots => Path.Combine(RepoRoot, "tests", "Generator.Tests", "Snapshots");
}
