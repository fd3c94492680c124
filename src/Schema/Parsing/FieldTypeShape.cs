using GraphQLParser.AST;

namespace Amplify.DataStore.Schema.Parsing;

/// <summary>A field's type with its list and non-null wrappers taken apart.</summary>
internal sealed class FieldTypeShape
{
    private FieldTypeShape(GraphQLNamedType named, bool isRequired, bool isList, bool isListRequired, bool isNestedList)
    {
        Named = named;
        IsRequired = isRequired;
        IsList = isList;
        IsListRequired = isListRequired;
        IsNestedList = isNestedList;
    }

    /// <summary>The innermost named type.</summary>
    public GraphQLNamedType Named { get; }

    public string TypeName => Named.Name.StringValue;

    /// <summary>The element (or the scalar itself) is non-null.</summary>
    public bool IsRequired { get; }

    public bool IsList { get; }

    /// <summary>The list itself is non-null.</summary>
    public bool IsListRequired { get; }

    /// <summary>A list of lists, which DataStore cannot store.</summary>
    public bool IsNestedList { get; }

    public static FieldTypeShape From(GraphQLType type)
    {
        bool outerRequired = false;
        if (type is GraphQLNonNullType outer)
        {
            outerRequired = true;
            type = outer.Type;
        }
        if (type is not GraphQLListType list) return new FieldTypeShape((GraphQLNamedType)type, outerRequired, false, false, false);

        var element = list.Type;
        bool elementRequired = false;
        if (element is GraphQLNonNullType nonNullElement)
        {
            elementRequired = true;
            element = nonNullElement.Type;
        }

        bool nested = false;
        // Unwrap further levels only to find the named type for messages; the parser bounds the depth.
        while (element is not GraphQLNamedType)
        {
            nested = true;
            element = element switch
            {
                GraphQLListType l => l.Type,
                GraphQLNonNullType n => n.Type,
                _ => element,
            };
        }
        return new FieldTypeShape((GraphQLNamedType)element, elementRequired, true, outerRequired, nested);
    }
}
