namespace Amplify.DataStore.Schema.Validation;

/// <summary>How DataStore treats a directive it finds in the schema.</summary>
internal enum DirectiveHandling
{
    /// <summary>Read and turned into the model (<c>@model</c>, <c>@hasMany</c>, <c>@auth</c>, …).</summary>
    Processed,
    /// <summary>An Amplify/AppSync directive with no effect on client models; accepted without a diagnostic.</summary>
    Ignored,
    /// <summary>An Amplify directive for server-side features DataStore does not use; reported as info.</summary>
    Unsupported,
    /// <summary>Neither Amplify nor DataStore knows it.</summary>
    Unknown,
}
