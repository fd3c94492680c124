using System.Collections.Generic;
using Amplify.DataStore.Schema.Parsing;
using GraphQLParser.AST;

namespace Amplify.DataStore.Schema.Validation;

/// <summary>
/// Classifies each directive at one site (type, field, enum, enum value): reports unknown (ADS1012), unsupported
/// (ADS1011), misplaced or repeated (ADS1015) directives and hands the processed ones back to the caller.
/// </summary>
internal sealed class DirectiveSiteChecker
{
    private readonly DeclarationSet _declarations;
    private readonly DiagnosticBag _diagnostics;

    public DirectiveSiteChecker(DeclarationSet declarations, DiagnosticBag diagnostics)
    {
        _declarations = declarations;
        _diagnostics = diagnostics;
    }

    /// <summary>Returns the directives at the site that DataStore processes, in order, without repeats.</summary>
    /// <param name="directives">The directives written at the site.</param>
    /// <param name="site">What kind of site it is.</param>
    /// <param name="owner">The site for messages, e.g. <c>field 'Post.title'</c>.</param>
    public List<Located<GraphQLDirective>> Check(IEnumerable<Located<GraphQLDirective>> directives, DirectiveSite site, string owner)
    {
        var processed = new List<Located<GraphQLDirective>>();
        var seen = new HashSet<string>();
        foreach (var directive in directives)
        {
            string name = directive.Node.Name.StringValue;
            switch (DirectiveCatalog.Classify(name))
            {
                case DirectiveHandling.Unknown when !_declarations.DeclaredDirectives.Contains(name):
                    _diagnostics.Warning(SchemaDiagnosticIds.UnknownDirective, directive.Location,
                        $"Unknown directive @{name} on {owner}; Amplify does not define it, so it is ignored.");
                    break;
                case DirectiveHandling.Unsupported:
                    _diagnostics.Info(SchemaDiagnosticIds.UnsupportedDirective, directive.Location,
                        $"Directive @{name} on {owner} configures a server-side feature that DataStore does not use; it is ignored.");
                    break;
                case DirectiveHandling.Processed when !DirectiveCatalog.IsAllowedAt(name, site):
                    _diagnostics.Error(SchemaDiagnosticIds.InvalidDirectiveArgument, directive.Location,
                        $"Directive @{name} is not allowed on {owner}; it can only be used on {DirectiveCatalog.DescribeSite(name)}.");
                    break;
                case DirectiveHandling.Processed when !DirectiveCatalog.IsRepeatable(name) && !seen.Add(name):
                    _diagnostics.Error(SchemaDiagnosticIds.InvalidDirectiveArgument, directive.Location,
                        $"Directive @{name} is used more than once on {owner}.");
                    break;
                case DirectiveHandling.Processed:
                    processed.Add(directive);
                    break;
            }
        }
        return processed;
    }

    /// <summary>Reports a model-only directive found on a non-model type or field (ADS1011 warning).</summary>
    public void ReportNotOnModel(Located<GraphQLDirective> directive, string owner, string typeName) =>
        _diagnostics.Warning(SchemaDiagnosticIds.UnsupportedDirective, directive.Location,
            $"Directive @{directive.Node.Name.StringValue} on {owner} has no effect because '{typeName}' is not a @model type; it is ignored.");
}
