namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>How a stored scalar (or list element) is represented in a LiteDB document.</summary>
internal enum StorageClass
{
    /// <summary>Not a stored scalar (embedded type, relationship, unknown): queries on it are evaluated in memory.</summary>
    Unsupported,
    /// <summary>A BSON string: ID, String, AWSEmail/URL/Phone/IPAddress, AWSJSON (its JSON text) and enum wire names.</summary>
    String,
    /// <summary>A BSON Int32: Int.</summary>
    Int32,
    /// <summary>A BSON Int64: AWSTimestamp (seconds).</summary>
    Int64,
    /// <summary>A BSON Double: Float.</summary>
    Double,
    /// <summary>A BSON Boolean.</summary>
    Boolean,
    /// <summary>AWSDate: the wire text, plus a sortable key under <c>__k</c> for top-level fields.</summary>
    Date,
    /// <summary>AWSTime: the wire text, plus a sortable key under <c>__k</c> for top-level fields.</summary>
    Time,
    /// <summary>AWSDateTime: the wire text, plus a sortable key under <c>__k</c> for top-level fields.</summary>
    DateTime,
}
