using Amplify.DataStore.Serialization;
using Amplify.DataStore.Storage.LiteDb;
using Amplify.DataStore.Runtime.Tests.Serialization;
using Amplify.DataStore.Runtime.Tests.TestModels;
using LiteDB;

namespace Amplify.DataStore.Runtime.Tests.Storage.LiteDb;

/// <summary>The BSON writer and reader the LiteDB adapter maps generated models with.</summary>
public class BsonModelCodecTests
{
    private static BsonDocument Write(Sample sample)
    {
        var writer = new BsonModelWriter();
        ModelCodec.Write(sample, writer);
        return writer.Document;
    }

    private static Sample Read(BsonDocument document) => (Sample)ModelCodec.Read(new BsonModelReader(document));

    private static Amplify.DataStore.Metadata.IModelCodec ModelCodec => Amplify.DataStore.Metadata.ModelCodec<Sample>.Instance;

    [Test]
    public void RoundTrip_IsLossless()
    {
        var full = ModelJsonTests.Full();
        var minimal = new Sample { Id = "m", Name = " padded " };
        Assert.That(Read(Write(full)), Is.EqualTo(full));
        Assert.That(Read(Write(minimal)), Is.EqualTo(minimal));
    }

    [Test]
    public void RoundTrip_SurvivesBsonSerialization()
    {
        var full = ModelJsonTests.Full();
        var bytes = BsonSerializer.Serialize(Write(full));
        Assert.That(Read(BsonSerializer.Deserialize(bytes)), Is.EqualTo(full));
    }

    [Test]
    public void Reader_HidesAdapterFields_AndReportsPaths()
    {
        var document = Write(new Sample { Id = "x", Name = "n", Tags = ["a"] });
        document["_id"] = "x";
        Assert.That(Read(document).Id, Is.EqualTo("x"));
        document["tags"] = new BsonArray { "a", 5 };
        var error = Assert.Throws<ModelSerializationException>(() => Read(document));
        Assert.That(error!.Path, Is.EqualTo("$.tags[1]"));
    }

    [Test]
    public void Writer_RejectsReservedTopLevelNames()
    {
        var writer = new BsonModelWriter();
        writer.WriteStartObject();
        Assert.Throws<ModelSerializationException>(() => writer.WritePropertyName("_id"));
    }
}
