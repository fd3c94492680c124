using System.Globalization;
using System.Text;
using Amplify.DataStore.Schema;

namespace Amplify.DataStore.Generator.Emit;

/// <summary>Maps schema fields to the C# types, read/write calls and literals the emitters write.</summary>
internal static class CSharpTypes
{
    public const string Runtime = "global::Amplify.DataStore";
    public const string Serialization = "global::Amplify.DataStore.Serialization";
    public const string Metadata = "global::Amplify.DataStore.Metadata";
    public const string Predicates = "global::Amplify.DataStore.Predicates";
    public const string Sorting = "global::Amplify.DataStore.Sorting";

    public static string Qualified(string ns, string graphQLTypeName) => "global::" + ns + "." + CSharpNaming.TypeName(graphQLTypeName);

    /// <summary>The enum's wire-name helper class, e.g. <c>PostStatusWire</c>.</summary>
    public static string EnumWire(string ns, string enumName) => Qualified(ns, enumName) + "Wire";

    /// <summary>The non-null element type of a field.</summary>
    public static string ElementType(FieldDefinition f, string ns) => f.Type.Kind switch
    {
        TypeKind.Scalar => ScalarType(f.Type.Scalar),
        _ => Qualified(ns, f.Type.Name),
    };

    public static string ScalarType(ScalarKind s) => s switch
    {
        ScalarKind.Int => "int",
        ScalarKind.Float => "double",
        ScalarKind.Boolean => "bool",
        ScalarKind.AWSDate => Runtime + ".AwsDate",
        ScalarKind.AWSTime => Runtime + ".AwsTime",
        ScalarKind.AWSDateTime => Runtime + ".AwsDateTime",
        ScalarKind.AWSTimestamp => Runtime + ".AwsTimestamp",
        ScalarKind.AWSJSON => Runtime + ".AwsJson",
        _ => "string",
    };

    public static bool IsValueType(FieldDefinition f) => f.Type.Kind switch
    {
        TypeKind.Enum => true,
        TypeKind.Scalar => f.Type.Scalar is not (ScalarKind.ID or ScalarKind.String or ScalarKind.AWSEmail or ScalarKind.AWSURL or ScalarKind.AWSPhone or ScalarKind.AWSIPAddress),
        _ => false,
    };

    /// <summary>The element type with <c>?</c> when elements may be null.</summary>
    public static string ElementTypeWithNullability(FieldDefinition f, string ns) => ElementType(f, ns) + (f.IsRequired ? "" : "?");

    /// <summary>The property type: element, or <c>ValueList&lt;element&gt;</c>, with nullability.</summary>
    public static string PropertyType(FieldDefinition f, string ns)
    {
        if (!f.IsList) return ElementTypeWithNullability(f, ns);
        return Runtime + ".ValueList<" + ElementTypeWithNullability(f, ns) + ">" + (f.IsListRequired ? "" : "?");
    }

    /// <summary>A statement writing a non-null element value held in <paramref name="expr"/>.</summary>
    public static string WriteElement(FieldDefinition f, string ns, string expr) => f.Type.Kind switch
    {
        TypeKind.Enum => $"writer.WriteString({EnumWire(ns, f.Type.Name)}.ToWireName({expr}));",
        TypeKind.NonModel => $"{Serialization}.EmbeddedCodec.Write({expr}, writer);",
        _ => f.Type.Scalar switch
        {
            ScalarKind.Int => $"writer.WriteInt32({expr});",
            ScalarKind.Float => $"writer.WriteDouble({expr});",
            ScalarKind.Boolean => $"writer.WriteBoolean({expr});",
            ScalarKind.AWSDate => $"writer.WriteDate({expr});",
            ScalarKind.AWSTime => $"writer.WriteTime({expr});",
            ScalarKind.AWSDateTime => $"writer.WriteDateTime({expr});",
            ScalarKind.AWSTimestamp => $"writer.WriteTimestamp({expr});",
            ScalarKind.AWSJSON => $"writer.WriteJson({expr});",
            _ => $"writer.WriteString({expr});",
        },
    };

    /// <summary>An expression reading one non-null element value.</summary>
    public static string ReadElement(FieldDefinition f, string ns, string typeName) => f.Type.Kind switch
    {
        TypeKind.Enum => $"{EnumWire(ns, f.Type.Name)}.Read(reader, \"{typeName}\", \"{f.Name}\")",
        TypeKind.NonModel => $"{Serialization}.EmbeddedCodec.Read<{Qualified(ns, f.Type.Name)}>(reader)",
        _ => f.Type.Scalar switch
        {
            ScalarKind.Int => "reader.ReadInt32()",
            ScalarKind.Float => "reader.ReadDouble()",
            ScalarKind.Boolean => "reader.ReadBoolean()",
            ScalarKind.AWSDate => "reader.ReadDate()",
            ScalarKind.AWSTime => "reader.ReadTime()",
            ScalarKind.AWSDateTime => "reader.ReadDateTime()",
            ScalarKind.AWSTimestamp => "reader.ReadTimestamp()",
            ScalarKind.AWSJSON => "reader.ReadJson()",
            ScalarKind.AWSEmail or ScalarKind.AWSURL or ScalarKind.AWSPhone or ScalarKind.AWSIPAddress =>
                $"{Serialization}.GeneratedCodeSupport.ReadValidated(reader, {Metadata}.ScalarType.{f.Type.Scalar}, \"{typeName}\", \"{f.Name}\")",
            _ => "reader.ReadString()",
        },
    };

    /// <summary>An expression converting a non-null element value to a <c>FieldValue</c>.</summary>
    public static string ToFieldValue(FieldDefinition f, string ns, string expr) => f.Type.Kind switch
    {
        TypeKind.Enum => $"{Runtime}.FieldValue.From({EnumWire(ns, f.Type.Name)}.ToWireName({expr}))",
        TypeKind.NonModel => $"{Runtime}.FieldValue.Null",
        _ => $"{Runtime}.FieldValue.From({expr})",
    };

    /// <summary>The C# literal for a <c>@default</c> value, or null when it cannot be expressed.</summary>
    public static string? DefaultLiteral(FieldDefinition f, string ns)
    {
        if (f.DefaultValue is not { } raw || f.IsList) return null;
        switch (f.Type.Kind)
        {
            case TypeKind.Enum:
                return Qualified(ns, f.Type.Name) + "." + CSharpNaming.EnumMemberName(raw);
            case TypeKind.Scalar:
                return f.Type.Scalar switch
                {
                    ScalarKind.Int => int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i.ToString(CultureInfo.InvariantCulture) : null,
                    ScalarKind.Float => double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d.ToString("R", CultureInfo.InvariantCulture) + "d" : null,
                    ScalarKind.Boolean => raw == "true" || raw == "false" ? raw : null,
                    ScalarKind.AWSDate or ScalarKind.AWSTime or ScalarKind.AWSDateTime or ScalarKind.AWSTimestamp or ScalarKind.AWSJSON
                        => $"{ScalarType(f.Type.Scalar)}.Parse({StringLiteral(raw)})",
                    _ => StringLiteral(raw),
                };
            default:
                return null;
        }
    }

    public static string StringLiteral(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\0"); break;
                default:
                    if (char.IsControl(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    public static string NullableStringLiteral(string? value) => value is null ? "null" : StringLiteral(value);

    /// <summary>Escapes text for XML doc comments.</summary>
    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>The GraphQL type as written, e.g. <c>[String!]!</c>, for doc comments.</summary>
    public static string GraphQLType(FieldDefinition f)
    {
        var t = f.Type.Name + (f.IsRequired ? "!" : "");
        return f.IsList ? "[" + t + "]" + (f.IsListRequired ? "!" : "") : t;
    }
}
