using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Amplify.DataStore.Schema.Validation;
using GraphQLParser.AST;

namespace Amplify.DataStore.Schema.Parsing;

/// <summary>
/// Typed access to the arguments of one directive. Unknown, repeated and wrongly typed arguments are reported as
/// ADS1015 and then treated as absent, so callers only see well-formed values.
/// </summary>
internal sealed class DirectiveArguments
{
    private readonly Dictionary<string, GraphQLArgument> _arguments = new(StringComparer.Ordinal);
    private readonly DiagnosticBag _diagnostics;

    private DirectiveArguments(Located<GraphQLDirective> directive, string owner, DiagnosticBag diagnostics)
    {
        Directive = directive;
        Owner = owner;
        _diagnostics = diagnostics;
    }

    public Located<GraphQLDirective> Directive { get; }

    /// <summary>The directive name without <c>@</c>.</summary>
    public string Name => Directive.Node.Name.StringValue;

    /// <summary>What the directive is on, for messages: <c>type 'Post'</c> or <c>field 'Post.title'</c>.</summary>
    public string Owner { get; }

    public SchemaLocation Location => Directive.Location;

    public SourceDocument Document => Directive.Document;

    public static DirectiveArguments Read(Located<GraphQLDirective> directive, string owner, DiagnosticBag diagnostics)
    {
        var result = new DirectiveArguments(directive, owner, diagnostics);
        var known = DirectiveCatalog.ArgumentsOf(result.Name);
        if (directive.Node.Arguments is null) return result;

        foreach (var argument in directive.Node.Arguments.Items)
        {
            string name = argument.Name.StringValue;
            if (!known.Contains(name))
            {
                diagnostics.Error(SchemaDiagnosticIds.InvalidDirectiveArgument, directive.At(argument),
                    $"@{result.Name} on {owner} has unknown argument '{name}'; expected one of: {string.Join(", ", known)}.");
            }
            else if (result._arguments.ContainsKey(name))
            {
                diagnostics.Error(SchemaDiagnosticIds.InvalidDirectiveArgument, directive.At(argument),
                    $"@{result.Name} on {owner} has argument '{name}' more than once.");
            }
            else
            {
                result._arguments.Add(name, argument);
            }
        }
        return result;
    }

    public bool Has(string name) => _arguments.ContainsKey(name);

    public GraphQLArgument? Get(string name) => _arguments.TryGetValue(name, out var argument) ? argument : null;

    public SchemaLocation At(ASTNode node) => Directive.At(node);

    /// <summary>The location of an argument, or of the directive when the argument is absent.</summary>
    public SchemaLocation ArgumentLocation(string name) => Get(name) is { } argument ? At(argument) : Location;

    public bool IsNull(string name) => Get(name)?.Value is GraphQLNullValue;

    /// <summary>Absent or written as <c>null</c>.</summary>
    public bool IsMissing(string name) => Get(name) is null || IsNull(name);

    /// <summary>Reports that a required argument is missing.</summary>
    public void ReportMissing(string argument) =>
        _diagnostics.Error(SchemaDiagnosticIds.InvalidDirectiveArgument, Location,
            $"@{Name} on {Owner} is missing the required argument '{argument}'.");

    /// <summary>Reports an invalid argument value at <paramref name="location"/>.</summary>
    public void ReportInvalid(SchemaLocation location, string message) =>
        _diagnostics.Error(SchemaDiagnosticIds.InvalidDirectiveArgument, location, $"@{Name} on {Owner}: {message}");

    /// <summary>A string argument; null when absent, null-valued or of the wrong type (reported).</summary>
    public NameRef? String(string name)
    {
        var argument = Get(name);
        if (argument is null || argument.Value is GraphQLNullValue) return null;
        if (argument.Value is GraphQLStringValue s) return new NameRef(s.Value.ToString(), At(argument.Value));
        ReportInvalid(At(argument.Value), $"argument '{name}' must be a string, not {Describe(argument.Value)}.");
        return null;
    }

    /// <summary>
    /// A list of field names (<c>["a", "b"]</c>; a single string counts as a one-item list, as GraphQL input
    /// coercion allows). Null when absent or invalid (reported).
    /// </summary>
    public List<NameRef>? NameList(string name)
    {
        var argument = Get(name);
        if (argument is null || argument.Value is GraphQLNullValue) return null;
        var result = new List<NameRef>();
        if (argument.Value is GraphQLStringValue single)
        {
            result.Add(new NameRef(single.Value.ToString(), At(single)));
            return result;
        }
        if (argument.Value is GraphQLListValue list)
        {
            foreach (var item in list.Values ?? new List<GraphQLValue>())
            {
                if (item is GraphQLStringValue s)
                {
                    result.Add(new NameRef(s.Value.ToString(), At(s)));
                    continue;
                }
                ReportInvalid(At(item), $"argument '{name}' must be a list of strings, but it contains {Describe(item)}.");
                return null;
            }
            return result;
        }
        ReportInvalid(At(argument.Value), $"argument '{name}' must be a list of strings, not {Describe(argument.Value)}.");
        return null;
    }

    /// <summary>Describes a value for messages: <c>Int 5</c>, <c>enum value OWNER</c>, <c>a list</c>, ….</summary>
    public static string Describe(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => $"the string \"{s.Value}\"",
        GraphQLIntValue i => $"the Int {i.Value}",
        GraphQLFloatValue f => $"the Float {f.Value}",
        GraphQLBooleanValue b => $"the Boolean {b.Value}",
        GraphQLNullValue => "null",
        GraphQLEnumValue e => $"the enum value {e.Name.StringValue}",
        GraphQLListValue => "a list",
        GraphQLObjectValue => "an object",
        GraphQLVariable v => $"the variable ${v.Name.StringValue}",
        _ => value.Kind.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
