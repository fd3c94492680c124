using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using NUnit.Framework;

namespace Amplify.DataStore.Generator.Tests;

/// <summary>
/// Line-level mutations of every sample (deterministic seed): the generator never throws, and whenever it accepts a
/// schema (no error diagnostics) the code it generates compiles.
/// </summary>
public class GeneratorRobustnessTests
{
    private const int MutationsPerSample = 30;

    public static IEnumerable<string> Samples() => GeneratorHarness.SampleNames();

    [TestCaseSource(nameof(Samples))]
    public void Mutated_schemas_never_crash_the_generator_and_accepted_ones_compile(string sample)
    {
        var files = GeneratorHarness.SampleFiles(sample).ToArray();
        var random = new Random(sample.GetHashCode(StringComparison.Ordinal) ^ 20261125);
        int accepted = 0;
        for (int i = 0; i < MutationsPerSample; i++)
        {
            var target = random.Next(files.Length);
            var mutated = files.Select((f, n) => n == target
                ? new GeneratorHarness.InMemoryAdditionalText(f.Path, Mutate(f.GetText()!.ToString(), random))
                : f).ToArray();
            var (output, result, _) = GeneratorHarness.Run(mutated);
            var run = result.Results.Single();
            var text = mutated[target].GetText()!.ToString();
            Assert.That(run.Exception, Is.Null, text);
            Assert.That(result.Diagnostics.Where(d => d.Id == "CS8785"), Is.Empty, "generator failure on:\n" + text);
            if (run.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) continue;
            accepted++;
            var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
            Assert.That(errors, Is.Empty, "accepted schema generated code that does not compile:\n" + text + "\n" + string.Join("\n", errors));
        }
        TestContext.Out.WriteLine($"{sample}: {accepted}/{MutationsPerSample} mutations accepted and compiled");
        Assert.That(accepted, Is.GreaterThan(0), "some mutated schema was accepted, so the compile check ran at least once");
    }

    private static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        int count = random.Next(1, 4);
        for (int k = 0; k < count && lines.Count > 1; k++)
        {
            int i = random.Next(lines.Count);
            switch (random.Next(7))
            {
                case 0: lines.RemoveAt(i); break;
                case 1: lines.Insert(i, lines[random.Next(lines.Count)]); break;
                case 2:
                    int j = random.Next(lines.Count);
                    (lines[i], lines[j]) = (lines[j], lines[i]);
                    break;
                case 3: lines[i] = lines[i].Replace("!", ""); break;
                case 4: lines[i] = lines[i].Replace("String", "String!").Replace("Int", "[Int]"); break;
                case 5: lines[i] = lines[i].Replace("@belongsTo", "").Replace("@hasMany", "").Replace("@connection", "@hasOne"); break;
                default:
                    var words = lines[i].Split(' ');
                    int w = random.Next(words.Length);
                    words[w] = words[w].Length > 1 ? words[w][..^1] : words[w];
                    lines[i] = string.Join(' ', words);
                    break;
            }
        }
        return string.Join('\n', lines);
    }
}
