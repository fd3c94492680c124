using Amplify.DataStore.Sorting;

namespace Amplify.DataStore;

/// <summary>Paging and sorting for <c>QueryAsync</c>.</summary>
public sealed class QueryOptions
{
    /// <summary>The zero-based page (requires <see cref="Limit"/>).</summary>
    public int Page { get; init; }

    /// <summary>The page size; null returns every match.</summary>
    public int? Limit { get; init; }

    /// <summary>The order, built with the generated <c>T.Sort(...)</c>; by default items come in key order.</summary>
    public SortOrder? Sort { get; init; }
}
