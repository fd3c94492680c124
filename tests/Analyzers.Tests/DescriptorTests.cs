using System.Reflection;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace Amplify.DataStore.Analyzers.Tests;

/// <summary>Every diagnostic ID (schema and usage) has a descriptor, a release entry and a help page that exists.</summary>
public sealed class DescriptorTests
{
    private static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Amplify.DataStore.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new DirectoryNotFoundException("repository root");
        }
    }

    private static IEnumerable<DiagnosticDescriptor> Usage() => Descriptors(typeof(DiagnosticDescriptors));

    private static IEnumerable<DiagnosticDescriptor> Schema() => Descriptors(typeof(Amplify.DataStore.Generator.Diagnostics.DiagnosticDescriptors));

    private static IEnumerable<DiagnosticDescriptor> Descriptors(Type type) => type
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

    [Test]
    public void Usage_rules_are_ADS2001_to_ADS2010_with_titles_and_help_links()
    {
        var ids = Usage().Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal).ToList();
        Assert.That(ids, Is.EqualTo(Enumerable.Range(1, 10).Select(i => $"ADS20{i:D2}")));
        foreach (var d in Usage())
        {
            Assert.That(d.Title.ToString(), Is.Not.Empty, d.Id);
            Assert.That(d.HelpLinkUri, Is.EqualTo(DiagnosticDescriptors.HelpLinkBase + d.Id + ".md"), d.Id);
            Assert.That(d.Category, Does.StartWith("AmplifyDataStore."), d.Id);
            Assert.That(d.IsEnabledByDefault, d.Id);
        }
    }

    [Test]
    public void Every_help_link_resolves_to_a_page_with_what_why_fix_and_example()
    {
        foreach (var d in Usage().Concat(Schema()))
        {
            var page = Path.Combine(RepoRoot, "docs", "diagnostics", d.Id + ".md");
            Assert.That(File.Exists(page), $"{d.Id}: {page} is missing");
            var text = File.ReadAllText(page);
            Assert.That(text, Does.StartWith("# " + d.Id + ":"), d.Id);
            if (d.Id.StartsWith("ADS20", StringComparison.Ordinal))
            {
                foreach (var section in new[] { "## What", "## Why", "## How to fix", "## Example" }) Assert.That(text, Does.Contain(section), $"{d.Id}: {section}");
            }
        }
    }

    [Test]
    public void Release_tracking_lists_each_usage_rule_with_its_category_and_severity()
    {
        var unshipped = File.ReadAllLines(Path.Combine(RepoRoot, "src", "Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var d in Usage())
        {
            var line = unshipped.SingleOrDefault(l => l.StartsWith(d.Id + " ", StringComparison.Ordinal));
            Assert.That(line, Is.Not.Null, d.Id);
            var cells = line!.Split('|').Select(c => c.Trim()).ToArray();
            Assert.That(cells[1], Is.EqualTo(d.Category), d.Id);
            Assert.That(cells[2], Is.EqualTo(d.DefaultSeverity.ToString()), d.Id);
        }
    }
}
