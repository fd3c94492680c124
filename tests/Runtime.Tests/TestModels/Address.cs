using Amplify.DataStore.Serialization;

namespace Amplify.DataStore.Runtime.Tests.TestModels;

/// <summary>An embedded type (<c>type Address { street: String! city: String geo: Geo }</c>), written like generated code.</summary>
public sealed record Address : IEmbeddedModel<Address>
{
    public required string Street { get; init; }

    public string? City { get; init; }

    public Geo? Geo { get; init; }

    static void IEmbeddedModel<Address>.Write(Address model, IModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(model);
        writer.WriteStartObject();
        writer.WritePropertyName("street");
        writer.WriteString(model.Street);
        writer.WritePropertyName("city");
        if (model.City is { } city) writer.WriteString(city);
        else writer.WriteNull();
        writer.WritePropertyName("geo");
        if (model.Geo is { } geo) EmbeddedCodec.Write(geo, writer);
        else writer.WriteNull();
        writer.WriteEndObject();
    }

    static Address IEmbeddedModel<Address>.Read(IModelReader reader)
    {
        string? street = null, city = null;
        Geo? geo = null;
        reader.ReadStartObject();
        while (reader.TryReadPropertyName(out var name))
        {
            switch (name)
            {
                case "street": street = reader.TryReadNull() ? null : reader.ReadString(); break;
                case "city": city = reader.TryReadNull() ? null : reader.ReadString(); break;
                case "geo": geo = reader.TryReadNull() ? null : EmbeddedCodec.Read<Geo>(reader); break;
                default: reader.Skip(); break;
            }
        }
        return new Address
        {
            Street = street ?? throw ModelSerializationException.MissingRequired("Address", "street"),
            City = city,
            Geo = geo,
        };
    }
}
