using System.Text;
using System.Text.Json;
using Amplify.DataStore.Serialization;

namespace Amplify.DataStore.Runtime.Tests.Serialization;

public class JsonModelWriterTests
{
    private static string Write(Action<JsonModelWriter> write, JsonWriterOptions options = default)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            write(new JsonModelWriter(json));
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Test]
    public void Scalars_UseTheAppSyncWireForms()
    {
        var relaxed = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        string json = Write(w =>
        {
            w.WriteStartArray();
            w.WriteDate(AwsDate.Parse("1970-01-01-07:00"));
            w.WriteTime(AwsTime.Parse("12:30:24.5+05:30:00"));
            w.WriteDateTime(AwsDateTime.Parse("1930-01-01T16:00-08:00"));
            w.WriteTimestamp(AwsTimestamp.FromUnixTimeSeconds(-5));
            w.WriteJson(AwsJson.Parse("{\"a\": [1, \"b\"]}"));
            w.WriteJson(AwsJson.Null);
            w.WriteInt32(int.MinValue);
            w.WriteDouble(0.1);
            w.WriteDouble(-0.0);
            w.WriteBoolean(false);
            w.WriteNull();
            w.WriteString("s");
            w.WriteEndArray();
        }, relaxed);

        Assert.That(json, Is.EqualTo("""["1970-01-01-07:00","12:30:24.5+05:30:00","1930-01-01T16:00-08:00",-5,"{\"a\":[1,\"b\"]}","null",-2147483648,0.1,-0,false,null,"s"]"""));
    }

    [Test]
    public void Works_WithTheDefaultEncoder_Too()
    {
        string json = Write(w => w.WriteString("é<"));

        Assert.That(json, Is.EqualTo("\"\\u00E9\\u003C\""));
        Assert.That(JsonDocument.Parse(json).RootElement.GetString(), Is.EqualTo("é<"));
    }

    [Test]
    public void Path_TracksObjectsAndArrays()
    {
        var paths = new List<string>();
        Write(w =>
        {
            w.WriteStartObject();
            paths.Add(w.Path);
            w.WritePropertyName("items");
            w.WriteStartArray();
            w.WriteInt32(1);
            paths.Add(w.Path);
            w.WriteStartObject();
            w.WritePropertyName("name with space");
            w.WriteString("x");
            paths.Add(w.Path);
            w.WriteEndObject();
            paths.Add(w.Path);
            w.WriteEndArray();
            w.WritePropertyName("next");
            w.WriteNull();
            paths.Add(w.Path);
            w.WriteEndObject();
        });

        Assert.That(paths, Is.EqualTo(new[] { "$", "$.items[0]", "$.items[1]['name with space']", "$.items[1]", "$.next" }));
    }

    [Test]
    public void WriteDouble_RejectsNonFinite_WithPath()
    {
        var ex = Assert.Throws<ModelSerializationException>(() => Write(w =>
        {
            w.WriteStartArray();
            w.WriteDouble(1);
            w.WriteDouble(double.PositiveInfinity);
        }));

        Assert.That(ex!.Path, Is.EqualTo("$[1]"));
        Assert.That(ex.Message, Is.EqualTo("The Float value Infinity cannot be written: JSON has no NaN or Infinity. (at $[1])"));
    }

    // Attribute arguments cannot carry lone surrogates (they are stored as UTF-8), so the cases name the code units.
    [TestCase(new[] { 0xD800 }, 0)]
    [TestCase(new[] { 'a', 'b', 0xDC00 }, 2)]
    [TestCase(new[] { 0xDC00, 0xD800 }, 0)]
    [TestCase(new[] { 0xD83D, 0xDE00, 0xD83D }, 2)]
    public void WriteString_RejectsLoneSurrogates_WithPath(int[] codeUnits, int index)
    {
        var text = new string(codeUnits.Select(c => (char)c).ToArray());
        var hex = codeUnits[index].ToString("X4");
        var ex = Assert.Throws<ModelSerializationException>(() => Write(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("tags");
            w.WriteStartArray();
            w.WriteString("fine \uD83D\uDE00");
            w.WriteString(text);
        }));

        Assert.That(ex!.Path, Is.EqualTo("$.tags[1]"));
        Assert.That(ex.Message, Is.EqualTo($"The string contains a lone UTF-16 surrogate (\\u{hex} at index {index}), which is not valid Unicode text and cannot be encoded as UTF-8. (at $.tags[1])"));
    }

    [Test]
    public void NullArguments_AreRejected()
    {
        Assert.Throws<ArgumentNullException>(() => _ = new JsonModelWriter(null!));
        Assert.Throws<ArgumentNullException>(() => Write(w => w.WriteString(null!)));
        Assert.Throws<ArgumentNullException>(() => Write(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName(null!);
        }));
    }
}
