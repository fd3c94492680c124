using System;
using System.Collections.Generic;
using Amplify.DataStore.Schema.Parsing;

namespace Amplify.DataStore.Schema.Validation;

/// <summary>Reserved names (ADS1010), renamed C# members (ADS1019) and names that collide once mapped to C# (ADS1017).</summary>
internal static class NameRules
{
    /// <summary>Types defined by Amplify's directive SDL; modelgen silently drops user types with these names.</summary>
    private static readonly HashSet<string> AmplifyDirectiveTypes = new(StringComparer.Ordinal)
    {
        "AMPLIFY", "AuthRule", "AuthStrategy", "AuthProvider", "ModelOperation", "HttpMethod", "HttpHeader",
        "ModelMutationMap", "ModelQueryMap", "ModelSubscriptionMap", "ModelSubscriptionLevel",
        "TimestampConfiguration", "PredictionsActions", "SearchableQueryMap",
    };

    /// <summary>The sync metadata fields AppSync adds to every model.</summary>
    private static readonly HashSet<string> SyncMetadataFields = new(StringComparer.Ordinal)
    {
        "_version", "_deleted", "_lastChangedAt",
    };

    public static void CheckTypeName(TypeDeclaration declaration, DiagnosticBag diagnostics)
    {
        string name = declaration.Name;
        // Inputs, unions, … are never generated; `input AMPLIFY { globalAuthRule: … }` is even part of Amplify's template.
        bool generated = declaration.Kind is DeclarationKind.Object or DeclarationKind.Enum;

        if (BuiltInScalars.Contains(name))
        {
            diagnostics.Error(SchemaDiagnosticIds.ReservedName, declaration.NameLocation,
                $"Type name '{name}' is reserved: it is a built-in GraphQL or AWS AppSync scalar.");
        }
        else if (name.StartsWith("__", StringComparison.Ordinal))
        {
            diagnostics.Error(SchemaDiagnosticIds.ReservedName, declaration.NameLocation,
                $"Type name '{name}' is reserved: names starting with '__' belong to GraphQL introspection.");
        }
        else if (generated && AmplifyDirectiveTypes.Contains(name))
        {
            diagnostics.Error(SchemaDiagnosticIds.ReservedName, declaration.NameLocation,
                $"Type name '{name}' is reserved: Amplify's directive definitions declare a type with this name.");
        }
        else if (generated && CSharpNaming.ReservedTypeNames.Contains(CSharpNaming.ToPascalCase(name)))
        {
            diagnostics.Error(SchemaDiagnosticIds.ReservedName, declaration.NameLocation,
                $"Type name '{name}' is reserved: the generator emits a type named '{CSharpNaming.ToPascalCase(name)}'.");
        }
    }

    /// <summary>Reports field names DataStore reserves (and renamed C# properties); returns false when the field must not be used.</summary>
    public static bool CheckFieldName(string typeName, string fieldName, SchemaLocation location, DiagnosticBag diagnostics)
    {
        if (SyncMetadataFields.Contains(fieldName))
        {
            diagnostics.Error(SchemaDiagnosticIds.ReservedName, location,
                $"Field '{typeName}.{fieldName}' is reserved: '{fieldName}' is sync metadata that DataStore manages itself.");
            return false;
        }
        if (fieldName.StartsWith("_", StringComparison.Ordinal))
        {
            diagnostics.Error(SchemaDiagnosticIds.ReservedName, location,
                $"Field '{typeName}.{fieldName}' is reserved: names starting with '_' are kept for sync metadata (_version, _deleted, _lastChangedAt).");
            return false;
        }
        if (CSharpNaming.IsRenamed(typeName, fieldName))
        {
            string pascal = CSharpNaming.ToPascalCase(fieldName);
            string reason = pascal == CSharpNaming.ToPascalCase(typeName)
                ? $"a member cannot have the same name as its enclosing type '{CSharpNaming.TypeName(typeName)}'"
                : $"'{pascal}' is a member every generated type declares";
            diagnostics.Info(SchemaDiagnosticIds.RenamedMember, location,
                $"Field '{typeName}.{fieldName}' is generated as C# property '{CSharpNaming.PropertyName(typeName, fieldName)}' because {reason}.");
        }
        return true;
    }

    /// <summary>One name to check for collisions: its GraphQL name, C# name and where it is declared.</summary>
    public readonly struct Candidate
    {
        public Candidate(string name, string csharpName, SchemaLocation location)
        {
            Name = name;
            CSharpName = csharpName;
            Location = location;
        }

        public string Name { get; }

        public string CSharpName { get; }

        public SchemaLocation Location { get; }
    }

    /// <summary>
    /// Reports every name whose C# identifier equals that of an earlier one. <paramref name="describe"/> builds the
    /// message from the two GraphQL names and the shared C# name.
    /// </summary>
    public static void CheckCollisions(IEnumerable<Candidate> candidates, Func<string, string, string, string> describe, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (seen.TryGetValue(candidate.CSharpName, out var first))
            {
                if (first.Name == candidate.Name) continue; // exact duplicates are ADS1003/ADS1004
                diagnostics.Error(SchemaDiagnosticIds.NameCollision, candidate.Location, describe(first.Name, candidate.Name, candidate.CSharpName));
            }
            else
            {
                seen.Add(candidate.CSharpName, candidate);
            }
        }
    }
}
