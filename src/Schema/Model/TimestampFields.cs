namespace Amplify.DataStore.Schema;

/// <summary>The automatic timestamp fields of a model; a <see langword="null"/> name means the field is disabled.</summary>
/// <param name="CreatedAt">The creation timestamp field name (default <c>createdAt</c>).</param>
/// <param name="UpdatedAt">The update timestamp field name (default <c>updatedAt</c>).</param>
public sealed record TimestampFields(string? CreatedAt, string? UpdatedAt)
{
    /// <summary>Amplify's default: <c>createdAt</c> and <c>updatedAt</c>.</summary>
    public static TimestampFields Default { get; } = new("createdAt", "updatedAt");
}
