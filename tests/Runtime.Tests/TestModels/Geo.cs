using Amplify.DataStore.Serialization;

namespace Amplify.DataStore.Runtime.Tests.TestModels;

/// <summary>A nested embedded type (<c>type Geo { lat: Float! lon: Float! }</c>), written like generated code.</summary>
public sealed record Geo : IEmbeddedModel<Geo>
{
    public required double Lat { get; init; }

    public required double Lon { get; init; }

    static void IEmbeddedModel<Geo>.Write(Geo model, IModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(model);
        writer.WriteStartObject();
        writer.WritePropertyName("lat");
        writer.WriteDouble(model.Lat);
        writer.WritePropertyName("lon");
        writer.WriteDouble(model.Lon);
        writer.WriteEndObject();
    }

    static Geo IEmbeddedModel<Geo>.Read(IModelReader reader)
    {
        double? lat = null, lon = null;
        reader.ReadStartObject();
        while (reader.TryReadPropertyName(out var name))
        {
            switch (name)
            {
                case "lat": lat = reader.TryReadNull() ? null : reader.ReadDouble(); break;
                case "lon": lon = reader.TryReadNull() ? null : reader.ReadDouble(); break;
                default: reader.Skip(); break;
            }
        }
        return new Geo
        {
            Lat = lat ?? throw ModelSerializationException.MissingRequired("Geo", "lat"),
            Lon = lon ?? throw ModelSerializationException.MissingRequired("Geo", "lon"),
        };
    }
}
