namespace Amplify.DataStore;

/// <summary>A conditional save or delete found the stored item not matching its condition; nothing was changed.</summary>
public sealed class ConditionalCheckFailedException : DataStoreException
{
    /// <summary>Creates the exception.</summary>
    public ConditionalCheckFailedException(string modelName, string key, string condition)
        : base($"The condition {condition} does not match the stored {modelName} '{key}'; nothing was changed.")
    {
        ModelName = modelName;
        Key = key;
        Condition = condition;
    }

    /// <summary>The model's GraphQL name.</summary>
    public string ModelName { get; }

    /// <summary>The item's key.</summary>
    public string Key { get; }

    /// <summary>The condition, as text.</summary>
    public string Condition { get; }
}
