using System.Collections.Generic;

namespace Amplify.DataStore.Schema.Parsing;

/// <summary>Collects diagnostics while the schema is analysed and returns them in file, then position, order.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<(SchemaDiagnostic Diagnostic, int FileIndex, int Sequence)> _items = new();
    private readonly HashSet<(string Id, string Message, int Start, string Path)> _seen = new();

    public bool HasErrors => ErrorCount > 0;

    /// <summary>The number of errors so far; callers compare it before and after a step to see whether it failed.</summary>
    public int ErrorCount { get; private set; }

    public void Error(string id, SchemaLocation location, string message) =>
        Report(id, SchemaDiagnosticSeverity.Error, location, message);

    public void Warning(string id, SchemaLocation location, string message) =>
        Report(id, SchemaDiagnosticSeverity.Warning, location, message);

    public void Info(string id, SchemaLocation location, string message) =>
        Report(id, SchemaDiagnosticSeverity.Info, location, message);

    public void Report(string id, SchemaDiagnosticSeverity severity, SchemaLocation location, string message)
    {
        // The same problem can be reached from both sides of a relationship; report it once.
        if (!_seen.Add((id, message, location.Start, location.Document.Path))) return;
        if (severity == SchemaDiagnosticSeverity.Error) ErrorCount++;
        _items.Add((new SchemaDiagnostic(id, severity, message, location.ToSpan()), location.Document.Index, _items.Count));
    }

    public EquatableArray<SchemaDiagnostic> ToSortedArray()
    {
        var sorted = new List<(SchemaDiagnostic Diagnostic, int FileIndex, int Sequence)>(_items);
        sorted.Sort((a, b) =>
        {
            int c = a.FileIndex.CompareTo(b.FileIndex);
            if (c != 0) return c;
            c = a.Diagnostic.Location.Start.CompareTo(b.Diagnostic.Location.Start);
            return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
        });
        var result = new SchemaDiagnostic[sorted.Count];
        for (int i = 0; i < result.Length; i++) result[i] = sorted[i].Diagnostic;
        return EquatableArray<SchemaDiagnostic>.FromOwnedArray(result);
    }
}
