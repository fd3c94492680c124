namespace Amplify.DataStore.Serialization;

/// <summary>
/// A pull reader the generated code reads models through. Read methods throw
/// <see cref="ModelSerializationException"/> naming the path when the data has the wrong shape.
/// </summary>
public interface IModelReader
{
    /// <summary>The path of the value about to be read (e.g. <c>$.tags[2]</c>), for error messages.</summary>
    string Path { get; }

    /// <summary>The kind of the next value.</summary>
    ModelTokenKind Peek();

    /// <summary>Consumes the next value if it is null.</summary>
    bool TryReadNull();

    /// <summary>Consumes the start of an object.</summary>
    void ReadStartObject();

    /// <summary>Reads the next property name of the current object, or consumes its end and returns false.</summary>
    bool TryReadPropertyName(out string name);

    /// <summary>Consumes the start of an array.</summary>
    void ReadStartArray();

    /// <summary>True when the current array has another item; otherwise consumes its end and returns false.</summary>
    bool HasNextItem();

    /// <summary>Reads a string.</summary>
    string ReadString();

    /// <summary>Reads an Int.</summary>
    int ReadInt32();

    /// <summary>Reads a Float.</summary>
    double ReadDouble();

    /// <summary>Reads a Boolean.</summary>
    bool ReadBoolean();

    /// <summary>Reads an AWSDate.</summary>
    AwsDate ReadDate();

    /// <summary>Reads an AWSTime.</summary>
    AwsTime ReadTime();

    /// <summary>Reads an AWSDateTime.</summary>
    AwsDateTime ReadDateTime();

    /// <summary>Reads an AWSTimestamp.</summary>
    AwsTimestamp ReadTimestamp();

    /// <summary>Reads an AWSJSON value.</summary>
    AwsJson ReadJson();

    /// <summary>Skips the next value (including nested objects and arrays).</summary>
    void Skip();
}
