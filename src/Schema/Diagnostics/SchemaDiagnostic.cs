namespace Amplify.DataStore.Schema;

/// <summary>A problem found in a schema, as data (never an exception).</summary>
/// <param name="Id">Stable ID such as <c>ADS1001</c> (see <see cref="SchemaDiagnosticIds"/>).</param>
/// <param name="Severity">Error, warning or info.</param>
/// <param name="Message">What is wrong and where, naming the type/field/directive.</param>
/// <param name="Location">Where in which schema file.</param>
public sealed record SchemaDiagnostic(string Id, SchemaDiagnosticSeverity Severity, string Message, SourceSpan Location)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Location}: {Severity.ToString().ToLowerInvariant()} {Id}: {Message}";
}
