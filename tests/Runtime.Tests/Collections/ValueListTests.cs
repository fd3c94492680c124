namespace Amplify.DataStore.Runtime.Tests.Collections;

public class ValueListTests
{
    private sealed record Tagged(string Name, ValueList<string>? Tags);

    [Test]
    public void CollectionExpressions_BuildLists()
    {
        ValueList<string> tags = ["a", "b"];
        ValueList<int> empty = [];
        int[] more = [3, 4];
        ValueList<int> spread = [1, 2, .. more];

        Assert.That(tags.Count, Is.EqualTo(2));
        Assert.That(tags[0], Is.EqualTo("a"));
        Assert.That(tags[1], Is.EqualTo("b"));
        Assert.That(empty, Is.SameAs(ValueList<int>.Empty));
        Assert.That(spread, Is.EqualTo(new[] { 1, 2, 3, 4 }));
    }

    [Test]
    public void Equality_IsByItems()
    {
        ValueList<string> a = ["x", "y"];
        ValueList<string> b = ["x", "y"];
        ValueList<string> c = ["y", "x"];
        ValueList<string> d = ["x"];

        Assert.That(a.Equals(b), Is.True);
        Assert.That(a == b, Is.True);
        Assert.That(a != c, Is.True);
        Assert.That(a == d, Is.False);
        Assert.That(a.Equals((object)b), Is.True);
        Assert.That(a.Equals((object)new[] { "x", "y" }), Is.False);
        Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
        Assert.That(a.GetHashCode(), Is.Not.EqualTo(c.GetHashCode()));
    }

    [Test]
    public void Equality_HandlesNulls()
    {
        ValueList<string>? none = null;
        ValueList<string?> withNull = ["a", null];

        Assert.That(none == null, Is.True);
        Assert.That(none == ValueList<string>.Empty, Is.False);
        Assert.That(ValueList<string>.Empty == none, Is.False);
        Assert.That(ValueList<string>.Empty.Equals(null), Is.False);
        Assert.That(withNull == ValueList.Create<string?>("a", null), Is.True);
        Assert.That(withNull.GetHashCode(), Is.EqualTo(ValueList.Create<string?>("a", null).GetHashCode()));
    }

    [Test]
    public void Equality_UsesItemEquality_ForScalarsNestedListsAndDoubles()
    {
        ValueList<AwsDate> dates = [AwsDate.Parse("2024-01-01"), AwsDate.Parse("2024-01-02Z")];
        ValueList<ValueList<int>> nested = [[1, 2], [3]];
        ValueList<double> nan = [double.NaN];

        Assert.That(dates, Is.EqualTo(ValueList.Create(AwsDate.Parse("2024-01-01"), AwsDate.Parse("2024-01-02Z"))));
        Assert.That(nested == ValueList.Create<ValueList<int>>([1, 2], [3]), Is.True);
        Assert.That(nested.GetHashCode(), Is.EqualTo(ValueList.Create<ValueList<int>>([1, 2], [3]).GetHashCode()));
        Assert.That(nan == ValueList.Create(double.NaN), Is.True);
    }

    [Test]
    public void Records_HoldingLists_CompareByContent()
    {
        var a = new Tagged("post", ["x", "y"]);
        var b = new Tagged("post", ValueList.From(new List<string> { "x", "y" }));

        Assert.That(a, Is.EqualTo(b));
        Assert.That(a.GetHashCode(), Is.EqualTo(b.GetHashCode()));
        Assert.That(a with { Tags = null }, Is.Not.EqualTo(a));
        Assert.That(a with { Tags = [] }, Is.Not.EqualTo(a with { Tags = null }));
    }

    [Test]
    public void From_CopiesItsInput()
    {
        var source = new List<int> { 1, 2, 3 };
        var array = new[] { 1, 2, 3 };

        var fromList = ValueList.From(source);
        var fromArray = ValueList.From(array);
        var fromSequence = ValueList.From(Enumerable.Range(1, 3));
        source[0] = 99;
        array[0] = 99;

        Assert.That(fromList, Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(fromArray, Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(fromSequence == fromList, Is.True);
        Assert.That(ValueList.From(fromList), Is.SameAs(fromList));
        Assert.That(ValueList.From(Array.Empty<int>()), Is.SameAs(ValueList.Empty<int>()));
        Assert.That(ValueList.From(Enumerable.Empty<int>()), Is.SameAs(ValueList<int>.Empty));
        Assert.Throws<ArgumentNullException>(() => ValueList.From<int>(null!));
    }

    [Test]
    public void Create_CopiesTheSpan()
    {
        var array = new[] { "a", "b" };

        var list = ValueList.Create<string>(array);
        array[0] = "z";

        Assert.That(list[0], Is.EqualTo("a"));
        Assert.That(ValueList.Create<string>(), Is.SameAs(ValueList<string>.Empty));
    }

    [Test]
    public void ReadOnlyListMembers()
    {
        ValueList<string> list = ["a", "b", "a"];

        Assert.That(list.IsEmpty, Is.False);
        Assert.That(ValueList<string>.Empty.IsEmpty, Is.True);
        Assert.That(list.IndexOf("a"), Is.EqualTo(0));
        Assert.That(list.IndexOf("c"), Is.EqualTo(-1));
        Assert.That(list.Contains("b"), Is.True);
        Assert.That(list.AsSpan().ToArray(), Is.EqualTo(new[] { "a", "b", "a" }));
        Assert.Throws<IndexOutOfRangeException>(() => _ = list[3]);
        var copy = new string[4];
        list.CopyTo(copy, 1);
        Assert.That(copy, Is.EqualTo(new[] { null, "a", "b", "a" }));
        Assert.That(list.Where(s => s == "a").Count(), Is.EqualTo(2));
        Assert.That(list.ToList(), Is.EqualTo(new[] { "a", "b", "a" }));
    }

    [Test]
    public void IsImmutable_ThroughIList()
    {
        IList<string> list = ValueList.Create("a");

        Assert.That(list.IsReadOnly, Is.True);
        Assert.Throws<NotSupportedException>(() => list.Add("b"));
        Assert.Throws<NotSupportedException>(() => list[0] = "b");
        Assert.Throws<NotSupportedException>(() => list.Insert(0, "b"));
        Assert.Throws<NotSupportedException>(() => list.RemoveAt(0));
        Assert.Throws<NotSupportedException>(() => list.Remove("a"));
        Assert.Throws<NotSupportedException>(() => list.Clear());
        Assert.That(list[0], Is.EqualTo("a"));
    }

    [Test]
    public void Enumeration_StructAndInterface()
    {
        ValueList<int> list = [1, 2, 3];
        int sum = 0;
        foreach (int item in list) sum += item;
        ValueList<int>.Enumerator enumerator = list.GetEnumerator();

        Assert.That(sum, Is.EqualTo(6));
        Assert.That(enumerator.MoveNext() && enumerator.Current == 1, Is.True);
        Assert.That(((IEnumerable<int>)list).Sum(), Is.EqualTo(6));
        Assert.That(((System.Collections.IEnumerable)list).Cast<int>().Count(), Is.EqualTo(3));
        foreach (int item in ValueList<int>.Empty) Assert.Fail($"unexpected {item}");
    }

    [Test]
    public void ToString_ListsItems()
    {
        Assert.That(ValueList.Create("a", "b").ToString(), Is.EqualTo("[a, b]"));
        Assert.That(ValueList.Create<string?>("a", null).ToString(), Is.EqualTo("[a, null]"));
        Assert.That(ValueList<int>.Empty.ToString(), Is.EqualTo("[]"));
        Assert.That(ValueList.Create<ValueList<int>>([1], [2, 3]).ToString(), Is.EqualTo("[[1], [2, 3]]"));
    }

    [Test]
    public void FieldValue_FromList()
    {
        ValueList<string> tags = ["a", "b"];

        var value = FieldValue.FromList(tags, static t => FieldValue.From(t));

        Assert.That(value.AsList(), Has.Count.EqualTo(2));
        Assert.That(value, Is.EqualTo(FieldValue.FromList(ValueList.Create("a", "b"), static t => FieldValue.From(t))));
    }
}
