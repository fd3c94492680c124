namespace Amplify.DataStore.LinqCases;

/// <summary>
/// The one list of LINQ predicate forms, run against both PredicateExpressionTranslator (at run time) and the
/// analyzer's UntranslatableLinqPredicateWalker (ADS2001 at build time), so the two grammars cannot drift apart.
/// Each case is source text over the generated models of a schema sample, inside a <see cref="LinqCaseScope"/> that
/// declares what the lambdas capture.
/// </summary>
internal static class LinqPredicateCases
{
    public static readonly LinqCaseScope Blog = new(
        "blog.graphql",
        Members: """
            static readonly string[] s_ids = { "a", "b" };
            int _minRating = 4;
            static string MakeTitle() => "made";
            """,
        Parameters: "int min, string title, PostStatus status, PostStatus? noStatus, bool all, string id, Func<Post, bool> f",
        Arguments: "4, \"t\", PostStatus.Active, null, false, \"a\", p => true",
        Locals: """
            var statuses = new[] { PostStatus.Active };
            var statusList = new List<PostStatus> { PostStatus.Inactive };
            var idSet = new HashSet<string> { "a" };
            IEnumerable<string> lazy = s_ids.Where(x => x != "a");
            int[] ints = { 1, 2 };
            """);

    public static readonly LinqCaseScope Scalars = new(
        "aws-scalars.graphql",
        Members: "",
        Parameters: "Color color, Color? noColor, int? none, int[] ints, AwsDate date, AwsDateTime now, AwsTimestamp stamp",
        Arguments: "Color.Red, null, null, new[] { 1, 2 }, AwsDate.Parse(\"2024-01-02\"), AwsDateTime.Parse(\"2024-01-02T03:04:05Z\"), AwsTimestamp.Parse(\"1700000000\")",
        Locals: "");

    /// <summary>Forms both accept: the translator translates them and the analyzer reports nothing.</summary>
    public static readonly LinqCase[] Translatable =
    [
        new(Blog, "Post", "p => p.Rating > 4 && p.Status == PostStatus.Active"),
        new(Blog, "Post", "p => p.Rating == 4 || p.Rating != 4 || p.Rating < 4 || p.Rating <= 4 || p.Rating >= 4"),
        new(Blog, "Post", "p => 4 < p.Rating && \"x\" == p.Title && PostStatus.Active == p.Status"),
        new(Blog, "Post", "p => p.Title.Contains(\"x\") || p.Title.Contains(\"x\", StringComparison.Ordinal)"),
        new(Blog, "Post", "p => p.Title.StartsWith(\"x\") || p.Title.StartsWith(\"x\", StringComparison.Ordinal)"),
        new(Blog, "Post", "p => p.Title.Equals(\"x\") || string.Equals(p.Title, \"x\") || p.Rating.Equals(4)"),
        new(Blog, "Post", "p => string.CompareOrdinal(p.Title, \"m\") > 0 || 0 < string.CompareOrdinal(\"m\", p.Title)"),
        new(Blog, "Post", "p => string.Compare(p.Title, \"m\", StringComparison.Ordinal) >= 0"),
        new(Blog, "Post", "p => p.Rating > min && p.Title == title && p.Rating >= _minRating"),
        new(Blog, "Post", "p => p.Id == s_ids[1] && p.Title == MakeTitle() && p.Rating == min + 1"),
        new(Blog, "Post", "p => p.Title.StartsWith(title.ToUpperInvariant())"),
        new(Blog, "Post", "p => p.Status != status && p.Status == noStatus"),
        new(Blog, "Post", "p => !!(p.Rating > 4) && !(p.Title == \"x\")"),
        new(Blog, "Post", "p => p.Rating > 1 & p.Title == \"x\" | p.Rating < 0"),
        new(Blog, "Post", "p => true"),
        new(Blog, "Post", "p => all || p.Rating > 4"),
        new(Blog, "Post", "p => p.Rating > 4.5 && p.Rating > 4L"),
        new(Blog, "Post", "p => statuses.Contains(p.Status) && statusList.Contains(p.Status) && idSet.Contains(p.Id)"),
        new(Blog, "Post", "p => s_ids.Contains(p.Id) && Enumerable.Contains(s_ids, p.Id) && lazy.Contains(p.Id)"),
        new(Blog, "Post", "p => new[] { 1, 2, 3 }.Contains(p.Rating) && new List<int> { 1, 2 }.Contains(p.Rating)"),
        new(Blog, "Post", "p => new[] { PostStatus.Active }.Contains(p.Status) && !ints.Contains(p.Rating)"),
        new(Blog, "Post", "p => s_ids.Contains(p.Id, null)"),
        new(Blog, "Comment", "c => c.Content == null || c.Content != null || null != c.Content"),
        new(Blog, "Comment", "c => c.Post!.Id == id && c.Post!.Status == PostStatus.Active"),
        new(Blog, "Comment", "c => c.Post!.Rating > 3 && c.Content != null && c.Post!.Title.StartsWith(\"A\")"),
        new(Blog, "Comment", "c => new[] { \"p1\", \"p2\" }.Contains(c.Post!.Id) && c.CommentPostId == id"),
        new(Scalars, "Everything", "e => e.Color == Color.Green && e.Color != Color.Blue && e.Color == null && e.RequiredColor == Color.Red"),
        new(Scalars, "Everything", "e => e.Color == noColor && e.AnInt > 3 && 3 > e.AnInt && e.AnInt == null && e.AnInt == none"),
        new(Scalars, "Everything", "e => e.AnInt!.Value == 3 && e.AnInt.HasValue && e.AFloat >= 2.5 && e.AFloat > 2"),
        new(Scalars, "Everything", "e => e.AString == \"s\" && e.AnEmail == \"a@b.c\" && e.AnEmail!.StartsWith(\"a\")"),
        new(Scalars, "Everything", "e => e.ADate == date && e.RequiredDateTime != now && e.ATimestamp > stamp && stamp >= e.ATimestamp"),
        new(Scalars, "Everything", "e => e.ADate!.Value.CompareTo(date) < 0 && e.RequiredDateTime.CompareTo(now) >= 0 && 0 < e.RequiredDateTime.CompareTo(now)"),
        new(Scalars, "Everything", "e => e.ABoolean == true && e.ABoolean != false && e.ABoolean!.Value"),
        new(Scalars, "Everything", "e => e.Strings!.Contains(\"x\") && e.RequiredStringsOfRequired.Contains(\"x\") && e.RequiredInts.Contains(3)"),
        new(Scalars, "Everything", "e => e.RequiredFloats.Contains(2) && e.RequiredBooleans.Contains(true) && e.Colors!.Contains(Color.Red)"),
        new(Scalars, "Everything", "e => e.RequiredColors.Contains(color) && e.Timestamps.Contains(stamp) && Enumerable.Contains(e.Ids, \"a\") && !e.Ids.Contains(\"a\")"),
        new(Scalars, "Everything", "e => ints.Contains(e.AnInt!.Value) && new int?[] { 1, null }.Contains(e.AnInt) && new Color?[] { Color.Red }.Contains(e.Color)"),
    ];

    /// <summary>
    /// Forms neither accepts: the analyzer reports ADS2001 at <see cref="LinqCase.Analyzer"/> and the translator
    /// throws NotSupportedException naming <see cref="LinqCase.Translator"/> (the expression-tree spelling).
    /// </summary>
    public static readonly LinqCase[] Untranslatable =
    [
        new(Blog, "Post", "p => p.Title.ToUpper() == \"X\"", "p.Title.ToUpper()", "p.Title.ToUpper() == \"X\""),
        new(Blog, "Post", "p => p.Title == p.Id", "p.Title == p.Id", "p.Title == p.Id"),
        new(Blog, "Post", "p => p.Rating + 1 > 3", "p.Rating + 1", "p.Rating + 1 > 3"),
        new(Blog, "Post", "p => f(p)", "f(p)", "f(p)"),
        new(Blog, "Post", "p => p.Rating % 2 == 0", "p.Rating % 2", "p.Rating % 2 == 0"),
        new(Blog, "Post", "p => p.Rating > 1 && p.Title.Length > 3", "p.Title.Length", "p.Title.Length > 3"),
        new(Blog, "Post", "p => p.Title.EndsWith(\"x\")", "p.Title.EndsWith(\"x\")", "p.Title.EndsWith(\"x\")"),
        new(Blog, "Post", "p => p.Title.Contains(\"x\", StringComparison.OrdinalIgnoreCase)", "p.Title.Contains(\"x\", StringComparison.OrdinalIgnoreCase)", "p.Title.Contains(\"x\", StringComparison.OrdinalIgnoreCase)"),
        new(Blog, "Post", "p => p.Title.CompareTo(\"m\") > 0", "p.Title.CompareTo(\"m\")", "p.Title.CompareTo(\"m\") > 0"),
        new(Blog, "Post", "p => \"abc\".Contains(p.Title)", "\"abc\".Contains(p.Title)", "\"abc\".Contains(p.Title)"),
        new(Blog, "Post", "p => s_ids.Contains(p.Id, StringComparer.OrdinalIgnoreCase)", "s_ids.Contains(p.Id, StringComparer.OrdinalIgnoreCase)", "C.s_ids.Contains(p.Id, StringComparer.OrdinalIgnoreCase)"),
        new(Blog, "Post", "p => (p.Rating > 3 ? p.Title : p.Id) == \"x\"", "p.Rating > 3 ? p.Title : p.Id", "(p.Rating > 3 ? p.Title : p.Id) == \"x\""),
        new(Blog, "Post", "p => p.Status > PostStatus.Active", "p.Status > PostStatus.Active", "p.Status > PostStatus.Active"),
        new(Blog, "Post", "p => false", "false", "false"),
        new(Blog, "Comment", "c => (c.Content ?? \"\") == \"x\"", "c.Content ?? \"\"", "(c.Content ?? \"\") == \"x\""),
        new(Blog, "Comment", "c => c.Post == null", "c.Post", "c.Post == null"),
        new(Scalars, "Everything", "e => e.AnInt > e.RequiredInt", "e.AnInt > e.RequiredInt", "e.AnInt > e.RequiredInt"),
        new(Scalars, "Everything", "e => e.Address.City == \"x\"", "e.Address.City", "e.Address.City == \"x\""),
        new(Scalars, "Everything", "e => e.Strings == null", "e.Strings == null", "e.Strings == null"),
        new(Scalars, "Everything", "e => (int)e.AFloat! > 3", "(int)e.AFloat!", "(int)e.AFloat > 3"),
        new(Scalars, "Everything", "e => e.AJson == null", "e.AJson == null", "e.AJson == null"),
    ];
}

/// <summary>What the lambdas of a case capture: members of the enclosing class, parameters (with the arguments the
/// translator run passes) and locals; <see cref="Schema"/> is the schema sample whose models they use.</summary>
internal sealed record LinqCaseScope(string Schema, string Members, string Parameters, string Arguments, string Locals);

/// <summary>A lambda over <see cref="Model"/>; for an untranslatable one, the source text the analyzer reports and
/// the expression-tree text the translator names.</summary>
internal sealed record LinqCase(LinqCaseScope Scope, string Model, string Lambda, string? Analyzer = null, string? Translator = null);
