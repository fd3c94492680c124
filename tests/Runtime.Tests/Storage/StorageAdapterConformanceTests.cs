using Amplify.DataStore.Metadata;
using Amplify.DataStore.Predicates;
using Amplify.DataStore.Predicates.Evaluation;
using Amplify.DataStore.Sorting;
using Amplify.DataStore.Storage;
using Amplify.DataStore.Runtime.Tests.Storage.Models;
using Amplify.DataStore.Runtime.Tests.TestModels;
using static Amplify.DataStore.Runtime.Tests.Storage.P;

namespace Amplify.DataStore.Runtime.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IStorageAdapter"/> must show. Derive a fixture per adapter and implement
/// <see cref="CreateAdapter"/>; results are checked against <see cref="PredicateEvaluator"/> and <see cref="ItemComparer"/>,
/// the reference semantics. Adapters must tolerate <c>DisposeAsync</c> being called twice.
/// </summary>
public abstract class StorageAdapterConformanceTests
{
    private readonly List<IStorageAdapter> _adapters = [];
    private string _directory = null!;

    /// <summary>Creates an (unopened) adapter storing its data under <paramref name="directory"/>.</summary>
    private protected abstract IStorageAdapter CreateAdapter(string directory);

    /// <summary>False for adapters whose data does not survive disposal (skips the reopen tests).</summary>
    protected virtual bool IsDurable => true;

    /// <summary>The adapter under test, opened on <see cref="StorageTestSchema"/>.</summary>
    private protected IStorageAdapter Adapter { get; private set; } = null!;

    /// <summary>The per-test data directory.</summary>
    protected string Directory => _directory;

    [SetUp]
    public async Task SetUpAdapter()
    {
        _directory = StorageTestDirectory.Create();
        Adapter = await OpenAdapterAsync();
    }

    [TearDown]
    public async Task TearDownAdapter()
    {
        foreach (var adapter in _adapters) await adapter.DisposeAsync();
        _adapters.Clear();
        StorageTestDirectory.Delete(_directory);
    }

    /// <summary>Creates and opens another adapter on the same directory (disposed at tear-down).</summary>
    private protected async Task<IStorageAdapter> OpenAdapterAsync()
    {
        var adapter = CreateAdapter(_directory);
        _adapters.Add(adapter);
        await adapter.OpenAsync(StorageTestSchema.Instance, CancellationToken.None);
        return adapter;
    }

    protected Task UpsertAsync(params object[] items) => UpsertAsync(Adapter, items);

    /// <summary>
    /// Waits until the adapter's readers can answer without waiting for its writer (e.g. acknowledged writes have
    /// reached the file): for tests that hold a write work open while they read.
    /// </summary>
    protected virtual Task SettleAsync() => Task.CompletedTask;

    private protected static async Task UpsertAsync(IStorageAdapter adapter, params object[] items)
    {
        await adapter.WriteAsync(session =>
        {
            foreach (var item in items) session.Upsert(MetadataOf(item), item);
            return true;
        }, CancellationToken.None);
    }

    /// <summary>
    /// While a write work is held open, reads see only committed data; afterwards they see the work's writes. For
    /// adapters whose works run on their own writer thread (the work blocks until the reads are done).
    /// </summary>
    protected async Task AssertReadsSeeCommittedDataOnlyAsync()
    {
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        await UpsertAsync(new Counter { Id = 1, Value = 1 });
        await SettleAsync();
        var write = Adapter.WriteAsync(session =>
        {
            session.Upsert(Counter.Metadata, new Counter { Id = 1, Value = 2 });
            session.Upsert(Counter.Metadata, new Counter { Id = 2, Value = 2 });
            entered.Set();
            release.Wait();
            return 0;
        }, default).AsTask();
        Assert.That(entered.Wait(TimeSpan.FromSeconds(10)), Is.True);
        try
        {
            Assert.That(await Adapter.GetAsync(Counter.Metadata, Counter.KeyOf(1), default), Is.EqualTo(new Counter { Id = 1, Value = 1 }));
            Assert.That(await QueryAsync<Counter>(MatchAll.Instance), Has.Count.EqualTo(1));
            Assert.That(await QueryAsync<Counter>(C("value", PredicateOperator.Eq, I(2))), Is.Empty);
        }
        finally
        {
            release.Set();
        }
        await write;
        Assert.That(await QueryAsync<Counter>(C("value", PredicateOperator.Eq, I(2))), Has.Count.EqualTo(2));
    }

    protected static ModelMetadata MetadataOf(object item) => StorageTestSchema.Instance.GetModel(item.GetType().Name);

    protected async Task<List<T>> QueryAsync<T>(PredicateNode predicate, IReadOnlyList<SortClause>? sort = null, int skip = 0, int? limit = null)
        where T : class, IModel<T>
    {
        var items = await Adapter.QueryAsync(T.Metadata, predicate, sort, skip, limit, CancellationToken.None);
        return items.Cast<T>().ToList();
    }

    protected static Item FullItem(string id) => new()
    {
        Id = id,
        Name = "Ünïcode \"quoted\" 😀 \u0000 end",
        Count = -42,
        Rating = 0.1,
        Active = true,
        Day = AwsDate.Parse("0044-03-15"),
        Time = AwsTime.Parse("12:30:24.5+05:30:00"),
        At = AwsDateTime.Parse("2026-11-25T01:02:03.123456789+05:30"),
        Stamp = AwsTimestamp.FromUnixTimeSeconds(1_700_000_000_000),
        Data = AwsJson.Parse("{\"a\": [1, {\"b\": null}], \"c\": \"x\"}"),
        Status = ItemStatus.Archived,
        Tags = ["a", "", "c"],
        Scores = [1, null, int.MinValue],
        Days = [AwsDate.Parse("2024-02-29"), AwsDate.Parse("2024-03-01+14:00")],
        Address = new Address { Street = "1 Main", City = "Springfield", Geo = new Geo { Lat = 1.5, Lon = -2.25 } },
        OwnerId = "o1",
    };

    // ---------------------------------------------------------------- basic CRUD

    [Test]
    public async Task Upsert_Get_RoundTripsEveryKindLosslessly()
    {
        var item = FullItem("full");
        var minimal = new Item { Id = "min", Name = "" };
        await UpsertAsync(item, minimal);
        Assert.Multiple(async () =>
        {
            Assert.That(await Adapter.GetAsync(Item.Metadata, StorageKey.Of("full"), default), Is.EqualTo(item));
            Assert.That(await Adapter.GetAsync(Item.Metadata, StorageKey.Of("min"), default), Is.EqualTo(minimal));
            Assert.That(await Adapter.GetAsync(Item.Metadata, StorageKey.Of("missing"), default), Is.Null);
        });
    }

    [Test]
    public async Task Upsert_ReplacesTheWholeItem()
    {
        await UpsertAsync(FullItem("x"));
        var replacement = new Item { Id = "x", Name = "new" };
        await UpsertAsync(replacement);
        Assert.That(await Adapter.GetAsync(Item.Metadata, StorageKey.Of("x"), default), Is.EqualTo(replacement));
        Assert.That(await QueryAsync<Item>(MatchAll.Instance), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Keys_AreCaseSensitive()
    {
        await UpsertAsync(new Item { Id = "abc", Name = "lower" }, new Item { Id = "ABC", Name = "upper" });
        var lower = (Item?)await Adapter.GetAsync(Item.Metadata, StorageKey.Of("abc"), default);
        var upper = (Item?)await Adapter.GetAsync(Item.Metadata, StorageKey.Of("ABC"), default);
        Assert.That((lower?.Name, upper?.Name), Is.EqualTo(("lower", "upper")));
    }

    [Test]
    public async Task Delete_And_DeleteAll()
    {
        await UpsertAsync(new Item { Id = "a", Name = "1" }, new Item { Id = "b", Name = "2" }, new Item { Id = "c", Name = "3" }, new Owner { Id = "o", Name = "keep" });
        var deleted = await Adapter.WriteAsync(s => (s.Delete(Item.Metadata, StorageKey.Of("a")), s.Delete(Item.Metadata, StorageKey.Of("a"))), default);
        Assert.That(deleted, Is.EqualTo((true, false)));
        Assert.That(await Adapter.GetAsync(Item.Metadata, StorageKey.Of("a"), default), Is.Null);
        var count = await Adapter.WriteAsync(s => s.DeleteAll(Item.Metadata), default);
        Assert.That(count, Is.EqualTo(2));
        Assert.That(await QueryAsync<Item>(MatchAll.Instance), Is.Empty);
        Assert.That(await QueryAsync<Owner>(MatchAll.Instance), Has.Count.EqualTo(1), "other models are untouched");
    }

    [Test]
    public async Task Delete_SeesTheTransactionsOwnChanges()
    {
        await UpsertAsync(new Item { Id = "a", Name = "1" }, new Item { Id = "b", Name = "2" });
        var results = await Adapter.WriteAsync(s => new[]
        {
            s.Delete(Item.Metadata, StorageKey.Of("missing")),
            s.Upsert(Item.Metadata, new Item { Id = "new", Name = "n" }) && s.Delete(Item.Metadata, StorageKey.Of("new")),
            s.Delete(Item.Metadata, StorageKey.Of("new")),
            s.DeleteAll(Item.Metadata) == 2 && !s.Delete(Item.Metadata, StorageKey.Of("a")),
            !s.Upsert(Item.Metadata, new Item { Id = "a", Name = "again" }) || s.Delete(Item.Metadata, StorageKey.Of("a")),
            s.Delete(Item.Metadata, StorageKey.Of("b")),
        }, default);
        Assert.That(results, Is.EqualTo(new[] { false, true, false, true, true, false }));
        Assert.That(await QueryAsync<Item>(MatchAll.Instance), Is.Empty);
    }

    [Test]
    public async Task Get_WithMistypedOrNullKey_ReturnsNull()
    {
        await UpsertAsync(new Counter { Id = 1, Value = 1 });
        Assert.Multiple(async () =>
        {
            Assert.That(await Adapter.GetAsync(Counter.Metadata, new StorageKey([FieldValue.From("1")]), default), Is.Null);
            Assert.That(await Adapter.GetAsync(Counter.Metadata, new StorageKey([FieldValue.Null]), default), Is.Null);
            Assert.That(await Adapter.GetAsync(Counter.Metadata, Counter.KeyOf(1), default), Is.EqualTo(new Counter { Id = 1, Value = 1 }));
        });
    }

    [Test]
    public async Task IntKeys_GetDeleteAndKeyOrder()
    {
        await UpsertAsync(new Counter { Id = 10 }, new Counter { Id = -5 }, new Counter { Id = 2 }, new Counter { Id = int.MaxValue });
        var ids = (await QueryAsync<Counter>(MatchAll.Instance)).Select(c => c.Id);
        Assert.That(ids, Is.EqualTo(new[] { -5, 2, 10, int.MaxValue }), "numeric, not textual, key order");
        Assert.That(await Adapter.WriteAsync(s => s.Delete(Counter.Metadata, Counter.KeyOf(2)), default), Is.True);
        Assert.That(await Adapter.GetAsync(Counter.Metadata, Counter.KeyOf(2), default), Is.Null);
    }

    // ---------------------------------------------------------------- composite keys

    private static Order NewOrder(string customer, string placedAt, int line, double? total = null)
        => new() { CustomerId = customer, PlacedAt = AwsDateTime.Parse(placedAt), Line = line, Total = total };

    [Test]
    public async Task CompositeKeys_GetDeleteAndNeverCollide()
    {
        var orders = new[]
        {
            NewOrder("a", "2024-01-01T00:00:00Z", 1, 1),
            NewOrder("a", "2024-01-01T00:00:00Z", 2, 2),
            NewOrder("a", "2024-01-01T01:00:00+01:00", 1, 3), // same instant, different text: a different key
            NewOrder("a#b", "2024-01-01T00:00:00Z", 1, 4),
            NewOrder("a\u0001", "2024-01-01T00:00:00Z", 1, 5),
            NewOrder("a\u0000", "2024-01-01T00:00:00Z", 1, 6),
            NewOrder("", "2024-01-01T00:00:00Z", 1, 7),
        };
        await UpsertAsync(orders);
        Assert.That(await QueryAsync<Order>(MatchAll.Instance), Has.Count.EqualTo(orders.Length));
        foreach (var order in orders)
        {
            Assert.That(await Adapter.GetAsync(Order.Metadata, order.Key, default), Is.EqualTo(order), order.Key.ToString());
        }
        Assert.That(await Adapter.WriteAsync(s => s.Delete(Order.Metadata, orders[2].Key), default), Is.True);
        Assert.That(await Adapter.GetAsync(Order.Metadata, orders[2].Key, default), Is.Null);
        Assert.That(await Adapter.GetAsync(Order.Metadata, orders[0].Key, default), Is.EqualTo(orders[0]));
    }

    [Test]
    public async Task CompositeKeys_DefaultOrderIsKeyOrder()
    {
        var orders = new[]
        {
            NewOrder("b", "2024-01-01T00:00:00Z", 1),
            NewOrder("a", "2024-01-02T00:00:00Z", 1),
            NewOrder("a", "2024-01-01T12:00:00+10:00", 3),  // 02:00Z: earliest instant for "a"
            NewOrder("a", "2024-01-01T12:00:00Z", 10),
            NewOrder("a", "2024-01-01T12:00:00Z", 9),
            NewOrder("a", "2024-01-01T12:00:00Z", -1),
            NewOrder("ab", "2023-01-01T00:00:00Z", 1),
            NewOrder("a\u0000", "2023-01-01T00:00:00Z", 1),
        };
        await UpsertAsync(orders);
        var expected = orders.ToList();
        expected.Sort(ItemComparer.Create(Order.Metadata, null));
        Assert.That(await QueryAsync<Order>(MatchAll.Instance), Is.EqualTo(expected));
        Assert.That(expected.Select(o => o.Line).Take(4), Is.EqualTo(new[] { 3, -1, 9, 10 }));
        var forA = await QueryAsync<Order>(C("customerId", PredicateOperator.Eq, S("a")));
        Assert.That(forA, Is.EqualTo(expected.Where(o => o.CustomerId == "a")));
    }

    // ---------------------------------------------------------------- predicates

    /// <summary>A fixed data set covering nulls, ties and edge values of every kind.</summary>
    protected static Item[] MatrixItems() =>
    [
        new Item
        {
            Id = "i01", Name = "alpha", Count = 5, Rating = 2.5, Active = true, Day = AwsDate.Parse("2024-03-01"),
            Time = AwsTime.Parse("12:00"), At = AwsDateTime.Parse("2024-03-01T12:00:00Z"), Stamp = AwsTimestamp.FromUnixTimeSeconds(1_700_000_000),
            Data = AwsJson.Parse("{\"a\":1}"), Status = ItemStatus.Active, Tags = ["red", "blue"], Scores = [1, null, 3],
            Days = [AwsDate.Parse("2024-03-01")], Address = new Address { Street = "s" }, OwnerId = "o1",
        },
        new Item
        {
            Id = "i02", Name = "Beta", Count = -3, Rating = -0.5, Active = false, Day = AwsDate.Parse("2024-03-01+01:00"),
            Time = AwsTime.Parse("12:00+01:00"), At = AwsDateTime.Parse("2024-03-01T13:00:00+01:00"), Stamp = AwsTimestamp.FromUnixTimeSeconds(0),
            Data = AwsJson.Parse("[1,2]"), Status = ItemStatus.Archived, Tags = [], Scores = [], Days = [], OwnerId = "o2",
        },
        new Item { Id = "i03", Name = "gamma" },
        new Item
        {
            Id = "i04", Name = "alphabet", Count = 5, Rating = 5.0, Active = true, Day = AwsDate.Parse("1999-12-31"),
            Time = AwsTime.Parse("23:59:59.999999999"), At = AwsDateTime.Parse("1999-12-31T23:59:59.5-08:00"), Stamp = AwsTimestamp.FromUnixTimeSeconds(-100),
            Data = AwsJson.Parse("\"s\""), Status = ItemStatus.Draft, Tags = ["red"], Scores = [5], Days = [AwsDate.Parse("1999-12-31"), AwsDate.Parse("2024-03-01")], OwnerId = "o1",
        },
        new Item
        {
            Id = "i05", Name = "", Count = int.MaxValue, Rating = 1e300, Day = AwsDate.Parse("0044-03-15"), Time = AwsTime.Parse("00:00Z"),
            At = AwsDateTime.Parse("0001-01-01T00:00:00Z"), Stamp = AwsTimestamp.FromUnixTimeSeconds(9_007_199_254_740_993), Data = AwsJson.Parse("null"),
            Tags = ["", "a\u0000b"], Scores = [null], Days = null,
        },
        new Item
        {
            Id = "i06", Name = "z\uFFFF", Count = int.MinValue, Rating = -0.0, Active = false, Day = AwsDate.Parse("2024-03-02+14:00"),
            Time = AwsTime.Parse("12:00:00"), At = AwsDateTime.Parse("2024-03-01T12:00:00.000Z"), Stamp = AwsTimestamp.FromUnixTimeSeconds(1),
            Data = AwsJson.Parse("1"), Status = ItemStatus.Active, Tags = ["RED", "a%_"], Scores = [-1, 2], OwnerId = "o3",
        },
        new Item { Id = "I07", Name = "é", Count = 0, Rating = 0.0, Tags = ["\uFFFF"], OwnerId = "o1" },
    ];

    /// <summary>Operands per field: own kind (matching and not), other kinds, null and a list.</summary>
    private static FieldValue[] OperandsFor(string field) => field switch
    {
        "id" => [S("i01"), S("i0"), S("I"), S("i03"), S("")],
        "name" => [S("alpha"), S("alp"), S("Beta"), S("beta"), S(""), S("z"), S("\uFFFF"), S("é")],
        "count" => [I(5), I(-3), F(5.0), F(4.5), F(-2.5), I(int.MaxValue), I(long.MaxValue), I(0)],
        "rating" => [F(2.5), I(5), F(-0.0), F(0.0), F(1e300), I(-1), F(0.1)],
        "active" => [B(true), B(false)],
        "day" => [Date("2024-03-01"), Date("2024-03-01+01:00"), Date("2024-02-29"), Date("2024-03-02+14:00")],
        "time" => [Time("12:00"), Time("11:00Z"), Time("12:00:00"), Time("00:00")],
        "at" => [DateTime("2024-03-01T12:00:00Z"), DateTime("2024-03-01T13:00:00+01:00"), DateTime("2000-01-01T00:00:00Z"), DateTime("2024-03-01T12:00:00.000Z")],
        "stamp" => [I(0), I(1_700_000_000), F(0.5), I(-100), I(9_007_199_254_740_993)],
        "data" => [S("{\"a\":1}"), S("null"), S("1"), S("[")],
        "status" => [S("ACTIVE"), S("DRAFT"), S("active")],
        "tags" => [S("red"), S(""), S("a\u0000b"), S("RED"), S("\uFFFF")],
        "scores" => [I(1), I(5), F(3.0), F(2.5), I(-1)],
        "days" => [Date("2024-03-01"), Date("1999-12-31")],
        "ownerId" => [S("o1"), S("o2"), S("o")],
        _ => [S("s")],
    };

    private static readonly FieldValue[] OtherKinds = [Null, S("5"), I(1), F(2.5), B(true), Date("2024-03-01"), Time("12:00"), DateTime("2024-03-01T12:00:00Z"), List(S("red"))];

    [Test]
    public async Task EveryOperator_EveryKind_MatchesTheReferenceEvaluator()
    {
        var items = MatrixItems();
        await UpsertAsync(items);
        var failures = new List<string>();
        int checks = 0, nonEmpty = 0;
        foreach (var field in RandomData.ConditionFields)
        {
            var operands = OperandsFor(field).Concat(OtherKinds).ToArray();
            foreach (var op in Enum.GetValues<PredicateOperator>())
            {
                var cases = op switch
                {
                    PredicateOperator.Between => operands.SelectMany(a => operands.Take(6).Select(b => new[] { a, b })).Append([operands[0]]),
                    PredicateOperator.In or PredicateOperator.NotIn => operands.Select(a => new[] { a, operands[1], Null }).Append([]).Append([operands[0], operands[1]]),
                    _ => operands.Select(a => new[] { a }),
                };
                foreach (var values in cases)
                {
                    var condition = C(field, op, values);
                    await Check(condition);
                    await Check(Not(condition));
                    checks += 2;
                }
            }
        }
        Assert.That(failures, Is.Empty, $"{failures.Count} of {checks} checks failed:\n" + string.Join("\n", failures.Take(40)));
        TestContext.Out.WriteLine($"{nonEmpty} of {checks} checks matched at least one item");
        Assert.That(nonEmpty, Is.GreaterThan(checks / 4), "enough checks matched something (empty == empty proves nothing)");

        async Task Check(PredicateNode predicate)
        {
            var expected = items.Where(i => PredicateEvaluator.Matches(Item.Metadata, i, predicate)).Select(i => i.Id).Order(StringComparer.Ordinal).ToList();
            if (expected.Count > 0) nonEmpty++;
            var actual = (await QueryAsync<Item>(predicate)).Select(i => i.Id);
            if (!actual.SequenceEqual(expected)) failures.Add($"{predicate}: expected [{string.Join(",", expected)}] got [{string.Join(",", actual)}]");
        }
    }

    [Test]
    public async Task Predicates_SpotChecks()
    {
        await UpsertAsync(MatrixItems());
        async Task<string> Ids(PredicateNode predicate) => string.Join(",", (await QueryAsync<Item>(predicate)).Select(i => i.Id));
        Assert.Multiple(async () =>
        {
            Assert.That(await Ids(C("rating", PredicateOperator.Eq, Null)), Is.EqualTo("i03"));
            Assert.That(await Ids(C("count", PredicateOperator.Lt, I(0))), Is.EqualTo("i02,i06"), "null counts excluded");
            Assert.That(await Ids(C("count", PredicateOperator.Ne, I(5))), Is.EqualTo("I07,i02,i03,i05,i06"), "Ne includes null");
            Assert.That(await Ids(C("count", PredicateOperator.Ge, F(4.5))), Is.EqualTo("i01,i04,i05"));
            Assert.That(await Ids(C("name", PredicateOperator.BeginsWith, S("alpha"))), Is.EqualTo("i01,i04"));
            Assert.That(await Ids(C("name", PredicateOperator.Contains, S("ph"))), Is.EqualTo("i01,i04"));
            Assert.That(await Ids(C("name", PredicateOperator.Gt, S("beta"))), Is.EqualTo("I07,i03,i06"), "ordinal: 'Beta' < 'beta'");
            Assert.That(await Ids(C("tags", PredicateOperator.Contains, S("red"))), Is.EqualTo("i01,i04"));
            Assert.That(await Ids(C("tags", PredicateOperator.NotContains, S("red"))), Is.EqualTo("I07,i02,i03,i05,i06"));
            Assert.That(await Ids(C("scores", PredicateOperator.Contains, Null)), Is.EqualTo("i01,i05"));
            Assert.That(await Ids(C("at", PredicateOperator.Eq, DateTime("2024-03-01T12:00:00Z"))), Is.EqualTo("i01"), "equal by text");
            Assert.That(await Ids(C("at", PredicateOperator.Ge, DateTime("2024-03-01T12:00:00Z"))), Is.EqualTo("i01,i02"), "instant order, ties by text ('.000Z' < 'Z')");
            Assert.That(await Ids(C("day", PredicateOperator.Lt, Date("2024-03-01"))), Is.EqualTo("i02,i04,i05"), "by the instant the day starts");
            Assert.That(await Ids(C("time", PredicateOperator.Between, Time("11:00Z"), Time("12:00"))), Is.EqualTo("i01,i02"));
            Assert.That(await Ids(C("stamp", PredicateOperator.Gt, F(0.5))), Is.EqualTo("i01,i05,i06"));
            Assert.That(await Ids(C("active", PredicateOperator.Lt, B(true))), Is.Empty);
            Assert.That(await Ids(C("status", PredicateOperator.In, S("DRAFT"), Null)), Is.EqualTo("I07,i03,i04,i05"));
            Assert.That(await Ids(C("address", PredicateOperator.Eq, Null)), Is.EqualTo("I07,i01,i02,i03,i04,i05,i06"), "embedded values read as null, like generated code");
            Assert.That(await Ids(And(C("ownerId", PredicateOperator.Eq, S("o1")), Not(C("count", PredicateOperator.Eq, I(0))))), Is.EqualTo("i01,i04"));
            Assert.That(await Ids(Or(C("count", PredicateOperator.Eq, I(-3)), C("address", PredicateOperator.Ne, Null))), Is.EqualTo("i02"));
        });
    }

    [Test]
    public async Task PropertyTest_RandomPredicates_MatchTheReferenceEvaluator()
    {
        var random = new RandomData(seed: 20240301);
        var items = Enumerable.Range(0, 80).Select(random.Item).ToArray();
        await UpsertAsync(items);
        var failures = new List<string>();
        int nonEmpty = 0;
        for (int i = 0; i < 300; i++)
        {
            var predicate = random.Predicate(depth: 3, expressibleOnly: i % 2 == 0);
            var expected = items.Where(x => PredicateEvaluator.Matches(Item.Metadata, x, predicate)).Select(x => x.Id).Order(StringComparer.Ordinal).ToList();
            if (expected.Count > 0) nonEmpty++;
            var actual = (await QueryAsync<Item>(predicate)).Select(x => x.Id).ToList();
            if (!actual.SequenceEqual(expected)) failures.Add($"#{i} {predicate}: expected {expected.Count} [{string.Join(",", expected)}] got {actual.Count} [{string.Join(",", actual)}]");
        }
        Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(20)));
        TestContext.Out.WriteLine($"{nonEmpty} of 300 predicates matched at least one item");
        Assert.That(nonEmpty, Is.GreaterThan(300 / 4), "enough predicates matched something (empty == empty proves nothing)");
    }

    // ---------------------------------------------------------------- sorting and paging

    [Test]
    public async Task Sort_OnSeveralFields_FollowsItemComparer()
    {
        var items = MatrixItems();
        await UpsertAsync(items);
        var sorts = new[]
        {
            new[] { new SortClause("count", SortDirection.Ascending) },
            [new SortClause("count", SortDirection.Descending)],
            [new SortClause("active", SortDirection.Ascending), new SortClause("rating", SortDirection.Descending)],
            [new SortClause("ownerId", SortDirection.Ascending), new SortClause("count", SortDirection.Ascending), new SortClause("name", SortDirection.Ascending)],
            [new SortClause("at", SortDirection.Ascending)],
            [new SortClause("day", SortDirection.Descending)],
            [new SortClause("time", SortDirection.Ascending), new SortClause("stamp", SortDirection.Ascending)],
            [new SortClause("id", SortDirection.Descending)],
            [new SortClause("tags", SortDirection.Ascending)],
            [new SortClause("status", SortDirection.Ascending), new SortClause("data", SortDirection.Ascending)],
        };
        foreach (var sort in sorts)
        {
            var expected = items.ToList();
            expected.Sort(ItemComparer.Create(Item.Metadata, sort));
            var actual = await QueryAsync<Item>(MatchAll.Instance, sort);
            Assert.That(actual.Select(i => i.Id), Is.EqualTo(expected.Select(i => i.Id)), string.Join(", ", sort.Select(s => $"{s.Field} {s.Direction}")));
        }
        var byCount = await QueryAsync<Item>(MatchAll.Instance, [new SortClause("count", SortDirection.Ascending)]);
        Assert.That(byCount.Select(i => i.Id), Is.EqualTo(new[] { "i03", "i06", "i02", "I07", "i01", "i04", "i05" }), "nulls first, ties by key");
        var byCountDesc = await QueryAsync<Item>(MatchAll.Instance, [new SortClause("count", SortDirection.Descending)]);
        Assert.That(byCountDesc.Select(i => i.Id), Is.EqualTo(new[] { "i05", "i01", "i04", "I07", "i02", "i06", "i03" }), "nulls last, ties by key ascending");
    }

    [Test]
    public async Task Paging_EdgeCases()
    {
        await UpsertAsync(Enumerable.Range(0, 10).Select(i => (object)new Counter { Id = i, Value = i % 3 }).ToArray());
        async Task<int[]> Page(int skip, int? limit, IReadOnlyList<SortClause>? sort = null, PredicateNode? where = null)
            => (await QueryAsync<Counter>(where ?? MatchAll.Instance, sort, skip, limit)).Select(c => c.Id).ToArray();
        var byValueDesc = new[] { new SortClause("value", SortDirection.Descending) };
        var evenValue = Or(C("value", PredicateOperator.Eq, I(0)), C("value", PredicateOperator.Eq, I(2)));
        Assert.Multiple(async () =>
        {
            Assert.That(await Page(0, null), Is.EqualTo(Enumerable.Range(0, 10)));
            Assert.That(await Page(3, 4), Is.EqualTo(new[] { 3, 4, 5, 6 }));
            Assert.That(await Page(8, 5), Is.EqualTo(new[] { 8, 9 }), "last partial page");
            Assert.That(await Page(10, 5), Is.Empty, "page just beyond the end");
            Assert.That(await Page(50, null), Is.Empty, "skip far beyond the end");
            Assert.That(await Page(0, 0), Is.Empty, "limit 0");
            Assert.That(await Page(5, 0), Is.Empty, "limit 0 with skip");
            Assert.That(await Page(0, 100), Has.Length.EqualTo(10));
            Assert.That(await Page(2, 3, byValueDesc), Is.EqualTo(new[] { 8, 1, 4 }), "in-memory sort then page");
            Assert.That(await Page(1, 2, null, evenValue), Is.EqualTo(new[] { 2, 3 }));
            Assert.That(await Page(1, 10, byValueDesc, evenValue), Is.EqualTo(new[] { 5, 8, 0, 3, 6, 9 }));
        });
        Assert.That(async () => await Adapter.QueryAsync(Counter.Metadata, MatchAll.Instance, null, -1, null, default), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public async Task PropertyTest_RandomSortsAndPages_FollowItemComparer()
    {
        var random = new RandomData(seed: 77);
        var items = Enumerable.Range(0, 40).Select(random.Item).ToArray();
        await UpsertAsync(items);
        for (int i = 0; i < 80; i++)
        {
            var sort = random.Sort();
            var predicate = random.Predicate(depth: 1, expressibleOnly: i % 2 == 0);
            int skip = random.Next(3) == 0 ? random.Next(50) : 0;
            int? limit = random.Next(3) == 0 ? null : random.Next(15);
            var expected = items.Where(x => PredicateEvaluator.Matches(Item.Metadata, x, predicate)).ToList();
            expected.Sort(ItemComparer.Create(Item.Metadata, sort));
            var page = expected.Skip(skip).Take(limit ?? int.MaxValue).Select(x => x.Id);
            var actual = (await QueryAsync<Item>(predicate, sort, skip, limit)).Select(x => x.Id);
            Assert.That(actual, Is.EqualTo(page), $"#{i} where {predicate} order {string.Join(", ", sort.Select(s => $"{s.Field} {s.Direction}"))} skip {skip} limit {limit}");
        }
    }

    // ---------------------------------------------------------------- transactions

    private sealed class WorkFailedException(string message) : Exception(message);

    [Test]
    public async Task ConcurrentWriters_EachGetTheirOwnResult_AndOneFailureFailsOnlyItself()
    {
        const int writers = 16;
        using var start = new ManualResetEventSlim(false);
        var tasks = Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await Adapter.WriteAsync(session =>
            {
                session.Upsert(Counter.Metadata, new Counter { Id = i, Value = i * 10 });
                if (i == 7) throw new WorkFailedException("work 7 fails");
                return i * 10;
            }, CancellationToken.None);
        })).ToArray();
        start.Set();
        for (int i = 0; i < writers; i++)
        {
            if (i == 7)
            {
                Assert.That(async () => await tasks[i], Throws.InstanceOf<WorkFailedException>());
            }
            else
            {
                Assert.That(await tasks[i], Is.EqualTo(i * 10));
            }
        }
        var stored = await QueryAsync<Counter>(MatchAll.Instance);
        Assert.That(stored.Select(c => c.Id), Is.EqualTo(Enumerable.Range(0, writers).Where(i => i != 7)));
        Assert.That(stored.All(c => c.Value == c.Id * 10), Is.True);
    }

    [Test]
    public async Task FailingWork_IsRolledBack_LeavingDataUntouched()
    {
        await UpsertAsync(new Counter { Id = 1, Value = 1 });
        await Adapter.WriteAsync(s => { s.SetSetting("k", "before"); return 0; }, default);
        Assert.That(async () => await Adapter.WriteAsync<int>(session =>
        {
            session.Upsert(Counter.Metadata, new Counter { Id = 1, Value = 2 });
            session.Upsert(Counter.Metadata, new Counter { Id = 2, Value = 2 });
            session.Delete(Counter.Metadata, Counter.KeyOf(1));
            session.AppendOutbox(new OutboxEntry("e1", "Counter", "2", OutboxOperation.Create, "{}", null, 1));
            session.SetSetting("k", "after");
            throw new WorkFailedException("boom");
        }, default), Throws.InstanceOf<WorkFailedException>().With.Message.EqualTo("boom"));
        Assert.That(await Adapter.GetAsync(Counter.Metadata, Counter.KeyOf(1), default), Is.EqualTo(new Counter { Id = 1, Value = 1 }));
        Assert.That(await Adapter.GetAsync(Counter.Metadata, Counter.KeyOf(2), default), Is.Null);
        var (outbox, setting) = await Adapter.WriteAsync(s => (s.ReadOutbox(), s.GetSetting("k")), default);
        Assert.That(outbox, Is.Empty);
        Assert.That(setting, Is.EqualTo("before"));
    }

    [Test]
    public async Task Upsert_TellsAnInsertFromAReplace()
    {
        var first = await Adapter.WriteAsync(s => s.Upsert(Item.Metadata, new Item { Id = "u", Name = "one" }), default);
        var second = await Adapter.WriteAsync(s => s.Upsert(Item.Metadata, new Item { Id = "u", Name = "two" }), default);
        var both = await Adapter.WriteAsync(s => (s.Upsert(Item.Metadata, new Item { Id = "v", Name = "a" }), s.Upsert(Item.Metadata, new Item { Id = "v", Name = "b" })), default);
        Assert.That((first, second, both), Is.EqualTo((true, false, (true, false))));
        Assert.That(((Item?)await Adapter.GetAsync(Item.Metadata, StorageKey.Of("v"), default))?.Name, Is.EqualTo("b"));
    }

    [Test]
    public async Task Outbox_IsWrittenAtomicallyWithTheModel_AndReadInQueueOrder()
    {
        // Appended out of ID order and with a clock that steps back: the queue order is the order of appending.
        var entries = new[]
        {
            new OutboxEntry("0003", "Item", "b", OutboxOperation.Update, "{\"id\":\"b\"}", "name eq x", 3),
            new OutboxEntry("0001", "Item", "a", OutboxOperation.Create, "{\"id\":\"a\"}", null, 1),
            new OutboxEntry("0002", "Item", "a", OutboxOperation.Delete, "{}", null, 2),
        };
        var appended = new List<OutboxEntry>();
        foreach (var entry in entries)
        {
            appended.Add(await Adapter.WriteAsync(session =>
            {
                session.Upsert(Item.Metadata, new Item { Id = entry.ModelKey, Name = entry.Id });
                return session.AppendOutbox(entry);
            }, default));
        }
        Assert.That(appended.Select(e => e.Sequence), Is.EqualTo(new long[] { 1, 2, 3 }));
        Assert.That(appended, Is.EqualTo(entries.Select((e, i) => e with { Sequence = i + 1 })));
        var outbox = await Adapter.WriteAsync(s => s.ReadOutbox(), default);
        Assert.That(outbox, Is.EqualTo(appended));
        Assert.That(((Item?)await Adapter.GetAsync(Item.Metadata, StorageKey.Of("a"), default))?.Name, Is.EqualTo("0002"));

        // A duplicate entry ID fails the work, and its model write with it.
        Assert.That(async () => await Adapter.WriteAsync(session =>
        {
            session.Upsert(Item.Metadata, new Item { Id = "c", Name = "dup" });
            session.AppendOutbox(entries[0]);
            return 0;
        }, default), Throws.Exception);
        Assert.That(await Adapter.GetAsync(Item.Metadata, StorageKey.Of("c"), default), Is.Null);

        await Adapter.WriteAsync(s => { s.ClearOutbox(); return 0; }, default);
        Assert.That(await Adapter.WriteAsync(s => s.ReadOutbox(), default), Is.Empty);
    }

    [Test]
    public async Task Outbox_IsAQueue_PeekMergeRemove_AndPendingPerRecord()
    {
        OutboxEntry E(string id, string key, OutboxOperation op = OutboxOperation.Update, string model = "Item") => new(id, model, key, op, "{}", null, 0);
        await Adapter.WriteAsync(s =>
        {
            s.AppendOutbox(E("e1", "a", OutboxOperation.Create));
            s.AppendOutbox(E("e2", "b"));
            s.AppendOutbox(E("e3", "a"));
            s.AppendOutbox(E("e4", "a", model: "Order")); // same key text, another model: another record
            return 0;
        }, default);
        var (head, lastA, lastB, lastOrderA, none) = await Adapter.WriteAsync(s =>
            (s.PeekOutbox(), s.LastOutboxFor("Item", "a"), s.LastOutboxFor("Item", "b"), s.LastOutboxFor("Order", "a"), s.LastOutboxFor("Item", "c")), default);
        Assert.That((head!.Id, head.Sequence), Is.EqualTo(("e1", 1L)));
        Assert.That((lastA!.Id, lastB!.Id, lastOrderA!.Id, none), Is.EqualTo(("e3", "e2", "e4", (OutboxEntry?)null)));

        // A merge replaces the entry's content and keeps its place; a replace of an unknown ID changes nothing.
        var merged = E("e1", "a", OutboxOperation.Create) with { Data = "{\"id\":\"a\",\"name\":\"merged\"}", Sequence = 99 };
        var (replaced, unknown) = await Adapter.WriteAsync(s => (s.ReplaceOutbox(merged), s.ReplaceOutbox(E("nope", "a"))), default);
        Assert.That((replaced, unknown), Is.EqualTo((true, false)));
        var afterMerge = await Adapter.WriteAsync(s => s.ReadOutbox(), default);
        Assert.That(afterMerge.Select(e => (e.Id, e.Sequence)), Is.EqualTo(new[] { ("e1", 1L), ("e2", 2L), ("e3", 3L), ("e4", 4L) }));
        Assert.That(afterMerge[0].Data, Does.Contain("merged"));

        // Removing the head makes the next entry the head; a new entry goes after the last one.
        var (removed, again) = await Adapter.WriteAsync(s => (s.RemoveOutbox("e1"), s.RemoveOutbox("e1")), default);
        Assert.That((removed, again), Is.EqualTo((true, false)));
        var (newHead, appended) = await Adapter.WriteAsync(s => (s.PeekOutbox(), s.AppendOutbox(E("e0", "z"))), default);
        Assert.That((newHead!.Id, appended.Sequence), Is.EqualTo(("e2", 5L)));
        Assert.That(await Adapter.WriteAsync(s => s.LastOutboxFor("Item", "a")?.Id, default), Is.EqualTo("e3"));

        // A work that fails undoes its queue changes with everything else.
        Assert.That(async () => await Adapter.WriteAsync<int>(s =>
        {
            s.RemoveOutbox("e2");
            s.ReplaceOutbox(E("e3", "a") with { Data = "{\"lost\":true}" });
            s.AppendOutbox(E("e9", "q"));
            throw new InvalidOperationException("fail the work");
        }, default), Throws.InvalidOperationException);
        Assert.That((await Adapter.WriteAsync(s => s.ReadOutbox(), default)).Select(e => (e.Id, e.Data)),
            Is.EqualTo(new[] { ("e2", "{}"), ("e3", "{}"), ("e4", "{}"), ("e0", "{}") }));

        // Emptied, the queue starts again after nothing: order still follows appends.
        await Adapter.WriteAsync(s => { foreach (var e in s.ReadOutbox()) s.RemoveOutbox(e.Id); return 0; }, default);
        Assert.That(await Adapter.WriteAsync(s => s.PeekOutbox(), default), Is.Null);
        var restarted = await Adapter.WriteAsync(s => (s.AppendOutbox(E("x2", "a")), s.AppendOutbox(E("x1", "a"))), default);
        Assert.That(restarted.Item1.Sequence, Is.LessThan(restarted.Item2.Sequence));
        Assert.That((await Adapter.WriteAsync(s => s.PeekOutbox(), default))!.Id, Is.EqualTo("x2"));
    }

    [Test]
    public async Task SyncMetadata_IsKeptPerRecord_ApartFromTheItem()
    {
        var a = StorageKey.Of("a");
        var composite = new StorageKey([FieldValue.From("a#b"), FieldValue.From("c"), FieldValue.From(1)]);
        var lookalike = new StorageKey([FieldValue.From("a"), FieldValue.From("b#c"), FieldValue.From(1)]);
        Assert.That(await Adapter.WriteAsync(s => s.GetSyncMetadata(Item.Metadata, a), default), Is.Null, "never synced");
        Assert.That(await Adapter.WriteAsync(s => (s.HasSyncMetadata(Item.Metadata), s.HasSyncMetadata(Order.Metadata)), default), Is.EqualTo((false, false)));
        await Adapter.WriteAsync(s =>
        {
            s.Upsert(Item.Metadata, new Item { Id = "a", Name = "x" });
            s.SetSyncMetadata(Item.Metadata, a, new SyncMetadata(1, 1000, false));
            s.SetSyncMetadata(Item.Metadata, a, new SyncMetadata(2, 2000, false)); // overwrite
            s.SetSyncMetadata(Order.Metadata, composite, new SyncMetadata(7, 7000, false));
            return 0;
        }, default);
        var (item, order, other, otherModel) = await Adapter.WriteAsync(s => (s.GetSyncMetadata(Item.Metadata, a), s.GetSyncMetadata(Order.Metadata, composite),
            s.GetSyncMetadata(Order.Metadata, lookalike), s.GetSyncMetadata(Order.Metadata, a)), default);
        Assert.That((item, order, other, otherModel), Is.EqualTo(((SyncMetadata?)new SyncMetadata(2, 2000, false), (SyncMetadata?)new SyncMetadata(7, 7000, false), (SyncMetadata?)null, (SyncMetadata?)null)));
        Assert.That(await Adapter.WriteAsync(s => (s.HasSyncMetadata(Item.Metadata), s.HasSyncMetadata(Order.Metadata)), default), Is.EqualTo((true, true)));

        // Deleting the item keeps its metadata (a tombstone's version still matters); a failed work changes none.
        await Adapter.WriteAsync(s => { s.Delete(Item.Metadata, a); s.SetSyncMetadata(Item.Metadata, a, new SyncMetadata(3, 3000, true)); return 0; }, default);
        Assert.That(async () => await Adapter.WriteAsync<int>(s =>
        {
            s.SetSyncMetadata(Item.Metadata, a, new SyncMetadata(9, 9000, false));
            s.ClearSyncMetadata();
            throw new InvalidOperationException("fail the work");
        }, default), Throws.InvalidOperationException);
        Assert.That(await Adapter.WriteAsync(s => s.GetSyncMetadata(Item.Metadata, a), default), Is.EqualTo((SyncMetadata?)new SyncMetadata(3, 3000, true)));

        await Adapter.WriteAsync(s => { s.ClearSyncMetadata(); return 0; }, default);
        Assert.That(await Adapter.WriteAsync(s => (s.GetSyncMetadata(Item.Metadata, a), s.GetSyncMetadata(Order.Metadata, composite)), default),
            Is.EqualTo(((SyncMetadata?)null, (SyncMetadata?)null)));
        Assert.That(await Adapter.WriteAsync(s => s.HasSyncMetadata(Item.Metadata), default), Is.False);
    }

    [Test]
    public async Task SyncMetadata_StoredWithAnItem_SurvivesLocalSavesAndDeletes_AndGoesWithAClear()
    {
        var a = StorageKey.Of("a");
        var b = StorageKey.Of("b");
        await Adapter.WriteAsync(s =>
        {
            s.Upsert(Item.Metadata, new Item { Id = "a", Name = "server" }, new SyncMetadata(4, 4000, false));
            s.Upsert(Item.Metadata, new Item { Id = "b", Name = "local only" }, metadata: null);
            return 0;
        }, default);
        Assert.That(await Adapter.WriteAsync(s => (s.GetSyncMetadata(Item.Metadata, a), s.GetSyncMetadata(Item.Metadata, b), s.HasSyncMetadata(Item.Metadata)), default),
            Is.EqualTo(((SyncMetadata?)new SyncMetadata(4, 4000, false), (SyncMetadata?)null, true)));

        // A local save (no metadata) replaces the item and keeps what the server said; a later server copy replaces both.
        await Adapter.WriteAsync(s => s.Upsert(Item.Metadata, new Item { Id = "a", Name = "edited locally" }), default);
        Assert.That(await Adapter.WriteAsync(s => (s.GetSyncMetadata(Item.Metadata, a), (s.Get(Item.Metadata, a) as Item)?.Name), default),
            Is.EqualTo(((SyncMetadata?)new SyncMetadata(4, 4000, false), "edited locally")));
        await Adapter.WriteAsync(s => s.Upsert(Item.Metadata, new Item { Id = "a", Name = "server again" }, new SyncMetadata(5, 5000, false)), default);
        Assert.That(await Adapter.WriteAsync(s => s.GetSyncMetadata(Item.Metadata, a), default), Is.EqualTo((SyncMetadata?)new SyncMetadata(5, 5000, false)));

        // Metadata set on its own for a stored item (the item stays as it is), then a local delete: the version outlives it.
        await Adapter.WriteAsync(s => { s.SetSyncMetadata(Item.Metadata, a, new SyncMetadata(6, 6000, false)); return 0; }, default);
        Assert.That(await Adapter.WriteAsync(s => (s.Get(Item.Metadata, a) as Item)?.Name, default), Is.EqualTo("server again"));
        await Adapter.WriteAsync(s => s.Delete(Item.Metadata, a), default);
        Assert.That(await Adapter.WriteAsync(s => (s.Get(Item.Metadata, a), s.GetSyncMetadata(Item.Metadata, a), s.HasSyncMetadata(Item.Metadata)), default),
            Is.EqualTo(((object?)null, (SyncMetadata?)new SyncMetadata(6, 6000, false), true)));

        // A clear forgets every record's metadata, a stored item's included; the items stay.
        await Adapter.WriteAsync(s => s.Upsert(Item.Metadata, new Item { Id = "b", Name = "synced now" }, new SyncMetadata(1, 1000, false)), default);
        await Adapter.WriteAsync(s => { s.ClearSyncMetadata(); return 0; }, default);
        Assert.That(await Adapter.WriteAsync(s => (s.GetSyncMetadata(Item.Metadata, a), s.GetSyncMetadata(Item.Metadata, b), s.HasSyncMetadata(Item.Metadata), (s.Get(Item.Metadata, b) as Item)?.Name), default),
            Is.EqualTo(((SyncMetadata?)null, (SyncMetadata?)null, false, "synced now")));
    }

    [Test]
    public async Task OutboxEntries_KeepTheirBaseVersion()
    {
        var entry = new OutboxEntry("e1", "Item", "a", OutboxOperation.Update, "{}", null, 0) { BaseVersion = 4 };
        await Adapter.WriteAsync(s => (s.AppendOutbox(entry), s.AppendOutbox(entry with { Id = "e2", BaseVersion = null })), default);
        var outbox = await Adapter.WriteAsync(s => s.ReadOutbox(), default);
        Assert.That(outbox.Select(e => e.BaseVersion), Is.EqualTo(new int?[] { 4, null }));
    }

    [Test]
    public async Task Settings_GetSetOverwrite()
    {
        Assert.That(await Adapter.WriteAsync(s => s.GetSetting("schemaVersion"), default), Is.Null);
        await Adapter.WriteAsync(s => { s.SetSetting("schemaVersion", "1"); s.SetSetting("other", ""); return 0; }, default);
        await Adapter.WriteAsync(s => { s.SetSetting("schemaVersion", "2"); return 0; }, default);
        Assert.That(await Adapter.WriteAsync(s => (s.GetSetting("schemaVersion"), s.GetSetting("other"), s.GetSetting("Other")), default), Is.EqualTo(("2", "", (string?)null)));
    }

    [Test]
    public async Task Session_SeesItsOwnWrites()
    {
        var seen = await Adapter.WriteAsync(session =>
        {
            session.Upsert(Item.Metadata, new Item { Id = "a", Name = "x", Count = 1 });
            session.Upsert(Item.Metadata, new Item { Id = "b", Name = "y", Count = 2 });
            var got = (Item?)session.Get(Item.Metadata, StorageKey.Of("a"));
            var matched = session.Query(Item.Metadata, C("count", PredicateOperator.Ge, I(2))).Cast<Item>().Select(i => i.Id).ToList();
            session.Delete(Item.Metadata, StorageKey.Of("a"));
            return (got?.Name, matched, session.Get(Item.Metadata, StorageKey.Of("a")));
        }, default);
        Assert.That(seen.Name, Is.EqualTo("x"));
        Assert.That(seen.matched, Is.EqualTo(new[] { "b" }));
        Assert.That(seen.Item3, Is.Null);
    }

    [Test]
    public async Task Session_IsInvalidOutsideItsWork()
    {
        var session = await Adapter.WriteAsync(s => s, default);
        Assert.Throws<InvalidOperationException>(() => session.Get(Item.Metadata, StorageKey.Of("a")));
    }

    [Test]
    public async Task Write_CanceledBeforeItRuns_IsCanceled()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        Assert.That(async () => await Adapter.WriteAsync(s => 1, cts.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    // ---------------------------------------------------------------- durability

    [Test]
    public async Task Dispose_DrainsPendingWrites()
    {
        var writes = Enumerable.Range(0, 50)
            .Select(i => Adapter.WriteAsync(s => { s.Upsert(Counter.Metadata, new Counter { Id = i }); return i; }, default).AsTask())
            .ToArray();
        await Adapter.DisposeAsync();
        Assert.That(await Task.WhenAll(writes), Is.EqualTo(Enumerable.Range(0, 50)));
        Assert.That(async () => await Adapter.WriteAsync(s => 0, default), Throws.InstanceOf<ObjectDisposedException>());
        if (!IsDurable) return;
        var reopened = await OpenAdapterAsync();
        Assert.That(await reopened.QueryAsync(Counter.Metadata, MatchAll.Instance, null, 0, null, default), Has.Count.EqualTo(50));
    }

    [Test]
    public async Task Reopen_AfterDispose_KeepsItemsOutboxAndSettings()
    {
        var item = FullItem("durable");
        await Adapter.WriteAsync(session =>
        {
            session.Upsert(Item.Metadata, item);
            session.Upsert(Order.Metadata, NewOrder("c", "2024-01-01T00:00:00Z", 1, 9.5));
            session.AppendOutbox(new OutboxEntry("1", "Item", "durable", OutboxOperation.Create, "{}", null, 42));
            session.SetSetting("schemaVersion", StorageTestSchema.Instance.Version);
            return 0;
        }, default);
        await Adapter.DisposeAsync();
        var reopened = await OpenAdapterAsync();
        if (!IsDurable)
        {
            // A non-durable adapter documents the opposite: a new instance starts empty.
            Assert.That(await reopened.GetAsync(Item.Metadata, StorageKey.Of("durable"), default), Is.Null);
            return;
        }
        Assert.That(await reopened.GetAsync(Item.Metadata, StorageKey.Of("durable"), default), Is.EqualTo(item));
        Assert.That(await reopened.GetAsync(Order.Metadata, NewOrder("c", "2024-01-01T00:00:00Z", 1).Key, default), Is.Not.Null);
        var (outbox, version) = await reopened.WriteAsync(s => (s.ReadOutbox(), s.GetSetting("schemaVersion")), default);
        Assert.That(outbox.Select(e => e.CreatedAtUnixMs), Is.EqualTo(new[] { 42L }));
        Assert.That(version, Is.EqualTo(StorageTestSchema.Instance.Version));
        var found = await reopened.QueryAsync(Item.Metadata, C("at", PredicateOperator.Gt, DateTime("2026-01-01T00:00:00Z")), null, 0, null, default);
        Assert.That(found, Has.Count.EqualTo(1), "indexes and sortable companions survive reopening");
    }
}
