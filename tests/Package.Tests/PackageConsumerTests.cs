using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using NUnit.Framework;

namespace Amplify.DataStore.Package.Tests;

/// <summary>
/// Packs the one Amplify.DataStore package and uses it from a fresh project through a local folder feed, exactly as a
/// NuGet consumer would: the models appear at build time and a bad schema fails the build at the .graphql location.
/// </summary>
[NonParallelizable]
public class PackageConsumerTests
{
    private static readonly string RepoRoot = Metadata("RepoRoot");
    private static readonly string Configuration = Metadata("Configuration");
    private string _work = null!;
    private string _version = null!;

    [OneTimeSetUp]
    public void PackOnce()
    {
        _work = Path.Combine(Path.GetTempPath(), "amplify-pkg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_work);
        // A unique version so the global packages folder never serves a stale copy.
        _version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
        var feed = Path.Combine(_work, "feed");
        // Pack from a private copy of the sources: the test may run while `dotnet test` is still building the
        // repository's own outputs (e.g. the net8.0 runtime), so it must neither read nor write them.
        var copy = Path.Combine(_work, "repo");
        CopySources(RepoRoot, copy);
        Dotnet(copy, $"pack src/Runtime/Amplify.DataStore.csproj -c {Configuration} -o \"{feed}\" -p:PackageVersion={_version}");
    }

    private static void CopySources(string from, string to)
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "README.md" })
        {
            Directory.CreateDirectory(to);
            File.Copy(Path.Combine(from, file), Path.Combine(to, file));
        }
        foreach (var folder in new[] { "src", "build" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(from, folder), "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(from, file);
                var parts = relative.Split(Path.DirectorySeparatorChar);
                if (parts.Contains("bin") || parts.Contains("obj")) continue;
                var target = Path.Combine(to, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }

    [OneTimeTearDown]
    public void Cleanup()
    {
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { /* best effort */ }
    }

    [Test]
    public void Package_has_runtime_generator_dependencies_and_props()
    {
        var nupkg = Directory.GetFiles(Path.Combine(_work, "feed"), "*.nupkg").Single();
        using var zip = ZipFile.OpenRead(nupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.That(entries, Does.Contain("lib/net8.0/Amplify.DataStore.dll"));
        Assert.That(entries, Does.Contain("lib/net10.0/Amplify.DataStore.dll"));
        Assert.That(entries, Does.Contain("analyzers/dotnet/cs/Amplify.DataStore.Generator.dll"));
        Assert.That(entries, Does.Contain("analyzers/dotnet/cs/Amplify.DataStore.Schema.dll"));
        Assert.That(entries, Does.Contain("analyzers/dotnet/cs/GraphQLParser.dll"));
        Assert.That(entries, Does.Contain("analyzers/dotnet/cs/Amplify.DataStore.Analyzers.dll"));
        Assert.That(entries, Does.Contain("analyzers/dotnet/cs/Amplify.DataStore.Analyzers.CodeFixes.dll"));
        Assert.That(entries, Does.Contain("buildTransitive/Amplify.DataStore.props"));
        Assert.That(entries, Does.Contain("build/Amplify.DataStore.props"));
    }

    [Test]
    public void Consumer_builds_and_runs_the_usage_code_from_the_package()
    {
        var project = CreateConsumer("ok", BlogSchema());
        var output = Dotnet(project, "run -c Release");
        Assert.That(output, Does.Contain("PACKAGE CONSUMER OK"));
        Assert.That(ParamsOverloadsCalled(project, "net10.0"), Is.Not.Empty.And.All.EqualTo("ReadOnlySpan"),
            "C# 14 calls the params ReadOnlySpan overloads");
    }

    [Test]
    public void Net8_consumer_with_the_default_CSharp_12_builds_every_documented_snippet()
    {
        var project = CreateConsumer("net8", BlogSchema(), "PackageConsumer.net8.csproj.txt");
        Dotnet(project, "build -c Release");
        // C# 12 does not treat params ReadOnlySpan<T> as params: In("a", "b") needs the params T[] overloads.
        Assert.That(ParamsOverloadsCalled(project, "net8.0"), Is.Not.Empty.And.All.EqualTo("Array"));
        if (HasRuntime("Microsoft.NETCore.App 8."))
        {
            Assert.That(Dotnet(project, "run -c Release --no-build"), Does.Contain("PACKAGE CONSUMER OK"));
        }
        else
        {
            TestContext.Progress.WriteLine("No .NET 8 runtime here: the net8.0 consumer was built, not run.");
        }
    }

    [Test]
    public void Net8_consumer_with_CSharp_13_calls_the_span_overloads_without_ambiguity()
    {
        var project = CreateConsumer("net8-cs13", BlogSchema(), "PackageConsumer.net8.csproj.txt");
        Dotnet(project, "build -c Release -p:LangVersion=13");
        Assert.That(ParamsOverloadsCalled(project, "net8.0"), Is.Not.Empty.And.All.EqualTo("ReadOnlySpan"));
    }

    [Test]
    public void A_bad_schema_fails_the_build_at_the_graphql_location()
    {
        const string schema = "type Post @model {\n  id: ID!\n  author: Author\n}\n";
        var project = CreateConsumer("bad", schema);
        var (exit, output) = DotnetUnchecked(project, "build -c Release");
        Assert.That(exit, Is.Not.EqualTo(0));
        Assert.That(output, Does.Match(@"schema\.graphql\(3,\d+\): error ADS1002"), output);
    }

    [Test]
    public void Analyzer_diagnostics_show_in_the_build_log_at_the_misuse()
    {
        var project = CreateConsumer("analyzers", File.ReadAllText(Path.Combine(RepoRoot, "schema-samples", "blog.graphql")));
        File.WriteAllText(Path.Combine(project, "Misuse.cs"), File.ReadAllText(Path.Combine(RepoRoot, "tests", "Package.Tests", "Consumer", "Misuse.cs.txt")));
        var (exit, output) = DotnetUnchecked(project, "build -c Release -p:TreatWarningsAsErrors=false");
        Assert.That(exit, Is.Not.EqualTo(0), "ADS2007 is an error");
        var expected = new (string Id, int Line, string Severity)[]
        {
            ("ADS2001", 12, "warning"), ("ADS2002", 13, "warning"), ("ADS2003", 14, "warning"), ("ADS2004", 15, "warning"),
            ("ADS2005", 16, "warning"), ("ADS2006", 17, "warning"), ("ADS2007", 18, "error"), ("ADS2008", 19, "warning"),
        };
        foreach (var (id, line, severity) in expected)
        {
            Assert.That(output, Does.Match($@"Misuse\.cs\({line},\d+\): {severity} {id}:"), $"{id} at line {line}\n{output}");
        }
        Assert.That(output, Does.Not.Contain("Program.cs("), "the usage code itself is clean");
    }

    private static string BlogSchema() => File.ReadAllText(Path.Combine(RepoRoot, "schema-samples", "blog.graphql"));

    private string CreateConsumer(string name, string schema, string projectTemplate = "PackageConsumer.csproj.txt")
    {
        var dir = Path.Combine(_work, name);
        Directory.CreateDirectory(dir);
        var source = Path.Combine(RepoRoot, "tests", "Package.Tests", "Consumer");
        File.WriteAllText(Path.Combine(dir, "PackageConsumer.csproj"), File.ReadAllText(Path.Combine(source, projectTemplate)));
        File.WriteAllText(Path.Combine(dir, "Program.cs"), File.ReadAllText(Path.Combine(source, "Program.cs.txt")));
        File.WriteAllText(Path.Combine(dir, "ReadmeSnippets.cs"), ReadmeSnippets.Source(File.ReadAllText(Path.Combine(RepoRoot, "README.md"))));
        File.WriteAllText(Path.Combine(dir, "schema.graphql"), schema);
        File.WriteAllText(Path.Combine(dir, "Directory.Build.props"),
            $"<Project><PropertyGroup><AmplifyDataStoreVersion>{_version}</AmplifyDataStoreVersion></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(dir, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Path.Combine(_work, "feed")}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        return dir;
    }

    /// <summary>
    /// For every call the built consumer makes to an In/NotIn predicate operator or ValueList.Create, which params
    /// overload it binds to: "Array" or "ReadOnlySpan".
    /// </summary>
    private static string[] ParamsOverloadsCalled(string project, string targetFramework)
        => ParamsOverloads.Called(Path.Combine(project, "bin", "Release", targetFramework, "PackageConsumer.dll"));

    private static bool HasRuntime(string prefix)
    {
        var (exit, output) = DotnetUnchecked(Path.GetTempPath(), "--list-runtimes");
        return exit == 0 && output.Split('\n').Any(line => line.StartsWith(prefix, StringComparison.Ordinal));
    }

    private static string Dotnet(string workingDirectory, string arguments)
    {
        var (exit, output) = DotnetUnchecked(workingDirectory, arguments);
        Assert.That(exit, Is.EqualTo(0), $"dotnet {arguments} failed:\n{output}");
        return output;
    }

    private static (int Exit, string Output) DotnetUnchecked(string workingDirectory, string arguments)
    {
        var psi = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["MSBUILDTERMINALLOGGER"] = "off";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {arguments} timed out");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string Metadata(string key) => typeof(PackageConsumerTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
