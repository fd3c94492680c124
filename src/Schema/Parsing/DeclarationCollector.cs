using System;
using System.Collections.Generic;
using Amplify.DataStore.Schema.Validation;
using GraphQLParser.AST;

namespace Amplify.DataStore.Schema.Parsing;

/// <summary>
/// Gathers the type definitions of all files into one <see cref="DeclarationSet"/>: reports duplicates and reserved
/// names, merges <c>extend type</c>/<c>extend enum</c> into their types and skips the root operation types.
/// </summary>
internal static class DeclarationCollector
{
    private static readonly string[] DefaultRootNames = { "Query", "Mutation", "Subscription" };

    public static DeclarationSet Collect(IReadOnlyList<(SourceDocument Source, GraphQLDocument Document)> documents, DiagnosticBag diagnostics)
    {
        var set = new DeclarationSet();
        var roots = CollectRootNames(documents);
        var extensions = new List<Located<ASTNode>>();

        foreach (var (source, document) in documents)
        {
            foreach (var definition in document.Definitions)
            {
                switch (definition)
                {
                    case GraphQLDirectiveDefinition directive:
                        set.DeclaredDirectives.Add(directive.Name.StringValue);
                        break;
                    case GraphQLScalarTypeDefinition scalar when BuiltInScalars.Contains(scalar.Name.StringValue):
                        // `scalar AWSDateTime` is commonly written for editor tooling; it changes nothing.
                        break;
                    case GraphQLTypeDefinition type when Kind(type) is { } kind:
                        Add(set, new TypeDeclaration(type.Name.StringValue, kind, new Located<GraphQLTypeDefinition>(type, source), roots.Contains(type.Name.StringValue)), diagnostics);
                        break;
                    case GraphQLObjectTypeExtension or GraphQLEnumTypeExtension:
                        extensions.Add(new Located<ASTNode>(definition, source));
                        break;
                    case GraphQLExecutableDefinition:
                        diagnostics.Error(SchemaDiagnosticIds.SyntaxError, source.At(definition),
                            "Operations and fragments are not allowed in a schema file; only type system definitions are.");
                        break;
                }
            }
        }

        foreach (var extension in extensions) MergeExtension(set, extension, roots, diagnostics);
        return set;
    }

    private static HashSet<string> CollectRootNames(IReadOnlyList<(SourceDocument Source, GraphQLDocument Document)> documents)
    {
        var roots = new HashSet<string>(DefaultRootNames, StringComparer.Ordinal);
        foreach (var (_, document) in documents)
        {
            foreach (var definition in document.Definitions)
            {
                var operationTypes = definition switch
                {
                    GraphQLSchemaDefinition schema => schema.OperationTypes,
                    GraphQLSchemaExtension extension => extension.OperationTypes,
                    _ => null,
                };
                if (operationTypes is null) continue;
                foreach (var operationType in operationTypes)
                {
                    if (operationType.Type is { } type) roots.Add(type.Name.StringValue);
                }
            }
        }
        return roots;
    }

    private static DeclarationKind? Kind(GraphQLTypeDefinition type) => type switch
    {
        GraphQLObjectTypeDefinition => DeclarationKind.Object,
        GraphQLEnumTypeDefinition => DeclarationKind.Enum,
        GraphQLInputObjectTypeDefinition => DeclarationKind.Input,
        GraphQLScalarTypeDefinition => DeclarationKind.Scalar,
        GraphQLUnionTypeDefinition => DeclarationKind.Union,
        GraphQLInterfaceTypeDefinition => DeclarationKind.Interface,
        _ => null,
    };

    private static void Add(DeclarationSet set, TypeDeclaration declaration, DiagnosticBag diagnostics)
    {
        if (set.TryGet(declaration.Name, out var first))
        {
            diagnostics.Error(SchemaDiagnosticIds.DuplicateType, declaration.NameLocation,
                $"Type '{declaration.Name}' is already defined at {first.NameLocation}.");
            return;
        }

        NameRules.CheckTypeName(declaration, diagnostics);
        set.TryAdd(declaration);
        switch (declaration.Definition.Node)
        {
            case GraphQLObjectTypeDefinition obj:
                AddMembers(declaration, obj.Fields, obj.Directives, declaration.Definition.Document);
                break;
            case GraphQLEnumTypeDefinition e:
                AddValues(declaration, e.Values, e.Directives, declaration.Definition.Document);
                break;
        }
    }

    private static void MergeExtension(DeclarationSet set, Located<ASTNode> extension, HashSet<string> roots, DiagnosticBag diagnostics)
    {
        var (name, expected) = extension.Node switch
        {
            GraphQLObjectTypeExtension o => (o.Name, DeclarationKind.Object),
            GraphQLEnumTypeExtension e => (e.Name, DeclarationKind.Enum),
            _ => throw new InvalidOperationException("Unexpected extension kind."),
        };
        string typeName = name.StringValue;
        if (roots.Contains(typeName)) return; // `extend type Query` adds operations DataStore does not use.

        if (!set.TryGet(typeName, out var declaration) || declaration.Kind != expected)
        {
            string what = expected == DeclarationKind.Object ? "object type" : "enum";
            diagnostics.Error(SchemaDiagnosticIds.UnknownType, extension.At(name),
                $"'extend' refers to {what} '{typeName}', which is not defined.");
            return;
        }

        switch (extension.Node)
        {
            case GraphQLObjectTypeExtension o:
                AddMembers(declaration, o.Fields, o.Directives, extension.Document);
                break;
            case GraphQLEnumTypeExtension e:
                AddValues(declaration, e.Values, e.Directives, extension.Document);
                break;
        }
    }

    private static void AddMembers(TypeDeclaration declaration, GraphQLFieldsDefinition? fields, GraphQLDirectives? directives, SourceDocument document)
    {
        if (fields is not null)
        {
            foreach (var field in fields.Items) declaration.Fields.Add(new Located<GraphQLFieldDefinition>(field, document));
        }
        AddDirectives(declaration, directives, document);
    }

    private static void AddValues(TypeDeclaration declaration, GraphQLEnumValuesDefinition? values, GraphQLDirectives? directives, SourceDocument document)
    {
        if (values is not null)
        {
            foreach (var value in values.Items) declaration.EnumValues.Add(new Located<GraphQLEnumValueDefinition>(value, document));
        }
        AddDirectives(declaration, directives, document);
    }

    private static void AddDirectives(TypeDeclaration declaration, GraphQLDirectives? directives, SourceDocument document)
    {
        if (directives is null) return;
        foreach (var directive in directives.Items) declaration.Directives.Add(new Located<GraphQLDirective>(directive, document));
    }
}
