using System.Text;
using Amplify.DataStore.Serialization;
using Amplify.DataStore.Runtime.Tests.TestModels;

namespace Amplify.DataStore.Runtime.Tests.Serialization;

public class JsonModelReaderTests
{
    private static ModelSerializationException Fails(string json)
        => Assert.Throws<ModelSerializationException>(() => ModelJson.Deserialize<Sample>(json))!;

    private static JsonModelReader Reader(string json) => new(Encoding.UTF8.GetBytes(json));

    [TestCase("""{"id":"1","name":"n","tags":["a","b",3]}""", "$.tags[2]", "Expected a string but found the number 3.")]
    [TestCase("""{"id":"1","name":"n","address":{"street":"s","city":5}}""", "$.address.city", "Expected a string but found the number 5.")]
    [TestCase("""{"id":"1","name":"n","history":[{"street":"a"},{"street":"b","geo":{"lat":"x","lon":1}}]}""", "$.history[1].geo.lat", "Expected a Float (number) but found the string 'x'.")]
    [TestCase("""{"id":"1","name":"n","count":1.5}""", "$.count", "Expected an Int (32-bit whole number) but found the number 1.5.")]
    [TestCase("""{"id":"1","name":"n","count":1.0}""", "$.count", "Expected an Int (32-bit whole number) but found the number 1.0.")]
    [TestCase("""{"id":"1","name":"n","count":1e2}""", "$.count", "Expected an Int (32-bit whole number) but found the number 1e2.")]
    [TestCase("""{"id":"1","name":"n","count":3000000000}""", "$.count", "The Int value 3000000000 is outside the 32-bit range (-2147483648 to 2147483647).")]
    [TestCase("""{"id":"1","name":"n","count":-2147483649}""", "$.count", "The Int value -2147483649 is outside the 32-bit range")]
    [TestCase("""{"id":"1","name":"n","count":"5"}""", "$.count", "Expected an Int (32-bit whole number) but found the string '5'.")]
    [TestCase("""{"id":"1","name":"n","scores":[1,true]}""", "$.scores[1]", "Expected an Int (32-bit whole number) but found true.")]
    [TestCase("""{"id":"1","name":"n","rating":1e400}""", "$.rating", "The Float value 1e400 is outside the range of a double.")]
    [TestCase("""{"id":"1","name":"n","rating":[]}""", "$.rating", "Expected a Float (number) but found an array.")]
    [TestCase("""{"id":"1","name":"n","active":1}""", "$.active", "Expected a Boolean (true or false) but found the number 1.")]
    [TestCase("""{"id":"1","name":"n","active":"true"}""", "$.active", "Expected a Boolean (true or false) but found the string 'true'.")]
    [TestCase("""{"id":"1","name":"n","day":"2023-02-29"}""", "$.day", "'2023-02-29' is not a valid AWSDate: day 29 does not exist in 2023-02")]
    [TestCase("""{"id":"1","name":"n","day":20230228}""", "$.day", "Expected an AWSDate string but found the number 20230228.")]
    [TestCase("""{"id":"1","name":"n","time":"24:00"}""", "$.time", "'24:00' is not a valid AWSTime: hour 24 is out of range 00-23")]
    [TestCase("""{"id":"1","name":"n","at":"2026-11-25T01:02:03"}""", "$.at", "'2026-11-25T01:02:03' is not a valid AWSDateTime: a time-zone offset (Z or ±hh:mm[:ss]) is required")]
    [TestCase("""{"id":"1","name":"n","stamp":1.5}""", "$.stamp", "Expected an AWSTimestamp (whole seconds since the epoch) but found the number 1.5.")]
    [TestCase("""{"id":"1","name":"n","stamp":"1700000000"}""", "$.stamp", "Expected an AWSTimestamp (number of seconds) but found the string '1700000000'.")]
    [TestCase("""{"id":"1","name":"n","data":"{bad"}""", "$.data", "'{bad' is not a valid AWSJSON:")]
    [TestCase("""{"id":"1","name":"n","data":"{\"a\":1} trailing"}""", "$.data", "is not a valid AWSJSON: 't' is invalid after a single JSON value")]
    [TestCase("""{"id":"1","name":"n","data":""}""", "$.data", "'' is not a valid AWSJSON: the text is empty")]
    [TestCase("""{"id":"1","name":"n","payloads":["1","2",""]}""", "$.payloads[2]", "'' is not a valid AWSJSON")]
    [TestCase("""{"id":"1","name":"n","tags":"a"}""", "$.tags", "Expected an array but found the string 'a'.")]
    [TestCase("""{"id":"1","name":"n","address":[]}""", "$.address", "Expected an object but found an array.")]
    [TestCase("""[]""", "$", "Expected an object but found an array.")]
    [TestCase("""null""", "$", "Expected an object but found null.")]
    public void TypeMismatches_NameThePath(string json, string path, string message)
    {
        var ex = Fails(json);

        Assert.That(ex.Path, Is.EqualTo(path));
        Assert.That(ex.Message, Does.Contain(message));
        Assert.That(ex.Message, Does.EndWith($"(at {path})"));
    }

    [Test]
    public void InvalidEmail_NamesTheField()
    {
        var ex = Fails("""{"id":"1","name":"n","email":"not an email"}""");

        Assert.That(ex.Path, Is.EqualTo("$.email"));
        Assert.That(ex.Message, Does.StartWith("Sample.email has an invalid value:"));
        Assert.That(ex.Message, Does.Contain("'not an email' is not a valid AWSEmail"));
    }

    [Test]
    public void MissingRequired_Fields()
    {
        Assert.That(Fails("""{"id":"1"}""").Message, Does.Contain("Sample.name is required"));
        Assert.That(Fails("""{"id":"1","name":null}""").Message, Does.Contain("Sample.name is required"));
        var ex = Fails("""{"id":"1","name":"n","tags":["a",null]}""");
        Assert.That(ex.Message, Does.Contain("Sample.tags[] is required"));
        Assert.That(ex.Path, Is.EqualTo("$.tags[1]"));
    }

    [TestCase("""{"id":"1","name":""", "Invalid JSON")]
    [TestCase("{\"id\":\"1\",\"name\":\"n\"", "Invalid JSON")]
    [TestCase("""{"id":"1" "name":"n"}""", "Invalid JSON")]
    [TestCase("""{"id":"1","name":"n",}""", "Invalid JSON")]
    [TestCase("""{"id":'1'}""", "Invalid JSON")]
    [TestCase("", "Invalid JSON")]
    [TestCase("""{"id":"1","name":"n"} x""", "Unexpected content after the end of the JSON value")]
    [TestCase("""{"id":"1","name":"n"}{}""", "Unexpected content after the end of the JSON value")]
    [TestCase("""{"id":"1","name":"n","extra":{"a":[1,}}""", "Invalid JSON")]
    public void MalformedJson_IsReported(string json, string message)
    {
        var ex = Fails(json);

        Assert.That(ex.Message, Does.StartWith(message));
        Assert.That(ex.InnerException, Is.Not.Null);
    }

    [Test]
    public void TrailingWhitespace_IsFine()
    {
        Assert.That(ModelJson.Deserialize<Sample>("  {\"id\":\"1\",\"name\":\"n\"} \r\n\t ").Name, Is.EqualTo("n"));
    }

    [Test]
    public void EscapedPropertyNames_AndStrings_AreUnescaped()
    {
        var model = ModelJson.Deserialize<Sample>("""{"\u0069d":"\u0031","name":"tab\tquote\"slash\/é😀"}""");

        Assert.That(model.Id, Is.EqualTo("1"));
        Assert.That(model.Name, Is.EqualTo("tab\tquote\"slash/é😀"));
    }

    [Test]
    public void Path_QuotesPropertyNamesThatAreNotIdentifiers()
    {
        var reader = Reader("""{"a b":{"c":[1,"x"]},"it's":0}""");
        reader.ReadStartObject();
        Assert.That(reader.Path, Is.EqualTo("$"));
        Assert.That(reader.TryReadPropertyName(out var name) && name == "a b", Is.True);
        Assert.That(reader.Path, Is.EqualTo("$['a b']"));
        reader.ReadStartObject();
        reader.TryReadPropertyName(out _);
        reader.ReadStartArray();
        Assert.That(reader.Path, Is.EqualTo("$['a b'].c"));
        Assert.That(reader.HasNextItem(), Is.True);
        Assert.That(reader.Path, Is.EqualTo("$['a b'].c[0]"));
        Assert.That(reader.ReadInt32(), Is.EqualTo(1));
        Assert.That(reader.HasNextItem(), Is.True);

        var ex = Assert.Throws<ModelSerializationException>(() => reader.ReadInt32());

        Assert.That(ex!.Path, Is.EqualTo("$['a b'].c[1]"));
        var other = Reader("""{"it's":0}""");
        other.ReadStartObject();
        other.TryReadPropertyName(out _);
        Assert.That(other.Path, Is.EqualTo("$['it\\'s']"));
    }

    [Test]
    public void Peek_ReportsTheNextValueWithoutConsumingIt()
    {
        var reader = Reader("""[null,"s",1.5,true,false,{},[]]""");
        reader.ReadStartArray();
        var kinds = new List<ModelTokenKind>();
        while (reader.HasNextItem())
        {
            kinds.Add(reader.Peek());
            Assert.That(reader.Peek(), Is.EqualTo(kinds[^1]), "peeking twice is the same");
            reader.Skip();
        }

        Assert.That(kinds, Is.EqualTo(new[]
        {
            ModelTokenKind.Null, ModelTokenKind.String, ModelTokenKind.Number, ModelTokenKind.Boolean,
            ModelTokenKind.Boolean, ModelTokenKind.StartObject, ModelTokenKind.StartArray,
        }));
        reader.EnsureEndOfInput();
    }

    [Test]
    public void Peek_AtEndOfObject_IsOther_AndAtEndOfInput_Throws()
    {
        var reader = Reader("{}");
        reader.ReadStartObject();
        Assert.That(reader.Peek(), Is.EqualTo(ModelTokenKind.Other));
        Assert.That(reader.TryReadPropertyName(out _), Is.False);

        var ex = Assert.Throws<ModelSerializationException>(() => reader.Peek());

        Assert.That(ex!.Message, Does.StartWith("Unexpected end of the JSON input."));
    }

    [Test]
    public void TryReadNull_OnlyConsumesNull()
    {
        var reader = Reader("""[1,null]""");
        reader.ReadStartArray();
        reader.HasNextItem();
        Assert.That(reader.TryReadNull(), Is.False);
        Assert.That(reader.ReadInt32(), Is.EqualTo(1));
        reader.HasNextItem();
        Assert.That(reader.TryReadNull(), Is.True);
        Assert.That(reader.HasNextItem(), Is.False);
    }

    [Test]
    public void Skip_SkipsWholeValues()
    {
        var reader = Reader("""{"a":{"b":[1,{"c":2}],"d":"e"},"f":[[1],[2,[3]]],"g":7}""");
        reader.ReadStartObject();
        reader.TryReadPropertyName(out _);
        reader.Skip();
        reader.TryReadPropertyName(out _);
        reader.Skip();
        Assert.That(reader.TryReadPropertyName(out var name), Is.True);
        Assert.That(name, Is.EqualTo("g"));
        Assert.That(reader.ReadInt32(), Is.EqualTo(7));
        Assert.That(reader.TryReadPropertyName(out _), Is.False);
        reader.EnsureEndOfInput();
    }

    [Test]
    public void ReadInt32_Bounds()
    {
        var reader = Reader("""[2147483647,-2147483648,0,-0]""");
        reader.ReadStartArray();
        var values = new List<int>();
        while (reader.HasNextItem()) values.Add(reader.ReadInt32());

        Assert.That(values, Is.EqualTo(new[] { int.MaxValue, int.MinValue, 0, 0 }));
    }

    [Test]
    public void ReadTimestamp_AndDouble_Bounds()
    {
        var reader = Reader("""[9223372036854775807,-9223372036854775808,1.7976931348623157E+308,5E-324]""");
        reader.ReadStartArray();
        reader.HasNextItem();
        Assert.That(reader.ReadTimestamp().UnixTimeSeconds, Is.EqualTo(long.MaxValue));
        reader.HasNextItem();
        Assert.That(reader.ReadTimestamp().UnixTimeSeconds, Is.EqualTo(long.MinValue));
        reader.HasNextItem();
        Assert.That(reader.ReadDouble(), Is.EqualTo(double.MaxValue));
        reader.HasNextItem();
        Assert.That(reader.ReadDouble(), Is.EqualTo(double.Epsilon));
        Assert.That(reader.HasNextItem(), Is.False);
    }

    [Test]
    public void Comments_AreSkipped_WhenTheOptionsAllowThem()
    {
        var json = Encoding.UTF8.GetBytes("{/* c */\"id\":\"1\", // line\n\"name\":\"n\"}");

        var reader = new JsonModelReader(json, new System.Text.Json.JsonReaderOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Allow });
        reader.ReadStartObject();
        reader.TryReadPropertyName(out var first);
        reader.Skip();
        reader.TryReadPropertyName(out var second);

        Assert.That((first, second), Is.EqualTo(("id", "name")));
        Assert.Throws<ModelSerializationException>(() => ModelJson.Deserialize<Sample>("{/* c */\"id\":\"1\",\"name\":\"n\"}"));
    }

    [Test]
    public void DeepNesting_BeyondTheReaderLimit_IsReported()
    {
        string deep = "{\"id\":\"1\",\"name\":\"n\",\"x\":" + new string('[', 100) + new string(']', 100) + "}";

        var ex = Fails(deep);

        Assert.That(ex.Message, Does.StartWith("Invalid JSON"));
        Assert.That(ex.Message, Does.Contain("depth"));
    }
}
