using System;
using Amplify.DataStore.Serialization;

namespace Amplify.DataStore.Metadata;

/// <summary>Untyped access to a model's generated read/write code, for engines that work by model name.</summary>
public interface IModelCodec
{
    /// <summary>The generated CLR type.</summary>
    Type ClrType { get; }

    /// <summary>Writes a model instance of <see cref="ClrType"/>.</summary>
    void Write(object model, IModelWriter writer);

    /// <summary>Reads a model instance.</summary>
    object Read(IModelReader reader);

    /// <summary>The stored value of a field by GraphQL name.</summary>
    FieldValue GetFieldValue(object model, string fieldName);

    /// <summary>Converts a CLR value of a field's type to a <see cref="FieldValue"/>.</summary>
    FieldValue ConvertValue(string fieldName, object? value);

    /// <summary>The item as the store keeps it: without <c>@belongsTo</c> parent instances (see <see cref="IModel{TSelf}.WithoutParents"/>).</summary>
    object WithoutParents(object model) => model;
}
