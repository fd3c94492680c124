namespace Amplify.DataStore.Serialization;

/// <summary>
/// A push writer the generated code writes models through. Implemented for JSON (the AppSync wire format)
/// and, in the storage engine, for documents; neither the models nor the generator depend on a storage library.
/// </summary>
public interface IModelWriter
{
    /// <summary>Starts an object.</summary>
    void WriteStartObject();

    /// <summary>Ends the current object.</summary>
    void WriteEndObject();

    /// <summary>Starts an array.</summary>
    void WriteStartArray();

    /// <summary>Ends the current array.</summary>
    void WriteEndArray();

    /// <summary>Writes the name of the next property of the current object.</summary>
    void WritePropertyName(string name);

    /// <summary>Writes null.</summary>
    void WriteNull();

    /// <summary>Writes a string (ID, String, enum wire names, AWSEmail/URL/Phone/IPAddress).</summary>
    void WriteString(string value);

    /// <summary>Writes an Int.</summary>
    void WriteInt32(int value);

    /// <summary>Writes a Float.</summary>
    void WriteDouble(double value);

    /// <summary>Writes a Boolean.</summary>
    void WriteBoolean(bool value);

    /// <summary>Writes an AWSDate.</summary>
    void WriteDate(AwsDate value);

    /// <summary>Writes an AWSTime.</summary>
    void WriteTime(AwsTime value);

    /// <summary>Writes an AWSDateTime.</summary>
    void WriteDateTime(AwsDateTime value);

    /// <summary>Writes an AWSTimestamp.</summary>
    void WriteTimestamp(AwsTimestamp value);

    /// <summary>Writes an AWSJSON value.</summary>
    void WriteJson(AwsJson value);
}
