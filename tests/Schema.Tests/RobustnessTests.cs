using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Amplify.DataStore.Schema.Tests;

/// <summary>
/// Randomly mutated schemas (fixed seed, so failures reproduce): the parser must never throw, and every failure
/// must be a diagnostic with a location inside the text.
/// </summary>
public class RobustnessTests
{
    // Override with ADS_FUZZ_ITERATIONS / ADS_FUZZ_SEED for a longer local run.
    private static readonly int Iterations = FromEnvironment("ADS_FUZZ_ITERATIONS", 3000);
    private static readonly int Seed = FromEnvironment("ADS_FUZZ_SEED", 20240611);

    private static readonly string[] Snippets =
    {
        "{", "}", "[", "]", "(", ")", "!", ":", "\"", "\"\"\"", "@", ",", "=", "|", "&", "$x", "\r", "\t", "\u00e9", "\uFEFF", "\0",
        " @model", " @model(timestamps: null)", " @model(timestamps: { createdAt: \"createdAt\" })", " @key(fields: [\"id\"])",
        " @key(name: \"byX\", fields: [\"x\", \"id\"])", " @primaryKey", " @primaryKey(sortKeyFields: [\"title\"])",
        " @index(name: \"byA\")", " @index(sortKeyFields: [\"id\", \"nope\"])", " @hasMany", " @hasMany(indexName: \"byA\", fields: [\"id\"])",
        " @hasOne", " @hasOne(fields: [\"id\"])", " @belongsTo", " @belongsTo(fields: [\"postID\"])",
        " @manyToMany(relationName: \"PostTags\")", " @connection", " @connection(name: \"PostComments\")",
        " @connection(keyName: \"byPost\", fields: [\"id\"])", " @connection(fields: [\"postID\"])", " @auth(rules: [{ allow: owner }])",
        " @auth(rules: [{ allow: groups, groupsField: \"g\" }, { allow: public, provider: apiKey }])", " @auth(rules: 5)",
        " @default(value: \"1\")", " @default(value: \"x\")", " @searchable", " @foo(bar: [1, {a: null}])",
        "\ntype X @model { id: ID! }\n", "\nenum E { A B }\n", "\ntype Post @model { id: ID! }\n", "\nscalar Money\n",
        "\nunion U = Post\n", "\ninput I { a: Int }\n", "\nextend type Post { extra: String }\n", "\nschema { query: Post }\n",
        "\ndirective @foo on FIELD_DEFINITION\n", "\ntype Query { a: Int }\n", "\nquery Q { a }\n",
        " @manyToMany(relationName: null)", " @key(fields: null)", " @key(name: null, fields: [\"id\"])", " @primaryKey(sortKeyFields: null)",
        " @hasMany(indexName: null)", " @index(name: null)", " @connection(name: null)", " @auth(rules: null)", " @default(value: null)",
        " @model(timestamps: { createdAt: null })", " @hasMany(fields: null)", " @belongsTo(fields: [])",
        " post: Post", " comments: [Comment]", " [[Int]]", " _version: Int", " id: ID", " id: [ID]",
        " Post", " Comment", " ID!", " String", " AWSDateTime", " Int", " PostStatus", " task", " copyOf: String",
    };

    [Test]
    public void Mutated_samples_never_throw_and_always_report_failures()
    {
        var corpus = LoadCorpus();
        var random = new Random(Seed);
        var watch = Stopwatch.StartNew();
        int failures = 0;

        for (int i = 0; i < Iterations; i++)
        {
            var files = corpus[random.Next(corpus.Count)].Select(f => new SchemaFile(f.Path, f.Text)).ToArray();
            int fileIndex = random.Next(files.Length);
            files[fileIndex] = files[fileIndex] with { Text = Mutate(files[fileIndex].Text, random) };

            SchemaParseResult result;
            try
            {
                result = SchemaParser.Parse(files);
            }
            catch (Exception ex)
            {
                Assert.Fail($"iteration {i} threw {ex}\n--- input ---\n{files[fileIndex].Text}");
                return;
            }

            Check(result, files, i);
            if (result.Schema is null) failures++;
            if (i % 10 == 0)
            {
                Assert.That(SchemaParser.Parse(files), Is.EqualTo(result), $"iteration {i} is not deterministic");
            }
        }

        TestContext.Out.WriteLine($"{Iterations} mutated schemas in {watch.ElapsedMilliseconds} ms; {failures} had errors.");
        Assert.That(failures, Is.GreaterThan(Iterations / 4), "mutations should break many schemas");
        Assert.That(failures, Is.LessThan(Iterations), "some mutations should stay valid");
        if (Iterations <= 3000) Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
    }

    [Test]
    public void Line_mutations_that_keep_the_syntax_valid()
    {
        var corpus = LoadCorpus();
        var random = new Random(Seed + 1);
        int semantic = 0, valid = 0;
        for (int i = 0; i < Iterations; i++)
        {
            var files = corpus[random.Next(corpus.Count)].Select(f => new SchemaFile(f.Path, f.Text)).ToArray();
            int fileIndex = random.Next(files.Length);
            files[fileIndex] = files[fileIndex] with { Text = MutateLines(files[fileIndex].Text, random) };

            SchemaParseResult result;
            try
            {
                result = SchemaParser.Parse(files);
            }
            catch (Exception ex)
            {
                Assert.Fail($"iteration {i} threw {ex}\n--- input ---\n{files[fileIndex].Text}");
                return;
            }
            Check(result, files, i);
            if (result.Schema is not null) valid++;
            else if (result.Diagnostics.All(d => d.Id != "ADS1001")) semantic++;
            else if (Environment.GetEnvironmentVariable("ADS_FUZZ_SHOW") is not null) TestContext.Out.WriteLine(result.Diagnostics.First(d => d.Id == "ADS1001") + "\n" + files[fileIndex].Text);
        }
        TestContext.Out.WriteLine($"{Iterations} line-mutated schemas: {valid} valid, {semantic} with semantic errors only.");
        Assert.That(valid + semantic, Is.GreaterThan(Iterations / 2), "most line mutations should reach the semantic checks");
    }

    [Test]
    public void Pathological_inputs()
    {
        var inputs = new[]
        {
            new string('{', 10000),
            new string('[', 10000) + "Int" + new string(']', 10000),
            "type A @model { a: " + new string('[', 2000) + "Int" + new string(']', 2000) + " }",
            "type A @model @auth(rules: " + new string('[', 3000) + new string(']', 3000) + ") { id: ID! }",
            "type A @model { id: ID! j: AWSJSON @default(value: \"" + new string('[', 5000) + new string(']', 5000) + "\") }",
            string.Concat(Enumerable.Repeat("type T @model { id: ID! }\n", 500)),
            "\"\"\"unterminated",
            "\"unterminated",
            "type A @model { id: ID! } \u0001",
            "\uFEFFtype A @model { id: ID! }",
            "type A @model { id: ID! }\r\r\r\n\n\r",
            "type A @model(timestamps: { createdAt: null, updatedAt: null, updatedAt: \"u\" }) { id: ID! }",
            "type A @model { id: ID! @primaryKey(sortKeyFields: []) }",
            "type A @model @key(fields: []) { id: ID! }",
            "type A @model { id: ID! b: B @hasOne(fields: []) }\ntype B @model { id: ID! }",
        };
        foreach (var text in inputs)
        {
            var files = new[] { new SchemaFile("p.graphql", text) };
            Check(SchemaParser.Parse(files), files, -1);
        }
    }

    private static void Check(SchemaParseResult result, SchemaFile[] files, int iteration)
    {
        string context = $"iteration {iteration}:\n{string.Join("\n", result.Diagnostics)}";
        Assert.That(result.Schema is null, Is.EqualTo(result.HasErrors), context);
        foreach (var d in result.Diagnostics)
        {
            Assert.That(d.Message, Does.Not.Contain("Internal error"), context);
            Assert.That(d.Id, Does.Match("^ADS10[0-9][0-9]$"));
            var text = files.Single(f => f.Path == d.Location.FilePath).Text;
            var span = d.Location;
            Assert.That(span.Start >= 0 && span.Length >= 0 && span.Start + span.Length <= text.Length, Is.True, $"span out of range: {d}\n{context}");
            Assert.That(span.StartLine >= 1 && span.StartColumn >= 1 && span.EndLine >= span.StartLine && span.EndColumn >= 1, Is.True, d.ToString());
        }
        if (result.Schema is { } schema)
        {
            Assert.That(schema.Version, Does.Match("^[0-9a-f]{64}$"));
            foreach (var model in schema.Models)
            {
                foreach (var key in model.PrimaryKey.Fields) Assert.That(model.FindField(key), Is.Not.Null, $"{model.Name} key {key}; {context}");
                Assert.That(model.Fields.Select(f => f.Name), Is.Unique, context);
                foreach (var field in model.Fields)
                {
                    Assert.That(field.Type.Kind == TypeKind.Model, Is.EqualTo(field.Association is not null), $"{model.Name}.{field.Name}; {context}");
                    if (field.Association is not { } a) continue;
                    Assert.That(a.RelatedModel, Is.EqualTo(field.Type.Name), context);
                    var related = schema.FindModel(a.RelatedModel);
                    Assert.That(related, Is.Not.Null, context);
                    var fkOwner = a.Kind == AssociationKind.HasMany ? related! : model;
                    var fks = a.Kind == AssociationKind.HasMany ? a.AssociatedWith : a.TargetNames;
                    foreach (var fk in fks) Assert.That(fkOwner.FindField(fk), Is.Not.Null, $"{model.Name}.{field.Name} key {fk}; {context}");
                }
            }
        }
    }

    private static int FromEnvironment(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out int value) ? value : fallback;

    private static List<SchemaFile[]> LoadCorpus()
    {
        var corpus = new List<SchemaFile[]>();
        foreach (var root in new[] { TestPaths.Samples, TestPaths.Invalid })
        {
            foreach (var entry in Directory.GetFileSystemEntries(root).OrderBy(e => e, StringComparer.Ordinal))
            {
                var paths = Directory.Exists(entry) ? Directory.GetFiles(entry).OrderBy(e => e, StringComparer.Ordinal).ToArray() : new[] { entry };
                corpus.Add(paths.Select(p => new SchemaFile(Path.GetFileName(p), File.ReadAllText(p))).ToArray());
            }
        }
        return corpus;
    }

    private static readonly string[] DirectiveSnippets = Snippets.Where(s => s.StartsWith(" @", StringComparison.Ordinal)).ToArray();

    private static readonly string[] TypeNames =
    {
        "ID", "String", "Int", "AWSDateTime", "Post", "Comment", "Tag", "User", "PostStatus", "Address", "Unknown", "Money",
    };

    /// <summary>Line-level edits that mostly keep the SDL well-formed, so the semantic analysis is exercised.</summary>
    private static string MutateLines(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        int count = 1 + random.Next(4);
        for (int m = 0; m < count && lines.Count > 0; m++)
        {
            int i = random.Next(lines.Count);
            bool isField = Regex.IsMatch(lines[i], @"^\s+\w+\s*:");
            switch (random.Next(7))
            {
                case 0 when isField:
                    lines.Insert(i, lines[i]);
                    break;
                case 1 when isField:
                    lines.RemoveAt(i);
                    break;
                case 2:
                    int j = random.Next(lines.Count);
                    if (isField && Regex.IsMatch(lines[j], @"^\s+\w+\s*:")) (lines[i], lines[j]) = (lines[j], lines[i]);
                    break;
                case 3 when isField:
                    lines[i] = lines[i] + DirectiveSnippets[random.Next(DirectiveSnippets.Length)];
                    break;
                case 4 when isField:
                    string type = TypeNames[random.Next(TypeNames.Length)];
                    lines[i] = Regex.Replace(lines[i], @":\s*(\[?)\w+", m2 => ": " + m2.Groups[1].Value + type);
                    break;
                case 5 when isField:
                    lines[i] = Regex.Replace(lines[i], @"!", random.Next(2) == 0 ? "" : "!!").Replace("!!", "!");
                    break;
                default:
                    if (!isField) break;
                    lines.Insert(i, "  " + new[] { "extra", "_version", "copyOf", "post", "id", "due_date", "dueDate" }[random.Next(7)]
                        + ": " + TypeNames[random.Next(TypeNames.Length)] + (random.Next(2) == 0 ? "" : DirectiveSnippets[random.Next(DirectiveSnippets.Length)]));
                    break;
            }
        }
        return string.Join("\n", lines);
    }

    private static string Mutate(string text, Random random)
    {
        int count = 1 + random.Next(4);
        for (int m = 0; m < count; m++)
        {
            var tokens = Regex.Matches(text, @"""[^""]*""|@?\w+|\S").Cast<Match>().ToList();
            int pos = text.Length == 0 ? 0 : random.Next(text.Length);
            switch (random.Next(10))
            {
                case 0: // delete a range
                    text = text.Remove(pos, Math.Min(random.Next(1, 12), text.Length - pos));
                    break;
                case 1: // duplicate a range
                    string range = text.Substring(pos, Math.Min(random.Next(1, 40), text.Length - pos));
                    text = text.Insert(pos, range);
                    break;
                case 2 when text.Length > 1: // swap two characters
                    int other = random.Next(text.Length);
                    var chars = text.ToCharArray();
                    (chars[pos], chars[other]) = (chars[other], chars[pos]);
                    text = new string(chars);
                    break;
                case 3 when tokens.Count > 0: // delete a token
                    var t = tokens[random.Next(tokens.Count)];
                    text = text.Remove(t.Index, t.Length);
                    break;
                case 4 when tokens.Count > 0: // duplicate a token
                    var d = tokens[random.Next(tokens.Count)];
                    text = text.Insert(d.Index, d.Value + " ");
                    break;
                case 5 when tokens.Count > 1: // swap two tokens
                    var a = tokens[random.Next(tokens.Count)];
                    var b = tokens[random.Next(tokens.Count)];
                    if (a.Index > b.Index) (a, b) = (b, a);
                    if (a.Index + a.Length <= b.Index)
                    {
                        text = text.Substring(0, a.Index) + b.Value + text.Substring(a.Index + a.Length, b.Index - a.Index - a.Length) + a.Value + text.Substring(b.Index + b.Length);
                    }
                    break;
                case 6: // truncate
                    text = text.Substring(0, pos);
                    break;
                case 7 when tokens.Count > 0: // replace a token with another from the text
                    var r = tokens[random.Next(tokens.Count)];
                    text = text.Remove(r.Index, r.Length).Insert(r.Index, tokens[random.Next(tokens.Count)].Value);
                    break;
                default: // insert a snippet (braces, directives, definitions, …)
                    text = text.Insert(pos, Snippets[random.Next(Snippets.Length)]);
                    break;
            }
        }
        return text;
    }
}
