namespace Amplify.DataStore.Schema.Parsing;

/// <summary>A span in one <see cref="SourceDocument"/>, kept as offsets until a diagnostic needs it.</summary>
internal readonly struct SchemaLocation
{
    public SchemaLocation(SourceDocument document, int start, int end)
    {
        Document = document;
        Start = start;
        End = end;
    }

    public SourceDocument Document { get; }

    public int Start { get; }

    public int End { get; }

    public SourceSpan ToSpan() => Document.ToSpan(Start, End);

    /// <summary>The text <c>path(line,column)</c>, used in messages that refer to another definition.</summary>
    public override string ToString() => ToSpan().ToString();
}
