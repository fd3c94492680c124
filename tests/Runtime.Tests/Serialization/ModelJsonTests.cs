using System.Text;
using System.Text.Json;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Serialization;
using Amplify.DataStore.Runtime.Tests.TestModels;

namespace Amplify.DataStore.Runtime.Tests.Serialization;

public class ModelJsonTests
{
    internal static Sample Full() => new()
    {
        Id = "s-1",
        Name = "Ünïcode \"quoted\" <tag> 😀",
        Count = -42,
        Rating = 0.1,
        Active = true,
        Day = AwsDate.Parse("0044-03-15"),
        Time = AwsTime.Parse("12:30:24.5+05:30:00"),
        At = AwsDateTime.Parse("2026-11-25T01:02:03.123456789+05:30"),
        Stamp = AwsTimestamp.FromUnixTimeSeconds(1_700_000_000),
        Data = AwsJson.Parse("{\"a\": [1, {\"b\": null}], \"c\": \"x\"}"),
        Email = "user@example.com",
        Tags = ["a", "b", "c"],
        Scores = [1, null, 3],
        Address = new Address { Street = "1 Main", City = "Springfield", Geo = new Geo { Lat = 1.5, Lon = -2.25 } },
        History = [new Address { Street = "Old" }, new Address { Street = "Older", Geo = new Geo { Lat = 0, Lon = 0 } }],
        Payloads = [AwsJson.Parse("1"), AwsJson.Parse("\"s\""), AwsJson.Parse("[ ]")],
    };

    private const string FullJson =
        """{"id":"s-1","name":"Ünïcode \"quoted\" <tag> \uD83D\uDE00","count":-42,"rating":0.1,"active":true,"day":"0044-03-15","time":"12:30:24.5+05:30:00","at":"2026-11-25T01:02:03.123456789+05:30","stamp":1700000000,"data":"{\"a\":[1,{\"b\":null}],\"c\":\"x\"}","email":"user@example.com","tags":["a","b","c"],"scores":[1,null,3],"address":{"street":"1 Main","city":"Springfield","geo":{"lat":1.5,"lon":-2.25}},"history":[{"street":"Old","city":null,"geo":null},{"street":"Older","city":null,"geo":{"lat":0,"lon":0}}],"payloads":["1","\"s\"","[]"]}""";

    private const string MinimalJson =
        """{"id":"m","name":"n","count":null,"rating":null,"active":null,"day":null,"time":null,"at":null,"stamp":null,"data":null,"email":null,"tags":null,"scores":null,"address":null,"history":null,"payloads":null}""";

    [Test]
    public void Serialize_WritesAppSyncJson()
    {
        Assert.That(ModelJson.Serialize(Full()), Is.EqualTo(FullJson));
        Assert.That(ModelJson.Serialize(new Sample { Id = "m", Name = "n" }), Is.EqualTo(MinimalJson));
    }

    [Test]
    public void RoundTrip_PreservesEveryValue()
    {
        var model = Full();

        var back = ModelJson.Deserialize<Sample>(ModelJson.Serialize(model));

        Assert.That(back, Is.EqualTo(model));
        Assert.That(back.At.ToString(), Is.EqualTo("2026-11-25T01:02:03.123456789+05:30"));
        Assert.That(back.Time.ToString(), Is.EqualTo("12:30:24.5+05:30:00"));
        Assert.That(back.Data!.Value.ToString(), Is.EqualTo("{\"a\":[1,{\"b\":null}],\"c\":\"x\"}"));
        Assert.That(back.History![1].Geo, Is.EqualTo(new Geo { Lat = 0, Lon = 0 }));
        Assert.That(ModelJson.Serialize(back), Is.EqualTo(FullJson));
    }

    [Test]
    public void RoundTrip_NullsAndEmptyLists()
    {
        var model = new Sample { Id = "m", Name = "", Tags = [], Scores = [null], History = [] };

        var back = ModelJson.Deserialize<Sample>(ModelJson.Serialize(model));

        Assert.That(back, Is.EqualTo(model));
        Assert.That(back.Tags, Is.SameAs(ValueList<string>.Empty));
        Assert.That(back.Count, Is.Null);
    }

    [TestCase(0.1)]
    [TestCase(-0.0)]
    [TestCase(1e300)]
    [TestCase(-1e-300)]
    [TestCase(double.Epsilon)]
    [TestCase(double.MaxValue)]
    [TestCase(double.MinValue)]
    [TestCase(123456789.123456789)]
    [TestCase(1.0 / 3.0)]
    [TestCase(9007199254740993.0)]
    public void Doubles_RoundTripExactly(double value)
    {
        var back = ModelJson.Deserialize<Sample>(ModelJson.Serialize(new Sample { Id = "d", Name = "n", Rating = value }));

        Assert.That(BitConverter.DoubleToInt64Bits(back.Rating!.Value), Is.EqualTo(BitConverter.DoubleToInt64Bits(value)));
    }

    [TestCase(double.NaN, "NaN")]
    [TestCase(double.PositiveInfinity, "Infinity")]
    [TestCase(double.NegativeInfinity, "-Infinity")]
    public void NonFiniteDoubles_CannotBeWritten(double value, string shown)
    {
        var ex = Assert.Throws<ModelSerializationException>(() => ModelJson.Serialize(new Sample { Id = "d", Name = "n", Rating = value }));

        Assert.That(ex!.Path, Is.EqualTo("$.rating"));
        Assert.That(ex.Message, Does.Contain("JSON has no NaN or Infinity"));
        Assert.That(ex.Message, Does.StartWith($"The Float value {shown} cannot be written"));
    }

    [Test]
    public void NonFiniteDoubles_DeepInArrays_ReportTheirPath()
    {
        var model = Full() with { History = [new Address { Street = "a" }, new Address { Street = "b", Geo = new Geo { Lat = double.NaN, Lon = 0 } }] };

        var ex = Assert.Throws<ModelSerializationException>(() => ModelJson.Serialize(model));

        Assert.That(ex!.Path, Is.EqualTo("$.history[1].geo.lat"));
        Assert.That(ex.Message, Does.EndWith("(at $.history[1].geo.lat)"));
        Assert.That(ModelJson.Serialize(Full()), Is.EqualTo(FullJson), "the cached writer recovers after a failure");
    }

    [Test]
    public void Deserialize_AllInputForms()
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(FullJson);
        var expected = Full();

        Assert.That(ModelJson.Deserialize<Sample>(FullJson), Is.EqualTo(expected));
        Assert.That(ModelJson.Deserialize<Sample>(utf8), Is.EqualTo(expected));
        Assert.That(ModelJson.Deserialize<Sample>(utf8.AsSpan()), Is.EqualTo(expected));
        Assert.That(ModelJson.Deserialize<Sample>(new ReadOnlyMemory<byte>(utf8)), Is.EqualTo(expected));
        Assert.That(ModelJson.Deserialize<Sample>([0xEF, 0xBB, 0xBF, .. utf8]), Is.EqualTo(expected), "byte-order mark");
        Assert.That(ModelJson.SerializeToUtf8Bytes(expected), Is.EqualTo(utf8));
    }

    [Test]
    public void Deserialize_AcceptsAppSyncResponses_SkippingUnknownFields()
    {
        const string json = """
            {
              "__typename": "Sample",
              "id": "1",
              "name": "from AppSync",
              "data": "{\"x\":[1,2]}",
              "stamp": 1700000000,
              "at": "2026-11-25T01:02:03.123Z",
              "nested": { "a": [1, { "b": [true, null] }], "c": {} },
              "grid": [[1, 2], [], [[3]]],
              "_version": 3,
              "_deleted": null,
              "_lastChangedAt": 1700000000123,
              "createdAt": "2026-11-25T01:02:03.123Z"
            }
            """;

        var model = ModelJson.Deserialize<Sample>(json);

        Assert.That(model.Id, Is.EqualTo("1"));
        Assert.That(model.Name, Is.EqualTo("from AppSync"));
        Assert.That(model.Data, Is.EqualTo(AwsJson.Parse("{\"x\": [1, 2]}")));
        Assert.That(model.Stamp, Is.EqualTo(AwsTimestamp.FromUnixTimeSeconds(1_700_000_000)));
        Assert.That(model.At, Is.EqualTo(AwsDateTime.Parse("2026-11-25T01:02:03.123Z")));
    }

    [Test]
    public void Deserialize_AwsJson_AcceptsRawValuesLeniently()
    {
        var model = ModelJson.Deserialize<Sample>("""{"id":"1","name":"n","data":{ "a" : [1, "x"] },"payloads":[5, true, false, [1, 2], "\"str\"", "{\"k\": 1}"]}""");

        Assert.That(model.Data.ToString(), Is.EqualTo("{\"a\":[1,\"x\"]}"));
        Assert.That(model.Payloads!.Select(p => p.ToString()), Is.EqualTo(new[] { "5", "true", "false", "[1,2]", "\"str\"", "{\"k\":1}" }));
        Assert.That(ModelJson.Deserialize<Sample>("""{"id":"1","name":"n","data":null}""").Data, Is.Null, "null is no value, not the JSON null");
    }

    [Test]
    public void Deserialize_AwsJson_UnescapesTheStringFirst()
    {
        var model = ModelJson.Deserialize<Sample>("""{"id":"1","name":"n","data":"{\"t\":\"\\u00e9\\n\",\"u\":\"\u00e9\"}"}""");

        Assert.That(model.Data.ToString(), Is.EqualTo("{\"t\":\"é\\n\",\"u\":\"é\"}"));
    }

    [Test]
    public void Write_NestsInsideAnOuterDocument()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("input");
            ModelJson.Write(new Sample { Id = "m", Name = "n" }, writer);
            writer.WriteEndObject();
        }

        Assert.That(Encoding.UTF8.GetString(buffer.WrittenSpan), Is.EqualTo("{\"input\":" + MinimalJson + "}"));
    }

    [Test]
    public void Codec_AndFieldValues_WorkThroughMetadata()
    {
        var metadata = MetadataOf<Sample>();
        var model = Full();

        Assert.That(metadata.Codec.ClrType, Is.EqualTo(typeof(Sample)));
        Assert.That(metadata.GetField("email").Scalar, Is.EqualTo(ScalarType.AWSEmail));
        Assert.That(metadata.Codec.GetFieldValue(model, "count").AsInteger(), Is.EqualTo(-42));
        Assert.That(metadata.Codec.GetFieldValue(model, "stamp").AsInteger(), Is.EqualTo(1_700_000_000));
        Assert.That(metadata.Codec.GetFieldValue(model, "data").AsString(), Is.EqualTo("{\"a\":[1,{\"b\":null}],\"c\":\"x\"}"));
        Assert.That(metadata.Codec.GetFieldValue(model, "tags").AsList(), Has.Count.EqualTo(3));

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            metadata.Codec.Write(model, new JsonModelWriter(writer));
        }
        Assert.That(metadata.Codec.Read(new JsonModelReader(buffer.WrittenMemory)), Is.EqualTo(model));
    }

    private static ModelMetadata MetadataOf<T>() where T : class, IModel<T> => T.Metadata;
}
