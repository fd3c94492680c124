using System;
using System.Collections.Generic;
using System.Text;

namespace Amplify.DataStore.Schema;

/// <summary>
/// Maps GraphQL names to C# identifiers. Shared by the generator (to emit) and the analyzers (to map back),
/// so both agree on every name.
/// </summary>
public static class CSharpNaming
{
    /// <summary>Members every generated model type declares; a field whose C# name equals one is renamed.</summary>
    public static readonly ISet<string> ReservedMemberNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "CopyOf", "Where", "Sort", "Draft", "Fields", "SortFields", "Definition", "ModelName",
        "Equals", "GetHashCode", "ToString", "GetType", "EqualityContract", "PrintMembers", "Clone", "Deconstruct",
        "Write", "Read", "GetFieldValue", "Identifier", "Finalize", "MemberwiseClone", "ReferenceEquals",
    };

    /// <summary>Type names the generator itself emits into the models namespace.</summary>
    public static readonly ISet<string> ReservedTypeNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "AmplifyModels",
    };

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>True when <paramref name="name"/> is a reserved C# keyword and must be written as <c>@name</c>.</summary>
    public static bool IsKeyword(string name) => Keywords.Contains(name);

    /// <summary>Escapes a C# keyword with <c>@</c>; other names are returned unchanged.</summary>
    public static string Escape(string identifier) => IsKeyword(identifier) ? "@" + identifier : identifier;

    /// <summary>
    /// PascalCase for a GraphQL name: <c>title</c> → <c>Title</c>, <c>due_date</c> → <c>DueDate</c>,
    /// <c>IN_PROGRESS</c> → <c>InProgress</c>, <c>postCommentsId</c> → <c>PostCommentsId</c>.
    /// </summary>
    public static string ToPascalCase(string name)
    {
        if (name.Length == 0) return name;
        bool allUpper = true;
        foreach (char c in name)
        {
            if (char.IsLower(c)) { allUpper = false; break; }
        }

        var sb = new StringBuilder(name.Length);
        bool upperNext = true;
        foreach (char c in name)
        {
            if (c == '_' || c == '-')
            {
                upperNext = true;
                continue;
            }
            if (upperNext)
            {
                sb.Append(char.ToUpperInvariant(c));
                upperNext = false;
            }
            else
            {
                // SCREAMING_CASE words become Pascal words; camelCase keeps its inner capitals.
                sb.Append(allUpper ? char.ToLowerInvariant(c) : c);
            }
            if (char.IsDigit(c)) upperNext = allUpper;
        }
        if (sb.Length == 0) return "_";
        if (char.IsDigit(sb[0])) sb.Insert(0, '_');
        return sb.ToString();
    }

    /// <summary>camelCase for a GraphQL name (used for lambda parameters and locals).</summary>
    public static string ToCamelCase(string name)
    {
        var pascal = ToPascalCase(name);
        return pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
    }

    /// <summary>The C# type name for a GraphQL type name (keywords escaped).</summary>
    public static string TypeName(string graphQLTypeName) => Escape(ToPascalCase(graphQLTypeName));

    /// <summary>
    /// The C# property name for a field of <paramref name="typeName"/>: PascalCase, renamed with a <c>Value</c> suffix when it
    /// would equal the enclosing type's name (CS0542) or a member the generator emits.
    /// </summary>
    public static string PropertyName(string typeName, string fieldName)
    {
        var pascal = ToPascalCase(fieldName);
        if (pascal == ToPascalCase(typeName) || ReservedMemberNames.Contains(pascal)) return pascal + "Value";
        return pascal;
    }

    /// <summary>True when <see cref="PropertyName"/> had to rename the field.</summary>
    public static bool IsRenamed(string typeName, string fieldName)
    {
        var pascal = ToPascalCase(fieldName);
        return pascal == ToPascalCase(typeName) || ReservedMemberNames.Contains(pascal);
    }

    /// <summary>The C# member name of an enum value: <c>ACTIVE</c> → <c>Active</c>.</summary>
    public static string EnumMemberName(string value) => ToPascalCase(value);
}
