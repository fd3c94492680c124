using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Amplify.DataStore.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Amplify.DataStore.Analyzers.CodeFixes;

/// <summary>
/// ADS2004 fix for <c>Between(10, 1)</c>: swaps the two bounds (their expressions, so argument names stay where they
/// are and <c>Between(high: 1, low: 10)</c> becomes <c>Between(high: 10, low: 1)</c>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SwapBetweenBoundsCodeFix))]
[Shared]
public sealed class SwapBetweenBoundsCodeFix : CodeFixProvider
{
    private const string Title = "Swap the bounds of Between";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.ConstantPredicate.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            // Only the Between diagnostics carry the argument positions; the other ADS2004 cases have no mechanical fix.
            if (!diagnostic.Properties.TryGetValue(ConstantPredicateAnalyzer.FixProperty, out var fix) || fix != ConstantPredicateAnalyzer.SwapBetweenFix) continue;
            if (!TryIndex(diagnostic, ConstantPredicateAnalyzer.LowArgumentProperty, out int low)
                || !TryIndex(diagnostic, ConstantPredicateAnalyzer.HighArgumentProperty, out int high)) continue;
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node) continue;
            var invocation = node as InvocationExpressionSyntax ?? node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
            var arguments = invocation?.ArgumentList.Arguments;
            if (invocation is null || arguments is not { } list || low >= list.Count || high >= list.Count || low == high) continue;
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => SwapAsync(document, invocation, low, high, ct), equivalenceKey: Title),
                diagnostic);
        }
    }

    private static bool TryIndex(Diagnostic diagnostic, string property, out int index)
    {
        index = -1;
        return diagnostic.Properties.TryGetValue(property, out var text)
               && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }

    private static async Task<Document> SwapAsync(Document document, InvocationExpressionSyntax invocation, int low, int high, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null) return document;
        var arguments = invocation.ArgumentList.Arguments;
        var lowArgument = arguments[low];
        var highArgument = arguments[high];
        var newLow = lowArgument.WithExpression(highArgument.Expression.WithTriviaFrom(lowArgument.Expression));
        var newHigh = highArgument.WithExpression(lowArgument.Expression.WithTriviaFrom(highArgument.Expression));
        var updated = invocation.ReplaceNodes(new[] { lowArgument, highArgument }, (original, _) => original == lowArgument ? newLow : newHigh);
        return document.WithSyntaxRoot(root.ReplaceNode(invocation, updated));
    }
}
