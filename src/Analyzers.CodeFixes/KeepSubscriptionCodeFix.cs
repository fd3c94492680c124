using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
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
/// ADS2008: turns <c>observable.Subscribe(…);</c> (or <c>_ = observable.Subscribe(…);</c>) into
/// <c>using var subscription = observable.Subscribe(…);</c>. Offered only where a using declaration is allowed: a
/// statement directly in a block or at top level (not an embedded statement, a switch section or a lambda body).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KeepSubscriptionCodeFix))]
[Shared]
public sealed class KeepSubscriptionCodeFix : CodeFixProvider
{
    private const string BaseName = "subscription";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.SubscriptionDiscarded.Id);

    /// <inheritdoc/>
    /// <remarks>
    /// Fix-all rewrites every reported statement of a document in one edit so that each gets its own name; the batch
    /// fixer would merge separate edits that all chose "subscription".
    /// </remarks>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return document;
        var statements = diagnostics.Select(d => StatementAt(root, d)).OfType<ExpressionStatementSyntax>().Distinct().ToList();
        return statements.Count == 0 ? document : await KeepAsync(document, statements, context.CancellationToken).ConfigureAwait(false);
    });

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (StatementAt(root, diagnostic) is not { } statement) continue;
            context.RegisterCodeFix(
                CodeAction.Create("Keep the subscription in a 'using var' (disposed at the end of the scope)",
                    ct => KeepAsync(context.Document, new[] { statement }, ct),
                    equivalenceKey: nameof(KeepSubscriptionCodeFix)),
                diagnostic);
        }
    }

    private static ExpressionStatementSyntax? StatementAt(SyntaxNode root, Diagnostic diagnostic)
    {
        var statement = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<ExpressionStatementSyntax>();
        return statement?.Parent is BlockSyntax or GlobalStatementSyntax ? statement : null;
    }

    private static async Task<Document> KeepAsync(Document document, IReadOnlyList<ExpressionStatementSyntax> statements, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null) return document;

        // In source order, so the first subscription gets the plain name; names chosen in this pass count as taken.
        var chosen = new HashSet<string>();
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var statement in statements.OrderBy(s => s.SpanStart))
        {
            var name = FreeName(statement, semanticModel, chosen, cancellationToken);
            chosen.Add(name);
            replacements[statement] = Declaration(statement, name);
        }
        return document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }

    private static LocalDeclarationStatementSyntax Declaration(ExpressionStatementSyntax statement, string name)
    {
        // '_ = x.Subscribe(…)' keeps just the call.
        var value = statement.Expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } } discard
            ? discard.Right
            : statement.Expression;
        return SyntaxFactory.LocalDeclarationStatement(
                SyntaxFactory.VariableDeclaration(
                    SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(default, "var", SyntaxFactory.TriviaList(SyntaxFactory.Space))),
                    SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(default, name, SyntaxFactory.TriviaList(SyntaxFactory.Space)))
                            .WithInitializer(SyntaxFactory.EqualsValueClause(
                                SyntaxFactory.Token(default, SyntaxKind.EqualsToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                                value.WithoutLeadingTrivia().WithoutTrailingTrivia())))))
            .WithUsingKeyword(SyntaxFactory.Token(default, SyntaxKind.UsingKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)))
            .WithSemicolonToken(statement.SemicolonToken)
            .WithLeadingTrivia(statement.GetLeadingTrivia());
    }

    /// <summary>
    /// "subscription", or "subscription2", … when that is taken. Every identifier written in the enclosing member
    /// counts as taken, which also avoids locals declared later in nested scopes (CS0136), plus the names in scope.
    /// </summary>
    private static string FreeName(StatementSyntax statement, SemanticModel semanticModel, HashSet<string> chosen, CancellationToken cancellationToken)
    {
        var taken = new HashSet<string>(chosen);
        SyntaxNode scope = (SyntaxNode?)statement.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? statement.SyntaxTree.GetRoot(cancellationToken);
        foreach (var token in scope.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken)) taken.Add(token.ValueText);
        }
        foreach (var symbol in semanticModel.LookupSymbols(statement.SpanStart)) taken.Add(symbol.Name);

        var name = BaseName;
        for (int i = 2; taken.Contains(name); i++) name = BaseName + i.ToString(CultureInfo.InvariantCulture);
        return name;
    }
}
