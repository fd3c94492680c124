using NUnit.Framework;
using V = Amplify.DataStore.Analyzers.Tests.Support.Verify<Amplify.DataStore.Analyzers.Rules.FieldOperatorAnalyzer>;

namespace Amplify.DataStore.Analyzers.Tests.Rules;

public sealed class FieldOperatorAnalyzerTests
{
    [Test]
    public Task Valid_fields_and_operators_produce_nothing() => V.AnalyzerAsync("""
        class C
        {
            const string Rating = "rating";
            void M(string runtimeField, string runtimeOperator)
            {
                _ = Predicate.Field<Post>("title", "beginsWith", "A");
                _ = Predicate.Field<Post>(Rating, "between", 1, 5);
                _ = Predicate.Field<Post>("status", "in", PostStatus.Active, PostStatus.Inactive);
                _ = Predicate.Field<Post>("id", "notIn", "a");
                _ = Predicate.Field<Comment>("content", "contains", "x");
                _ = Predicate.Field<Comment>("commentPostId", "eq", "p1");
                _ = Predicate.Field<Post>("createdAt", "gt", "2024-01-01T00:00:00Z");
                _ = Predicate.Field<Post>(runtimeField, runtimeOperator, 1);
                _ = Predicate.Field<Post>("rating", runtimeOperator, 1);
            }
        }
        """);

    [Test]
    public Task Unknown_fields_are_reported_with_a_suggestion() => V.AnalyzerAsync("""
        class C
        {
            const string Name = "ratin";
            void M()
            {
                _ = Predicate.Field<Post>({|#0:"titel"|}, "eq", "x");
                _ = Predicate.Field<Post>({|#1:"Rating"|}, "gt", 3);
                _ = Predicate.Field<Post>({|#2:Name|}, "gt", 3);
                _ = Predicate.Field<Post>({|#3:"somethingElse"|}, "eq", 1);
                _ = Predicate.Field<Comment>({|#4:"post.id"|}, "eq", "p1");
            }
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.UnknownField).WithLocation(0).WithArguments("Post", "titel", "; did you mean 'title'?"),
        V.Diagnostic(DiagnosticDescriptors.UnknownField).WithLocation(1).WithArguments("Post", "Rating", "; did you mean 'rating'?"),
        V.Diagnostic(DiagnosticDescriptors.UnknownField).WithLocation(2).WithArguments("Post", "ratin", "; did you mean 'rating'?"),
        V.Diagnostic(DiagnosticDescriptors.UnknownField).WithLocation(3).WithArguments("Post", "somethingElse", ""),
        V.Diagnostic(DiagnosticDescriptors.UnknownField).WithLocation(4).WithArguments("Comment", "post.id", ""));

    [Test]
    public Task Operators_not_valid_for_the_field_type_are_reported() => V.AnalyzerAsync("""
        class C
        {
            void M()
            {
                _ = Predicate.Field<Post>("rating", {|#0:"beginsWith"|}, "4");
                _ = Predicate.Field<Post>("status", {|#1:"gt"|}, PostStatus.Active);
                _ = Predicate.Field<Post>("title", {|#2:"equals"|}, "x");
                _ = Predicate.Field<Comment>("post", {|#3:"eq"|}, "p1");
                _ = Predicate.Field<Post>("comments", {|#4:"contains"|}, "c1");
            }
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.OperatorNotValidForField).WithLocation(0).WithArguments("beginsWith", "Post.rating", "Int!", "eq, ne, le, lt, ge, gt, between, in, notIn"),
        V.Diagnostic(DiagnosticDescriptors.OperatorNotValidForField).WithLocation(1).WithArguments("gt", "Post.status", "PostStatus!", "eq, ne, in, notIn"),
        V.Diagnostic(DiagnosticDescriptors.OperatorNotValidForField).WithLocation(2).WithArguments("equals", "Post.title", "String!", "eq, ne, le, lt, ge, gt, contains, notContains, beginsWith, between, in, notIn"),
        V.Diagnostic(DiagnosticDescriptors.OperatorNotValidForField).WithLocation(3).WithArguments("eq", "Comment.post", "Post", "none (a relationship cannot be compared; compare its foreign key 'commentPostId' instead)"),
        V.Diagnostic(DiagnosticDescriptors.OperatorNotValidForField).WithLocation(4).WithArguments("contains", "Post.comments", "[Comment]", "none (a relationship cannot be compared; query the related model instead)"));

    [Test]
    public Task Lists_json_and_embedded_fields_have_their_own_operators() => V.AnalyzerAsync("""
        class C
        {
            void M()
            {
                _ = Predicate.Field<Everything>("strings", "contains", "x");
                _ = Predicate.Field<Everything>("strings", {|#0:"eq"|}, "x");
                _ = Predicate.Field<Everything>("aJson", {|#1:"eq"|}, "{}");
                _ = Predicate.Field<Everything>("address", {|#2:"eq"|}, null);
                _ = Predicate.Field<Everything>("aBoolean", {|#3:"lt"|}, true);
            }
        }
        """, "aws-scalars.graphql",
        V.Diagnostic(DiagnosticDescriptors.OperatorNotValidForField).WithLocation(0).WithArguments("eq", "Everything.strings", "[String]", "contains, notContains"),
        V.Diagnostic(DiagnosticDescriptors.OperatorNotValidForField).WithLocation(1).WithArguments("eq", "Everything.aJson", "AWSJSON", "none (AWSJSON fields cannot be compared)"),
        V.Diagnostic(DiagnosticDescriptors.OperatorNotValidForField).WithLocation(2).WithArguments("eq", "Everything.address", "Address!", "none (Address is a non-model type, which predicates cannot reach into)"),
        V.Diagnostic(DiagnosticDescriptors.OperatorNotValidForField).WithLocation(3).WithArguments("lt", "Everything.aBoolean", "Boolean", "eq, ne, in, notIn"));
}
