using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Amplify.DataStore.Analyzers.CodeFixes;

/// <summary>
/// ADS2007: removes the key assignment from the <c>with</c> initializer. An initializer left empty becomes
/// <c>with { }</c>, which is valid C# and still makes the copy the code asked for.
/// </summary>
/// <remarks>
/// Fix-all removes every reported assignment of a document in one edit: the batch fixer would merge separate edits of
/// one initializer (two fields of a composite key) and could not collapse an emptied initializer to <c>{ }</c>.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveKeyAssignmentCodeFix))]
[Shared]
public sealed class RemoveKeyAssignmentCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.PrimaryKeyChanged.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return document;
        var assignments = diagnostics.Select(d => AssignmentAt(root, d)).OfType<AssignmentExpressionSyntax>().ToList();
        return assignments.Count == 0 ? document : document.WithSyntaxRoot(Remove(root, assignments));
    });

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (AssignmentAt(root, diagnostic) is not { } assignment) continue;
            context.RegisterCodeFix(
                CodeAction.Create($"Remove the assignment to key property '{assignment.Left}'",
                    ct => Task.FromResult(context.Document.WithSyntaxRoot(Remove(root, new[] { assignment }))),
                    equivalenceKey: nameof(RemoveKeyAssignmentCodeFix)),
                diagnostic);
        }
    }

    private static AssignmentExpressionSyntax? AssignmentAt(SyntaxNode root, Diagnostic diagnostic)
    {
        var assignment = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AssignmentExpressionSyntax>();
        return assignment?.Parent is InitializerExpressionSyntax { Parent: WithExpressionSyntax } ? assignment : null;
    }

    private static SyntaxNode Remove(SyntaxNode root, IReadOnlyCollection<AssignmentExpressionSyntax> assignments)
    {
        var byWith = assignments
            .GroupBy(a => (WithExpressionSyntax)a.Parent!.Parent!)
            .ToDictionary(g => g.Key, g => g.Select(a => ((InitializerExpressionSyntax)a.Parent!).Expressions.IndexOf(a)).Distinct().OrderByDescending(i => i).ToList());
        // 'rewritten' already carries the fixes of nested 'with' expressions; element indices are unchanged by them.
        return root.ReplaceNodes(byWith.Keys, (original, rewritten) =>
        {
            var initializer = rewritten.Initializer;
            foreach (var index in byWith[original]) initializer = RemoveAt(initializer, index);
            if (initializer.Expressions.Count > 0) return rewritten.WithInitializer(initializer);
            // Emptied: 'post with { }' on one line, whatever the layout was.
            return rewritten
                .WithWithKeyword(rewritten.WithKeyword.WithTrailingTrivia(SyntaxFactory.Space))
                .WithInitializer(initializer
                    .WithOpenBraceToken(initializer.OpenBraceToken.WithLeadingTrivia().WithTrailingTrivia(SyntaxFactory.Space))
                    .WithCloseBraceToken(initializer.CloseBraceToken.WithLeadingTrivia()));
        });
    }

    /// <summary>
    /// Drops one element with one separator and keeps the layout of the others: a removed element's leading trivia
    /// (its indentation) goes to the element after it; the last element takes the separator before it along, and
    /// leaves its trailing trivia (the space or line break before '}') to the element before.
    /// </summary>
    private static InitializerExpressionSyntax RemoveAt(InitializerExpressionSyntax initializer, int index)
    {
        var expressions = initializer.Expressions;
        if (expressions.Count == 1) return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>());
        var removed = expressions[index];
        var list = new List<SyntaxNodeOrToken>(expressions.GetWithSeparators());
        int slot = index * 2;
        if (index < expressions.Count - 1)
        {
            list[slot + 2] = list[slot + 2].AsNode()!.WithLeadingTrivia(removed.GetLeadingTrivia());
            list.RemoveRange(slot, 2);
        }
        else if (slot + 1 < list.Count)
        {
            // A trailing separator after the last element: the separator before it becomes the trailing one.
            list.RemoveRange(slot, 2);
        }
        else
        {
            list.RemoveRange(slot - 1, 2);
            list[list.Count - 1] = list[list.Count - 1].AsNode()!.WithTrailingTrivia(removed.GetTrailingTrivia());
        }
        return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(list));
    }
}
