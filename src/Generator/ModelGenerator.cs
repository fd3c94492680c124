using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Amplify.DataStore.Generator.Diagnostics;
using Amplify.DataStore.Generator.Emit;
using Amplify.DataStore.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Amplify.DataStore.Generator;

/// <summary>
/// Generates immutable models, typed predicates and metadata from the project's <c>*.graphql</c> AdditionalFiles.
/// Pipeline: read files → parse + validate (equatable model, diagnostics as data) → split into per-type units → emit.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ModelGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(static f => f.Path.EndsWith(".graphql", StringComparison.OrdinalIgnoreCase))
            .Select(static (f, ct) => new SchemaFile(f.Path, f.GetText(ct)?.ToString() ?? string.Empty))
            .WithTrackingName(TrackingNames.SchemaFiles);

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (p, _) => GeneratorOptions.From(p.GlobalOptions))
            .WithTrackingName(TrackingNames.Options);

        var parsed = files.Collect()
            .Select(static (all, ct) => all.IsEmpty ? null : SchemaParser.Parse(OrderByPath(all), ct))
            .WithTrackingName(TrackingNames.ParseSchema);

        var diagnostics = parsed
            .Select(static (r, _) => r?.Diagnostics ?? EquatableArray<SchemaDiagnostic>.Empty)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, all) =>
        {
            foreach (var d in all) spc.ReportDiagnostic(SchemaDiagnosticConverter.ToDiagnostic(d));
        });

        var units = parsed.Combine(options)
            .SelectMany(static (pair, _) => pair.Left?.Schema is { } schema
                ? EmitPlanner.Plan(schema, pair.Right)
                : ImmutableArray<EmitUnit>.Empty)
            .WithTrackingName(TrackingNames.EmitUnits);

        context.RegisterSourceOutput(units, static (spc, unit) =>
            spc.AddSource(unit.HintName, SourceText.From(EmitSource(unit), Encoding.UTF8)));
    }

    /// <summary>Emits the source text of one unit.</summary>
    internal static string EmitSource(EmitUnit unit) => unit.Kind switch
    {
        EmitKind.Enum => EnumEmitter.Emit(unit),
        EmitKind.Schema => SchemaEmitter.Emit(unit),
        _ => ModelEmitter.Emit(unit),
    };

    // Files arrive in project order; sorting makes merged output independent of it.
    private static SchemaFile[] OrderByPath(ImmutableArray<SchemaFile> files)
        => files.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
}
