using NUnit.Framework;
using V = Amplify.DataStore.Analyzers.Tests.Support.Verify<Amplify.DataStore.Analyzers.Rules.PrimaryKeyChangeAnalyzer>;

namespace Amplify.DataStore.Analyzers.Tests.Rules;

public sealed class PrimaryKeyChangeAnalyzerTests
{
    [Test]
    public Task Id_assigned_in_a_with_expression_is_reported() => V.AnalyzerAsync("""
        class C
        {
            Post M(Post post, Comment comment, string id)
            {
                var copy = post with { {|#0:Id = "other"|}, Title = "t" };
                var moved = comment with { Content = "c", {|#1:Id = id|} };
                return copy;
            }
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.PrimaryKeyChanged).WithLocation(0).WithArguments("Id", "Post", "a 'with' expression"),
        V.Diagnostic(DiagnosticDescriptors.PrimaryKeyChanged).WithLocation(1).WithArguments("Id", "Comment", "a 'with' expression"));

    [Test]
    public Task Every_field_of_a_composite_key_is_reported() => V.AnalyzerAsync("""
        class C
        {
            void M(Product product, Order order, Customer customer)
            {
                _ = product with { {|#0:Tenant = "t2"|}, Name = "n", {|#1:Sku = "s2"|} };
                _ = order with { {|#2:OrderNumber = 2|}, Status = OrderStatus.Shipped };
                _ = customer with { {|#3:Email = "a@b.c"|} };
            }
        }
        """, "composite-keys.graphql",
        V.Diagnostic(DiagnosticDescriptors.PrimaryKeyChanged).WithLocation(0).WithArguments("Tenant", "Product", "a 'with' expression"),
        V.Diagnostic(DiagnosticDescriptors.PrimaryKeyChanged).WithLocation(1).WithArguments("Sku", "Product", "a 'with' expression"),
        V.Diagnostic(DiagnosticDescriptors.PrimaryKeyChanged).WithLocation(2).WithArguments("OrderNumber", "Order", "a 'with' expression"),
        V.Diagnostic(DiagnosticDescriptors.PrimaryKeyChanged).WithLocation(3).WithArguments("Email", "Customer", "a 'with' expression"));

    [Test]
    public Task Non_key_changes_restated_keys_and_new_items_are_fine() => V.AnalyzerAsync("""
        class C
        {
            void M(Post post)
            {
                _ = post with { Title = "t", Rating = 5, Status = PostStatus.Active };
                _ = post with { Id = post.Id };
                _ = post with { };
                _ = new Post { Id = "new", Title = "t", Rating = 1, Status = PostStatus.Active };
                _ = Post.CopyOf(post, d => d.Title = "t");
            }
        }
        """);

    [Test]
    public Task Non_key_changes_on_composite_key_models_are_fine() => V.AnalyzerAsync("""
        class C
        {
            void M(Product product, Employee employee, Order order)
            {
                _ = product with { Name = "n", Price = 2, Category = null };
                _ = employee with { Name = "e", Manager = "m" };
                _ = order with { Status = OrderStatus.Shipped };
            }
        }
        """, "composite-keys.graphql");

    [Test]
    public Task A_key_change_compared_against_a_different_item_is_still_reported() => V.AnalyzerAsync("""
        class C
        {
            Post M(Post post, Post other) => post with { {|#0:Id = other.Id|} };
        }
        """,
        V.Diagnostic(DiagnosticDescriptors.PrimaryKeyChanged).WithLocation(0).WithArguments("Id", "Post", "a 'with' expression"));

    [Test]
    public Task Records_that_are_not_models_are_ignored() => V.AnalyzerAsync("""
        record Point(string Id, int X);
        class C
        {
            Point M(Point p) => p with { Id = "other" };
        }
        """);
}
