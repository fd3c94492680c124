using Amplify.DataStore.TestCases;
using NUnit.Framework;
using StoreTests.Models;

namespace Amplify.DataStore.Store.Tests.Scalars;

using Amplify.DataStore;

/// <summary>
/// The shared AWS scalar cases (tests/Common/AwsScalarCases.cs) saved through the store (LiteDB, outbox on, as under
/// the sync engine): the store accepts exactly what the backend and the schema's <c>@default</c> check accept, so
/// nothing it saves can sit in the outbox forever. String scalars are set as text and checked by the save;
/// temporal scalars and AWSTimestamp are typed, so their text must parse before there is a value to save.
/// </summary>
public sealed class AwsScalarCaseTests
{
    private TestDirectory _dir = null!;
    private DataStore _store = null!;

    [OneTimeSetUp]
    public async Task OpenAsync()
    {
        _dir = new TestDirectory();
        _store = await DataStore.OpenAsync(AmplifyModels.Schema, o => { o.UseStorageAdapter(TestAdapters.LiteDb(_dir.File())); o.OutboxEnabled = true; });
    }

    [OneTimeTearDown]
    public async Task CloseAsync()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    private static IEnumerable<TestCaseData> Cases()
        => AwsScalarCases.All.Select(c => new TestCaseData(c).SetName("store " + c));

    [TestCaseSource(nameof(Cases))]
    public async Task A_save_is_accepted_exactly_when_the_shared_rule_accepts_it(AwsScalarCase c)
    {
        ScalarHolder? item = c.Scalar switch
        {
            "AWSDate" => AwsDate.TryParse(c.Text, out var v) ? new ScalarHolder { Day = v } : null,
            "AWSTime" => AwsTime.TryParse(c.Text, out var v) ? new ScalarHolder { Clock = v } : null,
            "AWSDateTime" => AwsDateTime.TryParse(c.Text, out var v) ? new ScalarHolder { At = v } : null,
            "AWSTimestamp" => AwsTimestamp.TryParse(c.Text, out var v) ? new ScalarHolder { Stamp = v } : null,
            "AWSEmail" => new ScalarHolder { Email = c.Text },
            "AWSURL" => new ScalarHolder { Url = c.Text },
            "AWSPhone" => new ScalarHolder { Phone = c.Text },
            "AWSIPAddress" => new ScalarHolder { Ip = c.Text },
            "AWSJSON" => AwsJson.TryParse(c.Text, out var v) ? new ScalarHolder { Json = v } : null,
            _ => throw new ArgumentOutOfRangeException(nameof(c), c.Scalar, "no field of this scalar in the test schema"),
        };

        if (!c.Accepted)
        {
            if (item is null) return; // a typed scalar: the text did not parse, so no value exists to save
            var ex = Assert.ThrowsAsync<DataStoreValidationException>(() => _store.SaveAsync(item));
            Assert.That(ex!.Message, Does.StartWith("ScalarHolder.").And.Contain($"is not a valid {c.Scalar}"));
            Assert.That(await _store.QueryByIdAsync<ScalarHolder>(item.Id), Is.Null, "nothing was stored");
            return;
        }

        Assert.That(item, Is.Not.Null, "the typed value parses");
        await _store.SaveAsync(item!);
        var stored = await _store.QueryByIdAsync<ScalarHolder>(item!.Id);
        Assert.That(stored, Is.EqualTo(item));
        if (c.Scalar == "AWSJSON")
        {
            // Stored in canonical form (no insignificant whitespace): the same JSON value.
            Assert.That(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(stored!.Json!.Value.ToString()), System.Text.Json.Nodes.JsonNode.Parse(c.Text)), Is.True);
            return;
        }
        Assert.That(WrittenText(stored!, c.Scalar), Is.EqualTo(c.Text), "kept verbatim");
    }

    private static string? WrittenText(ScalarHolder item, string scalar) => scalar switch
    {
        "AWSDate" => item.Day?.ToString(),
        "AWSTime" => item.Clock?.ToString(),
        "AWSDateTime" => item.At?.ToString(),
        "AWSTimestamp" => item.Stamp?.ToString(),
        "AWSEmail" => item.Email,
        "AWSURL" => item.Url,
        "AWSPhone" => item.Phone,
        _ => item.Ip,
    };
}
