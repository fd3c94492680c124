using System;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Serialization;

namespace Amplify.DataStore.Engine;

/// <summary>
/// Checks a model before it is written, at every depth: required fields and list elements present, AWS string scalars
/// well formed, enum values defined, Floats finite and strings valid UTF-16 (AppSync and JSON carry nothing else, so
/// such an item could never sync). Errors name the model and the path to the value (<c>Post.title</c>,
/// <c>Reading.sensors[1].track[2].y</c>).
/// </summary>
internal static class ModelValidator
{
    public static void Validate(ModelSchema schema, ModelMetadata model, object item)
    {
        // One pass over what the generated code writes: the same values storage and the outbox would receive.
        var writer = new ValidatingModelWriter(schema, model);
        try
        {
            model.Codec.Write(item, writer);
        }
        catch (ModelSerializationException)
        {
            // The generated code refuses a null required value before writing anything for it.
            writer.AtFailedValue();
            throw writer.MissingValue();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            // Generated enum converters throw for values outside the enum (e.g. (PostStatus)42).
            writer.AtFailedValue();
            throw writer.UndefinedEnumValue(ex.ActualValue);
        }
    }
}
