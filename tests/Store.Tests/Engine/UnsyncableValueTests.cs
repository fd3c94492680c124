using Amplify.DataStore.Storage;
using Amplify.DataStore.Storage.InMemory;
using NUnit.Framework;
using StoreTests.Models;

namespace Amplify.DataStore.Store.Tests.Engine;

using Amplify.DataStore;

/// <summary>
/// Non-finite Floats and strings that are not valid UTF-16 can never be sent to AppSync (JSON has neither), so a save
/// refuses them up front, naming <c>Model.field</c>, at every depth and with nothing stored and no outbox entry written.
/// </summary>
public class UnsyncableValueTests
{
    private const string LoneHigh = "ok \uD800 there";
    private const string LoneLow = "\uDC00";
    private const string ReversedPair = "\uDC00\uD800";

    public static IEnumerable<TestCaseData> BadReadings() => BadReadingsPerStorage().SelectMany(c => c);

    private static IEnumerable<IEnumerable<TestCaseData>> BadReadingsPerStorage()
    {
        static Reading R() => new() { Label = "fine", Value = 1.5, Samples = ValueList.Create<double?>(1, null, 2) };
        static Sensor S() => new() { Name = "s", Position = new Point { X = 1, Y = 2 } };

        yield return Case("NaN Float", R() with { Value = double.NaN }, "Reading.value", "NaN");
        yield return Case("+Infinity Float", R() with { Value = double.PositiveInfinity }, "Reading.value", "Infinity");
        yield return Case("-Infinity Float", R() with { Value = double.NegativeInfinity }, "Reading.value", "-Infinity");
        yield return Case("Float list element", R() with { Samples = ValueList.Create<double?>(1, null, double.NaN) }, "Reading.samples[2]", "NaN");
        yield return Case("lone high surrogate", R() with { Label = LoneHigh }, "Reading.label", "surrogate");
        yield return Case("lone low surrogate", R() with { Label = LoneLow }, "Reading.label", "surrogate");
        yield return Case("reversed pair", R() with { Label = ReversedPair }, "Reading.label", "surrogate");
        yield return Case("String list element", R() with { Notes = ValueList.Create("a", LoneHigh) }, "Reading.notes[1]", "surrogate");
        yield return Case("AWSEmail", R() with { Contact = "a\uD800@example.com" }, "Reading.contact", "");
        yield return Case("embedded String", R() with { Sensor = S() with { Name = LoneHigh } }, "Reading.sensor.name", "surrogate");
        yield return Case("embedded Float", R() with { Sensor = S() with { Position = new Point { X = double.NaN, Y = 0 } } }, "Reading.sensor.position.x", "NaN");
        yield return Case("embedded String list", R() with { Sensor = S() with { Tags = ValueList.Create<string?>(null, LoneLow) } }, "Reading.sensor.tags[1]", "surrogate");
        // Not unsyncable values, but the same walk is the first to check them inside embedded types.
        yield return Case("embedded AWSEmail", R() with { Sensor = S() with { Owner = "not an address" } }, "Reading.sensor.owner", "AWSEmail");
        yield return Case("embedded enum", R() with { Sensors = ValueList.Create(S() with { Kind = (SensorKind)42 }) }, "Reading.sensors[0].kind", "not defined in enum SensorKind (42)");
        yield return Case("nested embedded list", R() with
        {
            Sensors = ValueList.Create(S(), S() with { Track = ValueList.Create<Point?>(new Point { X = 0, Y = 0 }, null, new Point { X = 0, Y = double.PositiveInfinity }) }),
        }, "Reading.sensors[1].track[2].y", "Infinity");
    }

    private static IEnumerable<TestCaseData> Case(string name, Reading reading, string field, string problem)
    {
        foreach (var storage in new[] { "LiteDb", "InMemory" })
        {
            yield return new TestCaseData(storage, reading, field, problem).SetArgDisplayNames(storage, name);
        }
    }

    private static FaultInjectingAdapter Adapter(string kind, TestDirectory dir) => new(kind switch
    {
        "LiteDb" => TestAdapters.LiteDb(dir.File()),
        "InMemory" => new InMemoryStorageAdapter(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    });

    [TestCaseSource(nameof(BadReadings))]
    public async Task A_save_is_refused_naming_the_field_and_stores_nothing(string storage, Reading reading, string field, string problem)
    {
        using var dir = new TestDirectory();
        // The outbox is on, as under the sync engine: a refused item must not leave an entry that could never sync.
        var adapter = Adapter(storage, dir);
        await using var store = await DataStore.OpenAsync(AmplifyModels.Schema, o => { o.UseStorageAdapter(adapter); o.OutboxEnabled = true; });

        var ex = Assert.ThrowsAsync<DataStoreValidationException>(() => store.SaveAsync(reading));
        Assert.That(ex!.Message, Does.StartWith(field + ": ").And.Contain(problem));
        Assert.That(ex.ModelName, Is.EqualTo("Reading"));
        Assert.That(ex.FieldName, Is.EqualTo(field["Reading.".Length..]));

        var batch = Assert.ThrowsAsync<DataStoreValidationException>(() => store.SaveAllAsync(new[] { new Reading { Label = "valid", Value = 1 }, reading }));
        Assert.That(batch!.Message, Does.StartWith(field + ": "));

        Assert.That(await store.QueryAsync<Reading>(), Is.Empty, "nothing was stored");
        Assert.That(await adapter.ReadOutboxAsync(), Is.Empty, "no outbox entry was written");
    }

    [Test]
    public async Task Finite_Floats_and_valid_UTF16_including_surrogate_pairs_are_stored_and_read_back(
        [Values("LiteDb", "InMemory")] string storage)
    {
        using var dir = new TestDirectory();
        var adapter = Adapter(storage, dir);
        await using var store = await DataStore.OpenAsync(AmplifyModels.Schema, o => { o.UseStorageAdapter(adapter); o.OutboxEnabled = true; });
        var reading = new Reading
        {
            Label = "emoji \uD83D\uDE00 and \u00E9",
            Value = double.MaxValue,
            Samples = ValueList.Create<double?>(double.Epsilon, -0.0, null, double.MinValue),
            Notes = ValueList.Create("\uD83D\uDE00"),
            Meta = AwsJson.Parse("{\"s\":\"\uD83D\uDE00\"}"),
            Sensor = new Sensor { Name = "\uD800\uDC00", Position = new Point { X = 1e308, Y = -1e-308 } },
            Sensors = ValueList.Create(new Sensor { Name = "b", Track = ValueList.Create<Point?>(null, new Point { X = 0, Y = 0 }) }),
        };

        await store.SaveAsync(reading);

        Assert.That(await store.QueryByIdAsync<Reading>(reading.Id), Is.EqualTo(reading));
        Assert.That(await adapter.ReadOutboxAsync(), Has.Count.EqualTo(1));
    }

    [TestCase("LiteDb")]
    [TestCase("InMemory")]
    public async Task Required_embedded_values_are_accepted_when_present_and_named_when_missing(string storage)
    {
        using var dir = new TestDirectory();
        var adapter = Adapter(storage, dir);
        await using var store = await DataStore.OpenAsync(AmplifyModels.Schema, o => { o.UseStorageAdapter(adapter); o.OutboxEnabled = true; });
        var station = new Station { Location = new Point { X = 1, Y = 2 }, Route = ValueList.Create(new Point { X = 3, Y = 4 }, new Point { X = 5, Y = 6 }) };

        await store.SaveAsync(station);
        Assert.That(await store.QueryByIdAsync<Station>(station.Id), Is.EqualTo(station));

        var cases = new (object Item, string Message)[]
        {
            (new Station { Location = null!, Route = ValueList.Create<Point>() }, "Station.location: is required (Point!) but has no value."),
            (new Station { Location = new Point { X = 0, Y = 0 }, Route = null! }, "Station.route: is required ([Point!]!) but has no value."),
            (new Station { Location = new Point { X = 0, Y = 0 }, Route = ValueList.Create(new Point { X = 0, Y = 0 }, null!) }, "Station.route[1]: is null, but [Point!]! does not allow null elements."),
            (new Reading { Sensor = new Sensor { Name = null! } }, "Reading.sensor.name: is required (String!) but has no value."),
            (new Reading { Sensors = ValueList.Create(new Sensor { Name = "a" }, null!) }, "Reading.sensors[1]: is null, but [Sensor!] does not allow null elements."),
        };
        foreach (var (item, message) in cases)
        {
            var ex = Assert.ThrowsAsync<DataStoreValidationException>(() => item is Station s ? store.SaveAsync(s) : store.SaveAsync((Reading)item));
            Assert.That(ex!.Message, Is.EqualTo(message));
        }
        Assert.That(await store.QueryAsync<Station>(), Has.Count.EqualTo(1));
        Assert.That(await store.QueryAsync<Reading>(), Is.Empty);
        Assert.That(await adapter.ReadOutboxAsync(), Has.Count.EqualTo(1), "only the valid station's entry");
    }
}
