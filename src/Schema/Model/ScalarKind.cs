namespace Amplify.DataStore.Schema;

/// <summary>The built-in GraphQL and AWS AppSync scalars a field can have.</summary>
public enum ScalarKind
{
    /// <summary>Not a scalar (enum, non-model or model type).</summary>
    None = 0,
    /// <summary><c>ID</c>: a string identifier.</summary>
    ID,
    /// <summary><c>String</c>.</summary>
    String,
    /// <summary><c>Int</c>: 32-bit signed integer.</summary>
    Int,
    /// <summary><c>Float</c>: double-precision number.</summary>
    Float,
    /// <summary><c>Boolean</c>.</summary>
    Boolean,
    /// <summary><c>AWSDate</c>: <c>YYYY-MM-DD</c> with an optional offset.</summary>
    AWSDate,
    /// <summary><c>AWSTime</c>: <c>hh:mm[:ss[.fff…]]</c> with an optional offset.</summary>
    AWSTime,
    /// <summary><c>AWSDateTime</c>: date and time with a required offset.</summary>
    AWSDateTime,
    /// <summary><c>AWSTimestamp</c>: seconds since the Unix epoch.</summary>
    AWSTimestamp,
    /// <summary><c>AWSJSON</c>: any JSON value, sent as a string on the wire.</summary>
    AWSJSON,
    /// <summary><c>AWSEmail</c>: an e-mail address.</summary>
    AWSEmail,
    /// <summary><c>AWSURL</c>: a URL with a scheme.</summary>
    AWSURL,
    /// <summary><c>AWSPhone</c>: a phone number.</summary>
    AWSPhone,
    /// <summary><c>AWSIPAddress</c>: an IPv4 or IPv6 address, optionally with a CIDR prefix.</summary>
    AWSIPAddress,
}
