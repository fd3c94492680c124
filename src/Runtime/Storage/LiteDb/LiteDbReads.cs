using System.Collections.Generic;
using System.Linq;
using Amplify.DataStore.Predicates.Evaluation;
using Amplify.DataStore.Sorting;
using LiteDB;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// Executes reads. Inside a write work they run in the writer's transaction; elsewhere each read is its own LiteDB
/// read-only snapshot, which sees committed data only. Results are materialized before returning, so no LiteDB cursor
/// (and its per-thread transaction) outlives the call.
/// </summary>
internal static class LiteDbReads
{
    /// <summary>The item with <paramref name="key"/>, or null.</summary>
    public static object? Get(LiteDatabase database, ModelStorage storage, StorageKey key)
        => DocumentKey.ToId(storage, key) is { } id && database.GetCollection(storage.CollectionName).FindById(id) is { } document
            ? ModelDocuments.FromDocument(storage, document)
            : null;

    /// <summary>Runs <paramref name="plan"/>, then sorts and pages in memory where the plan says so.</summary>
    public static List<object> Run(LiteDatabase database, ModelStorage storage, LiteDbQueryPlan plan, IReadOnlyList<SortClause>? sort, int skip, int? limit)
    {
        var items = new List<object>();
        if (plan.Filter.MatchesNothing || limit == 0) return items;
        var query = Prepare(database, storage, plan);
        ILiteQueryableResult<BsonDocument> result = query;
        if (plan.PageInDatabase)
        {
            if (skip > 0) result = result.Skip(skip);
            if (limit is { } pageSize) result = result.Limit(pageSize);
        }
        var residual = plan.Residual;
        var model = storage.Model;
        foreach (var document in result.ToDocuments())
        {
            var item = ModelDocuments.FromDocument(storage, document);
            if (residual is null || PredicateEvaluator.Matches(model, item, residual)) items.Add(item);
        }
        if (plan.SortInMemory) items.Sort(ItemComparer.Create(model, sort));
        return plan.PageInDatabase ? items : ResultPage.Of(items, skip, limit);
    }

    /// <summary>True when <paramref name="collectionName"/> holds no document (one read).</summary>
    public static bool IsEmpty(LiteDatabase database, string collectionName)
        // Any() disposes the cursor: an open one would keep its read lock on this thread and block writers.
        => !database.GetCollection(collectionName).Query().Limit(1).ToDocuments().Any();

    /// <summary>LiteDB's own plan for the query (index used, filters), for diagnostics.</summary>
    public static BsonDocument Explain(LiteDatabase database, ModelStorage storage, LiteDbQueryPlan plan)
        => Prepare(database, storage, plan).GetPlan();

    private static ILiteQueryable<BsonDocument> Prepare(LiteDatabase database, ModelStorage storage, LiteDbQueryPlan plan)
    {
        var query = database.GetCollection(storage.CollectionName).Query();
        if (plan.Filter.CreateWhere() is { } where) query = query.Where(where);
        if (plan.OrderBy is { } orderBy) query = query.OrderBy(BsonExpression.Create(orderBy), plan.Descending ? Query.Descending : Query.Ascending);
        return query;
    }
}
