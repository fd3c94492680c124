using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Amplify.DataStore.Schema;

/// <summary>
/// English pluralisation of model names, close to the <c>pluralize</c> npm package that Amplify uses for
/// <c>listPosts</c>/<c>syncPosts</c> and default index names: <c>Comment</c> → <c>Comments</c>,
/// <c>Child</c> → <c>Children</c>, <c>Person</c> → <c>People</c>, <c>Category</c> → <c>Categories</c>,
/// <c>Box</c> → <c>Boxes</c>, <c>Bus</c> → <c>Buses</c>, <c>SSN</c> → <c>SSNS</c>.
/// </summary>
public static class Pluralizer
{
    private static readonly HashSet<string> Uncountables = new(StringComparer.OrdinalIgnoreCase)
    {
        "advice", "aircraft", "analytics", "audio", "bison", "cash", "chassis", "clothing", "corps", "data", "debris",
        "deer", "equipment", "feedback", "firmware", "fish", "furniture", "hardware", "headquarters", "information",
        "jeans", "luggage", "mail", "media", "metadata", "moose", "music", "news", "offspring", "personnel", "police",
        "research", "rice", "salmon", "series", "sheep", "shrimp", "software", "species", "staff", "swine", "traffic",
        "trout", "tuna", "wildlife",
    };

    // Whole-word irregulars (pluralize's irregular table); compound names fall through to the suffix rules.
    private static readonly Dictionary<string, string> Irregulars = new(StringComparer.OrdinalIgnoreCase)
    {
        ["person"] = "people", ["child"] = "children", ["man"] = "men", ["woman"] = "women", ["human"] = "humans",
        ["foot"] = "feet", ["tooth"] = "teeth", ["goose"] = "geese", ["ox"] = "oxen", ["die"] = "dice",
        ["quiz"] = "quizzes", ["echo"] = "echoes", ["proof"] = "proofs", ["thief"] = "thieves", ["axe"] = "axes",
        ["genus"] = "genera", ["valve"] = "valves", ["groove"] = "grooves", ["passerby"] = "passersby",
    };

    // Suffix rules, most specific first; the first match wins. "$1" refers to the first capture group.
    private static readonly (Regex Pattern, string Replacement)[] Rules =
    {
        (Rule("(pe)(?:rson|ople)$"), "$1ople"),
        (Rule("(child)(?:ren)?$"), "$1ren"),
        (Rule("m[ae]n$"), "men"),
        (Rule("((?:tit)?m|l)(?:ice|ouse)$"), "$1ice"),
        (Rule("(matr|cod|mur|sil|vert|ind|append)(?:ix|ex)$"), "$1ices"),
        (Rule("(alumn|syllab|vir|radi|nucle|fung|cact|stimul|termin|bacill|foc|uter|loc|strat)(?:us|i)$"), "$1i"),
        (Rule("(agend|addend|millenni|dat|extrem|bacteri|desiderat|candelabr|errat|ov|symposi|curricul|quor)(?:a|um)$"), "$1a"),
        (Rule("(apheli|hyperbat|periheli|asyndet|noumen|phenomen|criteri|organ|prolegomen|hedr|automat)(?:a|on)$"), "$1a"),
        (Rule("(?:(kni|wi|li)fe|(ar|l|ea|eo|oa|hoo)f)$"), "$1$2ves"),
        (Rule("sis$"), "ses"),
        (Rule("(ax|test)is$"), "$1es"),
        (Rule("(qui)z$"), "$1zzes"),
        (Rule("(x|ch|ss|sh|zz)$"), "$1es"),
        (Rule("(alias|[^aou]us|t[lm]as|gas|ris)$"), "$1es"),
        (Rule("(e[mn]u)s?$"), "$1s"),
        (Rule("(her|at|gr)o$"), "$1oes"),
        (Rule("([^aeiouy]|qu)y$"), "$1ies"),
        (Rule("s?$"), "s"),
    };

    private static Regex Rule(string pattern) =>
        new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Returns the plural of <paramref name="word"/>, keeping its casing style.</summary>
    /// <param name="word">A singular noun, typically a PascalCase type name.</param>
    /// <returns>The plural; an empty input is returned unchanged.</returns>
    public static string Pluralize(string word)
    {
        if (string.IsNullOrEmpty(word)) return word ?? string.Empty;
        if (Uncountables.Contains(word)) return word;
        if (Irregulars.TryGetValue(word, out var irregular)) return RestoreCase(word, irregular);

        foreach (var (pattern, replacement) in Rules)
        {
            var match = pattern.Match(word);
            if (!match.Success) continue;
            var replaced = match.Result(replacement);
            // An empty match (the default rule) takes its casing from the character before it.
            var caseModel = match.Length == 0 ? word.Substring(word.Length - 1) : match.Value;
            return word.Substring(0, match.Index) + RestoreCase(caseModel, replaced);
        }
        return word;
    }

    private static string RestoreCase(string original, string replacement)
    {
        if (original == replacement) return replacement;
        if (original == original.ToLowerInvariant()) return replacement.ToLowerInvariant();
        if (original == original.ToUpperInvariant()) return replacement.ToUpperInvariant();
        if (char.IsUpper(original[0]))
        {
            return char.ToUpperInvariant(replacement[0]) + replacement.Substring(1).ToLowerInvariant();
        }
        return replacement.ToLowerInvariant();
    }
}
