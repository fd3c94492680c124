using Amplify.DataStore.Analyzers.CodeFixes;
using NUnit.Framework;
using V = Amplify.DataStore.Analyzers.Tests.Support.Verify<Amplify.DataStore.Analyzers.Rules.FieldOperatorAnalyzer>;

namespace Amplify.DataStore.Analyzers.Tests.CodeFixes;

public sealed class UseSuggestedFieldNameCodeFixTests
{
    [Test]
    public Task Replaces_the_literal_with_the_suggestion() => V.CodeFixAsync<UseSuggestedFieldNameCodeFix>("""
        class C
        {
            void M()
            {
                _ = Predicate.Field<Post>({|#0:"titel"|}, "eq", "x");
                _ = Predicate.Field<Post>({|#1:"Rating"|}, "gt", 3);
            }
        }
        """, """
        class C
        {
            void M()
            {
                _ = Predicate.Field<Post>("title", "eq", "x");
                _ = Predicate.Field<Post>("rating", "gt", 3);
            }
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.UnknownField).WithLocation(0).WithArguments("Post", "titel", "; did you mean 'title'?"),
        V.Diagnostic(DiagnosticDescriptors.UnknownField).WithLocation(1).WithArguments("Post", "Rating", "; did you mean 'rating'?"));

    [Test]
    public Task No_fix_without_a_suggestion_or_for_a_named_constant() => V.CodeFixAsync<UseSuggestedFieldNameCodeFix>("""
        class C
        {
            const string Name = "ratin";
            void M()
            {
                _ = Predicate.Field<Post>({|#0:"somethingElse"|}, "eq", 1);
                _ = Predicate.Field<Post>({|#1:Name|}, "gt", 3);
            }
        }
        """, """
        class C
        {
            const string Name = "ratin";
            void M()
            {
                _ = Predicate.Field<Post>({|#0:"somethingElse"|}, "eq", 1);
                _ = Predicate.Field<Post>({|#1:Name|}, "gt", 3);
            }
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.UnknownField).WithLocation(0).WithArguments("Post", "somethingElse", ""),
        V.Diagnostic(DiagnosticDescriptors.UnknownField).WithLocation(1).WithArguments("Post", "ratin", "; did you mean 'rating'?"));
}
