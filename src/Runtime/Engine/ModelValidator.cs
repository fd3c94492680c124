using System;
using Amplify.DataStore.Metadata;

namespace Amplify.DataStore.Engine;

/// <summary>
/// Checks a model before it is written: required fields present, list elements present where required, AWS string
/// scalars well formed and enum values defined. Errors name the model and the field.
/// </summary>
internal static class ModelValidator
{
    public static void Validate(ModelMetadata model, object item)
    {
        foreach (var field in model.Fields)
        {
            if (!field.IsStored) continue;
            FieldValue value;
            try
            {
                value = model.Codec.GetFieldValue(item, field.Name);
            }
            catch (ArgumentOutOfRangeException ex)
            {
                // Generated enum converters throw for values outside the enum (e.g. (PostStatus)42).
                throw new DataStoreValidationException(model.Name, field.Name, $"has a value that is not defined in enum {field.TypeName} ({ex.ActualValue}).");
            }
            if (value.IsNull)
            {
                if (field.IsList ? field.IsListRequired : field.IsRequired)
                {
                    throw new DataStoreValidationException(model.Name, field.Name, $"is required ({Describe(field)}) but has no value.");
                }
                continue;
            }
            if (field.IsList)
            {
                foreach (var element in value.AsList())
                {
                    if (element.IsNull)
                    {
                        if (field.IsRequired) throw new DataStoreValidationException(model.Name, field.Name, $"does not allow null elements ({Describe(field)}).");
                        continue;
                    }
                    ValidateScalar(model, field, element);
                }
            }
            else
            {
                ValidateScalar(model, field, value);
            }
        }
    }

    private static void ValidateScalar(ModelMetadata model, FieldMetadata field, FieldValue value)
    {
        if (field.Kind != FieldKind.Scalar) return;
        if (field.Scalar is ScalarType.AWSEmail or ScalarType.AWSURL or ScalarType.AWSPhone or ScalarType.AWSIPAddress
            && value.AsString() is { } text
            && AwsScalarValidation.GetValidationError(field.Scalar, text) is { } error)
        {
            throw new DataStoreValidationException(model.Name, field.Name, error);
        }
    }

    private static string Describe(FieldMetadata field)
    {
        var element = field.TypeName + (field.IsRequired ? "!" : "");
        return field.IsList ? "[" + element + "]" + (field.IsListRequired ? "!" : "") : element;
    }
}
