namespace Amplify.DataStore;

/// <summary>The kind of value a <see cref="FieldValue"/> holds.</summary>
public enum FieldValueKind
{
    /// <summary>Null or missing.</summary>
    Null,
    /// <summary>A string (also IDs, enum wire names, AWS string scalars and AWSJSON text).</summary>
    String,
    /// <summary>A whole number (Int, AWSTimestamp).</summary>
    Integer,
    /// <summary>A floating-point number (Float).</summary>
    Float,
    /// <summary>A boolean.</summary>
    Boolean,
    /// <summary>An <see cref="AwsDate"/>.</summary>
    Date,
    /// <summary>An <see cref="AwsTime"/>.</summary>
    Time,
    /// <summary>An <see cref="AwsDateTime"/>.</summary>
    DateTime,
    /// <summary>A list of values.</summary>
    List,
}
