using System.Reflection;
using Amplify.DataStore.LocalBackend.Tests.Support;
using NUnit.Framework;

namespace Amplify.DataStore.LocalBackend.Tests.Parity;

/// <summary>
/// Issue 14: the API the backend serves for each schema of the Amplify schema test library against the Amplify GraphQL
/// transformer's output for it (tests/TransformerParity, checked in). Differences not fixed yet are listed per schema in
/// known-differences/; a new difference fails, and so does a listed one that no longer occurs, so the lists only shrink.
/// Set <c>AMPLIFY_UPDATE_SNAPSHOTS=1</c> to rewrite the lists from what the test finds.
/// </summary>
public sealed class TransformerParityTests
{
    private const int CorpusSize = 26;

    private static string Content => Path.Combine(AppContext.BaseDirectory, "Parity");

    /// <summary>The corpus entries, by the name the schema test library gives them.</summary>
    public static IEnumerable<TestCaseData> Schemas() => CorpusNames().Select(name => new TestCaseData(name).SetArgDisplayNames(name));

    [TestCaseSource(nameof(Schemas))]
    public async Task Served_api_differs_from_the_transformer_only_as_listed(string schema)
    {
        var found = (await DifferencesAsync(schema)).Select(d => d.Line).ToList();
        if (Environment.GetEnvironmentVariable("AMPLIFY_UPDATE_SNAPSHOTS") == "1")
        {
            WriteKnown(schema, found);
            return;
        }
        var known = ReadKnown(schema);
        Assert.That(known, Is.Not.Null, $"no known-differences/{schema}.txt; run with AMPLIFY_UPDATE_SNAPSHOTS=1 and review it");
        var appeared = found.Except(known!, StringComparer.Ordinal).ToList();
        var vanished = known!.Except(found, StringComparer.Ordinal).ToList();
        Assert.That(appeared.Count + vanished.Count, Is.Zero,
            $"{schema}: the served API changed against the transformer's." +
            (appeared.Count > 0 ? "\nNew differences (fix them, or list them if intended):\n  " + string.Join("\n  ", appeared) : "") +
            (vanished.Count > 0 ? "\nListed differences that no longer occur (remove them from known-differences/" + schema + ".txt):\n  " + string.Join("\n  ", vanished) : ""));
    }

    [Test]
    public async Task Summary_covers_the_whole_corpus()
    {
        var names = CorpusNames();
        Assert.That(names, Has.Count.EqualTo(CorpusSize), "corpus files linked from tests/TransformerParity/corpus");
        var perKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var matching = new List<string>();
        var report = new List<string>();
        foreach (var name in names)
        {
            var differences = await DifferencesAsync(name);
            if (differences.Count == 0) matching.Add(name);
            else report.Add($"  {name}: {differences.Count}");
            foreach (var d in differences) perKind[d.Kind] = perKind.GetValueOrDefault(d.Kind) + 1;
        }
        TestContext.Out.WriteLine($"{matching.Count} of {names.Count} schemas match the transformer's API exactly: {string.Join(", ", matching)}");
        TestContext.Out.WriteLine($"{names.Count - matching.Count} differ in {perKind.Values.Sum()} places:");
        foreach (var line in report) TestContext.Out.WriteLine(line);
        TestContext.Out.WriteLine("By kind:");
        foreach (var (kind, count) in perKind) TestContext.Out.WriteLine($"  {kind}: {count}");

        // The per-schema tests hold the exact lists; here every schema must have one, so none is skipped silently.
        var unlisted = names.Where(n => ReadKnown(n) is null).ToList();
        Assert.That(unlisted, Is.Empty, "schemas without a known-differences file");
    }

    [Test]
    public void Comparison_reports_each_kind_of_difference_in_stable_lines()
    {
        const string transformer = """
            type Query { getPost(id: ID!): Post listPosts(filter: PostFilter, limit: Int): [Post] postsByTitle(title: String!): [Post] }
            type Post { id: ID! title: String! createdAt: AWSDateTime! @aws_api_key status: Status }
            input PostFilter { title: String and: [PostFilter] }
            enum Status { DRAFT PUBLISHED }
            input Unreachable { x: Int }
            scalar AWSDateTime
            """;
        const string ours = """
            schema { query: Root }
            type Root { getPost(id: ID): Post listPosts(filter: PostFilter, limit: Int, nextToken: String): [Post] }
            type Post { id: ID! title: String createdAt: AWSDateTime! status: Status extra: Int }
            input PostFilter { and: [PostFilter] }
            enum Status { DRAFT }
            scalar AWSDateTime
            """;
        var lines = ApiComparison.Compare(ours, transformer).Select(d => d.Line);
        Assert.That(lines, Is.EqualTo(new[]
        {
            "Post.extra: extra (not in the transformer's API)",
            "Post.title: type String (ours) vs String! (transformer)",
            "PostFilter.title: missing",
            "Query.getPost(id): type ID (ours) vs ID! (transformer)",
            "Query.listPosts(nextToken): extra (not in the transformer's API)",
            "Query.postsByTitle: missing",
            "Status.PUBLISHED: missing",
        }));
        Assert.That(ApiComparison.Compare(transformer, transformer), Is.Empty);
    }

    private static async Task<List<ApiDifference>> DifferencesAsync(string schema)
    {
        var corpus = await File.ReadAllTextAsync(Path.Combine(Content, "corpus", schema + ".graphql"));
        var referencePath = Path.Combine(Content, "reference", schema + ".graphql");
        var rejectedPath = Path.Combine(Content, "reference", schema + ".rejected.txt");
        string? ours;
        string? ourError = null;
        try
        {
            await using var backend = await Backend.StartAsync(corpus, o => o.InMemory = true);
            ours = backend.Server.Sdl;
        }
        catch (LocalBackendException e)
        {
            ours = null;
            ourError = e.Message;
        }

        if (File.Exists(rejectedPath))
        {
            // The transformer refuses the schema under DataStore; so should we.
            return ours is null ? [] : [new ApiDifference("schema accepted (transformer rejects)", "schema: accepted (ours) vs rejected (transformer)")];
        }
        if (ours is null)
        {
            return ourError!.Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0)
                .Select(l => new ApiDifference("schema rejected (transformer accepts)", "schema: rejected (ours): " + l)).DefaultIfEmpty(
                    new ApiDifference("schema rejected (transformer accepts)", "schema: rejected (ours): " + ourError.Trim())).ToList();
        }
        return ApiComparison.Compare(ours, await File.ReadAllTextAsync(referencePath));
    }

    private static List<string> CorpusNames()
        => Directory.GetFiles(Path.Combine(Content, "corpus"), "*.graphql").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToList();

    /// <summary>The listed lines, or null when the schema has no list; '#' lines are comments.</summary>
    private static List<string>? ReadKnown(string schema)
    {
        var path = Path.Combine(Content, "known-differences", schema + ".txt");
        return File.Exists(path) ? File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList() : null;
    }

    private static void WriteKnown(string schema, List<string> lines)
    {
        // The lists live beside this file in the repository; the build copies them next to the tests for reading.
        var repoRoot = typeof(TransformerParityTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
        var path = Path.Combine(repoRoot, "tests", "LocalBackend.Tests", "Parity", "known-differences", schema + ".txt");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var header = $"# Differences of the local backend's API from the Amplify transformer's for corpus schema \"{schema}\" (issue 14).\n" +
                     "# Fixing one means removing its line; TransformerParityTests fails on a new or a vanished line.\n";
        File.WriteAllText(path, header + string.Concat(lines.Select(l => l + "\n")));
    }
}
