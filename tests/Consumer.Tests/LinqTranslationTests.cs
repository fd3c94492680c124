using System.Linq.Expressions;
using Amplify.DataStore.Linq;
using Amplify.DataStore.Predicates;
using Consumer.Models;
using NUnit.Framework;

namespace Consumer;

using Amplify.DataStore;

/// <summary>
/// LINQ-style predicates translate to exactly the tree the generated typed builders produce, and anything without a
/// predicate equivalent throws naming the sub-expression.
/// </summary>
public class LinqTranslationTests
{
    private static readonly string[] s_ids = ["a", "b"];

    private readonly int _minRating = 4;

    private sealed class Filter
    {
        public int MinRating { get; init; }

        public Filter? Inner { get; init; }

        public string Title { get; init; } = "";
    }

    private static string MakeTitle() => "made";

    /// <summary>The translation (with and without a schema) equals the typed predicate, by Equals and ToString.</summary>
    private static void AssertSame<T>(Expression<Func<T, bool>> linq, Predicate<T> typed) where T : class, IModel<T>
    {
        var translated = PredicateTranslator.Translate(linq);
        var withSchema = PredicateTranslator.Translate(linq, AmplifyModels.Schema);
        Assert.Multiple(() =>
        {
            Assert.That(translated.ToString(), Is.EqualTo(typed.ToString()), linq.ToString());
            Assert.That(translated, Is.EqualTo(typed), linq.ToString());
            Assert.That(withSchema, Is.EqualTo(typed), "with schema: " + linq);
        });
    }

    /// <summary>Translation throws <see cref="NotSupportedException"/> naming <paramref name="subExpression"/>.</summary>
    private static void AssertUnsupported<T>(Expression<Func<T, bool>> linq, string subExpression) where T : class, IModel<T>
    {
        var ex = Assert.Throws<NotSupportedException>(() => PredicateTranslator.Translate(linq), linq.ToString());
        Assert.That(ex!.Message, Does.Contain("'" + subExpression + "'"));
        Assert.That(ex.Message, Does.Contain("typed predicate API"));
    }

    private static Predicate<T> Condition<T>(string path, PredicateOperator op, params FieldValue[] values) where T : class, IModel<T>
    {
        var fieldPath = FieldPath.Root;
        foreach (var segment in path.Split('.')) fieldPath = fieldPath.Append(segment);
        return new Predicate<T>(new FieldCondition(fieldPath, op, values));
    }

    [Test]
    public void The_issue_example_equals_the_typed_builder()
        => AssertSame<Post>(p => p.Rating > 4 && p.Status == PostStatus.Active,
            Post.Where(p => p.Rating.Gt(4) & p.Status.Eq(PostStatus.Active)));

    [Test]
    public void Every_comparison_operator()
    {
        AssertSame<Post>(p => p.Rating == 4, Post.Where(p => p.Rating.Eq(4)));
        AssertSame<Post>(p => p.Rating != 4, Post.Where(p => p.Rating.Ne(4)));
        AssertSame<Post>(p => p.Rating < 4, Post.Where(p => p.Rating.Lt(4)));
        AssertSame<Post>(p => p.Rating <= 4, Post.Where(p => p.Rating.Le(4)));
        AssertSame<Post>(p => p.Rating > 4, Post.Where(p => p.Rating.Gt(4)));
        AssertSame<Post>(p => p.Rating >= 4, Post.Where(p => p.Rating.Ge(4)));
    }

    [Test]
    public void A_value_on_the_left_flips_the_operator()
    {
        AssertSame<Post>(p => 4 == p.Rating, Post.Where(p => p.Rating.Eq(4)));
        AssertSame<Post>(p => 4 != p.Rating, Post.Where(p => p.Rating.Ne(4)));
        AssertSame<Post>(p => 4 < p.Rating, Post.Where(p => p.Rating.Gt(4)));
        AssertSame<Post>(p => 4 <= p.Rating, Post.Where(p => p.Rating.Ge(4)));
        AssertSame<Post>(p => 4 > p.Rating, Post.Where(p => p.Rating.Lt(4)));
        AssertSame<Post>(p => 4 >= p.Rating, Post.Where(p => p.Rating.Le(4)));
        AssertSame<Post>(p => "x" == p.Title, Post.Where(p => p.Title.Eq("x")));
    }

    [Test]
    public void Strings()
    {
        AssertSame<Post>(p => p.Title == "x", Post.Where(p => p.Title.Eq("x")));
        AssertSame<Post>(p => p.Title != "x", Post.Where(p => p.Title.Ne("x")));
        AssertSame<Post>(p => p.Title.Contains("x"), Post.Where(p => p.Title.Contains("x")));
        AssertSame<Post>(p => p.Title.Contains("x", StringComparison.Ordinal), Post.Where(p => p.Title.Contains("x")));
        AssertSame<Post>(p => p.Title.StartsWith("x"), Post.Where(p => p.Title.BeginsWith("x")));
        AssertSame<Post>(p => p.Title.StartsWith("x", StringComparison.Ordinal), Post.Where(p => p.Title.BeginsWith("x")));
        AssertSame<Post>(p => p.Title.Equals("x"), Post.Where(p => p.Title.Eq("x")));
        AssertSame<Post>(p => string.Equals(p.Title, "x"), Post.Where(p => p.Title.Eq("x")));
    }

    [Test]
    public void Ordinal_string_ordering()
    {
        AssertSame<Post>(p => string.CompareOrdinal(p.Title, "m") > 0, Post.Where(p => p.Title.Gt("m")));
        AssertSame<Post>(p => string.CompareOrdinal(p.Title, "m") <= 0, Post.Where(p => p.Title.Le("m")));
        AssertSame<Post>(p => string.CompareOrdinal("m", p.Title) > 0, Post.Where(p => p.Title.Lt("m")));
        AssertSame<Post>(p => 0 < string.CompareOrdinal(p.Title, "m"), Post.Where(p => p.Title.Gt("m")));
        AssertSame<Post>(p => string.Compare(p.Title, "m", StringComparison.Ordinal) >= 0, Post.Where(p => p.Title.Ge("m")));
    }

    [Test]
    public void Captured_variables_fields_properties_and_calls()
    {
        var min = 3;
        var title = "t";
        var filter = new Filter { MinRating = 7, Inner = new Filter { Title = "inner" } };
        AssertSame<Post>(p => p.Rating > min, Post.Where(p => p.Rating.Gt(3)));
        AssertSame<Post>(p => p.Title == title, Post.Where(p => p.Title.Eq("t")));
        AssertSame<Post>(p => p.Rating >= _minRating, Post.Where(p => p.Rating.Ge(4)));
        AssertSame<Post>(p => p.Rating < filter.MinRating, Post.Where(p => p.Rating.Lt(7)));
        AssertSame<Post>(p => p.Title == filter.Inner!.Title, Post.Where(p => p.Title.Eq("inner")));
        AssertSame<Post>(p => p.Id == s_ids[1], Post.Where(p => p.Id.Eq("b")));
        AssertSame<Post>(p => p.Title == MakeTitle(), Post.Where(p => p.Title.Eq("made")));
        AssertSame<Post>(p => p.Rating == min + 1, Post.Where(p => p.Rating.Eq(4)));
        AssertSame<Post>(p => p.Title.StartsWith(title.ToUpperInvariant()), Post.Where(p => p.Title.BeginsWith("T")));
    }

    [Test]
    public void Captured_variables_are_read_at_each_translation()
    {
        var min = 1;
        Expression<Func<Post, bool>> linq = p => p.Rating > min;
        var first = PredicateTranslator.Translate(linq);
        min = 5;
        var second = PredicateTranslator.Translate(linq);
        Assert.That(first, Is.EqualTo(Post.Where(p => p.Rating.Gt(1))));
        Assert.That(second, Is.EqualTo(Post.Where(p => p.Rating.Gt(5))));
    }

    [Test]
    public void Enums_become_wire_names()
    {
        var status = PostStatus.Inactive;
        PostStatus? noColor = null;
        AssertSame<Post>(p => p.Status == PostStatus.Inactive, Post.Where(p => p.Status.Eq(PostStatus.Inactive)));
        AssertSame<Post>(p => p.Status != status, Post.Where(p => p.Status.Ne(PostStatus.Inactive)));
        AssertSame<Post>(p => PostStatus.Active == p.Status, Post.Where(p => p.Status.Eq(PostStatus.Active)));
#pragma warning disable ADS2004 // on purpose: the translation of a comparison with null must equal Eq(null)
        AssertSame<Post>(p => p.Status == noColor, Post.Where(p => p.Status.Eq(null)));
#pragma warning restore ADS2004
        AssertSame<Everything>(e => e.Color == Color.Green, Everything.Where(e => e.Color.Eq(Color.Green)));
        AssertSame<Everything>(e => e.Color != Color.Blue, Everything.Where(e => e.Color.Ne(Color.Blue)));
        AssertSame<Everything>(e => e.Color == null, Everything.Where(e => e.Color.Eq(null)));
        AssertSame<Everything>(e => e.RequiredColor == Color.Red, Everything.Where(e => e.RequiredColor.Eq(Color.Red)));
        Assert.That(PredicateTranslator.Translate<Post>(p => p.Status == PostStatus.Active).ToString(), Is.EqualTo("status Eq \"ACTIVE\""));
    }

    [Test]
    public void Nullable_members_and_null()
    {
        int? none = null;
        AssertSame<Comment>(c => c.Content == null, Comment.Where(c => c.Content.Eq(null)));
        AssertSame<Comment>(c => c.Content != null, Comment.Where(c => c.Content.Ne(null)));
        AssertSame<Comment>(c => null != c.Content, Comment.Where(c => c.Content.Ne(null)));
        AssertSame<Everything>(e => e.AnInt > 3, Everything.Where(e => e.AnInt.Gt(3)));
        AssertSame<Everything>(e => 3 > e.AnInt, Everything.Where(e => e.AnInt.Lt(3)));
        AssertSame<Everything>(e => e.AnInt == null, Everything.Where(e => e.AnInt.Eq(null)));
        AssertSame<Everything>(e => e.AnInt == none, Everything.Where(e => e.AnInt.Eq(null)));
        AssertSame<Everything>(e => e.AnInt!.Value == 3, Everything.Where(e => e.AnInt.Eq(3)));
        AssertSame<Everything>(e => e.AnInt.HasValue, Everything.Where(e => e.AnInt.Ne(null)));
        AssertSame<Everything>(e => e.AFloat >= 2.5, Everything.Where(e => e.AFloat.Ge(2.5)));
        AssertSame<Everything>(e => e.AString == "s", Everything.Where(e => e.AString.Eq("s")));
        AssertSame<Everything>(e => e.AnEmail == "a@b.c", Everything.Where(e => e.AnEmail.Eq("a@b.c")));
    }

    [Test]
    public void Temporal_scalars()
    {
        var date = new AwsDate(2024, 2, 29);
        var stamp = AwsTimestamp.FromUnixTimeSeconds(1_700_000_000);
        var now = AwsDateTime.Parse("2026-11-25T01:02:03Z");
        AssertSame<Everything>(e => e.ADate == date, Everything.Where(e => e.ADate.Eq(date)));
        AssertSame<Everything>(e => e.RequiredDateTime != now, Everything.Where(e => e.RequiredDateTime.Ne(now)));
        AssertSame<Everything>(e => e.ATimestamp > stamp, Everything.Where(e => e.ATimestamp.Gt(stamp)));
        AssertSame<Everything>(e => stamp >= e.ATimestamp, Everything.Where(e => e.ATimestamp.Le(stamp)));
        // Dates have no C# < operator: CompareTo(...) against 0 orders them.
        AssertSame<Everything>(e => e.ADate!.Value.CompareTo(date) < 0, Everything.Where(e => e.ADate.Lt(date)));
        AssertSame<Everything>(e => e.RequiredDateTime.CompareTo(now) >= 0, Everything.Where(e => e.RequiredDateTime.Ge(now)));
        AssertSame<Everything>(e => 0 < e.RequiredDateTime.CompareTo(now), Everything.Where(e => e.RequiredDateTime.Gt(now)));
    }

    [Test]
    public void Booleans_and_not()
    {
        AssertSame<Everything>(e => e.ABoolean == true, Everything.Where(e => e.ABoolean.Eq(true)));
        AssertSame<Everything>(e => e.ABoolean != false, Everything.Where(e => e.ABoolean.Ne(false)));
        AssertSame<Everything>(e => e.ABoolean!.Value, Everything.Where(e => e.ABoolean.Eq(true)));
        // ! is always a NOT group, never rewritten to Eq false / NotContains.
        AssertSame<Everything>(e => !e.ABoolean!.Value, Everything.Where(e => !e.ABoolean.Eq(true)));
        AssertSame<Post>(p => !(p.Rating > 4), Post.Where(p => !p.Rating.Gt(4)));
        AssertSame<Post>(p => !!(p.Rating > 4), Post.Where(p => p.Rating.Gt(4)));
        AssertSame<Post>(p => !p.Title.Contains("x"), Post.Where(p => !p.Title.Contains("x")));
        AssertSame<Post>(p => !(p.Rating > 4 && p.Title == "x"), Post.Where(p => !(p.Rating.Gt(4) & p.Title.Eq("x"))));
    }

    [Test]
    public void And_or_flatten_like_the_typed_operators()
    {
        AssertSame<Post>(p => p.Rating > 1 && p.Rating < 9 && p.Title == "x",
            Post.Where(p => p.Rating.Gt(1) & p.Rating.Lt(9) & p.Title.Eq("x")));
        AssertSame<Post>(p => p.Rating > 1 || p.Rating < 9 || p.Title == "x",
            Post.Where(p => p.Rating.Gt(1) | p.Rating.Lt(9) | p.Title.Eq("x")));
        AssertSame<Post>(p => p.Rating > 1 || p.Rating < 9 && p.Title == "x",
            Post.Where(p => p.Rating.Gt(1) | p.Rating.Lt(9) & p.Title.Eq("x")));
        AssertSame<Post>(p => (p.Rating > 1 || p.Rating < 9) && p.Title == "x",
            Post.Where(p => (p.Rating.Gt(1) | p.Rating.Lt(9)) & p.Title.Eq("x")));
        AssertSame<Post>(p => p.Rating > 1 & p.Title == "x", Post.Where(p => p.Rating.Gt(1) & p.Title.Eq("x")));
        AssertSame<Post>(p => p.Rating > 1 | p.Title == "x", Post.Where(p => p.Rating.Gt(1) | p.Title.Eq("x")));
        var tree = (PredicateGroup)PredicateTranslator.Translate<Post>(p => p.Rating > 1 && (p.Rating < 9 && p.Title == "x")).Node;
        Assert.That(tree.Children, Has.Count.EqualTo(3), "nested ANDs flatten");
    }

    [Test]
    public void Parameter_free_booleans_fold()
    {
        var all = true;
        var none = false;
        Assert.That(PredicateTranslator.Translate<Post>(p => true), Is.EqualTo(Predicate<Post>.All));
        Assert.That(PredicateTranslator.Translate<Post>(p => all || p.Rating > 4).IsAll, Is.True);
        AssertSame<Post>(p => none || p.Rating > 4, Post.Where(p => p.Rating.Gt(4)));
        AssertSame<Post>(p => all && p.Rating > 4, Post.Where(p => p.Rating.Gt(4)));
        AssertSame<Post>(p => !none && p.Rating > 4, Post.Where(p => p.Rating.Gt(4)));
        AssertUnsupported<Post>(p => false, "false");
        AssertUnsupported<Post>(p => none && p.Rating > 4, "none && p.Rating > 4");
    }

    [Test]
    public void Numbers_widened_by_CSharp_keep_their_operand()
    {
        long big = 4;
        AssertSame<Post>(p => p.Rating > big, Post.Where(p => p.Rating.Gt(4)));
        AssertSame<Post>(p => p.Rating > 4.5, Condition<Post>("rating", PredicateOperator.Gt, FieldValue.From(4.5)));
        AssertSame<Everything>(e => e.AFloat > 2, Everything.Where(e => e.AFloat.Gt(2)));
    }

    [Test]
    public void List_fields_contain_elements()
    {
        var color = Color.Blue;
        var stamp = AwsTimestamp.FromUnixTimeSeconds(5);
        AssertSame<Everything>(e => e.Strings!.Contains("x"), Everything.Where(e => e.Strings.Contains("x")));
        AssertSame<Everything>(e => e.RequiredStringsOfRequired.Contains("x"), Everything.Where(e => e.RequiredStringsOfRequired.Contains("x")));
        AssertSame<Everything>(e => e.RequiredInts.Contains(3), Everything.Where(e => e.RequiredInts.Contains(3)));
        AssertSame<Everything>(e => e.RequiredFloats.Contains(2), Everything.Where(e => e.RequiredFloats.Contains(2)));
        AssertSame<Everything>(e => e.RequiredBooleans.Contains(true), Everything.Where(e => e.RequiredBooleans.Contains(true)));
        AssertSame<Everything>(e => e.Colors!.Contains(Color.Red), Everything.Where(e => e.Colors.Contains(Color.Red)));
        AssertSame<Everything>(e => e.RequiredColors.Contains(color), Everything.Where(e => e.RequiredColors.Contains(Color.Blue)));
        AssertSame<Everything>(e => e.Timestamps.Contains(stamp), Everything.Where(e => e.Timestamps.Contains(stamp)));
        AssertSame<Everything>(e => Enumerable.Contains(e.Ids, "a"), Everything.Where(e => e.Ids.Contains("a")));
        AssertSame<Everything>(e => !e.Ids.Contains("a"), Everything.Where(e => !e.Ids.Contains("a")));
    }

    [Test]
    public void Captured_collections_are_In()
    {
        PostStatus[] statuses = [PostStatus.Active, PostStatus.Inactive];
        var statusList = new List<PostStatus> { PostStatus.Inactive };
        var idSet = new HashSet<string> { "a" };
        IEnumerable<string> lazy = s_ids.Where(id => id != "a");
        int[] ints = [1, 2];
        AssertSame<Post>(p => statuses.Contains(p.Status), Post.Where(p => p.Status.In(PostStatus.Active, PostStatus.Inactive)));
        AssertSame<Post>(p => statusList.Contains(p.Status), Post.Where(p => p.Status.In(PostStatus.Inactive)));
        AssertSame<Post>(p => idSet.Contains(p.Id), Post.Where(p => p.Id.In("a")));
        AssertSame<Post>(p => s_ids.Contains(p.Id), Post.Where(p => p.Id.In("a", "b")));
        AssertSame<Post>(p => Enumerable.Contains(s_ids, p.Id), Post.Where(p => p.Id.In("a", "b")));
        AssertSame<Post>(p => lazy.Contains(p.Id), Post.Where(p => p.Id.In("b")));
        AssertSame<Post>(p => new[] { 1, 2, 3 }.Contains(p.Rating), Post.Where(p => p.Rating.In(1, 2, 3)));
        AssertSame<Post>(p => new List<int> { 1, 2 }.Contains(p.Rating), Post.Where(p => p.Rating.In(1, 2)));
        AssertSame<Post>(p => new[] { PostStatus.Active }.Contains(p.Status), Post.Where(p => p.Status.In(PostStatus.Active)));
        AssertSame<Post>(p => !ints.Contains(p.Rating), Post.Where(p => !p.Rating.In(1, 2)));
        AssertSame<Everything>(e => ints.Contains(e.AnInt!.Value), Everything.Where(e => e.AnInt.In(1, 2)));
        AssertSame<Everything>(e => new int?[] { 1, null }.Contains(e.AnInt),
            Condition<Everything>("anInt", PredicateOperator.In, FieldValue.From(1), FieldValue.Null));
        AssertSame<Everything>(e => new Color?[] { Color.Red }.Contains(e.Color), Everything.Where(e => e.Color.In(Color.Red)));
    }

    [Test]
    public void Nested_belongsTo_paths()
    {
        var id = "post-1";
        AssertSame<Comment>(c => c.Post!.Id == id, Comment.Where(c => c.Post.Id.Eq(id)));
        AssertSame<Comment>(c => c.Post!.Status == PostStatus.Active, Comment.Where(c => c.Post.Status.Eq(PostStatus.Active)));
        AssertSame<Comment>(c => c.Post!.Rating > 3 && c.Content != null, Comment.Where(c => c.Post.Rating.Gt(3) & c.Content.Ne(null)));
        AssertSame<Comment>(c => c.Post!.Title.StartsWith("A"), Comment.Where(c => c.Post.Title.BeginsWith("A")));
        AssertSame<Comment>(c => new[] { "p1", "p2" }.Contains(c.Post!.Id), Comment.Where(c => c.Post.Id.In("p1", "p2")));
        var path = ((FieldCondition)PredicateTranslator.Translate<Comment>(c => c.Post!.Id == id).Node).Field;
        Assert.That(path.Segments, Is.EqualTo(new[] { "post", "id" }));
    }

    // The other untranslatable forms are in tests/Common/LinqPredicateCases.cs, run against this translator and the
    // analyzer (Analyzers.Tests/Rules/LinqPredicateCaseTests.cs). A captured null the analyzer cannot see stays here.
    [Test]
    public void Ordering_against_a_captured_null_is_unsupported()
    {
        int? none = null;
        AssertUnsupported<Everything>(e => e.AnInt > none, "e.AnInt > none");
    }

    [Test]
    public void Unsupported_messages_say_what_to_write_instead()
    {
        var culture = Assert.Throws<NotSupportedException>(() => PredicateTranslator.Translate<Post>(p => p.Title.CompareTo("m") > 0));
        Assert.That(culture!.Message, Does.Contain("string.CompareOrdinal(field, value)"));

        var ex = Assert.Throws<NotSupportedException>(() => PredicateTranslator.Translate<Post>(p => p.Rating % 2 == 0));
        Assert.That(ex!.Message, Is.EqualTo(
            "Cannot translate 'p.Rating % 2 == 0' in a LINQ predicate over Post: 'p.Rating % 2' computes with model data, "
            + "which the store cannot evaluate. Write conditions that compare a model field with a value (p.Field == value, "
            + "p.Field > value, p.Text.Contains(value), p.Text.StartsWith(value), p.List.Contains(value), values.Contains(p.Field)) "
            + "joined with &&, || and !, or use the typed predicate API (Post.Where(...))."));
    }
}
