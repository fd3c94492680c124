using System.Diagnostics;
using System.Text;

namespace Amplify.DataStore.Schema.Tests;

/// <summary>Large schemas stay fast (modelgen's per-file reprocessing is quadratic and runs out of memory at ~400 models).</summary>
public class PerformanceTests
{
    [Test]
    public void A_chain_of_400_models_parses_quickly()
    {
        // Each model: 6 scalar fields, owner auth, @hasMany to the next model and @belongsTo to the previous one.
        var sb = new StringBuilder();
        const int count = 400;
        for (int i = 0; i < count; i++)
        {
            sb.Append($"type M{i} @model @auth(rules: [{{ allow: owner }}]) {{\n  id: ID!\n");
            for (int f = 0; f < 6; f++) sb.Append($"  f{f}: String\n");
            if (i + 1 < count) sb.Append($"  next: [M{i + 1}] @hasMany\n");
            if (i > 0) sb.Append($"  previous: M{i - 1} @belongsTo\n");
            sb.Append("}\n");
        }

        string text = sb.ToString();
        SchemaAssert.Parse(text); // warm up
        var watch = Stopwatch.StartNew();
        var schema = SchemaAssert.Valid(text);
        watch.Stop();

        TestContext.Out.WriteLine($"{count} models in {watch.ElapsedMilliseconds} ms");
        Assert.That(schema.Models, Has.Count.EqualTo(count));
        Assert.That(schema.Model("M7").Field("previous").Association!.TargetNames, Is.EqualTo(EquatableArray.Create("m6NextId")));
        Assert.That(watch.ElapsedMilliseconds, Is.LessThan(2000));
    }
}
