namespace Amplify.DataStore;

/// <summary>A model failed validation (missing required field, bad scalar format, unknown enum value, missing parent).</summary>
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

    /// <summary>The field's GraphQL name.</summary>
    public string FieldName { get; }
}
