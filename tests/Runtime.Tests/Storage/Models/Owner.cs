using Amplify.DataStore.Metadata;
using Amplify.DataStore.Serialization;

namespace Amplify.DataStore.Runtime.Tests.Storage.Models;

/// <summary><c>type Owner @model { id: ID! name: String! items: [Item] @hasMany(fields: ["ownerId"]) }</c>, written like generated code.</summary>
public sealed record Owner : IModel<Owner>
{
    public string Id { get; init; } = ModelId.NewId();

    public required string Name { get; init; }

    public static ModelMetadata Metadata { get; } = new()
    {
        Name = "Owner",
        PluralName = "Owners",
        PrimaryKey = new PrimaryKeyMetadata { Fields = ["id"] },
        Codec = ModelCodec<Owner>.Instance,
        Fields =
        [
            TestFields.Scalar("id", "Id", ScalarType.ID, required: true),
            TestFields.Scalar("name", "Name", ScalarType.String, required: true),
            TestFields.HasMany("items", "Items", "Item", ["ownerId"]),
        ],
    };

    static ModelMetadata IModel<Owner>.Metadata => Metadata;

    static void IModel<Owner>.Write(Owner model, IModelWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("id");
        writer.WriteString(model.Id);
        writer.WritePropertyName("name");
        writer.WriteString(model.Name);
        writer.WriteEndObject();
    }

    static Owner IModel<Owner>.Read(IModelReader reader)
    {
        string? id = null, name = null;
        reader.ReadStartObject();
        while (reader.TryReadPropertyName(out var property))
        {
            switch (property)
            {
                case "id": id = reader.TryReadNull() ? null : reader.ReadString(); break;
                case "name": name = reader.TryReadNull() ? null : reader.ReadString(); break;
                default: reader.Skip(); break;
            }
        }
        return new Owner
        {
            Id = id ?? throw ModelSerializationException.MissingRequired("Owner", "id"),
            Name = name ?? throw ModelSerializationException.MissingRequired("Owner", "name"),
        };
    }

    static FieldValue IModel<Owner>.GetFieldValue(Owner model, string fieldName) => fieldName switch
    {
        "id" => FieldValue.From(model.Id),
        "name" => FieldValue.From(model.Name),
        "items" => FieldValue.Null,
        _ => throw new ArgumentException("Model 'Owner' has no field '" + fieldName + "'.", nameof(fieldName)),
    };

    static FieldValue IModel<Owner>.ConvertValue(string fieldName, object? value)
        => value is string s ? FieldValue.From(s) : FieldValue.Null;
}
