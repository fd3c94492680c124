using Microsoft.CodeAnalysis;

namespace Amplify.DataStore.Analyzers;

/// <summary>Every usage rule: stable IDs ADS2001–ADS2010, each with a help link to <c>docs/diagnostics/&lt;ID&gt;.md</c>.</summary>
public static class DiagnosticDescriptors
{
    /// <summary>Where the per-ID documentation lives.</summary>
    public const string HelpLinkBase = "https://github.com/amplify-datastore-dotnet/amplify-datastore-dotnet/blob/main/docs/diagnostics/";

    private const string Predicates = "AmplifyDataStore.Predicates";
    private const string Usage = "AmplifyDataStore.Usage";

    /// <summary>ADS2001: a LINQ predicate the runtime cannot translate.</summary>
    public static readonly DiagnosticDescriptor UntranslatableLinqPredicate = Create("ADS2001",
        "LINQ predicate cannot be translated",
        "'{0}' cannot be translated to a DataStore predicate: {1}",
        Predicates, DiagnosticSeverity.Warning);

    /// <summary>ADS2002: an operator the field's type does not support.</summary>
    public static readonly DiagnosticDescriptor OperatorNotValidForField = Create("ADS2002",
        "Operator not valid for the field's type",
        "Operator '{0}' is not valid for field '{1}' of type {2}; use one of: {3}",
        Predicates, DiagnosticSeverity.Warning);

    /// <summary>ADS2003: a field name the model does not have.</summary>
    public static readonly DiagnosticDescriptor UnknownField = Create("ADS2003",
        "Unknown field name",
        "Model '{0}' has no field '{1}'{2}",
        Predicates, DiagnosticSeverity.Warning);

    /// <summary>ADS2004: a predicate that is always false or always true.</summary>
    public static readonly DiagnosticDescriptor ConstantPredicate = Create("ADS2004",
        "Predicate is always false or always true",
        "{0} is always {1}: {2}",
        Predicates, DiagnosticSeverity.Warning);

    /// <summary>ADS2005: a predicate sent to AppSync that AppSync cannot evaluate there.</summary>
    public static readonly DiagnosticDescriptor NotEvaluableByAppSync = Create("ADS2005",
        "AppSync cannot evaluate this predicate here",
        "{0} is sent to AppSync, which cannot evaluate it: {1}",
        Predicates, DiagnosticSeverity.Warning);

    /// <summary>ADS2006: a condition on a save that clearly creates the item.</summary>
    public static readonly DiagnosticDescriptor ConditionOnCreate = Create("ADS2006",
        "Condition on a create is ignored",
        "The item saved here is new, and conditions are never evaluated on a create (AppSync ignores them, DataStore drops them); remove the condition or save an existing item",
        Usage, DiagnosticSeverity.Warning);

    /// <summary>ADS2007: a primary key changed in a copy.</summary>
    public static readonly DiagnosticDescriptor PrimaryKeyChanged = Create("ADS2007",
        "Primary key changed in a copy",
        "'{0}' is part of the primary key of '{1}'; changing it in {2} creates a different item instead of updating this one",
        Usage, DiagnosticSeverity.Error);

    /// <summary>ADS2008: an Observe subscription that can never be stopped.</summary>
    public static readonly DiagnosticDescriptor SubscriptionDiscarded = Create("ADS2008",
        "Subscription discarded",
        "The subscription returned by '{0}' is discarded, so it can never be stopped; keep it (for example 'using var')",
        Usage, DiagnosticSeverity.Warning);

    /// <summary>ADS2009: a conditional save or delete with <c>Predicate&lt;T&gt;.All</c>.</summary>
    public static readonly DiagnosticDescriptor ConditionIsAll = Create("ADS2009",
        "Condition is Predicate<T>.All",
        "The condition Predicate<{0}>.All always holds; call '{1}' without a condition",
        Usage, DiagnosticSeverity.Info);

    /// <summary>ADS2010: a type that is not a model of the schema.</summary>
    public static readonly DiagnosticDescriptor ModelNotInSchema = Create("ADS2010",
        "Type is not a model of the schema",
        "'{0}' is not a model of the schema ({1}); DataStore stores only the types generated from it",
        Usage, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity)
        => new(id, title, message, category, severity, isEnabledByDefault: true,
            description: title + ". See the help link for why, how to fix it and an example.",
            helpLinkUri: HelpLinkBase + id + ".md");
}
