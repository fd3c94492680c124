using System;
using System.Collections.Generic;
using System.Threading;
using Amplify.DataStore.Schema.Binding;
using Amplify.DataStore.Schema.Parsing;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Amplify.DataStore.Schema;

/// <summary>
/// Parses and validates Amplify/AppSync schema files (<c>schema.graphql</c> or the files of a <c>schema/</c>
/// folder, merged into one schema) into a <see cref="SchemaModel"/>. Problems are returned as diagnostics;
/// no input makes it throw.
/// </summary>
public static class SchemaParser
{
    private static readonly ParserOptions Options = new() { Ignore = IgnoreOptions.Comments };

    /// <summary>Parses one schema file.</summary>
    /// <param name="path">The file path, used in diagnostics.</param>
    /// <param name="text">The SDL text.</param>
    /// <returns>The schema (null when there are errors) and every diagnostic.</returns>
    public static SchemaParseResult Parse(string path, string text) =>
        Parse(new[] { new SchemaFile(path ?? string.Empty, text ?? string.Empty) });

    /// <summary>Parses the schema files of a project; their definitions merge into one schema.</summary>
    /// <param name="files">The files, in a stable order (it decides the order of diagnostics).</param>
    /// <param name="cancellationToken">Cancels the work; cancellation is the only exception this method throws.</param>
    /// <returns>The schema (null when any error is reported) and every diagnostic, in file then position order.</returns>
    public static SchemaParseResult Parse(IReadOnlyList<SchemaFile> files, CancellationToken cancellationToken = default)
    {
        // The generator and the analyzers run in the same compiler process and parse the same files: the last few
        // results are kept (results are immutable), so a build parses each schema once.
        var key = files is null ? Array.Empty<SchemaFile>() : new List<SchemaFile>(files).ToArray();
        lock (s_recent)
        {
            foreach (var (cachedKey, cachedResult) in s_recent)
            {
                if (SameFiles(cachedKey, key)) return cachedResult;
            }
        }
        var result = ParseUncached(key, cancellationToken);
        lock (s_recent)
        {
            s_recent.Insert(0, (key, result));
            if (s_recent.Count > RecentResults) s_recent.RemoveAt(s_recent.Count - 1);
        }
        return result;
    }

    private const int RecentResults = 4;
    private static readonly List<(SchemaFile[] Files, SchemaParseResult Result)> s_recent = new();

    private static bool SameFiles(SchemaFile[] a, SchemaFile[] b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] is null || b[i] is null) { if (!ReferenceEquals(a[i], b[i])) return false; continue; }
            if (!string.Equals(a[i].Path, b[i].Path, StringComparison.Ordinal) || !string.Equals(a[i].Text, b[i].Text, StringComparison.Ordinal)) return false;
        }
        return true;
    }

    private static SchemaParseResult ParseUncached(IReadOnlyList<SchemaFile> files, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var sources = new List<SourceDocument>();
        foreach (var file in files ?? Array.Empty<SchemaFile>())
        {
            if (file is null) continue;
            sources.Add(new SourceDocument(sources.Count, file.Path ?? string.Empty, file.Text ?? string.Empty));
        }

        SchemaModel? schema = null;
        try
        {
            var documents = new List<(SourceDocument, GraphQLDocument)>();
            foreach (var source in sources)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (ParseDocument(source, diagnostics) is { } document) documents.Add((source, document));
            }

            // After a syntax error the remaining definitions would only produce follow-on errors.
            if (!diagnostics.HasErrors) schema = SchemaBuilder.Build(documents, diagnostics, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Last resort: a bug must surface as a diagnostic, never crash the build.
            var source = sources.Count > 0 ? sources[0] : new SourceDocument(0, string.Empty, string.Empty);
            diagnostics.Error(SchemaDiagnosticIds.SyntaxError, new SchemaLocation(source, 0, 0),
                $"Internal error while analysing the schema ({ex.GetType().Name}: {ex.Message}). Please report this with the schema that caused it.");
            schema = null;
        }

        return new SchemaParseResult(diagnostics.HasErrors ? null : schema, diagnostics.ToSortedArray());
    }

    private static GraphQLDocument? ParseDocument(SourceDocument source, DiagnosticBag diagnostics)
    {
        try
        {
            return Parser.Parse(NormalizeLineBreaks(source.Text), Options);
        }
        catch (GraphQLParserException ex)
        {
            diagnostics.Error(SchemaDiagnosticIds.SyntaxError, source.AtLineColumn(ex.Location.Line, ex.Location.Column),
                $"Syntax error: {Describe(ex)}");
            return null;
        }
    }

    private static string Describe(GraphQLParserException ex)
    {
        if (ex is GraphQLMaxDepthExceededException) return "the document is nested too deeply.";
        string description = ex.Description;
        // Drop the spec link GraphQL-Parser appends; the diagnostic's help link covers it.
        int link = description.IndexOf("; for more information see", StringComparison.Ordinal);
        if (link >= 0) description = description.Substring(0, link);
        return description.EndsWith(".", StringComparison.Ordinal) ? description : description + ".";
    }

    /// <summary>
    /// GraphQL-Parser fails to compute error positions after a lone <c>\r</c> line break; turn those into <c>\n</c>,
    /// which keeps every offset unchanged.
    /// </summary>
    private static string NormalizeLineBreaks(string text)
    {
        if (text.IndexOf('\r') < 0) return text;
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '\r' && (i + 1 >= chars.Length || chars[i + 1] != '\n')) chars[i] = '\n';
        }
        return new string(chars);
    }
}
