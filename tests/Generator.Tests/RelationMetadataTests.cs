using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Amplify.DataStore.Metadata;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace Amplify.DataStore.Generator.Tests;

/// <summary>
/// The relationship metadata the generator emits in <c>AmplifyModels.Schema</c>, loaded from the compiled output:
/// Amplify Gen 2 <c>references</c> relations, and the <c>gsi-Parent.field</c> index modelgen lists for a
/// one-directional <c>@hasMany</c>.
/// </summary>
public class RelationMetadataTests
{
    [Test]
    public void One_directional_has_many_lists_the_gsi_index_on_the_child_key_as_modelgen_does()
    {
        var schema = Load("""
            type Post @model { id: ID! comments: [Comment] @hasMany tags: [Tag] @hasMany notes: [Note] @hasMany(indexName: "byPost", fields: ["id"]) }
            type Comment @model { id: ID! content: String }
            type Tag @model { id: ID! post: Post @belongsTo }
            type Note @model { id: ID! postID: ID! @index(name: "byPost") }
            """);
        var comment = schema.GetModel("Comment").Indexes.Single();
        Assert.That((comment.Name, comment.Fields, comment.QueryField), Is.EqualTo(("gsi-Post.comments", new[] { "postCommentsId" }, (string?)null)));
        Assert.That(schema.GetModel("Tag").Indexes, Is.Empty, "read through its @belongsTo: no gsi index");
        Assert.That(schema.GetModel("Note").Indexes.Select(i => i.Name), Is.EqualTo(new[] { "byPost" }), "an indexName: that index, no other");
    }

    [Test]
    public void References_relations_use_the_existing_association_kinds()
    {
        var schema = Load(File.ReadAllText(Path.Combine(TestPaths.SchemaSamples, "gen2-references.graphql")));
        var post = schema.GetModel("Post");
        var comments = post.FindField("comments")!.Association!;
        Assert.That((comments.Type, comments.RelatedModel, comments.TargetNames, comments.AssociatedWith, comments.AssociatedField),
            Is.EqualTo((AssociationType.HasMany, "Comment", Array.Empty<string>(), new[] { "postId" }, "post")));
        var meta = post.FindField("meta")!.Association!;
        Assert.That((meta.Type, meta.RelatedModel, meta.TargetNames, meta.AssociatedWith, meta.AssociatedField),
            Is.EqualTo((AssociationType.HasOne, "PostMeta", Array.Empty<string>(), new[] { "postId" }, "post")));
        foreach (var child in new[] { "Comment", "PostMeta" })
        {
            var belongsTo = schema.GetModel(child).FindField("post")!.Association!;
            Assert.That((belongsTo.Type, belongsTo.RelatedModel, belongsTo.TargetNames, belongsTo.AssociatedWith),
                Is.EqualTo((AssociationType.BelongsTo, "Post", new[] { "postId" }, new[] { "id" })), child);
            Assert.That(schema.GetModel(child).Indexes, Is.Empty);
        }
    }

    [Test]
    public void References_usage_code_compiles_without_warnings()
    {
        const string usage = """
            using Amplify.DataStore;
            using TestApp.Models;
            namespace TestApp
            {
                public static class Usage
                {
                    public static object[] Run()
                    {
                        var post = new Post { Title = "Gen 2" };
                        var comment = new Comment { Content = "hi", Post = post };   // sets PostId
                        var meta = new PostMeta { Views = 1, Post = post };          // sets PostId
                        HasMany<Comment> comments = post.Comments;
                        HasOne<PostMeta> one = post.Meta;
                        string id = comment.PostId;
                        string? metaPost = meta.PostId;
                        return new object[] { comments.Predicate, one.Predicate, id, metaPost ?? "" };
                    }
                }
            }
            """;
        var (output, result, _) = GeneratorHarness.Run(GeneratorHarness.SampleFiles("gen2-references.graphql"), usage);
        Assert.That(result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning), Is.Empty);
        var diagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError).ToList();
        Assert.That(diagnostics, Is.Empty, string.Join("\n", diagnostics.Take(20)));
    }

    /// <summary>Generates, compiles and loads the models of <paramref name="schema"/>; returns <c>AmplifyModels.Schema</c>.</summary>
    private static ModelSchema Load(string schema)
    {
        var (output, result, _) = GeneratorHarness.Run(new[] { new GeneratorHarness.InMemoryAdditionalText("/proj/schema.graphql", schema) });
        Assert.That(result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning), Is.Empty);
        using var pe = new MemoryStream();
        var emitted = output.Emit(pe);
        Assert.That(emitted.Success, Is.True, string.Join("\n", emitted.Diagnostics.Take(20)));
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid(), isCollectible: true);
        pe.Position = 0;
        var assembly = context.LoadFromStream(pe);
        var models = assembly.GetTypes().Single(t => t.Name == "AmplifyModels");
        return (ModelSchema)models.GetProperty("Schema", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }
}
