using System;
using System.Text;

namespace Amplify.DataStore.Generator.Emit;

/// <summary>A small indented text writer: generated code is written as text, never built as syntax trees.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _sb = new(16 * 1024);
    private int _indent;

    public void Line(string text = "")
    {
        if (text.Length > 0) _sb.Append(' ', _indent * 4).Append(text);
        _sb.Append('\n');
    }

    public void Lines(string text)
    {
        foreach (var line in text.Split('\n')) Line(line.TrimEnd('\r'));
    }

    /// <summary>Writes <paramref name="header"/> then an indented braces block.</summary>
    public Block OpenBlock(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return new Block(this, "}");
    }

    /// <summary>Opens a braces block after header lines written with <see cref="Line"/>.</summary>
    public Block OpenBraces()
    {
        Line("{");
        _indent++;
        return new Block(this, "}");
    }

    /// <summary>Writes a block closed with a custom suffix (e.g. <c>};</c>).</summary>
    public Block OpenBlock(string header, string close)
    {
        Line(header);
        Line("{");
        _indent++;
        return new Block(this, close);
    }

    public void Indent() => _indent++;

    public void Unindent() => _indent--;

    public void Close(string close)
    {
        _indent--;
        Line(close);
    }

    public override string ToString()
    {
        if (_indent != 0) throw new InvalidOperationException("Unbalanced indentation in generated code.");
        return _sb.ToString();
    }

    public readonly struct Block : IDisposable
    {
        private readonly SourceWriter _writer;
        private readonly string _close;

        public Block(SourceWriter writer, string close)
        {
            _writer = writer;
            _close = close;
        }

        public void Dispose() => _writer.Close(_close);
    }
}
