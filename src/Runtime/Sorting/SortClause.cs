namespace Amplify.DataStore.Sorting;

/// <summary>One sort key: a field and a direction.</summary>
/// <param name="Field">The GraphQL field name.</param>
/// <param name="Direction">The direction.</param>
public sealed record SortClause(string Field, SortDirection Direction);
