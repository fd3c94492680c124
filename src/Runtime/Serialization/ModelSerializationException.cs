using System;

namespace Amplify.DataStore.Serialization;

/// <summary>Thrown when a model cannot be read or written; the message names the model, field and path.</summary>
public sealed class ModelSerializationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelSerializationException(string message, string? path = null, Exception? innerException = null)
        : base(path is null ? message : $"{message} (at {path})", innerException)
    {
        Path = path;
    }

    /// <summary>The path of the offending value, when known.</summary>
    public string? Path { get; }

    /// <summary>A required field was missing or null.</summary>
    public static ModelSerializationException MissingRequired(string typeName, string fieldName, string? path = null)
        => new($"{typeName}.{fieldName} is required but was missing or null.", path);

    /// <summary>A value was not valid for the field's scalar or enum.</summary>
    public static ModelSerializationException InvalidValue(string typeName, string fieldName, string detail, string? path = null, Exception? inner = null)
        => new($"{typeName}.{fieldName} has an invalid value: {detail}", path, inner);
}
