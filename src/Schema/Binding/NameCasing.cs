using System.Text;
using System.Text.RegularExpressions;

namespace Amplify.DataStore.Schema.Binding;

/// <summary>The simple casing helpers Amplify uses to synthesise names (foreign keys, index names).</summary>
internal static class NameCasing
{
    private static readonly Regex GraphQLName = new("^[_A-Za-z][_0-9A-Za-z]*$", RegexOptions.CultureInvariant);

    /// <summary>True for a valid GraphQL name (what synthesised type and field names must be).</summary>
    public static bool IsGraphQLName(string s) => GraphQLName.IsMatch(s);

    public static string LowerFirst(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s.Substring(1);

    public static string UpperFirst(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1);

    /// <summary>
    /// modelgen's <c>toCamelCase(words)</c>: the first word with a lowercase first letter, the others with an
    /// uppercase first letter, joined: <c>Camel("Post", "comments", "id")</c> → <c>postCommentsId</c>.
    /// </summary>
    public static string Camel(params string[] words)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < words.Length; i++) sb.Append(i == 0 ? LowerFirst(words[i]) : UpperFirst(words[i]));
        return sb.ToString();
    }
}
