using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NUnit.Framework;

namespace Amplify.DataStore.Generator.Tests;

/// <summary>The pipeline's named steps stay cached when nothing they depend on changed.</summary>
public class IncrementalCachingTests
{
    private static readonly string[] ParseAndEmitSteps = { TrackingNames.ParseSchema, TrackingNames.EmitUnits };

    [Test]
    public void Editing_an_unrelated_CSharp_file_keeps_parse_and_emit_cached()
    {
        var schema = GeneratorHarness.SampleFiles("blog.graphql").ToArray();
        var compilation = GeneratorHarness.CreateCompilation("public class Unrelated { public int A; }");
        var driver = GeneratorHarness.CreateDriver(schema).RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText("public class Unrelated { public int A; public int B; }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in ParseAndEmitSteps)
        {
            var reasons = Reasons(result, step);
            Assert.That(reasons, Is.Not.Empty, step);
            Assert.That(reasons, Is.All.EqualTo(IncrementalStepRunReason.Cached).Or.EqualTo(IncrementalStepRunReason.Unchanged), step);
        }
        Assert.That(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason),
            Is.Not.Empty.And.All.EqualTo(IncrementalStepRunReason.Cached), "every source output is reused");
    }

    [Test]
    public void Editing_the_schema_reruns_parse_and_reemits()
    {
        var schema = GeneratorHarness.SampleFiles("blog.graphql").Single();
        var compilation = GeneratorHarness.CreateCompilation("public class Unrelated { }");
        var driver = GeneratorHarness.CreateDriver(new[] { schema }).RunGenerators(compilation);

        var text = schema.GetText()!.ToString().Replace("content: String", "content: String\n  likes: Int");
        driver = driver.ReplaceAdditionalText(schema, new GeneratorHarness.InMemoryAdditionalText(schema.Path, text));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.That(Reasons(result, TrackingNames.ParseSchema), Is.EqualTo(new[] { IncrementalStepRunReason.Modified }));
        var units = result.TrackedSteps[TrackingNames.EmitUnits].SelectMany(s => s.Outputs).ToList();
        // Comment changed, and Post's unit includes Comment (its relationship context): both re-emitted.
        Assert.That(units.Where(u => u.Reason == IncrementalStepRunReason.Modified).Select(u => Describe(u.Value)),
            Is.EquivalentTo(new[] { "Model Comment", "Model Post", "Schema AmplifyModels" }));
        // The enum did not change: its unit is the same value.
        Assert.That(units.Single(u => Describe(u.Value) == "Enum PostStatus").Reason, Is.EqualTo(IncrementalStepRunReason.Unchanged));
        var comment = result.GeneratedSources.Single(s => s.HintName == "Comment.g.cs").SourceText.ToString();
        Assert.That(comment, Does.Contain("public int? Likes { get; init; }"));
    }

    [Test]
    public void Editing_only_a_comment_in_the_schema_leaves_the_parsed_model_unchanged()
    {
        var schema = GeneratorHarness.SampleFiles("blog.graphql").Single();
        var compilation = GeneratorHarness.CreateCompilation("public class Unrelated { }");
        var driver = GeneratorHarness.CreateDriver(new[] { schema }).RunGenerators(compilation);

        var text = schema.GetText()!.ToString() + "\n# a trailing comment\n";
        driver = driver.ReplaceAdditionalText(schema, new GeneratorHarness.InMemoryAdditionalText(schema.Path, text));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.That(Reasons(result, TrackingNames.SchemaFiles), Does.Contain(IncrementalStepRunReason.Modified));
        Assert.That(Reasons(result, TrackingNames.ParseSchema), Is.EqualTo(new[] { IncrementalStepRunReason.Unchanged }));
        Assert.That(Reasons(result, TrackingNames.EmitUnits), Is.Not.Empty.And.All.EqualTo(IncrementalStepRunReason.Cached));
    }

    [Test]
    public void Step_outputs_hold_no_compilation_symbols_or_syntax()
    {
        var (_, result, _) = GeneratorHarness.Run(GeneratorHarness.SampleFiles("blog.graphql"), "public class A { }");
        var run = result.Results.Single();
        var ours = new[] { TrackingNames.SchemaFiles, TrackingNames.Options, TrackingNames.ParseSchema, TrackingNames.Diagnostics, TrackingNames.EmitUnits };
        Assert.That(run.TrackedSteps.Keys, Is.SupersetOf(ours));
        int checkedOutputs = 0;
        foreach (var step in run.TrackedSteps.Where(s => ours.Contains(s.Key)).SelectMany(s => s.Value))
        {
            foreach (var (value, _) in step.Outputs)
            {
                AssertNoRoslynObjects(value, new HashSet<object>(ReferenceEqualityComparer.Instance), step.Name ?? "?");
                checkedOutputs++;
            }
        }
        Assert.That(checkedOutputs, Is.GreaterThanOrEqualTo(ours.Length), "each tracked step had an output to check");
    }

    private static void AssertNoRoslynObjects(object? node, HashSet<object> seen, string step)
    {
        if (node is null || node is string || node.GetType().IsPrimitive || node.GetType().IsEnum || !seen.Add(node)) return;
        Assert.That(node, Is.Not.InstanceOf<Compilation>().And.Not.InstanceOf<ISymbol>().And.Not.InstanceOf<SyntaxNode>()
            .And.Not.InstanceOf<AdditionalText>().And.Not.InstanceOf<Location>(), $"step {step} holds a {node.GetType()}");
        if (node is Array items)
        {
            foreach (var item in items) AssertNoRoslynObjects(item, seen, step);
            return;
        }
        for (var t = node.GetType(); t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer) continue;
                AssertNoRoslynObjects(field.GetValue(node), seen, step);
            }
        }
    }

    private static List<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step)
        => result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();

    private static string Describe(object value)
    {
        var kind = value.GetType().GetProperty("Kind")!.GetValue(value);
        var name = value.GetType().GetProperty("Name")!.GetValue(value);
        return $"{kind} {name}";
    }
}
