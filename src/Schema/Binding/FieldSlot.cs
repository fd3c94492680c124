using System.Collections.Generic;
using Amplify.DataStore.Schema.Parsing;
using GraphQLParser.AST;

namespace Amplify.DataStore.Schema.Binding;

/// <summary>
/// A field while the schema is being built: declared fields carry their syntax, synthesised ones (implicit id,
/// foreign keys, timestamps, join-model fields) do not. Turned into an immutable <see cref="FieldDefinition"/> at the end.
/// </summary>
internal sealed class FieldSlot
{
    public FieldSlot(string name, FieldType? type, bool isRequired, bool isList, bool isListRequired, FieldOrigin origin)
    {
        Name = name;
        Type = type;
        IsRequired = isRequired;
        IsList = isList;
        IsListRequired = isListRequired;
        Origin = origin;
    }

    public string Name { get; }

    /// <summary>The resolved type; null when it could not be resolved (an error was reported).</summary>
    public FieldType? Type { get; set; }

    public bool IsRequired { get; set; }

    public bool IsList { get; }

    public bool IsListRequired { get; }

    public bool IsReadOnly { get; set; }

    public FieldOrigin Origin { get; }

    public Association? Association { get; set; }

    public string? DefaultValue { get; set; }

    public List<AuthRule> AuthRules { get; } = new();

    /// <summary>The declaration, for declared fields.</summary>
    public Located<GraphQLFieldDefinition>? Syntax { get; set; }

    /// <summary>The relationship directive on this field, if any.</summary>
    public RelationshipSpec? Relationship { get; set; }

    /// <summary>Not part of the generated model (e.g. a model-typed field without a relationship).</summary>
    public bool IsDropped { get; set; }

    /// <summary>A non-list scalar or enum: usable as a key or foreign-key field.</summary>
    public bool IsKeyable => Type is { Kind: TypeKind.Scalar or TypeKind.Enum } && !IsList;

    /// <summary>Where diagnostics about this field point: its name, or <paramref name="fallback"/> when synthesised.</summary>
    public SchemaLocation NameLocation(SchemaLocation fallback) =>
        Syntax is null ? fallback : Syntax.At(Syntax.Node.Name);

    /// <summary>The type as written (<c>[String!]!</c>), or rebuilt for synthesised fields; for messages.</summary>
    public string TypeText
    {
        get
        {
            if (Syntax is not null)
            {
                var location = Syntax.At(Syntax.Node.Type);
                return Syntax.Document.Text.Substring(location.Start, location.End - location.Start);
            }
            string element = (Type?.Name ?? "?") + (IsRequired ? "!" : string.Empty);
            return IsList ? "[" + element + "]" + (IsListRequired ? "!" : string.Empty) : element;
        }
    }

    public FieldDefinition ToDefinition() => new(
        Name,
        Type!,
        IsRequired,
        IsList,
        IsListRequired,
        IsReadOnly,
        Origin,
        Association,
        DefaultValue,
        AuthRules.ToEquatableArray());
}
