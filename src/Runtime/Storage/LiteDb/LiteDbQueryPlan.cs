using Amplify.DataStore.Predicates;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>How the adapter runs one query: what LiteDB filters, orders and pages, and what is left to memory.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Filter">The compiled predicate (its <see cref="CompiledPredicate.Where"/> runs in LiteDB).</param>
/// <param name="OrderBy">The LiteDB ORDER BY expression (ascending unless <paramref name="Descending"/>), or null.</param>
/// <param name="Descending">True when <paramref name="OrderBy"/> is descending.</param>
/// <param name="SortInMemory">True when the items are sorted with <see cref="Predicates.Evaluation.ItemComparer"/> after reading.</param>
/// <param name="PageInDatabase">True when skip and limit are applied by LiteDB (nothing is filtered or sorted in memory).</param>
internal sealed record LiteDbQueryPlan(
    string Model,
    CompiledPredicate Filter,
    string? OrderBy,
    bool Descending,
    bool SortInMemory,
    bool PageInDatabase)
{
    /// <summary>The predicate part evaluated in memory, or null.</summary>
    public PredicateNode? Residual => Filter.Residual;
}
