namespace Amplify.DataStore.LocalBackend.Filtering;

/// <summary>The DynamoDB-like type of a stored attribute or an operand, which decides how two values compare.</summary>
internal enum FilterValueKind
{
    /// <summary>A null value (DynamoDB <c>NULL</c>).</summary>
    Null,

    /// <summary>A string (DynamoDB <c>S</c>): IDs, strings, enum names and all text-typed AWS scalars.</summary>
    String,

    /// <summary>Any CLR number (DynamoDB <c>N</c>); numbers compare numerically whatever their CLR type.</summary>
    Number,

    /// <summary>A boolean (DynamoDB <c>BOOL</c>).</summary>
    Boolean,

    /// <summary>A list (DynamoDB <c>L</c>): any enumerable that is not a string or a map.</summary>
    List,

    /// <summary>A string-keyed map (DynamoDB <c>M</c>): an embedded non-model type.</summary>
    Map,

    /// <summary>Anything else; equal only to itself by <see cref="object.Equals(object)"/> and never ordered.</summary>
    Other,
}
