using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Amplify.DataStore.Analyzers.Tests.Support;

/// <summary>The framework this test runs on plus the DataStore runtime: what a consumer project compiles against.</summary>
internal static class References
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_all = new(Load);

    public static ImmutableArray<MetadataReference> All => s_all.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return tpa
            .Where(p =>
            {
                var name = Path.GetFileName(p);
                return name.StartsWith("System.", StringComparison.Ordinal) || name is "System.dll" or "netstandard.dll" or "mscorlib.dll"
                    || name.StartsWith("Microsoft.Extensions.Logging.Abstractions", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal) || name == "LiteDB.dll";
            })
            .Append(typeof(Amplify.DataStore.IModel).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}
