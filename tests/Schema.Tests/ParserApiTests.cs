using System;
using System.Threading;

namespace Amplify.DataStore.Schema.Tests;

/// <summary>The public entry points: inputs, positions and guarantees.</summary>
public class ParserApiTests
{
    [Test]
    public void Empty_input_is_an_empty_schema()
    {
        var result = SchemaParser.Parse(Array.Empty<SchemaFile>());
        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Schema!.Models, Is.Empty);
        Assert.That(SchemaParser.Parse("empty.graphql", "  # nothing here\n").Schema, Is.Not.Null);
    }

    [Test]
    public void Null_inputs_do_not_throw()
    {
        Assert.That(SchemaParser.Parse(null!, null!).Schema, Is.Not.Null);
        Assert.That(SchemaParser.Parse((SchemaFile[])null!).Schema, Is.Not.Null);
        Assert.That(SchemaParser.Parse(new SchemaFile[] { null!, new(null!, null!) }).Schema, Is.Not.Null);
    }

    [Test]
    public void Cancellation_throws_OperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => SchemaParser.Parse(new[] { new SchemaFile("a", "type A @model { id: ID! }") }, cts.Token));
    }

    [Test]
    public void Spans_have_offsets_and_one_based_line_and_column_of_both_ends()
    {
        var result = SchemaAssert.Parse("type Post @model {\n  id: ID!\n  title: String @uppercase\n}");
        var span = result.Diagnostics[0].Location;
        Assert.That(span, Is.EqualTo(new SourceSpan("schema.graphql", 45, 10, 3, 17, 3, 27)));
        Assert.That(span.ToString(), Is.EqualTo("schema.graphql(3,17)"));
    }

    [TestCase("\r\n")]
    [TestCase("\r")]
    [TestCase("\n")]
    public void Line_breaks_of_every_kind_are_counted(string newline)
    {
        string text = string.Join(newline, "type Post @model {", "  id: ID!", "  title String", "}");
        var syntax = SchemaAssert.Single(SchemaAssert.Parse(text), "ADS1001", 3, 9);
        Assert.That(syntax.Location.Start, Is.EqualTo(text.IndexOf("String", StringComparison.Ordinal)));

        string valid = string.Join(newline, "type Post @model {", "  id: ID!", "  title: String @foo", "}");
        SchemaAssert.Single(SchemaAssert.Parse(valid), "ADS1012", 3, 17);
    }

    [Test]
    public void Syntax_error_at_end_of_file()
    {
        var result = SchemaAssert.Parse("type Post @model {\n  id: ID!");
        var d = SchemaAssert.Single(result, "ADS1001", 2, 10);
        Assert.That(d.Location.Start, Is.EqualTo(28));
        Assert.That(d.Message, Does.Contain("EOF"));
    }

    [Test]
    public void A_syntax_error_in_one_file_stops_analysis_of_all()
    {
        var result = SchemaParser.Parse(new[]
        {
            new SchemaFile("enums.graphql", "enum E { A"),
            new SchemaFile("models.graphql", "type A @model { id: ID! e: E }"),
        });
        Assert.That(result.Diagnostics, Has.Count.EqualTo(1));
        Assert.That(result.Diagnostics[0].Location.FilePath, Is.EqualTo("enums.graphql"));
        Assert.That(result.Schema, Is.Null);
    }

    [Test]
    public void Operations_in_a_schema_file_are_errors()
    {
        var result = SchemaAssert.Parse("type A @model { id: ID! }\nquery Q { listAs { items { id } } }");
        SchemaAssert.Single(result, "ADS1001", 2, 1);
    }

    [Test]
    public void Results_are_equatable()
    {
        const string text = "type A @model { id: ID! b: [B] @hasMany }\ntype B @model { id: ID! a: A @belongsTo }";
        Assert.That(SchemaAssert.Parse(text), Is.EqualTo(SchemaAssert.Parse(text)));
        Assert.That(SchemaAssert.Parse(text).GetHashCode(), Is.EqualTo(SchemaAssert.Parse(text).GetHashCode()));
    }

    [Test]
    public void Diagnostics_are_in_file_then_position_order()
    {
        var result = SchemaParser.Parse(new[]
        {
            new SchemaFile("z.graphql", "type B @model {\n  id: ID!\n  x: Nope\n  y: @foo\n}".Replace("y: @foo", "y: Int @foo")),
            new SchemaFile("a.graphql", "type A @model @bar {\n  id: ID!\n  q: Missing\n}"),
        });
        Assert.That(result.Diagnostics, Has.Count.EqualTo(4));
        Assert.That(result.Diagnostics[0].Location.FilePath, Is.EqualTo("z.graphql"), "input order, not path order");
        Assert.That(result.Diagnostics[0].Location.StartLine, Is.LessThan(result.Diagnostics[1].Location.StartLine));
        Assert.That(result.Diagnostics[2].Location.FilePath, Is.EqualTo("a.graphql"));
        Assert.That(result.Diagnostics[2].Location.Start, Is.LessThan(result.Diagnostics[3].Location.Start));
    }
}
