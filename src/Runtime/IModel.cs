using Amplify.DataStore.Metadata;
using Amplify.DataStore.Serialization;

namespace Amplify.DataStore;

/// <summary>Marker for every generated <c>@model</c> type.</summary>
public interface IModel
{
}

/// <summary>
/// Implemented by every generated <c>@model</c> record. The static members give the runtime reflection-free
/// access to the model's metadata and to its document/JSON read and write code.
/// </summary>
/// <typeparam name="TSelf">The model type itself.</typeparam>
public interface IModel<TSelf> : IModel
    where TSelf : class, IModel<TSelf>
{
    /// <summary>The model's metadata (fields, keys, indexes, associations, auth rules).</summary>
    static abstract ModelMetadata Metadata { get; }

    /// <summary>Writes <paramref name="model"/> as one object using AppSync wire names.</summary>
    static abstract void Write(TSelf model, IModelWriter writer);

    /// <summary>Reads one object written by <see cref="Write"/> (or received from AppSync).</summary>
    static abstract TSelf Read(IModelReader reader);

    /// <summary>The stored value of a field by its GraphQL name, for in-memory predicate evaluation and sorting.</summary>
    static abstract FieldValue GetFieldValue(TSelf model, string fieldName);

    /// <summary>
    /// Converts a CLR value of a field's type (e.g. a generated enum, an <see cref="AwsDate"/>) to its
    /// <see cref="FieldValue"/>, as the typed predicate builders do; used to translate LINQ predicates.
    /// </summary>
    static abstract FieldValue ConvertValue(string fieldName, object? value);

    /// <summary>
    /// <paramref name="model"/> as the store keeps it: without the <c>@belongsTo</c> parent instances it was built with
    /// (the foreign keys stay), because a kept parent would be handed out again after the parent changed. Returns
    /// <paramref name="model"/> itself when it holds no parent instance (the default, for models without parents).
    /// </summary>
    static virtual TSelf WithoutParents(TSelf model) => model;
}
