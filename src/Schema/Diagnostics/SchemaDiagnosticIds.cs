namespace Amplify.DataStore.Schema;

/// <summary>
/// Stable IDs of the schema diagnostics. Never renumber: users suppress them by ID and the help links
/// point at <c>docs/diagnostics/&lt;ID&gt;.md</c>.
/// </summary>
public static class SchemaDiagnosticIds
{
    /// <summary>GraphQL syntax error.</summary>
    public const string SyntaxError = "ADS1001";
    /// <summary>A field refers to a type that is not defined (or a custom scalar, union or interface).</summary>
    public const string UnknownType = "ADS1002";
    /// <summary>A type (model, non-model or enum) is defined twice, possibly across files.</summary>
    public const string DuplicateType = "ADS1003";
    /// <summary>A field or enum value is defined twice in one type.</summary>
    public const string DuplicateField = "ADS1004";
    /// <summary>A model has no usable primary key (missing, nullable, list or non-scalar key field).</summary>
    public const string InvalidPrimaryKey = "ADS1005";
    /// <summary>A relationship names a field that does not exist.</summary>
    public const string RelationshipFieldNotFound = "ADS1006";
    /// <summary>A relationship key field has the wrong type or count compared to the related primary key.</summary>
    public const string RelationshipKeyTypeMismatch = "ADS1007";
    /// <summary>A relationship names an index that does not exist, or an index names a missing field.</summary>
    public const string IndexNotFound = "ADS1008";
    /// <summary><c>@manyToMany</c> relation names do not pair up exactly twice.</summary>
    public const string ManyToManyMismatch = "ADS1009";
    /// <summary>A type or field name is reserved (clashes with generated or runtime names, or sync metadata).</summary>
    public const string ReservedName = "ADS1010";
    /// <summary>A directive DataStore does not use (<c>@searchable</c>, <c>@function</c>, <c>@http</c>, …); ignored.</summary>
    public const string UnsupportedDirective = "ADS1011";
    /// <summary>A directive that neither Amplify nor DataStore knows.</summary>
    public const string UnknownDirective = "ADS1012";
    /// <summary>A model-typed field without a relationship directive; it is not stored.</summary>
    public const string UnconnectedModelField = "ADS1013";
    /// <summary>A relationship directive on a field of the wrong shape (e.g. <c>@hasMany</c> on a non-list).</summary>
    public const string InvalidRelationship = "ADS1014";
    /// <summary>A directive argument is missing, of the wrong type or has an invalid value.</summary>
    public const string InvalidDirectiveArgument = "ADS1015";
    /// <summary>A <c>@default</c> value does not match the field's type.</summary>
    public const string InvalidDefaultValue = "ADS1016";
    /// <summary>Two names map to the same C# identifier (e.g. <c>dueDate</c> and <c>due_date</c>).</summary>
    public const string NameCollision = "ADS1017";
    /// <summary>A schema shape DataStore cannot store (nested lists, lists of models outside relationships, …).</summary>
    public const string UnsupportedFieldShape = "ADS1018";

    /// <summary>A field's C# property was renamed (it would clash with the type name or a generated member); Info.</summary>
    public const string RenamedMember = "ADS1019";
}
