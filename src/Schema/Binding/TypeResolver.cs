using System;
using System.Collections.Generic;
using Amplify.DataStore.Schema.Parsing;

namespace Amplify.DataStore.Schema.Binding;

/// <summary>Resolves the named type of a field to a <see cref="FieldType"/>, reporting ADS1002 when it cannot be stored.</summary>
internal sealed class TypeResolver
{
    private readonly DeclarationSet _declarations;
    private readonly HashSet<string> _modelNames;
    private readonly DiagnosticBag _diagnostics;

    public TypeResolver(DeclarationSet declarations, HashSet<string> modelNames, DiagnosticBag diagnostics)
    {
        _declarations = declarations;
        _modelNames = modelNames;
        _diagnostics = diagnostics;
    }

    public bool IsModel(string name) => _modelNames.Contains(name);

    /// <summary>Resolves <paramref name="typeName"/>; null (and a diagnostic) when it is not a storable type.</summary>
    public FieldType? Resolve(string typeName, string fieldDescription, SchemaLocation location)
    {
        if (BuiltInScalars.TryGet(typeName, out var scalar)) return FieldType.Of(scalar);

        if (!_declarations.TryGet(typeName, out var declaration))
        {
            _diagnostics.Error(SchemaDiagnosticIds.UnknownType, location,
                $"Field '{fieldDescription}' has unknown type '{typeName}'.{Suggestion(typeName)}");
            return null;
        }

        switch (declaration.Kind)
        {
            case DeclarationKind.Object when declaration.IsRoot:
                _diagnostics.Error(SchemaDiagnosticIds.UnknownType, location,
                    $"Field '{fieldDescription}' has type '{typeName}', which is a root operation type; it cannot be stored.");
                return null;
            case DeclarationKind.Object:
                return new FieldType(IsModel(typeName) ? TypeKind.Model : TypeKind.NonModel, typeName, ScalarKind.None);
            case DeclarationKind.Enum:
                return new FieldType(TypeKind.Enum, typeName, ScalarKind.None);
            case DeclarationKind.Scalar:
                _diagnostics.Error(SchemaDiagnosticIds.UnknownType, location,
                    $"Field '{fieldDescription}' has custom scalar type '{typeName}'; only the built-in GraphQL and AWS AppSync scalars are supported.");
                return null;
            default:
                _diagnostics.Error(SchemaDiagnosticIds.UnknownType, location,
                    $"Field '{fieldDescription}' has type '{typeName}', which is {declaration.KindWithArticle}; DataStore can only store scalars, enums and object types.");
                return null;
        }
    }

    private string Suggestion(string typeName)
    {
        foreach (var declaration in _declarations.Types)
        {
            if (string.Equals(declaration.Name, typeName, StringComparison.OrdinalIgnoreCase)) return $" Did you mean '{declaration.Name}'?";
        }
        foreach (var scalar in Enum.GetNames(typeof(ScalarKind)))
        {
            if (scalar != nameof(ScalarKind.None) && string.Equals(scalar, typeName, StringComparison.OrdinalIgnoreCase)) return $" Did you mean '{scalar}'?";
        }
        return string.Empty;
    }
}
