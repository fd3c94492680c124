using Amplify.DataStore.Metadata;
using Amplify.DataStore.Serialization;
using Amplify.DataStore.Storage;

namespace Amplify.DataStore.Runtime.Tests.Storage.Models;

/// <summary>
/// A composite-key model: <c>type Order @model { customerId: ID! @primaryKey(sortKeyFields: ["placedAt", "line"])
/// placedAt: AWSDateTime! line: Int! total: Float note: String }</c>, written like generated code.
/// </summary>
public sealed record Order : IModel<Order>
{
    public required string CustomerId { get; init; }

    public required AwsDateTime PlacedAt { get; init; }

    public required int Line { get; init; }

    public double? Total { get; init; }

    public string? Note { get; init; }

    public static ModelMetadata Metadata { get; } = new()
    {
        Name = "Order",
        PluralName = "Orders",
        PrimaryKey = new PrimaryKeyMetadata { Fields = ["customerId", "placedAt", "line"], IsCustom = true },
        Codec = ModelCodec<Order>.Instance,
        Fields =
        [
            TestFields.Scalar("customerId", "CustomerId", ScalarType.ID, required: true),
            TestFields.Scalar("placedAt", "PlacedAt", ScalarType.AWSDateTime, required: true),
            TestFields.Scalar("line", "Line", ScalarType.Int, required: true),
            TestFields.Scalar("total", "Total", ScalarType.Float),
            TestFields.Scalar("note", "Note", ScalarType.String),
        ],
    };

    internal StorageKey Key => new([FieldValue.From(CustomerId), FieldValue.From(PlacedAt), FieldValue.From(Line)]);

    static ModelMetadata IModel<Order>.Metadata => Metadata;

    static void IModel<Order>.Write(Order model, IModelWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("customerId");
        writer.WriteString(model.CustomerId);
        writer.WritePropertyName("placedAt");
        writer.WriteDateTime(model.PlacedAt);
        writer.WritePropertyName("line");
        writer.WriteInt32(model.Line);
        writer.WritePropertyName("total");
        if (model.Total is { } total) writer.WriteDouble(total); else writer.WriteNull();
        writer.WritePropertyName("note");
        if (model.Note is { } note) writer.WriteString(note); else writer.WriteNull();
        writer.WriteEndObject();
    }

    static Order IModel<Order>.Read(IModelReader reader)
    {
        string? customerId = null, note = null;
        AwsDateTime? placedAt = null;
        int? line = null;
        double? total = null;
        reader.ReadStartObject();
        while (reader.TryReadPropertyName(out var property))
        {
            switch (property)
            {
                case "customerId": customerId = reader.TryReadNull() ? null : reader.ReadString(); break;
                case "placedAt": placedAt = reader.TryReadNull() ? null : reader.ReadDateTime(); break;
                case "line": line = reader.TryReadNull() ? null : reader.ReadInt32(); break;
                case "total": total = reader.TryReadNull() ? null : reader.ReadDouble(); break;
                case "note": note = reader.TryReadNull() ? null : reader.ReadString(); break;
                default: reader.Skip(); break;
            }
        }
        return new Order
        {
            CustomerId = customerId ?? throw ModelSerializationException.MissingRequired("Order", "customerId"),
            PlacedAt = placedAt ?? throw ModelSerializationException.MissingRequired("Order", "placedAt"),
            Line = line ?? throw ModelSerializationException.MissingRequired("Order", "line"),
            Total = total,
            Note = note,
        };
    }

    static FieldValue IModel<Order>.GetFieldValue(Order model, string fieldName) => fieldName switch
    {
        "customerId" => FieldValue.From(model.CustomerId),
        "placedAt" => FieldValue.From(model.PlacedAt),
        "line" => FieldValue.From(model.Line),
        "total" => FieldValue.From(model.Total),
        "note" => FieldValue.From(model.Note),
        _ => throw new ArgumentException("Model 'Order' has no field '" + fieldName + "'.", nameof(fieldName)),
    };

    static FieldValue IModel<Order>.ConvertValue(string fieldName, object? value) => value switch
    {
        null => FieldValue.Null,
        string v => FieldValue.From(v),
        int v => FieldValue.From(v),
        double v => FieldValue.From(v),
        AwsDateTime v => FieldValue.From(v),
        _ => throw new ArgumentException($"Unsupported value for Order.{fieldName}.", nameof(value)),
    };
}
