using Amplify.DataStore.Analyzers.Tests.Support;
using NUnit.Framework;
using V = Amplify.DataStore.Analyzers.Tests.Support.Verify<Amplify.DataStore.Analyzers.Rules.AppSyncPredicateAnalyzer>;

namespace Amplify.DataStore.Analyzers.Tests.Rules;

public sealed class AppSyncPredicateAnalyzerTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult D(int location, string text, string why)
        => V.Diagnostic(DiagnosticDescriptors.NotEvaluableByAppSync).WithLocation(location).WithArguments(text, why);

    [Test]
    public Task Relationship_paths_in_save_and_delete_conditions_are_reported() => V.AnalyzerAsync("""
        class C
        {
            async Task M(DataStore store, Comment comment, string postId)
            {
                await store.SaveAsync(comment, Comment.Where(c => {|#0:c.Post.Id.Eq(postId)|}));
                await store.DeleteAsync(comment, Comment.Where(c => c.Content.Ne(null) & {|#1:c.Post.Title.BeginsWith("A")|}));
            }
        }
        """,
        D(0, "c.Post.Id.Eq(postId)", "the condition of SaveAsync is a ModelCommentConditionInput, which has only Comment's own fields, not the related 'post'; compare the foreign key 'CommentPostId' instead"),
        D(1, "c.Post.Title.BeginsWith(\"A\")", "the condition of DeleteAsync is a ModelCommentConditionInput, which has only Comment's own fields, not the related 'post'"));

    [Test]
    public Task Relationship_paths_with_v2_belongs_to_suggest_the_foreign_key() => V.AnalyzerAsync("""
        class C
        {
            async Task M(DataStore store, Post post, string blogId)
            {
                await store.SaveAsync(post, Post.Where(p => {|#0:p.Blog.Id.Eq(blogId)|}));
            }
        }
        """, "v2-relationships.graphql",
        D(0, "p.Blog.Id.Eq(blogId)", "the condition of SaveAsync is a ModelPostConditionInput, which has only Post's own fields, not the related 'blog'; compare the foreign key 'BlogID' instead"));

    [Test]
    public Task Relationship_paths_with_gen2_references_suggest_the_referencing_field() => V.AnalyzerAsync("""
        class C
        {
            async Task M(DataStore store, Comment comment, string postId)
            {
                await store.SaveAsync(comment, Comment.Where(c => {|#0:c.Post.Id.Eq(postId)|}));
                await store.SaveAsync(comment, Comment.Where(c => c.PostId.Eq(postId)));
            }
        }
        """, "gen2-references.graphql",
        D(0, "c.Post.Id.Eq(postId)", "the condition of SaveAsync is a ModelCommentConditionInput, which has only Comment's own fields, not the related 'post'; compare the foreign key 'PostId' instead"));

    [Test]
    public Task Conditions_on_the_partition_key_are_reported() => V.AnalyzerAsync("""
        class C
        {
            async Task M(DataStore store, Post post)
            {
                await store.SaveAsync(post, Post.Where(p => {|#0:p.Id.Eq("1")|} | p.Rating.Gt(2)));
                await store.DeleteAsync(post, {|#1:Predicate.Field<Post>("id", "beginsWith", "a")|});
            }
        }
        """,
        D(0, "p.Id.Eq(\"1\")", "ModelPostConditionInput has no 'id': the partition field of the primary key cannot be part of a condition (the key already chooses the item)"),
        D(1, "Predicate.Field<Post>(\"id\", \"beginsWith\", \"a\")", "ModelPostConditionInput has no 'id': the partition field of the primary key cannot be part of a condition (the key already chooses the item)"));

    [Test]
    public Task A_condition_kept_in_a_local_is_reported_where_it_is_sent() => V.AnalyzerAsync("""
        class C
        {
            async Task M(DataStore store, Comment comment)
            {
                var condition = Comment.Where(c => c.Post.Rating.Gt(3));
                await store.SaveAsync(comment, {|#0:condition|});
            }
        }
        """,
        D(0, "c.Post.Rating.Gt(3)", "the condition of SaveAsync is a ModelCommentConditionInput, which has only Comment's own fields, not the related 'post'"));

    [Test]
    public Task Own_fields_sort_keys_and_local_queries_are_fine() => V.AnalyzerAsync("""
        class C
        {
            async Task M(DataStore store, Comment comment, Post post, Predicate<Comment> given)
            {
                await store.SaveAsync(comment, Comment.Where(c => c.CommentPostId.Eq("p1") & c.Content.Ne(null)));
                await store.DeleteAsync(post, Post.Where(p => p.Rating.Lt(2)) | Predicate.Field<Post>("title", "eq", "x"));
                await store.SaveAsync(comment, given);
                // Queries and bulk deletes run locally, where related fields are resolved.
                await store.QueryAsync(Comment.Where(c => c.Post.Id.Eq("p1")));
                await store.DeleteAsync(Post.Where(p => p.Id.Eq("1")));
                var reassigned = Comment.Where(c => c.Post.Id.Eq("p1"));
                reassigned = Comment.Where(c => c.Content.Eq("x"));
                await store.SaveAsync(comment, reassigned);
            }
        }
        """);

    [Test]
    public Task Sort_key_fields_are_in_the_condition_input() => V.AnalyzerAsync("""
        class C
        {
            async Task M(DataStore store, Product product)
            {
                await store.SaveAsync(product, Product.Where(p => p.Sku.Eq("s") & p.Price.Gt(1)));
                await store.SaveAsync(product, Product.Where(p => {|#0:p.Tenant.Eq("t")|}));
            }
        }
        """, "composite-keys.graphql",
        D(0, "p.Tenant.Eq(\"t\")", "ModelProductConditionInput has no 'tenant': the partition field of the primary key cannot be part of a condition (the key already chooses the item)"));
}
