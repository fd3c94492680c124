using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Amplify.DataStore.Analyzers.Rules;

/// <summary>
/// Where a local's value comes from, when that is certain from the syntax alone: the local is declared with an
/// initializer (<c>var post = new Post { … };</c>) and never written again in its scope. Used by ADS2006 (is the saved
/// item new?) and ADS2005 (what condition does the local hold?).
/// </summary>
internal sealed class ConditionOnCreateLocalOrigin
{
    private ConditionOnCreateLocalOrigin(VariableDeclaratorSyntax declarator, SyntaxNode scope, List<IdentifierNameSyntax> references)
    {
        Declarator = declarator;
        Scope = scope;
        References = references;
    }

    /// <summary>The declarator, with its initializer.</summary>
    public VariableDeclaratorSyntax Declarator { get; }

    /// <summary>The initializer's value.</summary>
    public ExpressionSyntax Value => Declarator.Initializer!.Value;

    /// <summary>The block (or switch section, or member body) the local is declared in.</summary>
    public SyntaxNode Scope { get; }

    /// <summary>Every use of the local in its scope (none of them a write).</summary>
    public IReadOnlyList<IdentifierNameSyntax> References { get; }

    /// <summary>The origin of <paramref name="local"/>, or null when it is not a plain local assigned only by its declaration.</summary>
    public static ConditionOnCreateLocalOrigin? Find(ILocalSymbol local, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1) return null;
        if (local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: not null } declarator) return null;
        if (declarator.SyntaxTree != semanticModel.SyntaxTree) return null;
        if (declarator.Parent?.Parent is not LocalDeclarationStatementSyntax statement || statement.Parent is not { } scope) return null;

        var references = new List<IdentifierNameSyntax>();
        foreach (var node in scope.DescendantNodes())
        {
            if (node is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != local.Name) continue;
            if (!SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol, local)) continue;
            if (IsWrite(identifier)) return null;
            references.Add(identifier);
        }
        return new ConditionOnCreateLocalOrigin(declarator, scope, references);
    }

    /// <summary>True when the use assigns the local (or may, through a ref).</summary>
    private static bool IsWrite(IdentifierNameSyntax identifier)
    {
        SyntaxNode node = identifier;
        // Climb out of parentheses and deconstruction tuples: (post, other) = … writes post.
        while (true)
        {
            var parent = node.Parent;
            if (parent is ParenthesizedExpressionSyntax) node = parent;
            else if (parent is ArgumentSyntax { Parent: TupleExpressionSyntax tuple } tupleArgument && tupleArgument.RefKindKeyword.IsKind(SyntaxKind.None)) node = tuple;
            else break;
        }
        return node.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == node,
            ArgumentSyntax argument => argument.RefKindKeyword.IsKind(SyntaxKind.RefKeyword) || argument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword),
            PrefixUnaryExpressionSyntax prefix => prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression),
            PostfixUnaryExpressionSyntax postfix => postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression),
            RefExpressionSyntax => true,
            _ => false,
        };
    }
}
