using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace Amplify.DataStore.Generator.Tests;

/// <summary>Generated code compiles with zero warnings (nullable on, warnings as errors), alone and with usage code.</summary>
public class CompileTests
{
    public static IEnumerable<string> Samples() => GeneratorHarness.SampleNames();

    [TestCaseSource(nameof(Samples))]
    public void Generated_code_compiles_without_warnings(string sample)
    {
        var (output, result, _) = GeneratorHarness.Run(GeneratorHarness.SampleFiles(sample));
        Assert.That(result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning), Is.Empty);
        AssertNoDiagnostics(output);
    }

    [Test]
    public void Blog_usage_code_compiles_without_warnings()
    {
        const string usage = """
            using System;
            using TestApp.Models;
            namespace TestApp
            {
                using Amplify.DataStore;
                using Amplify.DataStore.Metadata;
                public static class Usage
                {
                    public static void Run()
                    {
                        var post = new Post { Title = "My First Post", Rating = 10, Status = PostStatus.Active };
                        var edited = Post.CopyOf(post, updated =>
                        {
                            updated.Title = $"title {DateTime.UtcNow.Ticks}";
                            updated.Status = updated.Status == PostStatus.Active ? PostStatus.Inactive : PostStatus.Active;
                        });
                        var alsoEdited = post with { Rating = 3 };
                        Predicate<Post> p1 = Post.Where(p => p.Rating.Gt(4) & p.Status.Eq(PostStatus.Active));
                        Predicate<Post> p2 = Post.Where(p => p.Rating.Gt(4) | p.Title.BeginsWith("Draft"));
                        Predicate<Post> p3 = Post.Where(p => !p.Title.Contains("spam"));
                        var comment = new Comment { Content = "Loving DataStore!", Post = post };
                        Predicate<Comment> nested = Comment.Where(c => c.Post.Id.Eq(post.Id));
                        string version = AmplifyModels.Version;
                        ModelSchema schema = AmplifyModels.Schema;
                        var sort = Post.Sort(s => s.Rating.Descending().Title.Ascending());
                        GC.KeepAlive(new object[] { edited, alsoEdited, p1, p2, p3, comment, nested, version, schema, sort });
                    }
                }
            }
            """;
        var (output, result, _) = GeneratorHarness.Run(GeneratorHarness.SampleFiles("blog.graphql"), usage);
        Assert.That(result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning), Is.Empty);
        AssertNoDiagnostics(output);
    }

    [Test]
    public void Assigning_the_primary_key_in_a_CopyOf_draft_does_not_compile()
    {
        const string usage = """
            using TestApp.Models;
            public static class Bad
            {
                public static Post Run(Post post) => Post.CopyOf(post, d => d.Id = "other");
            }
            """;
        var (output, _, _) = GeneratorHarness.Run(GeneratorHarness.SampleFiles("blog.graphql"), usage);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToList();
        Assert.That(errors, Does.Contain("CS0200"), "Draft.Id is read-only");
    }

    [Test]
    public void Operators_that_do_not_apply_to_a_field_type_do_not_compile()
    {
        const string usage = """
            using TestApp.Models;
            public static class Bad
            {
                public static object A() => Post.Where(p => p.Status.Gt(PostStatus.Active));
                public static object B() => Post.Where(p => p.Rating.BeginsWith("4"));
            }
            """;
        var (output, _, _) = GeneratorHarness.Run(GeneratorHarness.SampleFiles("blog.graphql"), usage);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToList();
        Assert.That(errors.Count(e => e == "CS1061"), Is.EqualTo(2), string.Join(", ", errors));
    }

    private static void AssertNoDiagnostics(Compilation output)
    {
        var diagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError).ToList();
        Assert.That(diagnostics, Is.Empty, string.Join("\n", diagnostics.Take(20).Select(d => d.ToString())));
    }
}
