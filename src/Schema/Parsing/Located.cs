using GraphQLParser.AST;

namespace Amplify.DataStore.Schema.Parsing;

/// <summary>An AST node together with the document it came from (files merge, so a type can span several).</summary>
internal sealed class Located<T>
    where T : ASTNode
{
    public Located(T node, SourceDocument document)
    {
        Node = node;
        Document = document;
    }

    public T Node { get; }

    public SourceDocument Document { get; }

    public SchemaLocation Location => Document.At(Node);

    /// <summary>The location of a child node of <see cref="Node"/>.</summary>
    public SchemaLocation At(ASTNode child) => Document.At(child);
}
