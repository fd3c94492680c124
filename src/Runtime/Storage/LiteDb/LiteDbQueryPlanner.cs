using System.Collections.Generic;
using System.Text;
using Amplify.DataStore.Predicates;
using Amplify.DataStore.Sorting;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>Decides how a query runs: the compiled filter, the ORDER BY LiteDB can do exactly, and where paging happens.</summary>
internal static class LiteDbQueryPlanner
{
    /// <summary>Plans a query. With <paramref name="ordered"/> false the caller needs no particular order.</summary>
    public static LiteDbQueryPlan Plan(ModelStorage storage, PredicateNode predicate, IReadOnlyList<SortClause>? sort, bool ordered = true)
    {
        var filter = PredicateCompiler.Compile(storage, predicate);
        string? orderBy = null;
        bool descending = false;
        bool sortInMemory = false;
        if (ordered)
        {
            if (!TryOrderBy(storage, sort, out orderBy, out descending)) sortInMemory = true;
        }
        return new LiteDbQueryPlan(storage.Model.Name, filter, orderBy, descending, sortInMemory,
            PageInDatabase: !sortInMemory && filter.IsFullyCompiled);
    }

    /// <summary>
    /// An ORDER BY giving exactly <see cref="Predicates.Evaluation.ItemComparer"/>'s order. The tie-breaker (key ascending) is
    /// <c>_id</c> ascending, since <c>_id</c> order is key order; so LiteDB can only sort when every clause is ascending
    /// (an array <c>[f1, f2, $._id]</c> compares element by element), or by the key alone in either direction.
    /// </summary>
    private static bool TryOrderBy(ModelStorage storage, IReadOnlyList<SortClause>? sort, out string? orderBy, out bool descending)
    {
        string id = DocumentLayout.PathOf(DocumentLayout.IdField);
        orderBy = null;
        descending = false;
        if (sort is null || sort.Count == 0)
        {
            orderBy = id;
            return true;
        }
        if (sort.Count == 1 && storage.HasRawId && sort[0].Field == storage.Model.PrimaryKey.Fields[0])
        {
            orderBy = id;
            descending = sort[0].Direction == SortDirection.Descending;
            return true;
        }
        var array = new StringBuilder("[");
        foreach (var clause in sort)
        {
            if (clause.Direction != SortDirection.Ascending || storage.Find(clause.Field) is not { IsList: false } field) return false;
            array.Append(field.ComparePath).Append(", ");
        }
        orderBy = array.Append(id).Append(']').ToString();
        return true;
    }
}
