using Amplify.DataStore.Analyzers.CodeFixes;
using NUnit.Framework;
using V = Amplify.DataStore.Analyzers.Tests.Support.Verify<Amplify.DataStore.Analyzers.Rules.PrimaryKeyChangeAnalyzer>;

namespace Amplify.DataStore.Analyzers.Tests.CodeFixes;

public sealed class RemoveKeyAssignmentCodeFixTests
{
    [Test]
    public Task Removes_the_first_assignment_on_one_line() => V.CodeFixAsync<RemoveKeyAssignmentCodeFix>("""
        class C
        {
            Post M(Post post) => post with { {|#0:Id = "x"|}, Title = "t" };
        }
        """, """
        class C
        {
            Post M(Post post) => post with { Title = "t" };
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.PrimaryKeyChanged).WithLocation(0).WithArguments("Id", "Post", "a 'with' expression"));

    [Test]
    public Task Removes_the_last_assignment_on_one_line() => V.CodeFixAsync<RemoveKeyAssignmentCodeFix>("""
        class C
        {
            Post M(Post post) => post with { Title = "t", {|#0:Id = "x"|} };
        }
        """, """
        class C
        {
            Post M(Post post) => post with { Title = "t" };
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.PrimaryKeyChanged).WithLocation(0).WithArguments("Id", "Post", "a 'with' expression"));

    [Test]
    public Task The_only_assignment_leaves_an_empty_with() => V.CodeFixAsync<RemoveKeyAssignmentCodeFix>("""
        class C
        {
            Post M(Post post) => post with { {|#0:Id = "x"|} };
        }
        """, """
        class C
        {
            Post M(Post post) => post with { };
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.PrimaryKeyChanged).WithLocation(0).WithArguments("Id", "Post", "a 'with' expression"));

    [Test]
    public Task Multi_line_initializers_keep_their_layout() => V.CodeFixAsync<RemoveKeyAssignmentCodeFix>("""
        class C
        {
            Post M(Post post, Post other) => post with
            {
                Title = "t",
                {|#0:Id = "x"|},
                Rating = 2,
            };

            Post N(Post post) => post with
            {
                Rating = 3,
                {|#1:Id = "y"|}
            };
        }
        """, """
        class C
        {
            Post M(Post post, Post other) => post with
            {
                Title = "t",
                Rating = 2,
            };

            Post N(Post post) => post with
            {
                Rating = 3
            };
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.PrimaryKeyChanged).WithLocation(0).WithArguments("Id", "Post", "a 'with' expression"),
        V.Diagnostic(DiagnosticDescriptors.PrimaryKeyChanged).WithLocation(1).WithArguments("Id", "Post", "a 'with' expression"));

    [Test]
    public Task Removes_every_field_of_a_composite_key() => V.CodeFixAsync<RemoveKeyAssignmentCodeFix>("""
        class C
        {
            Product M(Product product) => product with { {|#0:Tenant = "t"|}, Name = "n", {|#1:Sku = "s"|} };

            Order N(Order order) => order with
            {
                {|#2:CustomerEmail = "a@b.c"|},
                {|#3:OrderNumber = 2|},
            };
        }
        """, """
        class C
        {
            Product M(Product product) => product with { Name = "n" };

            Order N(Order order) => order with { };
        }
        """, "composite-keys.graphql",
        V.Diagnostic(DiagnosticDescriptors.PrimaryKeyChanged).WithLocation(0).WithArguments("Tenant", "Product", "a 'with' expression"),
        V.Diagnostic(DiagnosticDescriptors.PrimaryKeyChanged).WithLocation(1).WithArguments("Sku", "Product", "a 'with' expression"),
        V.Diagnostic(DiagnosticDescriptors.PrimaryKeyChanged).WithLocation(2).WithArguments("CustomerEmail", "Order", "a 'with' expression"),
        V.Diagnostic(DiagnosticDescriptors.PrimaryKeyChanged).WithLocation(3).WithArguments("OrderNumber", "Order", "a 'with' expression"));
}
