namespace Amplify.DataStore.AwsScalars;

/// <summary>
/// AppSync's <c>AWSJSON</c>, shared by the runtime, the local backend and the schema's <c>@default</c> check: exactly
/// one JSON value (RFC 8259; whitespace around it allowed), nested at most 64 levels (System.Text.Json's default, and a
/// bound so hostile input cannot overflow the stack), and valid Unicode text: a lone UTF-16 surrogate, written as is or
/// as a <c>\u</c> escape, is refused (it cannot be UTF-8, so a server cannot store it faithfully). Hand-written
/// because the schema library targets netstandard2.0, which has no JSON parser.
/// </summary>
internal static class AwsJsonRule
{
    /// <summary>The deepest nesting of arrays and objects accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>True when <paramref name="text"/> is AWSJSON.</summary>
    public static bool IsValid(string? text)
    {
        if (text is null) return false;
        int i = 0;
        return ParseValue(text, ref i, 0) && SkipWhitespace(text, ref i) == text.Length;
    }

    private static int SkipWhitespace(string s, ref int i)
    {
        while (i < s.Length && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
        return i;
    }

    private static bool ParseValue(string s, ref int i, int depth)
    {
        SkipWhitespace(s, ref i);
        if (i >= s.Length) return false;
        switch (s[i])
        {
            // depth counts the arrays and objects around this value: this one would be level depth + 1.
            case '{': return depth < MaxDepth && ParseObject(s, ref i, depth);
            case '[': return depth < MaxDepth && ParseArray(s, ref i, depth);
            case '"': return ParseString(s, ref i);
            case 't': return Literal(s, ref i, "true");
            case 'f': return Literal(s, ref i, "false");
            case 'n': return Literal(s, ref i, "null");
            default: return ParseNumber(s, ref i);
        }
    }

    private static bool ParseObject(string s, ref int i, int depth)
    {
        i++; // {
        if (SkipWhitespace(s, ref i) < s.Length && s[i] == '}') { i++; return true; }
        while (true)
        {
            SkipWhitespace(s, ref i);
            if (i >= s.Length || s[i] != '"' || !ParseString(s, ref i)) return false;
            if (SkipWhitespace(s, ref i) >= s.Length || s[i] != ':') return false;
            i++;
            if (!ParseValue(s, ref i, depth + 1)) return false;
            if (SkipWhitespace(s, ref i) >= s.Length) return false;
            if (s[i] == '}') { i++; return true; }
            if (s[i] != ',') return false;
            i++;
        }
    }

    private static bool ParseArray(string s, ref int i, int depth)
    {
        i++; // [
        if (SkipWhitespace(s, ref i) < s.Length && s[i] == ']') { i++; return true; }
        while (true)
        {
            if (!ParseValue(s, ref i, depth + 1)) return false;
            if (SkipWhitespace(s, ref i) >= s.Length) return false;
            if (s[i] == ']') { i++; return true; }
            if (s[i] != ',') return false;
            i++;
        }
    }

    private static bool ParseString(string s, ref int i)
    {
        i++; // opening quote
        while (i < s.Length)
        {
            char c = s[i++];
            if (c == '"') return true;
            if (c < ' ') return false;
            if (char.IsHighSurrogate(c))
            {
                if (i >= s.Length || !char.IsLowSurrogate(s[i])) return false;
                i++;
                continue;
            }
            if (char.IsLowSurrogate(c)) return false;
            if (c != '\\') continue;
            if (i >= s.Length) return false;
            char e = s[i++];
            if (e == 'u')
            {
                if (!Hex4(s, ref i, out int unit)) return false;
                if (unit >= 0xDC00 && unit <= 0xDFFF) return false; // a low surrogate with no high one before it
                if (unit >= 0xD800 && unit <= 0xDBFF)
                {
                    // An escaped high surrogate must be followed by an escaped low one.
                    if (i + 1 >= s.Length || s[i] != '\\' || s[i + 1] != 'u') return false;
                    i += 2;
                    if (!Hex4(s, ref i, out int low) || low < 0xDC00 || low > 0xDFFF) return false;
                }
            }
            else if ("\"\\/bfnrt".IndexOf(e) < 0)
            {
                return false;
            }
        }
        return false;
    }

    private static bool Hex4(string s, ref int i, out int value)
    {
        value = 0;
        for (int k = 0; k < 4; k++, i++)
        {
            if (i >= s.Length || !IsHex(s[i])) return false;
            char h = s[i];
            value = value * 16 + (h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
        }
        return true;
    }

    private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    private static bool ParseNumber(string s, ref int i)
    {
        int start = i;
        if (i < s.Length && s[i] == '-') i++;
        if (i >= s.Length) return false;
        if (s[i] == '0') i++;
        else if (!Digits(s, ref i)) return false;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            if (!Digits(s, ref i)) return false;
        }
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < s.Length && (s[i] == '+' || s[i] == '-')) i++;
            if (!Digits(s, ref i)) return false;
        }
        return i > start;
    }

    private static bool Digits(string s, ref int i)
    {
        int start = i;
        while (i < s.Length && s[i] >= '0' && s[i] <= '9') i++;
        return i > start;
    }

    private static bool Literal(string s, ref int i, string literal)
    {
        if (string.CompareOrdinal(s, i, literal, 0, literal.Length) != 0) return false;
        i += literal.Length;
        return true;
    }
}
