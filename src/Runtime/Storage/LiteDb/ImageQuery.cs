using System.Collections.Generic;
using System.Collections.Immutable;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Predicates;
using Amplify.DataStore.Predicates.Evaluation;
using Amplify.DataStore.Sorting;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// Runs a query on a <see cref="ModelImage"/> snapshot with the reference semantics: <see cref="PredicateEvaluator"/>
/// filters, <see cref="ItemComparer"/> orders (the image is already in key order, so an unsorted query keeps it), then
/// skip and limit.
/// </summary>
internal static class ImageQuery
{
    public static List<object> Run(ModelMetadata model, ImmutableSortedDictionary<StorageKey, object> image, PredicateNode predicate, IReadOnlyList<SortClause>? sort, int skip, int? limit)
    {
        bool sorted = sort is { Count: > 0 };
        if (limit == 0 || skip >= image.Count) return new List<object>();
        if (predicate is MatchAll && !sorted)
        {
            // Key order is the answer's order: copy only the page.
            int take = limit is { } l ? System.Math.Min(l, image.Count - skip) : image.Count - skip;
            var page = new List<object>(take);
            int index = 0;
            foreach (var item in image.Values)
            {
                if (index++ < skip) continue;
                page.Add(item);
                if (page.Count == take) break;
            }
            return page;
        }
        var items = new List<object>();
        foreach (var item in image.Values)
        {
            if (PredicateEvaluator.Matches(model, item, predicate)) items.Add(item);
        }
        if (sorted) items.Sort(ItemComparer.Create(model, sort));
        return ResultPage.Of(items, skip, limit);
    }
}
