namespace Amplify.DataStore.Schema;

/// <summary>The outcome of parsing and validating a project's schema files.</summary>
/// <param name="Schema">The schema, or <see langword="null"/> when any error diagnostic was reported.</param>
/// <param name="Diagnostics">Every diagnostic, in file then position order.</param>
public sealed record SchemaParseResult(SchemaModel? Schema, EquatableArray<SchemaDiagnostic> Diagnostics)
{
    /// <summary>True when at least one diagnostic is an error.</summary>
    public bool HasErrors
    {
        get
        {
            foreach (var d in Diagnostics) if (d.Severity == SchemaDiagnosticSeverity.Error) return true;
            return false;
        }
    }
}
