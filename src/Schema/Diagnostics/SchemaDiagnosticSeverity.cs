namespace Amplify.DataStore.Schema;

/// <summary>How serious a schema diagnostic is.</summary>
public enum SchemaDiagnosticSeverity
{
    /// <summary>Informational: the schema is usable as is.</summary>
    Info,
    /// <summary>Likely a mistake; generation continues.</summary>
    Warning,
    /// <summary>The schema cannot be used; no code is generated.</summary>
    Error,
}
