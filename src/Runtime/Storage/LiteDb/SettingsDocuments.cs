using LiteDB;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>The <c>__settings</c> collection: one <c>{ _id: key, value }</c> document per setting.</summary>
internal static class SettingsDocuments
{
    /// <summary>The value of <paramref name="key"/>, or null.</summary>
    public static string? Get(LiteDatabase database, string key)
        => database.GetCollection(DocumentLayout.SettingsCollection).FindById(key) is { } document && document["value"] is { IsString: true } value
            ? value.AsString
            : null;

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>.</summary>
    public static void Set(LiteDatabase database, string key, string value)
        => database.GetCollection(DocumentLayout.SettingsCollection).Upsert(ToDocument(key, value));

    /// <summary>The document of setting <paramref name="key"/>.</summary>
    public static BsonDocument ToDocument(string key, string value) => new()
    {
        [DocumentLayout.IdField] = key,
        ["value"] = value,
    };
}
