using Amplify.DataStore.Analyzers.CodeFixes;
using Amplify.DataStore.Analyzers.Tests.Support;
using NUnit.Framework;
using V = Amplify.DataStore.Analyzers.Tests.Support.Verify<Amplify.DataStore.Analyzers.Rules.ConstantPredicateAnalyzer>;

namespace Amplify.DataStore.Analyzers.Tests.CodeFixes;

public sealed class SwapBetweenBoundsCodeFixTests
{
    private const string Why = ", and Between matches low <= value <= high; swap the bounds";

    [Test]
    public Task Swaps_the_bounds_of_a_typed_Between() => V.CodeFixAsync<SwapBetweenBoundsCodeFix>("""
        class C
        {
            object M() => Post.Where(p => {|#0:p.Rating.Between(10, /* one */ 1)|} & p.Status.Eq(PostStatus.Active));
        }
        """, """
        class C
        {
            object M() => Post.Where(p => p.Rating.Between(1, /* one */ 10) & p.Status.Eq(PostStatus.Active));
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.ConstantPredicate).WithLocation(0)
            .WithArguments("p.Rating.Between(10, /* one */ 1)", "false", "the low bound 10 is greater than the high bound 1" + Why));

    [Test]
    public Task Swaps_named_bounds_keeping_the_names_in_place() => V.CodeFixAsync<SwapBetweenBoundsCodeFix>("""
        class C
        {
            object M() => Post.Where(p => {|#0:p.Title.Between(high: "a", low: "m")|});
        }
        """, """
        class C
        {
            object M() => Post.Where(p => p.Title.Between(high: "m", low: "a"));
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.ConstantPredicate).WithLocation(0)
            .WithArguments("p.Title.Between(high: \"a\", low: \"m\")", "false", "the low bound \"m\" is greater than the high bound \"a\"" + Why));

    [Test]
    public Task Swaps_the_operands_of_a_dynamic_between() => V.CodeFixAsync<SwapBetweenBoundsCodeFix>("""
        class C
        {
            object M() => {|#0:Predicate.Field<Post>("rating", "between", 9, 4)|};
        }
        """, """
        class C
        {
            object M() => Predicate.Field<Post>("rating", "between", 4, 9);
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.ConstantPredicate).WithLocation(0)
            .WithArguments("Predicate.Field<Post>(\"rating\", \"between\", 9, 4)", "false", "the low bound 9 is greater than the high bound 4" + Why));

    [Test]
    public Task Offers_nothing_for_other_constant_predicates() => V.CodeFixAsync<SwapBetweenBoundsCodeFix>("""
        class C
        {
            object M() => Post.Where(p => {|#0:p.Title.Eq(null)|});
        }
        """, """
        class C
        {
            object M() => Post.Where(p => {|#0:p.Title.Eq(null)|});
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.ConstantPredicate).WithLocation(0)
            .WithArguments("p.Title.Eq(null)", "false", "'title' is required (String!), so every item has a value; Eq(null) tests for a missing one"));
}
