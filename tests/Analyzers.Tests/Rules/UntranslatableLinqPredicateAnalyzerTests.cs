using Microsoft.CodeAnalysis.Testing;
using NUnit.Framework;
using V = Amplify.DataStore.Analyzers.Tests.Support.Verify<Amplify.DataStore.Analyzers.Rules.UntranslatableLinqPredicateAnalyzer>;

namespace Amplify.DataStore.Analyzers.Tests.Rules;

public sealed class UntranslatableLinqPredicateAnalyzerTests
{
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Untranslatable(int location) => V.Diagnostic(DiagnosticDescriptors.UntranslatableLinqPredicate).WithLocation(location);

    // The forms both PredicateExpressionTranslator and this analyzer accept or refuse are one list,
    // tests/Common/LinqPredicateCases.cs, run against both in LinqPredicateCaseTests; the tests here check the
    // analyzer's own messages.
    [Test]
    public Task Method_calls_on_fields_are_reported_at_the_call() => V.AnalyzerAsync("""
        class C
        {
            async Task M(DataStore store)
            {
                await store.QueryAsync<Post>(p => {|#0:p.Title.ToUpper()|} == "X");
                await store.QueryAsync<Post>(p => {|#1:p.Title.EndsWith("x")|});
                await store.QueryAsync<Post>(p => {|#2:p.Title.Contains("x", System.StringComparison.OrdinalIgnoreCase)|});
                await store.QueryAsync<Post>(p => {|#3:p.Title.CompareTo("m")|} > 0);
                await store.QueryAsync<Post>(p => {|#4:"abc".Contains(p.Title)|});
                await store.QueryAsync<Post>(p => {|#5:new[] { "a" }.Contains(p.Id, System.StringComparer.OrdinalIgnoreCase)|});
            }
        }
        """,
        Untranslatable(0).WithArguments("p.Title.ToUpper()", "it calls String.ToUpper on model data, which the store cannot evaluate; compare the field itself with a value (computed outside the lambda if needed), or filter the results in memory"),
        Untranslatable(1).WithArguments("p.Title.EndsWith(\"x\")", "it calls EndsWith on a string field; the supported string methods are Contains(value) and StartsWith(value) (optionally with StringComparison.Ordinal), and no predicate tests a suffix (filter the results in memory)"),
        Untranslatable(2).WithArguments("p.Title.Contains(\"x\", System.StringComparison.OrdinalIgnoreCase)", "it calls Contains on a string field; the supported string methods are Contains(value) and StartsWith(value) (optionally with StringComparison.Ordinal)"),
        Untranslatable(3).WithArguments("p.Title.CompareTo(\"m\")", "it calls string.CompareTo, which is culture-sensitive; order strings with string.CompareOrdinal(field, value)"),
        Untranslatable(4).WithArguments("\"abc\".Contains(p.Title)", "it tests whether a field is a substring of a value, which predicates cannot express; compare the field with the candidate values instead (new[] { … }.Contains(field))"),
        Untranslatable(5).WithArguments("new[] { \"a\" }.Contains(p.Id, System.StringComparer.OrdinalIgnoreCase)", "it passes an equality comparer, whose meaning the store cannot share; use Contains without one"));

    [Test]
    public Task Two_fields_arithmetic_and_delegates_are_reported() => V.AnalyzerAsync("""
        using System;
        class C
        {
            async Task M(DataStore store, Func<Post, bool> f)
            {
                await store.QueryAsync<Post>(p => {|#0:p.Title == p.Id|});
                await store.QueryAsync<Post>(p => {|#1:p.Rating + 1|} > 3);
                await store.QueryAsync<Post>(p => {|#2:f(p)|});
                await store.QueryAsync<Post>(p => {|#3:p.Rating % 2|} == 0);
                await store.QueryAsync<Post>(p => p.Rating > 1 && {|#4:p.Title.Length|} > 3);
                await store.QueryAsync<Post>(p => ({|#5:p.Rating > 3 ? p.Title : p.Id|}) == "x");
                await store.QueryAsync<Comment>(c => ({|#6:c.Content ?? ""|}) == "x");
                await store.QueryAsync<Comment>(c => {|#7:c.Post|} == null);
                await store.QueryAsync<Post>(p => {|#8:p.Status > PostStatus.Active|});
                await store.QueryAsync<Post>(p => {|#9:false|});
                await store.DeleteAsync<Post>(p => {|#10:p.Rating - 1|} > 3);
                store.Observe<Post>(p => {|#11:p.Title.Trim()|} == "x");
            }
        }
        """,
        Untranslatable(0).WithArguments("p.Title == p.Id", "it compares two model fields, but a condition compares one field with a value; compare each field with a value, or filter the query's results in memory"),
        Untranslatable(1).WithArguments("p.Rating + 1", "it computes with model data, which the store cannot evaluate; move the computation to the value side (p.Field > limit - 1 rather than p.Field + 1 > limit) or filter the results in memory"),
        Untranslatable(2).WithArguments("f(p)", "it invokes a delegate with 'p', which cannot run in the store; write the condition inline in the lambda"),
        Untranslatable(3).WithArguments("p.Rating % 2", "it computes with model data, which the store cannot evaluate; move the computation to the value side (p.Field > limit - 1 rather than p.Field + 1 > limit) or filter the results in memory"),
        Untranslatable(4).WithArguments("p.Title.Length", "it reads a member of 'p.Title', a field value; only fields of the model and of its @belongsTo parents can be compared"),
        Untranslatable(5).WithArguments("p.Rating > 3 ? p.Title : p.Id", "it uses a conditional on model data; combine conditions with && and || instead"),
        Untranslatable(6).WithArguments("c.Content ?? \"\"", "it uses ?? on model data; compare the field and null explicitly (c.Field == null || c.Field == value)"),
        Untranslatable(7).WithArguments("c.Post", "'c.Post' is a related model; compare one of its fields (e.g. its id) or the foreign key (c.CommentPostId == id)"),
        Untranslatable(8).WithArguments("p.Status > PostStatus.Active", "'status' is an enum field, which supports only ==, != and membership (values.Contains(p.Status))"),
        Untranslatable(9).WithArguments("false", "it is always false, which a predicate cannot express; skip the query (or delete) instead"),
        Untranslatable(10).WithArguments("p.Rating - 1", "it computes with model data, which the store cannot evaluate; move the computation to the value side (p.Field > limit - 1 rather than p.Field + 1 > limit) or filter the results in memory"),
        Untranslatable(11).WithArguments("p.Title.Trim()", "it calls String.Trim on model data, which the store cannot evaluate; compare the field itself with a value (computed outside the lambda if needed), or filter the results in memory"));

    [Test]
    public Task Every_untranslatable_operand_of_a_condition_is_reported() => V.AnalyzerAsync("""
        class C
        {
            async Task M(DataStore store)
            {
                await store.QueryAsync<Post>(p => {|#0:p.Title.ToLower()|} == "x" || !({|#1:p.Rating * 2|} > 4) && p.Rating > 1);
            }
        }
        """,
        Untranslatable(0).WithArguments("p.Title.ToLower()", "it calls String.ToLower on model data, which the store cannot evaluate; compare the field itself with a value (computed outside the lambda if needed), or filter the results in memory"),
        Untranslatable(1).WithArguments("p.Rating * 2", "it computes with model data, which the store cannot evaluate; move the computation to the value side (p.Field > limit - 1 rather than p.Field + 1 > limit) or filter the results in memory"));

    [Test]
    public Task Unsupported_field_kinds_are_reported() => V.AnalyzerAsync("""
        class C
        {
            async Task M(DataStore store)
            {
                await store.QueryAsync<Everything>(e => {|#0:e.Address.City|} == "x");
                await store.QueryAsync<Everything>(e => {|#1:e.Strings == null|});
                await store.QueryAsync<Everything>(e => {|#2:(int)e.AFloat!|} > 3);
                await store.QueryAsync<Everything>(e => {|#3:e.AJson == null|});
                await store.QueryAsync<Everything>(e => {|#4:e.AnInt > null|});
            }
        }
        """, "aws-scalars.graphql",
        Untranslatable(0).WithArguments("e.Address.City", "it reads inside 'address', an embedded (non-model) type, which predicates cannot reach into; filter the query's results in memory"),
        Untranslatable(1).WithArguments("e.Strings == null", "'strings' is a list field; test its elements with e.Strings.Contains(value)"),
        Untranslatable(2).WithArguments("(int)e.AFloat!", "it converts 'aFloat' to int, which changes its value; compare the field with a value of its own type"),
        Untranslatable(3).WithArguments("e.AJson == null", "'aJson' is an AWSJSON field, which predicates cannot compare"),
        Untranslatable(4).WithArguments("e.AnInt > null", "it orders 'anInt' against null, which is never true in C#; compare with a non-null value"));

    [Test]
    public Task String_operators_through_ToString_report_ADS2002() => V.AnalyzerAsync("""
        class C
        {
            async Task M(DataStore store)
            {
                await store.QueryAsync<Post>(p => {|#0:p.Rating.ToString().StartsWith("4")|});
                await store.QueryAsync<Post>(p => {|#1:p.Status.ToString().Contains("ACT")|});
                await store.QueryAsync<Post>(p => {|#2:p.Title.ToString().StartsWith("A")|});
                await store.QueryAsync<Post>(p => {|#3:p.Rating.ToString()|} == "4");
            }
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.OperatorNotValidForField).WithLocation(0).WithArguments("beginsWith", "Post.rating", "Int!", "eq, ne, le, lt, ge, gt, between, in, notIn"),
        V.Diagnostic(DiagnosticDescriptors.OperatorNotValidForField).WithLocation(1).WithArguments("contains", "Post.status", "PostStatus!", "eq, ne, in, notIn"),
        Untranslatable(2).WithArguments("p.Title.ToString().StartsWith(\"A\")", "it converts 'title' with ToString(), which the store cannot evaluate; call StartsWith on the field itself (p.Title.StartsWith(value))"),
        Untranslatable(3).WithArguments("p.Rating.ToString()", "it converts a field with ToString(), which the store cannot evaluate; compare the field with a value of its own type"));

    [Test]
    public Task Typed_predicates_expression_variables_and_other_apis_are_not_analyzed() => V.AnalyzerAsync("""
        using System;
        using System.Linq.Expressions;
        class C
        {
            async Task M(DataStore store, Post[] posts)
            {
                Expression<Func<Post, bool>> stored = p => p.Title.ToUpper() == "X";
                await store.QueryAsync<Post>(Post.Where(p => p.Rating.Gt(4)));
                _ = posts.AsQueryable().Where(p => p.Title.ToUpper() == "X");
                _ = posts.Where(p => p.Title.ToUpper() == "X");
            }
        }
        """);
}
