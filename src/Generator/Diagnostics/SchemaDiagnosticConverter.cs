using Amplify.DataStore.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Amplify.DataStore.Generator.Diagnostics;

/// <summary>Turns schema diagnostics (data) into Roslyn diagnostics located in the .graphql file.</summary>
internal static class SchemaDiagnosticConverter
{
    public static Diagnostic ToDiagnostic(SchemaDiagnostic d)
    {
        var span = d.Location;
        var location = Location.Create(
            span.FilePath,
            new TextSpan(span.Start, span.Length),
            new LinePositionSpan(
                new LinePosition(span.StartLine - 1, span.StartColumn - 1),
                new LinePosition(span.EndLine - 1, span.EndColumn - 1)));
        var descriptor = DiagnosticDescriptors.Find(d.Id) ?? DiagnosticDescriptors.SyntaxError;
        var severity = d.Severity switch
        {
            SchemaDiagnosticSeverity.Error => DiagnosticSeverity.Error,
            SchemaDiagnosticSeverity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        };
        return Diagnostic.Create(descriptor, location, severity, additionalLocations: null, properties: null, d.Message);
    }
}
