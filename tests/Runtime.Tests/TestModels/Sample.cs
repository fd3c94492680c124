using Amplify.DataStore.Metadata;
using Amplify.DataStore.Serialization;

namespace Amplify.DataStore.Runtime.Tests.TestModels;

/// <summary>
/// A hand-written <c>@model</c> shaped like generator output, with one field of every scalar, scalar lists,
/// an embedded type (itself nesting one) and a list of embedded values.
/// </summary>
public sealed record Sample : IModel<Sample>
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

    public string? Email { get; init; }

    public ValueList<string>? Tags { get; init; }

    public ValueList<int?>? Scores { get; init; }

    public Address? Address { get; init; }

    public ValueList<Address>? History { get; init; }

    public ValueList<AwsJson>? Payloads { get; init; }

    private static readonly ModelMetadata s_metadata = new()
    {
        Name = "Sample",
        PluralName = "Samples",
        PrimaryKey = new PrimaryKeyMetadata { Fields = ["id"] },
        Codec = ModelCodec<Sample>.Instance,
        Fields =
        [
            Scalar("id", "Id", ScalarType.ID, required: true),
            Scalar("name", "Name", ScalarType.String, required: true),
            Scalar("count", "Count", ScalarType.Int),
            Scalar("rating", "Rating", ScalarType.Float),
            Scalar("active", "Active", ScalarType.Boolean),
            Scalar("day", "Day", ScalarType.AWSDate),
            Scalar("time", "Time", ScalarType.AWSTime),
            Scalar("at", "At", ScalarType.AWSDateTime),
            Scalar("stamp", "Stamp", ScalarType.AWSTimestamp),
            Scalar("data", "Data", ScalarType.AWSJSON),
            Scalar("email", "Email", ScalarType.AWSEmail),
            Scalar("tags", "Tags", ScalarType.String, required: true, list: true),
            Scalar("scores", "Scores", ScalarType.Int, list: true),
            new FieldMetadata { Name = "address", PropertyName = "Address", Kind = FieldKind.Embedded, TypeName = "Address" },
            new FieldMetadata { Name = "history", PropertyName = "History", Kind = FieldKind.Embedded, TypeName = "Address", IsRequired = true, IsList = true },
            Scalar("payloads", "Payloads", ScalarType.AWSJSON, required: true, list: true),
        ],
    };

    static ModelMetadata IModel<Sample>.Metadata => s_metadata;

    private static FieldMetadata Scalar(string name, string property, ScalarType scalar, bool required = false, bool list = false) => new()
    {
        Name = name,
        PropertyName = property,
        Kind = FieldKind.Scalar,
        TypeName = scalar.ToString(),
        Scalar = scalar,
        IsRequired = required,
        IsList = list,
    };

    static void IModel<Sample>.Write(Sample model, IModelWriter writer)
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
        writer.WritePropertyName("email");
        if (model.Email is { } email) writer.WriteString(email); else writer.WriteNull();
        writer.WritePropertyName("tags");
        if (model.Tags is { } tags)
        {
            writer.WriteStartArray();
            foreach (var item in tags) writer.WriteString(item);
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
            foreach (var item in scores)
            {
                if (item is { } value) writer.WriteInt32(value); else writer.WriteNull();
            }
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNull();
        }
        writer.WritePropertyName("address");
        if (model.Address is { } address) EmbeddedCodec.Write(address, writer); else writer.WriteNull();
        writer.WritePropertyName("history");
        if (model.History is { } history)
        {
            writer.WriteStartArray();
            foreach (var item in history) EmbeddedCodec.Write(item, writer);
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNull();
        }
        writer.WritePropertyName("payloads");
        if (model.Payloads is { } payloads)
        {
            writer.WriteStartArray();
            foreach (var item in payloads) writer.WriteJson(item);
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNull();
        }
        writer.WriteEndObject();
    }

    static Sample IModel<Sample>.Read(IModelReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? id = null, name = null, email = null;
        int? count = null;
        double? rating = null;
        bool? active = null;
        AwsDate? day = null;
        AwsTime? time = null;
        AwsDateTime? at = null;
        AwsTimestamp? stamp = null;
        AwsJson? data = null;
        ValueList<string>? tags = null;
        ValueList<int?>? scores = null;
        Address? address = null;
        ValueList<Address>? history = null;
        ValueList<AwsJson>? payloads = null;
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
                case "email":
                    email = reader.TryReadNull() ? null : GeneratedCodeSupport.ReadValidated(reader, ScalarType.AWSEmail, "Sample", "email");
                    break;
                case "tags":
                    if (reader.TryReadNull()) { tags = null; break; }
                    {
                        var items = new List<string>();
                        reader.ReadStartArray();
                        while (reader.HasNextItem())
                        {
                            items.Add(reader.TryReadNull() ? throw ModelSerializationException.MissingRequired("Sample", "tags[]", reader.Path) : reader.ReadString());
                        }
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
                case "address": address = reader.TryReadNull() ? null : EmbeddedCodec.Read<Address>(reader); break;
                case "history":
                    if (reader.TryReadNull()) { history = null; break; }
                    {
                        var items = new List<Address>();
                        reader.ReadStartArray();
                        while (reader.HasNextItem())
                        {
                            items.Add(reader.TryReadNull() ? throw ModelSerializationException.MissingRequired("Sample", "history[]", reader.Path) : EmbeddedCodec.Read<Address>(reader));
                        }
                        history = ValueList.From(items);
                    }
                    break;
                case "payloads":
                    if (reader.TryReadNull()) { payloads = null; break; }
                    {
                        var items = new List<AwsJson>();
                        reader.ReadStartArray();
                        while (reader.HasNextItem())
                        {
                            items.Add(reader.TryReadNull() ? throw ModelSerializationException.MissingRequired("Sample", "payloads[]", reader.Path) : reader.ReadJson());
                        }
                        payloads = ValueList.From(items);
                    }
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        return new Sample
        {
            Id = id ?? throw ModelSerializationException.MissingRequired("Sample", "id"),
            Name = name ?? throw ModelSerializationException.MissingRequired("Sample", "name"),
            Count = count,
            Rating = rating,
            Active = active,
            Day = day,
            Time = time,
            At = at,
            Stamp = stamp,
            Data = data,
            Email = email,
            Tags = tags,
            Scores = scores,
            Address = address,
            History = history,
            Payloads = payloads,
        };
    }

    static FieldValue IModel<Sample>.GetFieldValue(Sample model, string fieldName)
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
            "email" => FieldValue.From(model.Email),
            "tags" => FieldValue.FromList(model.Tags, static v => FieldValue.From(v)),
            "scores" => FieldValue.FromList(model.Scores, static v => FieldValue.From(v)),
            _ => FieldValue.Null,
        };
    }

    static FieldValue IModel<Sample>.ConvertValue(string fieldName, object? value) => value switch
    {
        null => FieldValue.Null,
        string v => FieldValue.From(v),
        int v => FieldValue.From(v),
        double v => FieldValue.From(v),
        bool v => FieldValue.From(v),
        AwsDate v => FieldValue.From(v),
        AwsTime v => FieldValue.From(v),
        AwsDateTime v => FieldValue.From(v),
        AwsTimestamp v => FieldValue.From(v),
        AwsJson v => FieldValue.From(v),
        _ => throw new ArgumentException($"Unsupported value for Sample.{fieldName}.", nameof(value)),
    };
}
