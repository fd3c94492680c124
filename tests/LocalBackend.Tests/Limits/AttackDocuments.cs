using System.Text;

namespace Amplify.DataStore.LocalBackend.Tests.Limits;

/// <summary>The abusive documents of the resource-limit tests (issue 12 §2), built at the sizes the tests need.</summary>
internal static class AttackDocuments
{
    /// <summary>
    /// <paramref name="levels"/> fragments, each spreading the next one twice inside inline fragments (so execution
    /// cannot merge the spreads): 2^levels copies of the innermost selection once expanded, in about 40 bytes a level.
    /// </summary>
    public static string FragmentBomb(int levels, string root = "query { listPosts { items { ...F0 } } }")
    {
        var text = new StringBuilder(root).Append('\n');
        for (int i = 0; i < levels; i++) text.Append($"fragment F{i} on Post {{ id ...on Post {{ ...F{i + 1} }} ...on Post {{ ...F{i + 1} }} }}\n");
        return text.Append($"fragment F{levels} on Post {{ id title }}\n").ToString();
    }

    /// <summary><paramref name="count"/> aliases of <c>listPosts</c>, each with its own filter.</summary>
    public static string ListAliases(int count, string page = "")
    {
        var text = new StringBuilder("query {");
        for (int i = 0; i < count; i++) text.Append($" a{i}: listPosts({page}filter: {{ rating: {{ ge: {i % 10} }} }}) {{ items {{ id title }} }}");
        return text.Append(" }").ToString();
    }

    /// <summary>A selection set nested <paramref name="depth"/> levels deep (Post.comments.items.post… as far as it goes).</summary>
    public static string DeepSelection(int depth)
    {
        // listPosts > items > comments > items > post > comments > items > post …
        var open = new StringBuilder("query { listPosts { items {");
        int levels = 2;
        var cycle = new[] { " comments {", " items {", " post {" };
        for (int i = 0; levels < depth - 1; i++, levels++) open.Append(cycle[i % 3]);
        open.Append(" id");
        for (int i = 0; i < levels; i++) open.Append(" }");
        return open.Append(" }").ToString(); // the leaf is level `depth`
    }

    /// <summary>A filter literal of <paramref name="depth"/> nested <c>and</c> lists.</summary>
    public static string DeepFilterLiteral(int depth)
    {
        var text = new StringBuilder("query { listPosts(filter: ");
        for (int i = 0; i < depth; i++) text.Append("{ and: [");
        text.Append("{ rating: { eq: 1 } }");
        for (int i = 0; i < depth; i++) text.Append("] }");
        return text.Append(") { items { id } } }").ToString();
    }

    /// <summary>A list literal nested <paramref name="depth"/> levels deep as a filter value.</summary>
    public static string DeepListLiteral(int depth)
        => "query { listPosts(filter: { rating: { between: " + new string('[', depth) + "1" + new string(']', depth) + " } }) { items { id } } }";

    /// <summary>JSON for a filter variable of <paramref name="depth"/> nested <c>and</c> lists.</summary>
    public static string DeepFilterVariableJson(int depth)
    {
        var text = new StringBuilder();
        for (int i = 0; i < depth; i++) text.Append("{\"and\":[");
        text.Append("{\"rating\":{\"eq\":1}}");
        for (int i = 0; i < depth; i++) text.Append("]}");
        return text.ToString();
    }
}
