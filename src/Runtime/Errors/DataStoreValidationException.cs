namespace Amplify.DataStore;

/// <summary>
/// A model failed validation (missing required field, bad scalar format, unknown enum value, non-finite Float, string
/// that is not valid UTF-16, missing parent).
/// </summary>
public sealed class DataStoreValidationException : DataStoreException
{
    /// <summary>Creates the exception.</summary>
    public DataStoreValidationException(string modelName, string fieldName, string problem)
        : base($"{modelName}.{fieldName}: {problem}")
    {
        ModelName = modelName;
        FieldName = fieldName;
    }

    /// <summary>The model's GraphQL name.</summary>
    public string ModelName { get; }

    /// <summary>
    /// The field's GraphQL name; for a list element or a value inside an embedded (non-model) type, the path to it from
    /// the model (e.g. <c>samples[2]</c>, <c>sensors[1].track[0].y</c>).
    /// </summary>
    public string FieldName { get; }
}
