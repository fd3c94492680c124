using System.Collections.Generic;
using GraphQLParser.AST;

namespace Amplify.DataStore.Schema.Parsing;

/// <summary>What kind of GraphQL type definition a name refers to.</summary>
internal enum DeclarationKind
{
    Object,
    Enum,
    Input,
    Scalar,
    Union,
    Interface,
}

/// <summary>A named type definition from the schema files, with its extensions merged in.</summary>
internal sealed class TypeDeclaration
{
    public TypeDeclaration(string name, DeclarationKind kind, Located<GraphQLTypeDefinition> definition, bool isRoot)
    {
        Name = name;
        Kind = kind;
        Definition = definition;
        IsRoot = isRoot;
    }

    public string Name { get; }

    public DeclarationKind Kind { get; }

    public Located<GraphQLTypeDefinition> Definition { get; }

    /// <summary>The location of the type's name, where type-level diagnostics point.</summary>
    public SchemaLocation NameLocation => Definition.At(Definition.Node.Name);

    /// <summary>A Query, Mutation or Subscription root type; DataStore ignores these.</summary>
    public bool IsRoot { get; }

    /// <summary>Object types: fields in declaration order (definition first, then extensions).</summary>
    public List<Located<GraphQLFieldDefinition>> Fields { get; } = new();

    /// <summary>Object and enum types: type-level directives.</summary>
    public List<Located<GraphQLDirective>> Directives { get; } = new();

    /// <summary>Enums: values in declaration order.</summary>
    public List<Located<GraphQLEnumValueDefinition>> EnumValues { get; } = new();

    /// <summary>The kind for messages, with its article: <c>a union</c>, <c>an input type</c>, ….</summary>
    public string KindWithArticle => Kind switch
    {
        DeclarationKind.Object => "an object type",
        DeclarationKind.Enum => "an enum",
        DeclarationKind.Input => "an input type",
        DeclarationKind.Scalar => "a custom scalar",
        DeclarationKind.Union => "a union",
        _ => "an interface",
    };
}
