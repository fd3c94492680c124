using System.ComponentModel;
using Amplify.DataStore.Metadata;

namespace Amplify.DataStore.Serialization;

/// <summary>Small helpers the generated read code calls; not meant for hand-written code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedCodeSupport
{
    /// <summary>Reads a string and validates it as an AWSEmail/AWSURL/AWSPhone/AWSIPAddress, naming the field on failure.</summary>
    public static string ReadValidated(IModelReader reader, ScalarType scalar, string typeName, string fieldName)
    {
        var path = reader.Path;
        var value = reader.ReadString();
        if (AwsScalarValidation.GetValidationError(scalar, value) is { } error)
        {
            throw ModelSerializationException.InvalidValue(typeName, fieldName, error, path);
        }
        return value;
    }
}
