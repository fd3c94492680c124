namespace Amplify.DataStore.Serialization;

/// <summary>The kind of the next value an <see cref="IModelReader"/> will read.</summary>
public enum ModelTokenKind
{
    /// <summary>Null.</summary>
    Null,
    /// <summary>A string.</summary>
    String,
    /// <summary>A number.</summary>
    Number,
    /// <summary>A boolean.</summary>
    Boolean,
    /// <summary>The start of an object.</summary>
    StartObject,
    /// <summary>The start of an array.</summary>
    StartArray,
    /// <summary>Any other value (e.g. a storage-specific type).</summary>
    Other,
}
