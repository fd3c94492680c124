namespace Amplify.DataStore.Schema.Validation;

/// <summary>
/// A minimal JSON syntax check for <c>AWSJSON</c> default values (netstandard2.0 has no JSON parser). Nesting is
/// bounded so hostile input cannot overflow the stack.
/// </summary>
internal static class JsonSyntax
{
    private const int MaxDepth = 64;

    public static bool IsValid(string text)
    {
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
        if (depth > MaxDepth) return false;
        SkipWhitespace(s, ref i);
        if (i >= s.Length) return false;
        switch (s[i])
        {
            case '{': return ParseObject(s, ref i, depth);
            case '[': return ParseArray(s, ref i, depth);
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
            if (c != '\\') continue;
            if (i >= s.Length) return false;
            char e = s[i++];
            if (e == 'u')
            {
                for (int k = 0; k < 4; k++, i++)
                {
                    if (i >= s.Length || !IsHex(s[i])) return false;
                }
            }
            else if ("\"\\/bfnrt".IndexOf(e) < 0)
            {
                return false;
            }
        }
        return false;
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
