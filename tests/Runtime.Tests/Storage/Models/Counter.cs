using Amplify.DataStore.Metadata;
using Amplify.DataStore.Serialization;
using Amplify.DataStore.Storage;

namespace Amplify.DataStore.Runtime.Tests.Storage.Models;

/// <summary>An Int-keyed model: <c>type Counter @model { id: Int! @primaryKey value: Int label: String }</c>, written like generated code.</summary>
public sealed record Counter : IModel<Counter>
{
    public required int Id { get; init; }

    public int? Value { get; init; }

    public string? Label { get; init; }

    public static ModelMetadata Metadata { get; } = new()
    {
        Name = "Counter",
        PluralName = "Counters",
        PrimaryKey = new PrimaryKeyMetadata { Fields = ["id"], IsCustom = true },
        Codec = ModelCodec<Counter>.Instance,
        Fields =
        [
            TestFields.Scalar("id", "Id", ScalarType.Int, required: true),
            TestFields.Scalar("value", "Value", ScalarType.Int),
            TestFields.Scalar("label", "Label", ScalarType.String),
        ],
    };

    internal static StorageKey KeyOf(int id) => new([FieldValue.From(id)]);

    static ModelMetadata IModel<Counter>.Metadata => Metadata;

    static void IModel<Counter>.Write(Counter model, IModelWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("id");
        writer.WriteInt32(model.Id);
        writer.WritePropertyName("value");
        if (model.Value is { } value) writer.WriteInt32(value); else writer.WriteNull();
        writer.WritePropertyName("label");
        if (model.Label is { } label) writer.WriteString(label); else writer.WriteNull();
        writer.WriteEndObject();
    }

    static Counter IModel<Counter>.Read(IModelReader reader)
    {
        int? id = null, value = null;
        string? label = null;
        reader.ReadStartObject();
        while (reader.TryReadPropertyName(out var property))
        {
            switch (property)
            {
                case "id": id = reader.TryReadNull() ? null : reader.ReadInt32(); break;
                case "value": value = reader.TryReadNull() ? null : reader.ReadInt32(); break;
                case "label": label = reader.TryReadNull() ? null : reader.ReadString(); break;
                default: reader.Skip(); break;
            }
        }
        return new Counter
        {
            Id = id ?? throw ModelSerializationException.MissingRequired("Counter", "id"),
            Value = value,
            Label = label,
        };
    }

    static FieldValue IModel<Counter>.GetFieldValue(Counter model, string fieldName) => fieldName switch
    {
        "id" => FieldValue.From(model.Id),
        "value" => FieldValue.From(model.Value),
        "label" => FieldValue.From(model.Label),
        _ => throw new ArgumentException("Model 'Counter' has no field '" + fieldName + "'.", nameof(fieldName)),
    };

    static FieldValue IModel<Counter>.ConvertValue(string fieldName, object? value) => value switch
    {
        null => FieldValue.Null,
        string v => FieldValue.From(v),
        int v => FieldValue.From(v),
        _ => throw new ArgumentException($"Unsupported value for Counter.{fieldName}.", nameof(value)),
    };
}
