namespace Amplify.DataStore.Metadata;

/// <summary>The GraphQL and AWS AppSync scalars.</summary>
public enum ScalarType
{
    /// <summary>Not a scalar.</summary>
    None = 0,
    /// <summary><c>ID</c>.</summary>
    ID,
    /// <summary><c>String</c>.</summary>
    String,
    /// <summary><c>Int</c>.</summary>
    Int,
    /// <summary><c>Float</c>.</summary>
    Float,
    /// <summary><c>Boolean</c>.</summary>
    Boolean,
    /// <summary><c>AWSDate</c>.</summary>
    AWSDate,
    /// <summary><c>AWSTime</c>.</summary>
    AWSTime,
    /// <summary><c>AWSDateTime</c>.</summary>
    AWSDateTime,
    /// <summary><c>AWSTimestamp</c>.</summary>
    AWSTimestamp,
    /// <summary><c>AWSJSON</c>.</summary>
    AWSJSON,
    /// <summary><c>AWSEmail</c>.</summary>
    AWSEmail,
    /// <summary><c>AWSURL</c>.</summary>
    AWSURL,
    /// <summary><c>AWSPhone</c>.</summary>
    AWSPhone,
    /// <summary><c>AWSIPAddress</c>.</summary>
    AWSIPAddress,
}
