namespace Amplify.DataStore.Schema;

/// <summary>A secondary index (<c>@index</c> or a named v1 <c>@key</c>).</summary>
/// <param name="Name">The index name (explicit, or Amplify's default naming).</param>
/// <param name="Fields">The partition field followed by the sort-key fields.</param>
/// <param name="QueryField">The generated query field name, if any.</param>
public sealed record IndexDefinition(string Name, EquatableArray<string> Fields, string? QueryField);
