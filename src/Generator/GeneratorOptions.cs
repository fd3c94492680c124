using Microsoft.CodeAnalysis.Diagnostics;

namespace Amplify.DataStore.Generator;

/// <summary>The MSBuild settings the generator reads.</summary>
/// <param name="Namespace">Namespace of the generated code.</param>
public sealed record GeneratorOptions(string Namespace)
{
    /// <summary>MSBuild property that overrides the namespace (default <c>$(RootNamespace).Models</c>).</summary>
    public const string NamespaceProperty = "AmplifyModelsNamespace";

    /// <summary>Reads the options from the global analyzer config.</summary>
    public static GeneratorOptions From(AnalyzerConfigOptions options)
    {
        if (options.TryGetValue("build_property." + NamespaceProperty, out var ns) && !string.IsNullOrWhiteSpace(ns))
        {
            return new GeneratorOptions(ns.Trim());
        }
        options.TryGetValue("build_property.RootNamespace", out var root);
        return new GeneratorOptions(string.IsNullOrWhiteSpace(root) ? "Models" : root!.Trim() + ".Models");
    }
}
