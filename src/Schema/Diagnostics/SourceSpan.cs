namespace Amplify.DataStore.Schema;

/// <summary>A location in a schema file: character offsets plus 1-based line/column of both ends.</summary>
/// <param name="FilePath">The schema file path.</param>
/// <param name="Start">0-based character offset of the first character.</param>
/// <param name="Length">Length in characters.</param>
/// <param name="StartLine">1-based line of the start.</param>
/// <param name="StartColumn">1-based column of the start.</param>
/// <param name="EndLine">1-based line of the end.</param>
/// <param name="EndColumn">1-based column just past the end.</param>
public sealed record SourceSpan(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>The text <c>path(line,column)</c>, as compilers print it.</summary>
    public override string ToString() => $"{FilePath}({StartLine},{StartColumn})";
}
