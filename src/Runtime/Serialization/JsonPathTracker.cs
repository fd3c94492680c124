using System;
using System.Text;

namespace Amplify.DataStore.Serialization;

/// <summary>
/// Tracks where a JSON reader or writer is, so errors can name the path (<c>$.tags[2]</c>, <c>$.address.city</c>).
/// Only the stack is maintained per token; the path text is built when an error needs it.
/// </summary>
internal sealed class JsonPathTracker
{
    private Frame[] _frames = new Frame[8];
    private int _depth;

    /// <summary>The number of open objects and arrays.</summary>
    public int Depth => _depth;

    /// <summary>True when the innermost container is an array.</summary>
    public bool InArray => _depth > 0 && _frames[_depth - 1].IsArray;

    /// <summary>Enters an object.</summary>
    public void PushObject() => Push(new Frame(IsArray: false));

    /// <summary>Enters an array; the first <see cref="NextItem"/> moves to index 0.</summary>
    public void PushArray() => Push(new Frame(IsArray: true) { Index = -1 });

    /// <summary>Leaves the innermost object or array.</summary>
    public void Pop()
    {
        if (_depth > 0) _frames[--_depth] = default;
    }

    /// <summary>Records the property whose value comes next.</summary>
    public void SetProperty(string name)
    {
        if (_depth > 0) _frames[_depth - 1].Property = name;
    }

    /// <summary>Moves to the next item of the innermost array.</summary>
    public void NextItem()
    {
        if (_depth > 0) _frames[_depth - 1].Index++;
    }

    /// <summary>The path, e.g. <c>$.posts[3].title</c>.</summary>
    public override string ToString()
    {
        var path = new StringBuilder("$");
        for (int i = 0; i < _depth; i++)
        {
            ref readonly var frame = ref _frames[i];
            if (frame.IsArray)
            {
                if (frame.Index >= 0) path.Append('[').Append(frame.Index).Append(']');
            }
            else if (frame.Property is { } name)
            {
                if (IsIdentifier(name)) path.Append('.').Append(name);
                else path.Append("['").Append(name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
            }
        }
        return path.ToString();
    }

    private void Push(Frame frame)
    {
        if (_depth == _frames.Length) Array.Resize(ref _frames, _depth * 2);
        _frames[_depth++] = frame;
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0])) return false;
        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_')) return false;
        }
        return true;
    }

    private record struct Frame(bool IsArray)
    {
        public string? Property;
        public int Index;
    }
}
