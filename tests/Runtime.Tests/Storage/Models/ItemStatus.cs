using Amplify.DataStore.Serialization;

namespace Amplify.DataStore.Runtime.Tests.Storage.Models;

/// <summary><c>enum ItemStatus { ACTIVE ARCHIVED DRAFT }</c>, written like generated code.</summary>
public enum ItemStatus
{
    Active,
    Archived,
    Draft,
}

/// <summary>Wire names of <see cref="ItemStatus"/>.</summary>
public static class ItemStatusWire
{
    public static string ToWireName(ItemStatus value) => value switch
    {
        ItemStatus.Active => "ACTIVE",
        ItemStatus.Archived => "ARCHIVED",
        ItemStatus.Draft => "DRAFT",
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    public static ItemStatus Read(IModelReader reader, string typeName, string fieldName)
    {
        var path = reader.Path;
        return reader.ReadString() switch
        {
            "ACTIVE" => ItemStatus.Active,
            "ARCHIVED" => ItemStatus.Archived,
            "DRAFT" => ItemStatus.Draft,
            var other => throw ModelSerializationException.InvalidValue(typeName, fieldName, $"'{other}' is not an ItemStatus", path),
        };
    }
}
