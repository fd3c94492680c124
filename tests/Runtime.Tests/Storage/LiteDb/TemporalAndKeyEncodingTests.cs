using Amplify.DataStore.Storage;
using Amplify.DataStore.Storage.LiteDb;
using Amplify.DataStore.Runtime.Tests.Storage.Models;

namespace Amplify.DataStore.Runtime.Tests.Storage.LiteDb;

/// <summary>The order-preserving encodings LiteDB compares on: temporal sort keys and composite <c>_id</c>s.</summary>
public class TemporalAndKeyEncodingTests
{
    private static readonly string[] MoreDates = [.. RandomData.Dates, "2024-03-01Z", "2024-03-01+00:00", "2024-02-29-18:00", "2024-03-01+18:00", "0000-01-01-18:00", "9999-12-31-18:00"];
    private static readonly string[] MoreTimes = [.. RandomData.Times, "12:00:00.0", "12:00:00.000000001", "11:59:59.999999999", "00:00-18:00", "23:59:59.999999999+18:00", "12:00Z"];
    private static readonly string[] MoreDateTimes = [.. RandomData.DateTimes, "2024-03-01T12:00Z", "2024-03-01T12:00:00.0Z", "2024-03-01T11:59:59.999999999Z", "2024-03-01T12:00:00.000000001+00:00", "2024-03-01T06:00-06:00"];

    private static void AssertSameOrder<T>(string[] texts, Func<string, T> parse, Func<T, string> key) where T : IComparable<T>
    {
        foreach (var a in texts)
        {
            foreach (var b in texts)
            {
                T x = parse(a), y = parse(b);
                Assert.That(Math.Sign(string.CompareOrdinal(key(x), key(y))), Is.EqualTo(Math.Sign(x.CompareTo(y))), $"{a} vs {b}");
            }
        }
    }

    [Test]
    public void TemporalSortKeys_OrderExactlyLikeCompareTo()
    {
        AssertSameOrder(MoreDates, AwsDate.Parse, TemporalSortKey.For);
        AssertSameOrder(MoreTimes, AwsTime.Parse, TemporalSortKey.For);
        AssertSameOrder(MoreDateTimes, AwsDateTime.Parse, TemporalSortKey.For);
        Assert.That(TemporalSortKey.For(default(AwsDateTime)), Is.EqualTo(TemporalSortKey.For(AwsDateTime.Parse("1970-01-01T00:00:00.000Z"))));
    }

    [Test]
    public void CompositeIds_OrderLikeKeysAndNeverCollide()
    {
        var storage = ModelStorage.For(Order.Metadata);
        var keys = new List<StorageKey>();
        foreach (var customer in RandomData.Words)
        {
            foreach (var at in MoreDateTimes.Take(6))
            {
                foreach (var line in new[] { int.MinValue, -1, 0, 1, int.MaxValue }) keys.Add(new Order { CustomerId = customer, PlacedAt = AwsDateTime.Parse(at), Line = line }.Key);
            }
        }
        var ids = keys.Select(k => DocumentKey.ToId(storage, k)!.AsString).ToList();
        Assert.That(ids.Distinct().Count(), Is.EqualTo(keys.Distinct().Count()));
        static int CompareKeys(StorageKey a, StorageKey b)
        {
            for (int i = 0; i < a.Values.Count; i++)
            {
                int c = a.Values[i].CompareTo(b.Values[i])!.Value;
                if (c != 0) return Math.Sign(c);
            }
            return 0;
        }
        for (int i = 0; i < keys.Count; i += 7)
        {
            for (int j = 0; j < keys.Count; j += 5)
            {
                Assert.That(Math.Sign(string.CompareOrdinal(ids[i], ids[j])), Is.EqualTo(CompareKeys(keys[i], keys[j])), $"{keys[i]} vs {keys[j]}");
            }
        }
    }

    [Test]
    public void Ids_OfMistypedOrNullKeys_AreNull()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DocumentKey.ToId(ModelStorage.For(Counter.Metadata), StorageKey.Of("1")), Is.Null);
            Assert.That(DocumentKey.ToId(ModelStorage.For(Counter.Metadata), new StorageKey([FieldValue.From(long.MaxValue)])), Is.Null);
            Assert.That(DocumentKey.ToId(ModelStorage.For(Order.Metadata), new StorageKey([FieldValue.From("a"), FieldValue.Null, FieldValue.From(1)])), Is.Null);
            Assert.Throws<ArgumentException>(() => DocumentKey.ToId(ModelStorage.For(Order.Metadata), StorageKey.Of("a")));
        });
    }
}
