using NUnit.Framework;
using StoreTests.Models;

namespace Amplify.DataStore.Store.Tests.Predicates;

using Amplify.DataStore;

/// <summary><c>Predicate.Field&lt;T&gt;(name, operator, operands)</c>: the run-time twin of the typed builders.</summary>
public class DynamicPredicateTests
{
    [Test]
    public async Task Builds_the_same_tree_as_the_typed_builder_and_queries_the_same_items()
    {
        Assert.That(Predicate.Field<Post>("rating", "gt", 4), Is.EqualTo(Post.Where(p => p.Rating.Gt(4))));
        Assert.That(Predicate.Field<Post>("title", "beginsWith", "a"), Is.EqualTo(Post.Where(p => p.Title.BeginsWith("a"))));
        Assert.That(Predicate.Field<Post>("rating", "between", 2, 5), Is.EqualTo(Post.Where(p => p.Rating.Between(2, 5))));
        Assert.That(Predicate.Field<Post>("status", "in", PostStatus.Active, PostStatus.Inactive), Is.EqualTo(Post.Where(p => p.Status.In(PostStatus.Active, PostStatus.Inactive))));

        using var dir = new TestDirectory();
        await using var store = await dir.OpenAsync();
        for (int i = 0; i < 10; i++) await store.SaveAsync(new Post { Title = "p" + i, Rating = i, Status = PostStatus.Active });
        var dynamic = await store.QueryAsync(Predicate.Field<Post>("rating", "ge", 7));
        Assert.That(dynamic.Select(p => p.Rating), Is.EquivalentTo(new[] { 7, 8, 9 }));
    }

    [TestCase("nope", "eq", new object[] { 1 }, "has no field 'nope'")]
    [TestCase("rating", "beginsWith", new object[] { 1 }, "Operator 'beginsWith' is not valid for field 'Post.rating'")]
    [TestCase("status", "gt", new object[] { PostStatus.Active }, "not valid for field 'Post.status'; use one of: eq, ne, in, notIn")]
    [TestCase("rating", "between", new object[] { 1 }, "takes 2 operand(s); got 1")]
    [TestCase("rating", "eq", new object[] { "four" }, "does not fit field 'Post.rating'")]
    [TestCase("rating", "GT", new object[] { 4 }, "Operator 'GT' is not valid")]
    public void Bad_names_operators_and_operands_throw_naming_them(string field, string op, object[] operands, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => Predicate.Field<Post>(field, op, operands));
        Assert.That(ex!.Message, Does.Contain(message));
    }
}
