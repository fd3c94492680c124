using Amplify.DataStore.AwsScalars;
using System;
using System.Buffers;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Amplify.DataStore.LocalBackend.Scalars;

/// <summary>
/// AppSync's <c>AWSJSON</c>: a string holding any JSON value (<c>"{\"a\":1}"</c>, <c>"[1,2]"</c>, <c>"true"</c>,
/// <c>"\"text\""</c>). The internal value is the string exactly as given once it parses as strict JSON (no comments,
/// trailing commas or single quotes). A variable may also carry an already-parsed JSON object or array (a dictionary
/// or list from the request's JSON); that is turned into its JSON text, since storage and responses hold the text.
/// </summary>
internal sealed class AwsJsonGraphType : ScalarGraphType
{
    // Deep enough for real documents; the default of 64 would turn legitimate nested data into a parse error.
    private static readonly JsonDocumentOptions StrictJson = new() { MaxDepth = 256 };

    /// <summary>Creates the scalar, named <c>AWSJSON</c>.</summary>
    public AwsJsonGraphType()
    {
        Name = "AWSJSON";
        Description = "A JSON string; maps, lists and scalar values are accepted when written as valid JSON text.";
    }

    /// <inheritdoc/>
    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        // AppSync wants the JSON as a string literal even in a query; an object literal is refused.
        GraphQLStringValue text => Check((string)text.Value),
        GraphQLNullValue => null,
        _ => throw AwsScalarErrors.WrongLiteral(Name, value, "a string holding JSON"),
    };

    /// <inheritdoc/>
    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string text => Check(text),
        JsonElement element => element.GetRawText(),
        IDictionary<string, object?> or IReadOnlyDictionary<string, object?> or IList => ToJsonText(value),
        _ => throw AwsScalarErrors.WrongType(Name, value, "a string holding JSON, or a JSON object or array"),
    };

    /// <inheritdoc/>
    public override object? Serialize(object? value) => ParseValue(value);

    /// <inheritdoc/>
    public override bool CanParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue text => IsJson((string)text.Value),
        GraphQLNullValue => true,
        _ => false,
    };

    /// <inheritdoc/>
    public override bool CanParseValue(object? value)
    {
        if (value is string text)
            return IsJson(text);
        try
        {
            _ = ParseValue(value);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private string Check(string text) => IsJson(text) ? text : throw AwsScalarErrors.Invalid(Name, text, "not parseable as JSON");

    // The one AWSJSON rule the store and the schema's @default check use too (src/Common/AwsScalars).
    private static bool IsJson(string text) => AwsJsonRule.IsValid(text);

    private string ToJsonText(object value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer))
                Write(writer, value);
        }
        catch (ArgumentException ex)
        {
            // Utf8JsonWriter's complaint about a lone surrogate in a string or key.
            throw AwsScalarErrors.Invalid(Name, value, ex.Message);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // Covers exactly what GraphQL.SystemTextJson's input reader produces (and the common CLR equivalents).
    private void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case double d when double.IsFinite(d): writer.WriteNumberValue(d); break;
            case float f when float.IsFinite(f): writer.WriteNumberValue(f); break;
            case BigInteger bi: writer.WriteRawValue(bi.ToString(CultureInfo.InvariantCulture)); break;
            case JsonElement element: element.WriteTo(writer); break;
            case IDictionary<string, object?> map: WriteObject(writer, map); break;
            case IReadOnlyDictionary<string, object?> map: WriteObject(writer, map); break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (object? item in list)
                    Write(writer, item);
                writer.WriteEndArray();
                break;
            default: throw AwsScalarErrors.WrongType(Name, value, "a JSON value");
        }
    }

    private void WriteObject(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, object?>> map)
    {
        writer.WriteStartObject();
        foreach (KeyValuePair<string, object?> entry in map)
        {
            writer.WritePropertyName(entry.Key);
            Write(writer, entry.Value);
        }

        writer.WriteEndObject();
    }
}
