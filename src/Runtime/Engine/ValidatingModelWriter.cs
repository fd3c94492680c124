using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Serialization;

namespace Amplify.DataStore.Engine;

/// <summary>
/// Receives a model exactly as the generated code writes it to storage and to AppSync, and checks every value against
/// the schema at every depth (top-level fields, list elements, embedded types and their lists): required values and
/// elements present, AWS string scalars well formed, Floats finite and strings valid UTF-16. Writes nothing; the first
/// problem throws <see cref="DataStoreValidationException"/> naming the model and the path to the value.
/// </summary>
/// <remarks>
/// Walking the written form (rather than <see cref="IModelCodec.GetFieldValue"/>) is what reaches embedded values:
/// they have no <see cref="FieldValue"/> form.
/// </remarks>
internal sealed class ValidatingModelWriter : IModelWriter
{
    private readonly ModelSchema _schema;
    private readonly ModelMetadata _model;
    private Frame[] _frames = new Frame[8];
    private int _depth;

    public ValidatingModelWriter(ModelSchema schema, ModelMetadata model)
    {
        _schema = schema;
        _model = model;
    }

    /// <inheritdoc/>
    public void WriteStartObject()
    {
        IReadOnlyList<FieldMetadata>? fields;
        if (_depth == 0)
        {
            fields = _model.Fields;
        }
        else
        {
            var field = ValueField;
            BeforeValue();
            fields = field is { Kind: FieldKind.Embedded } ? _schema.FindEmbeddedType(field.TypeName)?.Fields : null;
        }
        Push(new Frame { Fields = fields });
    }

    /// <inheritdoc/>
    public void WriteEndObject() => Pop();

    /// <inheritdoc/>
    public void WriteStartArray()
    {
        var field = ValueField;
        BeforeValue();
        Push(new Frame { IsArray = true, Field = field, Index = -1 });
    }

    /// <inheritdoc/>
    public void WriteEndArray() => Pop();

    /// <inheritdoc/>
    public void WritePropertyName(string name)
    {
        if (_depth == 0) return;
        ref var frame = ref _frames[_depth - 1];
        frame.Property = name;
        frame.Field = Resolve(ref frame, name);
    }

    /// <inheritdoc/>
    public void WriteNull()
    {
        BeforeValue();
        if (ValueField is not { IsStored: true } field) return;
        if (InArray)
        {
            if (field.IsRequired) throw Fail($"is null, but {Describe(field)} does not allow null elements.");
        }
        else if (field.IsList ? field.IsListRequired : field.IsRequired)
        {
            throw MissingValue();
        }
    }

    /// <inheritdoc/>
    public void WriteString(string value)
    {
        BeforeValue();
        CheckText(value);
        if (ValueField is { Kind: FieldKind.Scalar, Scalar: ScalarType.AWSEmail or ScalarType.AWSURL or ScalarType.AWSPhone or ScalarType.AWSIPAddress } field
            && AwsScalarValidation.GetValidationError(field.Scalar, value) is { } error)
        {
            throw Fail(error);
        }
    }

    /// <inheritdoc/>
    public void WriteDouble(double value)
    {
        BeforeValue();
        if (!double.IsFinite(value))
        {
            throw Fail($"is {value.ToString(CultureInfo.InvariantCulture)}; Float values must be finite (AppSync and JSON have no NaN or Infinity).");
        }
    }

    /// <inheritdoc/>
    /// <remarks>Nothing to check: <see cref="AwsJson.Parse"/> refuses lone surrogates, and JSON has no NaN.</remarks>
    public void WriteJson(AwsJson value) => BeforeValue();

    /// <inheritdoc/>
    public void WriteInt32(int value) => BeforeValue();

    /// <inheritdoc/>
    public void WriteBoolean(bool value) => BeforeValue();

    /// <inheritdoc/>
    public void WriteDate(AwsDate value) => BeforeValue();

    /// <inheritdoc/>
    public void WriteTime(AwsTime value) => BeforeValue();

    /// <inheritdoc/>
    public void WriteDateTime(AwsDateTime value) => BeforeValue();

    /// <inheritdoc/>
    public void WriteTimestamp(AwsTimestamp value) => BeforeValue();

    /// <summary>The error for a required value the generated code found missing while writing the current property or element.</summary>
    public DataStoreValidationException MissingValue()
    {
        var field = ValueField;
        return Fail(field is null ? "is required but has no value." : $"is required ({Describe(field)}) but has no value.");
    }

    /// <summary>The error for an enum value the generated code could not convert to a wire name.</summary>
    public DataStoreValidationException UndefinedEnumValue(object? value)
        => Fail($"has a value that is not defined in enum {ValueField?.TypeName} ({value}).");

    /// <summary>Moves to the element the generated code was about to write when it threw, so the error names its index.</summary>
    public void AtFailedValue() => BeforeValue();

    private bool InArray => _depth > 0 && _frames[_depth - 1].IsArray;

    /// <summary>The field whose value (or list element) is written next, when the schema knows it.</summary>
    private FieldMetadata? ValueField => _depth == 0 ? null : _frames[_depth - 1].Field;

    private void CheckText(string value)
    {
        int lone = Utf16Text.IndexOfLoneSurrogate(value);
        if (lone >= 0) throw Fail(Utf16Text.DescribeLoneSurrogate(value, lone));
    }

    private void BeforeValue()
    {
        if (InArray) _frames[_depth - 1].Index++;
    }

    private static FieldMetadata? Resolve(ref Frame frame, string name)
    {
        if (frame.Fields is not { } fields) return null;
        // Generated code writes the fields in declaration order, so the next one is almost always the match.
        if (frame.Cursor < fields.Count && fields[frame.Cursor].Name == name) return fields[frame.Cursor++];
        for (int i = 0; i < fields.Count; i++)
        {
            if (fields[i].Name != name) continue;
            frame.Cursor = i + 1;
            return fields[i];
        }
        return null;
    }

    private DataStoreValidationException Fail(string problem) => new(_model.Name, Path(), problem);

    /// <summary>The path from the model to the current value, e.g. <c>sensors[1].track[2].y</c>.</summary>
    private string Path()
    {
        var path = new StringBuilder();
        for (int i = 0; i < _depth; i++)
        {
            ref readonly var frame = ref _frames[i];
            if (frame.IsArray)
            {
                if (frame.Index >= 0) path.Append('[').Append(frame.Index).Append(']');
            }
            else if (frame.Property is { } name)
            {
                if (path.Length > 0) path.Append('.');
                path.Append(name);
            }
        }
        return path.ToString();
    }

    private static string Describe(FieldMetadata field)
    {
        var element = field.TypeName + (field.IsRequired ? "!" : "");
        return field.IsList ? "[" + element + "]" + (field.IsListRequired ? "!" : "") : element;
    }

    private void Push(Frame frame)
    {
        if (_depth == _frames.Length) Array.Resize(ref _frames, _depth * 2);
        _frames[_depth++] = frame;
    }

    private void Pop()
    {
        if (_depth > 0) _frames[--_depth] = default;
    }

    private struct Frame
    {
        /// <summary>True for a list, false for a model or embedded object.</summary>
        public bool IsArray;

        /// <summary>Objects: the fields of the model or embedded type (null when the schema does not know it).</summary>
        public IReadOnlyList<FieldMetadata>? Fields;

        /// <summary>Objects: where to look for the next property first.</summary>
        public int Cursor;

        /// <summary>Objects: the field of the property being written; lists: the list's field.</summary>
        public FieldMetadata? Field;

        /// <summary>Objects: the name of the property being written.</summary>
        public string? Property;

        /// <summary>Lists: the index of the element being written.</summary>
        public int Index;
    }
}
