using System;
using LiteDB;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>Converts models to and from their LiteDB documents through the generated read/write code.</summary>
internal static class ModelDocuments
{
    /// <summary>The document of <paramref name="item"/>, with <c>_id</c> set from its primary key.</summary>
    /// <exception cref="InvalidOperationException">A primary-key value is null.</exception>
    public static BsonDocument ToDocument(ModelStorage storage, object item) => ToDocument(storage, item, StorageKey.Of(storage.Model, item));

    /// <summary>The document of <paramref name="item"/>, whose key the caller has already taken.</summary>
    /// <exception cref="InvalidOperationException">A primary-key value is null.</exception>
    public static BsonDocument ToDocument(ModelStorage storage, object item, StorageKey key)
    {
        // Room for the model's fields plus _id and the adapter's sort-key and sync fields.
        var writer = new BsonModelWriter(storage.Model.Fields.Count + 3);
        storage.Model.Codec.Write(item, writer);
        var document = writer.Document;
        document[DocumentLayout.IdField] = DocumentKey.ToId(storage, key)
            ?? throw new InvalidOperationException($"A {storage.Model.Name} cannot be stored without a complete primary key ({key}).");
        return document;
    }

    /// <summary>The model stored in <paramref name="document"/>.</summary>
    public static object FromDocument(ModelStorage storage, BsonDocument document)
        => storage.Model.Codec.Read(new BsonModelReader(document));
}
