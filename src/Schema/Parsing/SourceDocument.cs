using System;
using System.Collections.Generic;
using GraphQLParser.AST;

namespace Amplify.DataStore.Schema.Parsing;

/// <summary>One schema file plus the line map needed to turn character offsets into line/column positions.</summary>
internal sealed class SourceDocument
{
    private readonly int[] _lineStarts;

    public SourceDocument(int index, string path, string text)
    {
        Index = index;
        Path = path;
        Text = text;
        _lineStarts = ComputeLineStarts(text);
    }

    /// <summary>The position of the file in the input, used to order diagnostics.</summary>
    public int Index { get; }

    public string Path { get; }

    public string Text { get; }

    /// <summary>The location of an AST node of this document.</summary>
    public SchemaLocation At(ASTNode node) => new(this, node.Location.Start, node.Location.End);

    /// <summary>The location at a 1-based line and column (as GraphQL-Parser reports syntax errors).</summary>
    public SchemaLocation AtLineColumn(int line, int column)
    {
        if (line < 1) line = 1;
        if (line > _lineStarts.Length) line = _lineStarts.Length;
        int lineStart = _lineStarts[line - 1];
        int lineEnd = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        int offset = Math.Min(lineStart + Math.Max(column, 1) - 1, lineEnd);
        return new SchemaLocation(this, offset, Math.Min(offset + 1, lineEnd));
    }

    /// <summary>Converts offsets to a public <see cref="SourceSpan"/>.</summary>
    public SourceSpan ToSpan(int start, int end)
    {
        start = Clamp(start);
        end = Math.Max(start, Clamp(end));
        var (startLine, startColumn) = LineColumn(start);
        var (endLine, endColumn) = LineColumn(end);
        return new SourceSpan(Path, start, end - start, startLine, startColumn, endLine, endColumn);
    }

    private int Clamp(int offset) => offset < 0 ? 0 : offset > Text.Length ? Text.Length : offset;

    private (int Line, int Column) LineColumn(int offset)
    {
        int index = Array.BinarySearch(_lineStarts, offset);
        if (index < 0) index = ~index - 1;
        return (index + 1, offset - _lineStarts[index] + 1);
    }

    // Line terminators as in the GraphQL spec: \r\n, \n or a lone \r.
    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return starts.ToArray();
    }
}
