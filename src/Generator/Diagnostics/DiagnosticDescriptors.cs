using System.Collections.Generic;
using Amplify.DataStore.Schema;
using Microsoft.CodeAnalysis;

namespace Amplify.DataStore.Generator.Diagnostics;

/// <summary>One descriptor per schema diagnostic ID, with a help link to <c>docs/diagnostics/&lt;ID&gt;.md</c>.</summary>
public static class DiagnosticDescriptors
{
    /// <summary>The category of every schema diagnostic.</summary>
    public const string Category = "AmplifyDataStore.Schema";

    /// <summary>Where the per-ID documentation lives.</summary>
    public const string HelpLinkBase = "https://github.com/amplify-datastore-dotnet/amplify-datastore-dotnet/blob/main/docs/diagnostics/";

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new();

    /// <summary>ADS1001.</summary>
    public static readonly DiagnosticDescriptor SyntaxError = Create(SchemaDiagnosticIds.SyntaxError, "GraphQL syntax error", DiagnosticSeverity.Error);
    /// <summary>ADS1002.</summary>
    public static readonly DiagnosticDescriptor UnknownType = Create(SchemaDiagnosticIds.UnknownType, "Unknown or unsupported type", DiagnosticSeverity.Error);
    /// <summary>ADS1003.</summary>
    public static readonly DiagnosticDescriptor DuplicateType = Create(SchemaDiagnosticIds.DuplicateType, "Duplicate type", DiagnosticSeverity.Error);
    /// <summary>ADS1004.</summary>
    public static readonly DiagnosticDescriptor DuplicateField = Create(SchemaDiagnosticIds.DuplicateField, "Duplicate field or enum value", DiagnosticSeverity.Error);
    /// <summary>ADS1005.</summary>
    public static readonly DiagnosticDescriptor InvalidPrimaryKey = Create(SchemaDiagnosticIds.InvalidPrimaryKey, "Model has no usable primary key", DiagnosticSeverity.Error);
    /// <summary>ADS1006.</summary>
    public static readonly DiagnosticDescriptor RelationshipFieldNotFound = Create(SchemaDiagnosticIds.RelationshipFieldNotFound, "Relationship names a missing field", DiagnosticSeverity.Error);
    /// <summary>ADS1007.</summary>
    public static readonly DiagnosticDescriptor RelationshipKeyTypeMismatch = Create(SchemaDiagnosticIds.RelationshipKeyTypeMismatch, "Relationship key type mismatch", DiagnosticSeverity.Error);
    /// <summary>ADS1008.</summary>
    public static readonly DiagnosticDescriptor IndexNotFound = Create(SchemaDiagnosticIds.IndexNotFound, "Index not found", DiagnosticSeverity.Error);
    /// <summary>ADS1009.</summary>
    public static readonly DiagnosticDescriptor ManyToManyMismatch = Create(SchemaDiagnosticIds.ManyToManyMismatch, "@manyToMany relation does not pair up", DiagnosticSeverity.Error);
    /// <summary>ADS1010.</summary>
    public static readonly DiagnosticDescriptor ReservedName = Create(SchemaDiagnosticIds.ReservedName, "Reserved name", DiagnosticSeverity.Error);
    /// <summary>ADS1011.</summary>
    public static readonly DiagnosticDescriptor UnsupportedDirective = Create(SchemaDiagnosticIds.UnsupportedDirective, "Directive not used by DataStore", DiagnosticSeverity.Info);
    /// <summary>ADS1012.</summary>
    public static readonly DiagnosticDescriptor UnknownDirective = Create(SchemaDiagnosticIds.UnknownDirective, "Unknown directive", DiagnosticSeverity.Warning);
    /// <summary>ADS1013.</summary>
    public static readonly DiagnosticDescriptor UnconnectedModelField = Create(SchemaDiagnosticIds.UnconnectedModelField, "Model-typed field without relationship directive", DiagnosticSeverity.Warning);
    /// <summary>ADS1014.</summary>
    public static readonly DiagnosticDescriptor InvalidRelationship = Create(SchemaDiagnosticIds.InvalidRelationship, "Relationship directive on a field of the wrong shape", DiagnosticSeverity.Error);
    /// <summary>ADS1015.</summary>
    public static readonly DiagnosticDescriptor InvalidDirectiveArgument = Create(SchemaDiagnosticIds.InvalidDirectiveArgument, "Invalid directive argument", DiagnosticSeverity.Error);
    /// <summary>ADS1016.</summary>
    public static readonly DiagnosticDescriptor InvalidDefaultValue = Create(SchemaDiagnosticIds.InvalidDefaultValue, "Invalid @default value", DiagnosticSeverity.Error);
    /// <summary>ADS1017.</summary>
    public static readonly DiagnosticDescriptor NameCollision = Create(SchemaDiagnosticIds.NameCollision, "Names collide in C#", DiagnosticSeverity.Error);
    /// <summary>ADS1018.</summary>
    public static readonly DiagnosticDescriptor UnsupportedFieldShape = Create(SchemaDiagnosticIds.UnsupportedFieldShape, "Unsupported field shape", DiagnosticSeverity.Error);
    /// <summary>ADS1019.</summary>
    public static readonly DiagnosticDescriptor RenamedMember = Create(SchemaDiagnosticIds.RenamedMember, "Member renamed in C#", DiagnosticSeverity.Info);

    /// <summary>The descriptor of a schema diagnostic ID, or null for an unknown ID.</summary>
    public static DiagnosticDescriptor? Find(string id) => ById.TryGetValue(id, out var d) ? d : null;

    private static DiagnosticDescriptor Create(string id, string title, DiagnosticSeverity severity)
    {
        var descriptor = new DiagnosticDescriptor(id, title, "{0}", Category, severity, isEnabledByDefault: true,
            description: title + ". See the help link for what it means and how to fix it.",
            helpLinkUri: HelpLinkBase + id + ".md");
        ById[id] = descriptor;
        return descriptor;
    }
}
