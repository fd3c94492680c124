using Amplify.DataStore.Metadata;
using Amplify.DataStore.Serialization;
using Amplify.DataStore.Runtime.Tests.TestModels;

namespace Amplify.DataStore.Runtime.Tests.Storage.Models;

/// <summary>
/// A hand-written <c>@model</c> shaped like generator output, covering every stored kind the storage adapters handle:
/// <code>
/// type Item @model {
///   id: ID!  name: String!  count: Int  rating: Float  active: Boolean  day: AWSDate  time: AWSTime  at: AWSDateTime
///   stamp: AWSTimestamp  data: AWSJSON  status: ItemStatus @index(name: "byStatus", sortKeyFields: ["rating"])
///   tags: [String!]  scores: [Int]  days: [AWSDate!]  address: Address  ownerId: ID  owner: Owner @belongsTo(fields: ["ownerId"])
/// }
/// </code>
/// Like generated code, <c>GetFieldValue</c> returns null for the embedded <c>address</c> and the <c>owner</c> navigation.
/// </summary>
public sealed record Item : IModel<Item>
{
    public string Id { get; init; } = ModelId.NewId();

    public required string Name { get; init; }

    public int? Count { get; init; }

    public double? Rating { get; init; }

    public bool? Active { get; init; }

    public AwsDate? Day { get; init; }

    public AwsTime? Time { get; init; }

    public AwsDateTime? At { get; init; }

    public AwsTimestamp? Stamp { get; init; }

    public AwsJson? Data { get; init; }

    public ItemStatus? Status { get; init; }

    public ValueList<string>? Tags { get; init; }

    public ValueList<int?>? Scores { get; init; }

    public ValueList<AwsDate>? Days { get; init; }

    public Address? Address { get; init; }

    public string? OwnerId { get; init; }

    public static ModelMetadata Metadata { get; } = new()
    {
        Name = "Item",
        PluralName = "Items",
        PrimaryKey = new PrimaryKeyMetadata { Fields = ["id"] },
        Codec = ModelCodec<Item>.Instance,
        Indexes = [new IndexMetadata { Name = "byStatus", Fields = ["status", "rating"] }],
        Fields =
        [
            TestFields.Scalar("id", "Id", ScalarType.ID, required: true),
            TestFields.Scalar("name", "Name", ScalarType.String, required: true),
            TestFields.Scalar("count", "Count", ScalarType.Int),
            TestFields.Scalar("rating", "Rating", ScalarType.Float),
            TestFields.Scalar("active", "Active", ScalarType.Boolean),
            TestFields.Scalar("day", "Day", ScalarType.AWSDate),
            TestFields.Scalar("time", "Time", ScalarType.AWSTime),
            TestFields.Scalar("at", "At", ScalarType.AWSDateTime),
            TestFields.Scalar("stamp", "Stamp", ScalarType.AWSTimestamp),
            TestFields.Scalar("data", "Data", ScalarType.AWSJSON),
            new FieldMetadata { Name = "status", PropertyName = "Status", Kind = FieldKind.Enum, TypeName = "ItemStatus" },
            TestFields.Scalar("tags", "Tags", ScalarType.String, required: true, list: true),
            TestFields.Scalar("scores", "Scores", ScalarType.Int, list: true),
            TestFields.Scalar("days", "Days", ScalarType.AWSDate, required: true, list: true),
            new FieldMetadata { Name = "address", PropertyName = "Address", Kind = FieldKind.Embedded, TypeName = "Address" },
            TestFields.Scalar("ownerId", "OwnerId", ScalarType.ID),
            TestFields.BelongsTo("owner", "Owner", "Owner", ["ownerId"], ["id"]),
        ],
    };

    static ModelMetadata IModel<Item>.Metadata => Metadata;

    static void IModel<Item>.Write(Item model, IModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(model);
        writer.WriteStartObject();
        writer.WritePropertyName("id");
        writer.WriteString(model.Id);
        writer.WritePropertyName("name");
        writer.WriteString(model.Name);
        writer.WritePropertyName("count");
        if (model.Count is { } count) writer.WriteInt32(count); else writer.WriteNull();
        writer.WritePropertyName("rating");
        if (model.Rating is { } rating) writer.WriteDouble(rating); else writer.WriteNull();
        writer.WritePropertyName("active");
        if (model.Active is { } active) writer.WriteBoolean(active); else writer.WriteNull();
        writer.WritePropertyName("day");
        if (model.Day is { } day) writer.WriteDate(day); else writer.WriteNull();
        writer.WritePropertyName("time");
        if (model.Time is { } time) writer.WriteTime(time); else writer.WriteNull();
        writer.WritePropertyName("at");
        if (model.At is { } at) writer.WriteDateTime(at); else writer.WriteNull();
        writer.WritePropertyName("stamp");
        if (model.Stamp is { } stamp) writer.WriteTimestamp(stamp); else writer.WriteNull();
        writer.WritePropertyName("data");
        if (model.Data is { } data) writer.WriteJson(data); else writer.WriteNull();
        writer.WritePropertyName("status");
        if (model.Status is { } status) writer.WriteString(ItemStatusWire.ToWireName(status)); else writer.WriteNull();
        writer.WritePropertyName("tags");
        if (model.Tags is { } tags)
        {
            writer.WriteStartArray();
            foreach (var tag in tags) writer.WriteString(tag);
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNull();
        }
        writer.WritePropertyName("scores");
        if (model.Scores is { } scores)
        {
            writer.WriteStartArray();
            foreach (var score in scores)
            {
                if (score is { } value) writer.WriteInt32(value); else writer.WriteNull();
            }
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNull();
        }
        writer.WritePropertyName("days");
        if (model.Days is { } days)
        {
            writer.WriteStartArray();
            foreach (var d in days) writer.WriteDate(d);
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNull();
        }
        writer.WritePropertyName("address");
        if (model.Address is { } address) EmbeddedCodec.Write(address, writer); else writer.WriteNull();
        writer.WritePropertyName("ownerId");
        if (model.OwnerId is { } ownerId) writer.WriteString(ownerId); else writer.WriteNull();
        writer.WriteEndObject();
    }

    static Item IModel<Item>.Read(IModelReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? id = null, name = null, ownerId = null;
        int? count = null;
        double? rating = null;
        bool? active = null;
        AwsDate? day = null;
        AwsTime? time = null;
        AwsDateTime? at = null;
        AwsTimestamp? stamp = null;
        AwsJson? data = null;
        ItemStatus? status = null;
        ValueList<string>? tags = null;
        ValueList<int?>? scores = null;
        ValueList<AwsDate>? days = null;
        Address? address = null;
        reader.ReadStartObject();
        while (reader.TryReadPropertyName(out var property))
        {
            switch (property)
            {
                case "id": id = reader.TryReadNull() ? null : reader.ReadString(); break;
                case "name": name = reader.TryReadNull() ? null : reader.ReadString(); break;
                case "count": count = reader.TryReadNull() ? null : reader.ReadInt32(); break;
                case "rating": rating = reader.TryReadNull() ? null : reader.ReadDouble(); break;
                case "active": active = reader.TryReadNull() ? null : reader.ReadBoolean(); break;
                case "day": day = reader.TryReadNull() ? null : reader.ReadDate(); break;
                case "time": time = reader.TryReadNull() ? null : reader.ReadTime(); break;
                case "at": at = reader.TryReadNull() ? null : reader.ReadDateTime(); break;
                case "stamp": stamp = reader.TryReadNull() ? null : reader.ReadTimestamp(); break;
                case "data": data = reader.TryReadNull() ? null : reader.ReadJson(); break;
                case "status": status = reader.TryReadNull() ? null : ItemStatusWire.Read(reader, "Item", "status"); break;
                case "tags":
                    if (reader.TryReadNull()) { tags = null; break; }
                    {
                        var items = new List<string>();
                        reader.ReadStartArray();
                        while (reader.HasNextItem()) items.Add(reader.TryReadNull() ? throw ModelSerializationException.MissingRequired("Item", "tags[]", reader.Path) : reader.ReadString());
                        tags = ValueList.From(items);
                    }
                    break;
                case "scores":
                    if (reader.TryReadNull()) { scores = null; break; }
                    {
                        var items = new List<int?>();
                        reader.ReadStartArray();
                        while (reader.HasNextItem()) items.Add(reader.TryReadNull() ? null : reader.ReadInt32());
                        scores = ValueList.From(items);
                    }
                    break;
                case "days":
                    if (reader.TryReadNull()) { days = null; break; }
                    {
                        var items = new List<AwsDate>();
                        reader.ReadStartArray();
                        while (reader.HasNextItem()) items.Add(reader.TryReadNull() ? throw ModelSerializationException.MissingRequired("Item", "days[]", reader.Path) : reader.ReadDate());
                        days = ValueList.From(items);
                    }
                    break;
                case "address": address = reader.TryReadNull() ? null : EmbeddedCodec.Read<Address>(reader); break;
                case "ownerId": ownerId = reader.TryReadNull() ? null : reader.ReadString(); break;
                default: reader.Skip(); break;
            }
        }
        return new Item
        {
            Id = id ?? throw ModelSerializationException.MissingRequired("Item", "id"),
            Name = name ?? throw ModelSerializationException.MissingRequired("Item", "name"),
            Count = count,
            Rating = rating,
            Active = active,
            Day = day,
            Time = time,
            At = at,
            Stamp = stamp,
            Data = data,
            Status = status,
            Tags = tags,
            Scores = scores,
            Days = days,
            Address = address,
            OwnerId = ownerId,
        };
    }

    static FieldValue IModel<Item>.GetFieldValue(Item model, string fieldName)
    {
        ArgumentNullException.ThrowIfNull(model);
        return fieldName switch
        {
            "id" => FieldValue.From(model.Id),
            "name" => FieldValue.From(model.Name),
            "count" => FieldValue.From(model.Count),
            "rating" => FieldValue.From(model.Rating),
            "active" => FieldValue.From(model.Active),
            "day" => FieldValue.From(model.Day),
            "time" => FieldValue.From(model.Time),
            "at" => FieldValue.From(model.At),
            "stamp" => FieldValue.From(model.Stamp),
            "data" => FieldValue.From(model.Data),
            "status" => model.Status is { } s ? FieldValue.From(ItemStatusWire.ToWireName(s)) : FieldValue.Null,
            "tags" => FieldValue.FromList<string>(model.Tags, static v => FieldValue.From(v)),
            "scores" => FieldValue.FromList<int?>(model.Scores, static v => v is { } x ? FieldValue.From(x) : FieldValue.Null),
            "days" => FieldValue.FromList<AwsDate>(model.Days, static v => FieldValue.From(v)),
            "address" => FieldValue.Null,
            "ownerId" => FieldValue.From(model.OwnerId),
            "owner" => FieldValue.Null,
            _ => throw new ArgumentException("Model 'Item' has no field '" + fieldName + "'.", nameof(fieldName)),
        };
    }

    static FieldValue IModel<Item>.ConvertValue(string fieldName, object? value) => value switch
    {
        null => FieldValue.Null,
        ItemStatus s => FieldValue.From(ItemStatusWire.ToWireName(s)),
        string v => FieldValue.From(v),
        int v => FieldValue.From(v),
        double v => FieldValue.From(v),
        bool v => FieldValue.From(v),
        AwsDate v => FieldValue.From(v),
        AwsTime v => FieldValue.From(v),
        AwsDateTime v => FieldValue.From(v),
        AwsTimestamp v => FieldValue.From(v),
        AwsJson v => FieldValue.From(v),
        _ => throw new ArgumentException($"Unsupported value for Item.{fieldName}.", nameof(value)),
    };
}
