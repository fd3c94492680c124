namespace Amplify.DataStore.Generator;

/// <summary>Names of the incremental pipeline steps, asserted by the caching tests.</summary>
public static class TrackingNames
{
    /// <summary>Each .graphql AdditionalFile read into (path, text).</summary>
    public const string SchemaFiles = nameof(SchemaFiles);

    /// <summary>MSBuild options reduced to <see cref="GeneratorOptions"/>.</summary>
    public const string Options = nameof(Options);

    /// <summary>All schema files parsed, merged and validated.</summary>
    public const string ParseSchema = nameof(ParseSchema);

    /// <summary>The diagnostics of the parse.</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>The schema split into one emit unit per generated file.</summary>
    public const string EmitUnits = nameof(EmitUnits);
}
