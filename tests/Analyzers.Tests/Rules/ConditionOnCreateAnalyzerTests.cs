using Amplify.DataStore.Analyzers.Tests.Support;
using NUnit.Framework;
using V = Amplify.DataStore.Analyzers.Tests.Support.Verify<Amplify.DataStore.Analyzers.Rules.ConditionOnCreateAnalyzer>;

namespace Amplify.DataStore.Analyzers.Tests.Rules;

public sealed class ConditionOnCreateAnalyzerTests
{
    [Test]
    public Task Condition_on_a_new_object_is_reported() => V.AnalyzerAsync("""
        class C
        {
            async Task M(DataStore store)
            {
                await store.SaveAsync(new Post { Title = "t", Rating = 1, Status = PostStatus.Active }, {|#0:Post.Where(p => p.Rating.Gt(3))|});
                await store.SaveAsync(new Comment(), {|#1:Comment.Where(c => c.Content.Eq("x"))|});
            }
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.ConditionOnCreate).WithLocation(0),
        V.Diagnostic(DiagnosticDescriptors.ConditionOnCreate).WithLocation(1));

    [Test]
    public Task Condition_on_a_local_that_was_just_created_is_reported() => V.AnalyzerAsync("""
        class C
        {
            async Task M(DataStore store, bool flag)
            {
                var post = new Post { Title = "t", Rating = 1, Status = PostStatus.Active };
                System.Console.WriteLine(post.Title);
                if (flag)
                {
                    await store.SaveAsync(post, {|#0:Post.Where(p => p.Status.Eq(PostStatus.Active))|});
                }
                foreach (var i in new[] { 1, 2 })
                {
                    var comment = new Comment { Content = "c" };
                    await store.SaveAsync(comment, {|#1:condition: Comment.Where(c => c.Content.Ne(null))|});
                }
            }
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.ConditionOnCreate).WithLocation(0),
        V.Diagnostic(DiagnosticDescriptors.ConditionOnCreate).WithLocation(1));

    [Test]
    public Task Items_that_may_exist_are_fine() => V.AnalyzerAsync("""
        class C
        {
            async Task M(DataStore store, Post existing, string id)
            {
                var cond = Post.Where(p => p.Rating.Gt(3));
                // Unconditional saves, existing items, copies and explicit keys may all be updates.
                await store.SaveAsync(new Post { Title = "t", Rating = 1, Status = PostStatus.Active });
                await store.SaveAsync(existing, cond);
                await store.SaveAsync(existing with { Title = "u" }, cond);
                await store.SaveAsync(new Post { Id = id, Title = "t", Rating = 1, Status = PostStatus.Active }, cond);
                await store.SaveAsync(Post.CopyOf(existing, d => d.Title = "v"), cond);

                // A local saved before, reassigned, passed elsewhere, or saved in a loop around its creation.
                var a = new Post { Title = "a", Rating = 1, Status = PostStatus.Active };
                await store.SaveAsync(a);
                await store.SaveAsync(a, cond);

                var b = new Post { Title = "b", Rating = 1, Status = PostStatus.Active };
                b = existing;
                await store.SaveAsync(b, cond);

                var c = new Post { Title = "c", Rating = 1, Status = PostStatus.Active };
                Keep(c);
                await store.SaveAsync(c, cond);

                var d = new Post { Title = "d", Rating = 1, Status = PostStatus.Active };
                for (int i = 0; i < 2; i++) await store.SaveAsync(d, cond);

                var e = (await store.QueryAsync(cond)).First();
                await store.SaveAsync(e, cond);

                var f = new Post { Title = "f", Rating = 1, Status = PostStatus.Active };
                System.Func<Task> later = () => store.SaveAsync(f, cond);
            }

            void Keep(Post post) { }
        }
        """);

    [Test]
    public Task Models_whose_key_is_not_generated_are_fine() => V.AnalyzerAsync("""
        class C
        {
            async Task M(DataStore store)
            {
                await store.SaveAsync(new Customer { Email = "a@b.c", Name = "n", AccountRepresentativeID = "r" },
                    Customer.Where(c => c.Name.Eq("n")));
            }
        }
        """, "composite-keys.graphql");
}
