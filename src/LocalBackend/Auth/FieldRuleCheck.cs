using System.Collections.Generic;
using System.Linq;
using Amplify.DataStore.Schema;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using GraphQLParser.Visitors;

namespace Amplify.DataStore.LocalBackend.Auth;

/// <summary>
/// Finds field-level <c>@auth</c> rules the local backend cannot enforce, so it refuses the schema at startup instead
/// of serving a protected field unprotected.
/// </summary>
internal static class FieldRuleCheck
{
    /// <summary>One sentence per unenforceable rule, naming the field and the rule; empty when every rule is enforced.</summary>
    /// <param name="schema">The parsed schema.</param>
    /// <param name="files">Its source: the schema parser drops (with a warning) <c>@auth</c> on types without <c>@model</c>.</param>
    public static IReadOnlyList<string> Problems(SchemaModel schema, IEnumerable<SchemaFile> files)
    {
        var problems = new List<string>(RulesOnTypesWithoutModel(files));
        foreach (var model in schema.Models)
        {
            var implicitOwner = new ModelAuthorization(model).ImplicitOwnerField;
            foreach (var field in model.Fields.Where(f => f.AuthRules.Count > 0))
            {
                if (field.IsValueRequired)
                {
                    problems.Add($"{model.Name}.{field.Name}: {Describe(field.AuthRules[0])} protects a non-null field; a subscription event must redact it " +
                        "to null for subscribers the rules do not let read it, so make the field nullable.");
                }
                foreach (var rule in field.AuthRules)
                {
                    var itemField = rule.Allow == "owner" ? rule.OwnerField ?? "owner" : rule.GroupsField;
                    if (itemField is null || !AuthRuleSet.IsItemLevel(rule)) continue;
                    if (model.FindField(itemField) is { Association: null } || itemField == implicitOwner) continue;
                    problems.Add($"{model.Name}.{field.Name}: {Describe(rule)} reads the field '{itemField}', which {model.Name} does not declare " +
                        "(and no model-level owner rule adds); declare it on the model.");
                }
            }
        }
        return problems;
    }

    private static IEnumerable<string> RulesOnTypesWithoutModel(IEnumerable<SchemaFile> files)
    {
        // Definitions and extensions: @model may sit on either, and either may declare fields.
        var types = new List<(string Name, GraphQLDirectives? Directives, GraphQLFieldsDefinition? Fields)>();
        foreach (var file in files)
        {
            GraphQLDocument document;
            try
            {
                document = Parser.Parse(file.Text);
            }
            catch (GraphQLSyntaxErrorException)
            {
                continue; // the schema parser accepted the file, so this does not happen; nothing to check if it does
            }
            foreach (var definition in document.Definitions)
            {
                switch (definition)
                {
                    case GraphQLObjectTypeDefinition type:
                        types.Add((type.Name.StringValue, type.Directives, type.Fields));
                        break;
                    case GraphQLObjectTypeExtension extension:
                        types.Add((extension.Name.StringValue, extension.Directives, extension.Fields));
                        break;
                }
            }
        }

        var models = types.Where(t => t.Directives?.Items.Any(d => d.Name.StringValue == "model") == true).Select(t => t.Name).ToHashSet();
        var printer = new SDLPrinter();
        foreach (var (name, _, fields) in types)
        {
            if (fields is null || models.Contains(name)) continue;
            foreach (var field in fields.Items)
            {
                foreach (var directive in field.Directives?.Items ?? new List<GraphQLDirective>())
                {
                    if (directive.Name.StringValue != "auth") continue;
                    yield return $"{name}.{field.Name.StringValue}: {printer.Print(directive)} is on a type without @model; field rules are enforced " +
                        "only on @model types, whose stored item the owner and group rules are checked against. Move the rule to the model field that holds this type.";
                }
            }
        }
    }

    /// <summary>A rule as the schema would spell it, with the defaults the parser filled in.</summary>
    public static string Describe(AuthRule rule)
    {
        var parts = new List<string> { "allow: " + rule.Allow };
        if (rule.Provider is { } provider) parts.Add("provider: " + provider);
        if (rule.OwnerField is { } ownerField) parts.Add($"ownerField: \"{ownerField}\"");
        if (rule.IdentityClaim is { } identityClaim) parts.Add($"identityClaim: \"{identityClaim}\"");
        if (rule.Groups.Count > 0) parts.Add("groups: [" + string.Join(", ", rule.Groups.Select(g => $"\"{g}\"")) + "]");
        if (rule.GroupsField is { } groupsField) parts.Add($"groupsField: \"{groupsField}\"");
        if (rule.Allow == "groups" && rule.GroupClaim is { } groupClaim) parts.Add($"groupClaim: \"{groupClaim}\"");
        if (rule.Operations.Count > 0) parts.Add("operations: [" + string.Join(", ", rule.Operations) + "]");
        return "@auth rule { " + string.Join(", ", parts) + " }";
    }
}
