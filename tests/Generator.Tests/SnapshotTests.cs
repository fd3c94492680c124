using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace Amplify.DataStore.Generator.Tests;

/// <summary>For every schema sample, the generated sources equal the approved files kept in the repo.</summary>
public class SnapshotTests
{
    public static IEnumerable<string> Samples() => GeneratorHarness.SampleNames();

    [TestCaseSource(nameof(Samples))]
    public void Generated_sources_match_approved_snapshots(string sample)
    {
        var (_, result, _) = GeneratorHarness.Run(GeneratorHarness.SampleFiles(sample));
        var run = result.Results.Single();
        Assert.That(run.Exception, Is.Null);
        Assert.That(run.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error), Is.Empty,
            "sample schemas must be valid");
        Assert.That(run.GeneratedSources, Is.Not.Empty);
        var folder = Path.GetFileNameWithoutExtension(sample);
        var failures = run.GeneratedSources.OrderBy(s => s.HintName, System.StringComparer.Ordinal)
            .Select(source => SnapshotAssert.Check(Path.Combine(folder, source.HintName), source.SourceText.ToString()))
            .Where(f => f is not null)
            .ToList();
        Assert.That(failures, Is.Empty);
        // No stale approved files for types that are no longer generated.
        var approvedDir = Path.Combine(TestPaths.Snapshots, folder);
        var expected = run.GeneratedSources.Select(s => s.HintName + ".verified.txt").ToHashSet();
        var stale = Directory.Exists(approvedDir)
            ? Directory.GetFiles(approvedDir, "*.verified.txt").Select(Path.GetFileName).Where(f => !expected.Contains(f!)).ToList()
            : new List<string?>();
        Assert.That(stale, Is.Empty, "approved snapshots with no generated file");
    }
}
