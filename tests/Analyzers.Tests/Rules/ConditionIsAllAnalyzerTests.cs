using Amplify.DataStore.Analyzers.Rules;
using Amplify.DataStore.Analyzers.Tests.Support;
using NUnit.Framework;
using V = Amplify.DataStore.Analyzers.Tests.Support.Verify<Amplify.DataStore.Analyzers.Rules.ConditionIsAllAnalyzer>;

namespace Amplify.DataStore.Analyzers.Tests.Rules;

public sealed class ConditionIsAllAnalyzerTests
{
    [Test]
    public Task Conditional_save_and_delete_with_All_are_reported() => V.AnalyzerAsync("""
        class C
        {
            async Task M(DataStore store, Post post)
            {
                await store.SaveAsync(post, {|#0:Predicate<Post>.All|});
                await store.DeleteAsync(post, {|#1:Predicate<Post>.All|});
            }
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.ConditionIsAll).WithLocation(0).WithArguments("Post", "SaveAsync"),
        V.Diagnostic(DiagnosticDescriptors.ConditionIsAll).WithLocation(1).WithArguments("Post", "DeleteAsync"));

    [Test]
    public Task Real_conditions_and_delete_all_are_fine() => V.AnalyzerAsync("""
        class C
        {
            async Task M(DataStore store, Post post)
            {
                await store.SaveAsync(post, Post.Where(p => p.Rating.Gt(3)));
                await store.DeleteAsync(Predicate<Post>.All);
                await store.SaveAsync(post);
            }
        }
        """);
}
