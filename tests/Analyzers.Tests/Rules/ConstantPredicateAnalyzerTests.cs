using Amplify.DataStore.Analyzers.Tests.Support;
using NUnit.Framework;
using V = Amplify.DataStore.Analyzers.Tests.Support.Verify<Amplify.DataStore.Analyzers.Rules.ConstantPredicateAnalyzer>;

namespace Amplify.DataStore.Analyzers.Tests.Rules;

public sealed class ConstantPredicateAnalyzerTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult D(int location, string text, string outcome, string why)
        => V.Diagnostic(DiagnosticDescriptors.ConstantPredicate).WithLocation(location).WithArguments(text, outcome, why);

    [Test]
    public Task Between_with_low_above_high_is_always_false() => V.AnalyzerAsync("""
        class C
        {
            void M()
            {
                var a = Post.Where(p => {|#0:p.Rating.Between(10, 1)|});
                var b = Post.Where(p => {|#1:p.Title.Between("b", "a")|});
                var d = Post.Where(p => {|#2:p.Rating.Between(high: 1, low: 10)|});
            }
        }
        """,
        D(0, "p.Rating.Between(10, 1)", "false", "the low bound 10 is greater than the high bound 1, and Between matches low <= value <= high; swap the bounds"),
        D(1, "p.Title.Between(\"b\", \"a\")", "false", "the low bound \"b\" is greater than the high bound \"a\", and Between matches low <= value <= high; swap the bounds"),
        D(2, "p.Rating.Between(high: 1, low: 10)", "false", "the low bound 10 is greater than the high bound 1, and Between matches low <= value <= high; swap the bounds"));

    [Test]
    public Task Dynamic_between_with_low_above_high_is_always_false() => V.AnalyzerAsync("""
        class C
        {
            object M() => {|#0:Predicate.Field<Post>("rating", "between", 7, 2.5)|};
        }
        """,
        D(0, "Predicate.Field<Post>(\"rating\", \"between\", 7, 2.5)", "false", "the low bound 7 is greater than the high bound 2.5, and Between matches low <= value <= high; swap the bounds"));

    [Test]
    public Task Null_tests_on_required_fields_are_decided() => V.AnalyzerAsync("""
        class C
        {
            void M()
            {
                var a = Post.Where(p => {|#0:p.Title.Eq(null)|});
                var b = Post.Where(p => {|#1:p.Rating.Ne(null)|});
                var c = Post.Where(p => {|#2:p.Status.Eq(null)|});
                var d = {|#3:Predicate.Field<Post>("title", "ne", (string?)null)|};
            }
        }
        """,
        D(0, "p.Title.Eq(null)", "false", "'title' is required (String!), so every item has a value; Eq(null) tests for a missing one"),
        D(1, "p.Rating.Ne(null)", "true", "'rating' is required (Int!), so every item has a value; Ne(null) tests for a missing one"),
        D(2, "p.Status.Eq(null)", "false", "'status' is required (PostStatus!), so every item has a value; Eq(null) tests for a missing one"),
        D(3, "Predicate.Field<Post>(\"title\", \"ne\", (string?)null)", "true", "'title' is required (String!), so every item has a value; Ne(null) tests for a missing one"));

    [Test]
    public Task Empty_prefix_and_substring_on_a_required_string_are_always_true() => V.AnalyzerAsync("""
        class C
        {
            void M()
            {
                var a = Post.Where(p => {|#0:p.Title.BeginsWith("")|});
                var b = Post.Where(p => {|#1:p.Title.Contains("")|});
                var c = {|#2:Predicate.Field<Post>("title", "beginsWith", "")|};
            }
        }
        """,
        D(0, "p.Title.BeginsWith(\"\")", "true", "every value of the required field 'title' begins with the empty string"),
        D(1, "p.Title.Contains(\"\")", "true", "every value of the required field 'title' contains the empty string"),
        D(2, "Predicate.Field<Post>(\"title\", \"beginsWith\", \"\")", "true", "every value of the required field 'title' begins with the empty string"));

    [Test]
    // The test compiler (Roslyn 4.11) predates params collections, so the empty lists are written as [] here; the
    // analyzer reads an empty params list (In()) the same way.
    public Task In_and_NotIn_without_values_are_decided() => V.AnalyzerAsync("""
        class C
        {
            void M()
            {
                var a = Post.Where(p => {|#0:p.Rating.In([])|});
                var b = Post.Where(p => {|#1:p.Status.NotIn([])|});
                var c = Post.Where(p => {|#2:p.Title.In(new string?[0])|});
            }
        }
        """,
        D(0, "p.Rating.In([])", "false", "In with no values matches no item"),
        D(1, "p.Status.NotIn([])", "true", "NotIn with no values excludes no item"),
        D(2, "p.Title.In(new string?[0])", "false", "In with no values matches no item"));

    [Test]
    public Task Contradictory_ranges_on_one_field_are_always_false() => V.AnalyzerAsync("""
        class C
        {
            void M()
            {
                var a = Post.Where(p => {|#0:p.Rating.Gt(5) & p.Rating.Lt(3)|});
                var b = Post.Where(p => {|#1:p.Status.Eq(PostStatus.Active) & p.Title.Ne("x") & p.Rating.Ge(4) & p.Rating.Lt(4)|});
                var c = Post.Where(p => {|#2:Predicate.And(p.Rating.Between(1, 3), p.Rating.Eq(7))|});
                var d = Post.Where(p => {|#3:p.Status.Eq(PostStatus.Active) & p.Status.Eq(PostStatus.Inactive)|});
            }
        }
        """,
        D(0, "p.Rating.Gt(5) & p.Rating.Lt(3)", "false", "no value of 'rating' satisfies both 'p.Rating.Gt(5)' and 'p.Rating.Lt(3)'"),
        D(1, "p.Status.Eq(PostStatus.Active) & p.Title.Ne(\"x\") & p.Rating.Ge(4) & p.Rating.Lt(4)", "false", "no value of 'rating' satisfies both 'p.Rating.Ge(4)' and 'p.Rating.Lt(4)'"),
        D(2, "Predicate.And(p.Rating.Between(1, 3), p.Rating.Eq(7))", "false", "no value of 'rating' satisfies both 'p.Rating.Between(1, 3)' and 'p.Rating.Eq(7)'"),
        D(3, "p.Status.Eq(PostStatus.Active) & p.Status.Eq(PostStatus.Inactive)", "false", "no value of 'status' satisfies both 'p.Status.Eq(PostStatus.Active)' and 'p.Status.Eq(PostStatus.Inactive)'"));

    [Test]
    public Task Meaningful_predicates_are_fine() => V.AnalyzerAsync("""
        class C
        {
            void M(int low, int high, string prefix, int[] ratings)
            {
                var a = Post.Where(p => p.Rating.Between(1, 10) & p.Rating.Between(5, 5));
                var b = Post.Where(p => p.Rating.Between(high, low));
                var c = Comment.Where(c => c.Content.Eq(null) | c.Content.BeginsWith(""));
                var d = Post.Where(p => p.Title.BeginsWith(prefix) & p.Title.Contains("a"));
                var e = Post.Where(p => p.Rating.In([1, 2]) & p.Rating.NotIn([3]) & p.Rating.In(ratings));
                var f = Post.Where(p => p.Rating.Gt(3) & p.Rating.Lt(5));
                var g = Post.Where(p => p.Rating.Gt(5) | p.Rating.Lt(3));
                var h = Post.Where(p => p.Rating.Ge(4) & p.Rating.Le(4));
                var i = Post.Where(p => p.Rating.Gt(5) & p.Status.Eq(PostStatus.Active) & p.Title.Lt("m"));
                var j = Comment.Where(c => c.Post.Title.Eq(null) & c.Post.Title.BeginsWith("") & c.Post.Id.NotIn([]));
                var k = Post.Where(p => p.Title.Ge("a") & p.Title.Le("b"));
                var l = Predicate.Field<Post>("rating", "between", 1, 7);
                var m = Predicate.Field<Post>("rating", "in");
                var n = Post.Where(p => p.CreatedAt.Eq(null) | p.Rating.Eq(3) & p.Title.Eq("x"));
            }
        }
        """);
}
