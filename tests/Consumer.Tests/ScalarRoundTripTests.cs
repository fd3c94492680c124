using System.Text.Json.Nodes;
using Amplify.DataStore;
using Amplify.DataStore.Serialization;
using Consumer.Models;
using NUnit.Framework;

namespace Consumer;

/// <summary>Every AWS scalar format survives a round trip through the generated JSON read/write code.</summary>
public class ScalarRoundTripTests
{
    private const string Required = """
        {
          "id": "e1", "requiredString": "s", "requiredInt": 1, "requiredDateTime": "2026-11-25T01:02:03Z",
          "requiredColor": "RED", "address": { "street": "1 Main St", "city": "Springfield" },
          "requiredStrings": [], "requiredStringsOfRequired": [], "requiredInts": [], "requiredIntsOfRequired": [],
          "requiredFloats": [], "requiredFloatsOfRequired": [], "requiredBooleans": [], "requiredBooleansOfRequired": [],
          "requiredDates": [], "requiredDatesOfRequired": [], "timestamps": [], "urls": [], "ids": [],
          "requiredColors": [], "requiredAddresses": []
        }
        """;

    /// <summary>Reads <see cref="Required"/> with <paramref name="field"/> set, writes it back and returns the written value.</summary>
    private static JsonNode? RoundTrip(string field, JsonNode? value, out Everything model)
    {
        var input = JsonNode.Parse(Required)!.AsObject();
        input[field] = value;
        model = ModelJson.Deserialize<Everything>(input.ToJsonString());
        var written = JsonNode.Parse(ModelJson.Serialize(model))!.AsObject();
        Assert.That(ModelJson.Deserialize<Everything>(written.ToJsonString()), Is.EqualTo(model), "read(write(x)) == x");
        return written[field];
    }

    [TestCase("aDate", "1970-01-01")]
    [TestCase("aDate", "1970-01-01Z")]
    [TestCase("aDate", "1970-01-01-07:00")]
    [TestCase("aDate", "1970-01-01+05:30")]
    [TestCase("aDate", "1970-01-01+05:30:15")]
    [TestCase("aDate", "2024-02-29")]
    [TestCase("aDate", "0000-01-01")]
    [TestCase("aTime", "12:30")]
    [TestCase("aTime", "12:30Z")]
    [TestCase("aTime", "12:30:24-07:00")]
    [TestCase("aTime", "12:30:24.500+05:30")]
    [TestCase("aTime", "12:30:24.5+05:30:00")]
    [TestCase("aTime", "23:59:59.999999999")]
    [TestCase("aDateTime", "1930-01-01T16:00-08:00")]
    [TestCase("aDateTime", "1970-01-01T12:00:00.2Z")]
    [TestCase("aDateTime", "2026-11-25T01:02:03.123456789+05:30")]
    [TestCase("aDateTime", "2026-11-25T01:02:03+00:00")]
    [TestCase("aDateTime", "2026-11-25T01:02:03-00:00")]
    [TestCase("anEmail", "someone@example.com")]
    [TestCase("aUrl", "https://example.com/path?q=1#frag")]
    [TestCase("aPhone", "+1 (206) 555-0100")]
    [TestCase("anIp", "192.168.0.1")]
    [TestCase("anIp", "2001:db8::1/64")]
    [TestCase("anId", "any string id")]
    public void String_formatted_scalars_keep_their_exact_wire_text(string field, string wire)
    {
        var written = RoundTrip(field, JsonValue.Create(wire), out _);
        Assert.That(written!.GetValue<string>(), Is.EqualTo(wire));
    }

    [TestCase(0L)]
    [TestCase(1764032523L)]
    [TestCase(-86400L)]
    [TestCase(253402300799L)]
    public void Timestamps_are_json_numbers_of_seconds(long seconds)
    {
        var written = RoundTrip("aTimestamp", JsonValue.Create(seconds), out var model);
        Assert.That(written!.GetValue<long>(), Is.EqualTo(seconds));
        Assert.That(model.ATimestamp!.Value.UnixTimeSeconds, Is.EqualTo(seconds));
    }

    [TestCase("{\"a\":1,\"b\":[true,null,\"x\"]}")]
    [TestCase("[1,2,3]")]
    [TestCase("\"just a string\"")]
    [TestCase("42")]
    [TestCase("null")]
    public void Json_values_travel_as_a_string_of_json_text(string json)
    {
        var written = RoundTrip("aJson", JsonValue.Create(json), out var model);
        Assert.That(written!.GetValue<string>(), Is.EqualTo(json), "AppSync sends AWSJSON as a string");
        Assert.That(model.AJson!.Value.ToString(), Is.EqualTo(json));
    }

    [Test]
    public void Numbers_booleans_enums_and_embedded_types_round_trip()
    {
        RoundTrip("aFloat", JsonValue.Create(0.1 + 0.2), out var m1);
        Assert.That(m1.AFloat, Is.EqualTo(0.1 + 0.2));
        RoundTrip("anInt", JsonValue.Create(int.MinValue), out var m2);
        Assert.That(m2.AnInt, Is.EqualTo(int.MinValue));
        RoundTrip("aBoolean", JsonValue.Create(false), out var m3);
        Assert.That(m3.ABoolean, Is.False);
        var color = RoundTrip("color", JsonValue.Create("GREEN"), out var m4);
        Assert.That(m4.Color, Is.EqualTo(Color.Green));
        Assert.That(color!.GetValue<string>(), Is.EqualTo("GREEN"));
        RoundTrip("dimensions", JsonNode.Parse("{\"width\":1.5,\"height\":2,\"unit\":null}"), out var m5);
        Assert.That(m5.Dimensions, Is.EqualTo(new Dimensions { Width = 1.5, Height = 2 }));
    }

    [Test]
    public void Lists_keep_null_elements_and_compare_by_value()
    {
        RoundTrip("strings", JsonNode.Parse("[\"a\",null,\"c\"]"), out var m1);
        Assert.That(m1.Strings, Is.EqualTo(new string?[] { "a", null, "c" }));
        RoundTrip("ints", JsonNode.Parse("[1,null,3]"), out var m2);
        Assert.That(m2.Ints, Is.EqualTo(new int?[] { 1, null, 3 }));
        RoundTrip("addresses", JsonNode.Parse("[{\"street\":\"s\",\"city\":\"c\",\"tags\":[\"x\"]},null]"), out var m3);
        Assert.That(m3.Addresses![0]!.Tags, Is.EqualTo(new[] { "x" }));
        var copy = m3 with { Addresses = [new Address { Street = "s", City = "c", Tags = ["x"] }, null] };
        Assert.That(copy, Is.EqualTo(m3), "lists compare by content");
        Assert.That(copy.GetHashCode(), Is.EqualTo(m3.GetHashCode()));
    }

    [TestCase("aDate", "2023-02-29", "AWSDate")]
    [TestCase("aTime", "24:00", "AWSTime")]
    [TestCase("aDateTime", "2026-11-25T01:02:03", "AWSDateTime")]
    [TestCase("anEmail", "not-an-email", "AWSEmail")]
    [TestCase("aUrl", "example.com", "AWSURL")]
    [TestCase("anIp", "300.1.1.1", "AWSIPAddress")]
    [TestCase("aJson", "{not json", "AWSJSON")]
    public void Invalid_scalars_are_rejected_naming_the_field(string field, string wire, string scalar)
    {
        var input = JsonNode.Parse(Required)!.AsObject();
        input[field] = JsonValue.Create(wire);
        var ex = Assert.Throws<ModelSerializationException>(() => ModelJson.Deserialize<Everything>(input.ToJsonString()));
        Assert.That(ex!.Message, Does.Contain(field).And.Contain(scalar), ex.Message);
    }

    [Test]
    public void Required_list_elements_reject_null()
    {
        var input = JsonNode.Parse(Required)!.AsObject();
        input["requiredIntsOfRequired"] = JsonNode.Parse("[1,null]");
        var ex = Assert.Throws<ModelSerializationException>(() => ModelJson.Deserialize<Everything>(input.ToJsonString()));
        Assert.That(ex!.Message, Does.Contain("Everything.requiredIntsOfRequired[]"));
    }
}
