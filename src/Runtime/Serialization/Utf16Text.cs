using System;

namespace Amplify.DataStore.Serialization;

/// <summary>
/// Finds lone UTF-16 surrogates: a string holding one cannot be encoded as UTF-8, so neither JSON for AppSync nor the
/// storage file can carry it.
/// </summary>
internal static class Utf16Text
{
    /// <summary>The index of the first surrogate that is not part of a high-low pair, or -1 when the text is valid UTF-16.</summary>
    public static int IndexOfLoneSurrogate(ReadOnlySpan<char> text)
    {
        int offset = 0;
        while (true)
        {
            // Vectorized skip to the next surrogate: most text has none, or only a few pairs (emoji).
            int found = text[offset..].IndexOfAnyInRange('\uD800', '\uDFFF');
            if (found < 0) return -1;
            int i = offset + found;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                offset = i + 2;
                continue;
            }
            return i;
        }
    }

    /// <summary>Describes the lone surrogate at <paramref name="index"/> for an error message.</summary>
    public static string DescribeLoneSurrogate(ReadOnlySpan<char> text, int index)
        => $"contains a lone UTF-16 surrogate (\\u{(int)text[index]:X4} at index {index}), which is not valid Unicode text and cannot be encoded as UTF-8.";
}
