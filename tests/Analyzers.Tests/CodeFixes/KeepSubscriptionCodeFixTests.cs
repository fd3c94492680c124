using Amplify.DataStore.Analyzers.CodeFixes;
using NUnit.Framework;
using V = Amplify.DataStore.Analyzers.Tests.Support.Verify<Amplify.DataStore.Analyzers.Rules.DiscardedSubscriptionAnalyzer>;

namespace Amplify.DataStore.Analyzers.Tests.CodeFixes;

public sealed class KeepSubscriptionCodeFixTests
{
    [Test]
    public Task Statement_becomes_a_using_declaration() => V.CodeFixAsync<KeepSubscriptionCodeFix>("""
        class C
        {
            async Task M(DataStore store)
            {
                // Watch posts until the method ends.
                store.Observe<Post>().{|#0:Subscribe|}(change =>
                {
                    System.Console.WriteLine(change);
                });
                await Task.Delay(1000);
            }
        }
        """, """
        class C
        {
            async Task M(DataStore store)
            {
                // Watch posts until the method ends.
                using var subscription = store.Observe<Post>().Subscribe(change =>
                {
                    System.Console.WriteLine(change);
                });
                await Task.Delay(1000);
            }
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.SubscriptionDiscarded).WithLocation(0).WithArguments("Subscribe"));

    [Test]
    public Task Discard_assignment_becomes_a_using_declaration_with_a_free_name() => V.CodeFixAsync<KeepSubscriptionCodeFix>("""
        class C
        {
            private int subscription;

            async Task M(DataStore store)
            {
                _ = store.ObserveQuery<Post>().{|#0:Subscribe|}(_ => { });
                await Task.Delay(1000);
                if (store is not null)
                {
                    var subscription2 = 2;
                }
            }
        }
        """, """
        class C
        {
            private int subscription;

            async Task M(DataStore store)
            {
                using var subscription3 = store.ObserveQuery<Post>().Subscribe(_ => { });
                await Task.Delay(1000);
                if (store is not null)
                {
                    var subscription2 = 2;
                }
            }
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.SubscriptionDiscarded).WithLocation(0).WithArguments("Subscribe"));

    [Test]
    public Task Two_subscriptions_get_distinct_names() => V.CodeFixAsync<KeepSubscriptionCodeFix>("""
        class C
        {
            async Task M(DataStore store)
            {
                store.Observe<Post>().{|#0:Subscribe|}(_ => { });
                store.Observe<Comment>().{|#1:Subscribe|}(_ => { });
                await Task.Delay(1000);
            }
        }
        """, """
        class C
        {
            async Task M(DataStore store)
            {
                using var subscription = store.Observe<Post>().Subscribe(_ => { });
                using var subscription2 = store.Observe<Comment>().Subscribe(_ => { });
                await Task.Delay(1000);
            }
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.SubscriptionDiscarded).WithLocation(0).WithArguments("Subscribe"),
        V.Diagnostic(DiagnosticDescriptors.SubscriptionDiscarded).WithLocation(1).WithArguments("Subscribe"));

    [Test]
    public Task No_fix_where_a_using_declaration_is_not_allowed() => V.CodeFixAsync<KeepSubscriptionCodeFix>("""
        class C
        {
            void M(DataStore store, bool watch)
            {
                if (watch) store.Observe<Post>().{|#0:Subscribe|}(_ => { });
            }

            void N(DataStore store) => store.Observe<Post>().{|#1:Subscribe|}(_ => { });
        }
        """, """
        class C
        {
            void M(DataStore store, bool watch)
            {
                if (watch) store.Observe<Post>().{|#0:Subscribe|}(_ => { });
            }

            void N(DataStore store) => store.Observe<Post>().{|#1:Subscribe|}(_ => { });
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.SubscriptionDiscarded).WithLocation(0).WithArguments("Subscribe"),
        V.Diagnostic(DiagnosticDescriptors.SubscriptionDiscarded).WithLocation(1).WithArguments("Subscribe"));
}
