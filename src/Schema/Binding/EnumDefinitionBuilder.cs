using System.Collections.Generic;
using Amplify.DataStore.Schema.Parsing;
using Amplify.DataStore.Schema.Validation;
using GraphQLParser.AST;

namespace Amplify.DataStore.Schema.Binding;

/// <summary>Builds an <see cref="EnumDefinition"/>: duplicate values (ADS1004), C# member collisions (ADS1017), directives.</summary>
internal static class EnumDefinitionBuilder
{
    public static EnumDefinition Build(TypeDeclaration declaration, DirectiveSiteChecker directives, DiagnosticBag diagnostics)
    {
        string name = declaration.Name;
        // No processed directive belongs on an enum; the checker reports misplaced, unknown and unsupported ones.
        directives.Check(declaration.Directives, DirectiveSite.Enum, $"enum '{name}'");

        var values = new List<string>();
        var first = new Dictionary<string, SchemaLocation>();
        var candidates = new List<NameRules.Candidate>();
        foreach (var value in declaration.EnumValues)
        {
            string text = value.Node.Name.StringValue;
            var location = value.At(value.Node.Name);
            directives.Check(Directives(value), DirectiveSite.EnumValue, $"enum value '{name}.{text}'");
            if (first.TryGetValue(text, out var firstLocation))
            {
                diagnostics.Error(SchemaDiagnosticIds.DuplicateField, location,
                    $"Enum value '{text}' is defined more than once in enum '{name}' (first at {firstLocation}).");
                continue;
            }
            first.Add(text, location);
            values.Add(text);
            candidates.Add(new NameRules.Candidate(text, CSharpNaming.EnumMemberName(text), location));
        }

        NameRules.CheckCollisions(candidates,
            (a, b, cs) => $"Enum values '{a}' and '{b}' in enum '{name}' both map to the C# member '{cs}'.",
            diagnostics);
        return new EnumDefinition(name, values.ToEquatableArray());
    }

    private static IEnumerable<Located<GraphQLDirective>> Directives(Located<GraphQLEnumValueDefinition> value)
    {
        if (value.Node.Directives is null) yield break;
        foreach (var directive in value.Node.Directives.Items) yield return new Located<GraphQLDirective>(directive, value.Document);
    }
}
