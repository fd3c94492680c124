using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Amplify.DataStore.LocalBackend;
using Amplify.DataStore.Serialization;
using Amplify.DataStore.Storage;
using Amplify.DataStore.Storage.InMemory;
using NUnit.Framework;
using StoreTests.Models;

namespace Amplify.DataStore.Store.Tests.Serialization;

using Amplify.DataStore;

/// <summary>
/// Every condition the store can queue is valid AppSync input and means there what it meant locally: the item is created
/// on an in-process LocalBackend from the outbox's <c>Data</c>, then <c>updateNote(input, condition)</c> is sent with the
/// condition JSON as a variable. A condition true locally passes on the server; false locally fails there with
/// ConditionalCheckFailedException (not a validation error).
/// </summary>
[NonParallelizable]
public class AppSyncConditionRoundTripTests
{
    private static readonly string Text = "café ✓ 日本 😀";
    private static readonly AwsDate Day = AwsDate.Parse("2026-12-07");
    private static readonly AwsTime Time = AwsTime.Parse("10:15:30.250Z");
    private static readonly AwsDateTime At = AwsDateTime.Parse("2026-12-07T10:15:30.250Z");
    private static readonly AwsTimestamp Stamp = AwsTimestamp.FromUnixTimeSeconds(1765102530);

    private LocalBackend.LocalBackend _backend = null!;
    private HttpClient _http = null!;
    private string _directory = null!;

    [OneTimeSetUp]
    public async Task StartBackend()
    {
        _directory = Path.Combine(Path.GetTempPath(), "amplify-condition-roundtrip-" + Guid.NewGuid().ToString("N")[..10]);
        _backend = await LocalBackend.LocalBackend.StartAsync(new LocalBackendOptions
        {
            SchemaText = await File.ReadAllTextAsync(Path.Combine(TestContext.CurrentContext.TestDirectory, "Schema", "conditions.graphql")),
            Port = 0,
            UseTls = false,
            InMemory = true,
            DataDirectory = _directory,
            ClientConfigDirectory = _directory,
            WriteClientConfig = false,
            ApiKey = "da2-conditions",
        });
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    [OneTimeTearDown]
    public async Task StopBackend()
    {
        _http.Dispose();
        await _backend.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { /* best effort */ }
    }

    private static Note NewNote(bool withoutCount) => new()
    {
        Title = Text, Count = withoutCount ? null : 3, Score = 2.5, Done = true, Mood = Mood.Happy, Day = Day, Time = Time, At = At, Stamp = Stamp,
        Tags = ValueList.Create<string?>("a", "b"), Moods = ValueList.Create<Mood?>(Mood.Happy),
    };

    private static TestCaseData Case(string name, Predicate<Note> condition, bool expected, bool withoutCount = false)
        => new TestCaseData(condition, expected, withoutCount).SetArgDisplayNames(name);

    public static IEnumerable<TestCaseData> Conditions()
    {
        yield return Case("title eq", Note.Where(n => n.Title.Eq(Text)), true);
        yield return Case("title eq other", Note.Where(n => n.Title.Eq("x")), false);
        yield return Case("title ne", Note.Where(n => n.Title.Ne("x")), true);
        yield return Case("title ne same", Note.Where(n => n.Title.Ne(Text)), false);
        yield return Case("title beginsWith", Note.Where(n => n.Title.BeginsWith("café ✓")), true);
        yield return Case("title beginsWith other", Note.Where(n => n.Title.BeginsWith("日本")), false);
        yield return Case("title contains", Note.Where(n => n.Title.Contains("日本 😀")), true);
        yield return Case("title contains other", Note.Where(n => n.Title.Contains("zz")), false);
        yield return Case("title notContains", Note.Where(n => n.Title.NotContains("zz")), true);
        yield return Case("title notContains present", Note.Where(n => n.Title.NotContains("✓")), false);
        yield return Case("title gt", Note.Where(n => n.Title.Gt("a")), true);
        yield return Case("title lt", Note.Where(n => n.Title.Lt("a")), false);
        yield return Case("title in", Note.Where(n => n.Title.In("x", Text)), true);
        yield return Case("title notIn", Note.Where(n => n.Title.NotIn("x", Text)), false);

        yield return Case("count eq", Note.Where(n => n.Count.Eq(3)), true);
        yield return Case("count ne", Note.Where(n => n.Count.Ne(3)), false);
        yield return Case("count gt", Note.Where(n => n.Count.Gt(2)), true);
        yield return Case("count ge", Note.Where(n => n.Count.Ge(4)), false);
        yield return Case("count lt", Note.Where(n => n.Count.Lt(4)), true);
        yield return Case("count le", Note.Where(n => n.Count.Le(2)), false);
        yield return Case("count between", Note.Where(n => n.Count.Between(1, 3)), true);
        yield return Case("count between outside", Note.Where(n => n.Count.Between(4, 9)), false);
        yield return Case("count in", Note.Where(n => n.Count.In(1, 3)), true);
        yield return Case("count in none", Note.Where(n => n.Count.In(5, 6)), false);
        yield return Case("count in one", Note.Where(n => n.Count.In(3)), true);
        yield return Case("count notIn", Note.Where(n => n.Count.NotIn(5, 6)), true);
        yield return Case("count notIn present", Note.Where(n => n.Count.NotIn(3, 4)), false);
        yield return Case("count eq null", Note.Where(n => n.Count.Eq(null)), false);
        yield return Case("count ne null", Note.Where(n => n.Count.Ne(null)), true);
        // The stored item has no count: null comparisons and comparisons with a value on a missing field.
        yield return Case("no count: eq null", Note.Where(n => n.Count.Eq(null)), true, withoutCount: true);
        yield return Case("no count: ne null", Note.Where(n => n.Count.Ne(null)), false, withoutCount: true);
        yield return Case("no count: gt", Note.Where(n => n.Count.Gt(0)), false, withoutCount: true);
        yield return Case("no count: in", Note.Where(n => n.Count.In(1, 2)), false, withoutCount: true);
        yield return Case("no count: ne", Note.Where(n => n.Count.Ne(1)), true, withoutCount: true);
        yield return Case("no count: notIn", Note.Where(n => n.Count.NotIn(1, 2)), true, withoutCount: true);

        yield return Case("score gt", Note.Where(n => n.Score.Gt(2.4)), true);
        yield return Case("score lt", Note.Where(n => n.Score.Lt(2.5)), false);
        yield return Case("score between", Note.Where(n => n.Score.Between(2.5, 2.5)), true);

        yield return Case("done eq", Note.Where(n => n.Done.Eq(true)), true);
        yield return Case("done eq false", Note.Where(n => n.Done.Eq(false)), false);
        yield return Case("done ne", Note.Where(n => n.Done.Ne(true)), false);

        yield return Case("mood eq", Note.Where(n => n.Mood.Eq(Mood.Happy)), true);
        yield return Case("mood eq other", Note.Where(n => n.Mood.Eq(Mood.Sad)), false);
        yield return Case("mood in", Note.Where(n => n.Mood.In(Mood.Sad, Mood.Happy)), true);
        yield return Case("mood notIn", Note.Where(n => n.Mood.NotIn(Mood.Happy)), false);

        yield return Case("day gt", Note.Where(n => n.Day.Gt(AwsDate.Parse("2026-12-06"))), true);
        yield return Case("day lt", Note.Where(n => n.Day.Lt(Day)), false);
        yield return Case("day between", Note.Where(n => n.Day.Between(AwsDate.Parse("2026-01-01"), Day)), true);
        yield return Case("time ge", Note.Where(n => n.Time.Ge(Time)), true);
        yield return Case("time lt", Note.Where(n => n.Time.Lt(AwsTime.Parse("09:00:00.000Z"))), false);
        yield return Case("at eq", Note.Where(n => n.At.Eq(At)), true);
        yield return Case("at gt", Note.Where(n => n.At.Gt(AwsDateTime.Parse("2026-12-07T10:15:30.251Z"))), false);
        yield return Case("stamp ge", Note.Where(n => n.Stamp.Ge(Stamp)), true);
        yield return Case("stamp lt", Note.Where(n => n.Stamp.Lt(AwsTimestamp.FromUnixTimeSeconds(1765102529))), false);

        yield return Case("tags contains", Note.Where(n => n.Tags.Contains("a")), true);
        yield return Case("tags contains other", Note.Where(n => n.Tags.Contains("z")), false);
        yield return Case("tags notContains", Note.Where(n => n.Tags.NotContains("z")), true);
        yield return Case("moods contains", Note.Where(n => n.Moods.Contains(Mood.Happy)), true);
        yield return Case("moods contains other", Note.Where(n => n.Moods.Contains(Mood.Sad)), false);

        yield return Case("not true", Note.Where(n => !n.Count.Eq(3)), false);
        yield return Case("not false", Note.Where(n => !n.Count.Eq(4)), true);
        yield return Case("or", Note.Where(n => n.Count.Eq(4) | n.Title.BeginsWith("café")), true);
        yield return Case("and with not", Note.Where(n => n.Count.Eq(3) & !n.Mood.Eq(Mood.Happy)), false);
        yield return Case("not of or inside and", Note.Where(n => n.Done.Eq(true) & !(n.Count.In(7, 8) | n.Score.Gt(3.0))), true);
        yield return Case("or of ands", Note.Where(n => (n.Count.Eq(1) & n.Done.Eq(true)) | (n.Mood.Eq(Mood.Sad) & n.Tags.Contains("a"))), false);
    }

    [TestCaseSource(nameof(Conditions))]
    public async Task A_condition_means_on_the_backend_what_it_meant_locally(Predicate<Note> condition, bool expected, bool withoutCount)
    {
        var adapter = new FaultInjectingAdapter(new InMemoryStorageAdapter());
        await using var store = await DataStore.OpenAsync(AmplifyModels.Schema, o => { o.UseStorageAdapter(adapter); o.OutboxEnabled = true; });
        var note = await store.SaveAsync(NewNote(withoutCount));
        var created = (await adapter.TakeOutboxAsync()).Single(); // taken as sent, so the update below queues on its own
        // Data is the whole item; the read-only timestamps are not in CreateNoteInput (leaving them out of the mutation
        // input is the sync engine's job, not the outbox's).
        var input = (JsonObject)JsonNode.Parse(created.Data)!;
        input.Remove("createdAt");
        input.Remove("updatedAt");
        await DataAsync("mutation($input: CreateNoteInput!) { createNote(input: $input) { id _version } }", new JsonObject { ["input"] = input });

        bool locally;
        try
        {
            await store.SaveAsync(note with { Count = 99 }, condition);
            locally = true;
        }
        catch (ConditionalCheckFailedException)
        {
            locally = false;
        }
        Assert.That(locally, Is.EqualTo(expected), "the local store's verdict");
        var conditionJson = AppSyncConditionWriter.ToJson(AmplifyModels.Schema.GetModel("Note"), condition.Node)!;
        if (locally) Assert.That((await adapter.ReadOutboxAsync()).Last().Condition, Is.EqualTo(conditionJson), "what the outbox queued");

        var body = await PostAsync("mutation($input: UpdateNoteInput!, $condition: ModelNoteConditionInput) { updateNote(input: $input, condition: $condition) { id count } }",
            new JsonObject
            {
                ["input"] = new JsonObject { ["id"] = note.Id, ["count"] = 99, ["_version"] = 1 },
                ["condition"] = JsonNode.Parse(conditionJson),
            });
        if (locally)
        {
            Assert.That(body["errors"], Is.Null, conditionJson + " → " + body.ToJsonString());
            Assert.That((int)body["data"]!["updateNote"]!["count"]!, Is.EqualTo(99));
        }
        else
        {
            Assert.That((string?)body["errors"]?[0]?["errorType"], Is.EqualTo("ConditionalCheckFailedException"), conditionJson + " → " + body.ToJsonString());
        }
    }

    private async Task<JsonObject> PostAsync(string query, JsonObject variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _backend.GraphQLEndpoint);
        request.Content = new StringContent(new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString(), Encoding.UTF8, "application/json");
        request.Headers.Add("x-api-key", _backend.ApiKey);
        using var response = await _http.SendAsync(request);
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
        return (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<JsonObject> DataAsync(string query, JsonObject variables)
    {
        var body = await PostAsync(query, variables);
        Assert.That(body["errors"], Is.Null, body.ToJsonString());
        return (JsonObject)body["data"]!;
    }
}
