using System;
using System.Collections.Generic;
using Amplify.DataStore.LocalBackend.Filtering;
using GraphQL;

namespace Amplify.DataStore.LocalBackend.Api;

/// <summary>
/// Key queries (DynamoDB Query, as the transformer's resolvers run it): index query fields, <c>listX</c> with the
/// partition key of a custom primary key, and hasMany connections whose index has a sort key.
/// </summary>
internal sealed partial class ModelOperations
{
    /// <summary>
    /// <c>listX</c> of a model with a custom primary key: a Query on the primary key when the partition key is given,
    /// otherwise the usual scan (where <c>sortDirection</c> and a sort-key condition are refused, as the transformer's
    /// resolver refuses them).
    /// </summary>
    public object ListOrQuery(IResolveFieldContext context, KeyQuery key)
    {
        var partition = key.EqualFields[0];
        if (context.GetArgument<object?>(partition) is not null) return Query(context, key, null);
        if (key.SortArgument is { } sortArgument && context.GetArgument<object?>(sortArgument) is not null)
        {
            throw new AppSyncError("InvalidArgumentsError", $"When providing argument '{sortArgument}' you must also provide '{partition}'.");
        }
        if (context.GetArgument<string?>("sortDirection") is not null)
        {
            throw new AppSyncError("InvalidArgumentsError", $"When providing argument 'sortDirection' you must also provide argument '{partition}'.");
        }
        return List(context);
    }

    /// <summary>
    /// The items whose <see cref="KeyQuery.EqualFields"/> equal <paramref name="fixedValues"/> (or, when null, the
    /// arguments of the same names) and whose sort key meets the condition argument, in sort-key order
    /// (<c>sortDirection</c>), paged by <c>limit</c> items evaluated before <c>filter</c>, as DynamoDB's Query does.
    /// </summary>
    public object Query(IResolveFieldContext context, KeyQuery key, IReadOnlyList<object?>? fixedValues)
    {
        var filter = ArgumentValues.Object(context.GetArgument<object?>("filter"));
        int limit = context.GetArgument<int?>("limit") ?? DefaultLimit;
        if (limit <= 0) throw new AppSyncError("BadRequest", $"Limit must be between 1 and {MaxLimit}; got {limit}.");
        limit = Math.Min(limit, MaxLimit);
        var nextToken = context.GetArgument<string?>("nextToken");
        var token = string.IsNullOrEmpty(nextToken) ? null : KeyQueryToken.Decode(nextToken);
        var accepts = ReadFilter(context, filter, "Query"); // authorization first: a denied caller learns nothing
        bool descending = context.GetArgument<string?>("sortDirection") == "DESC";

        var equal = new object?[key.EqualFields.Count];
        for (int i = 0; i < equal.Length; i++)
        {
            var field = Model.FindField(key.EqualFields[i]);
            bool number = field is not null && KeyConditionEvaluator.IsNumber(field);
            equal[i] = KeyConditionEvaluator.KeyValue(fixedValues is null ? ArgumentValues.Normalize(context.GetArgument<object?>(key.EqualFields[i])) : fixedValues[i], number);
            if (equal[i] is null) return Connection(new List<IReadOnlyDictionary<string, object?>>(), null, startedAt: null);
        }
        var condition = key.SortArgument is { } argument ? ArgumentValues.Object(context.GetArgument<object?>(argument)) : null;

        var rows = new List<(object? Sort, string Key, IReadOnlyDictionary<string, object?> Item)>();
        try
        {
            // A malformed condition fails whatever the data (evaluated once on a placeholder value).
            if (condition is not null) KeyConditionEvaluator.Matches("", condition, key.SortKeys, key.SortArgument!);
            foreach (var (baseKey, item) in _store.Scan(Model.Name))
            {
                if (!KeyFieldsEqual(item, key, equal)) continue;
                object? sort = null;
                if (key.SortKeys.Count > 0)
                {
                    sort = KeyConditionEvaluator.SortValue(item, key.SortKeys);
                    if (sort is null) continue; // not in the index
                    if (condition is not null && !KeyConditionEvaluator.Matches(sort, condition, key.SortKeys, key.SortArgument!)) continue;
                }
                rows.Add((sort, baseKey, item));
            }
        }
        catch (FilterException ex)
        {
            throw new AppSyncError("InvalidArgumentsError", ex.Message);
        }

        int Order((object? Sort, string Key, IReadOnlyDictionary<string, object?> Item) a, (object? Sort, string Key) b)
        {
            int order = KeyConditionEvaluator.Compare(a.Sort, b.Sort);
            if (order == 0) order = string.CompareOrdinal(a.Key, b.Key);
            return descending ? -order : order;
        }
        rows.Sort((a, b) => Order(a, (b.Sort, b.Key)));

        var page = new List<IReadOnlyDictionary<string, object?>>();
        int evaluated = 0;
        (object? Sort, string Key)? last = null;
        string? next = null;
        foreach (var row in rows)
        {
            if (token is not null && Order(row, (token.SortValue, token.BaseKey)) <= 0) continue;
            if (evaluated == limit)
            {
                next = new KeyQueryToken(last!.Value.Sort, last.Value.Key).Encode();
                break;
            }
            evaluated++;
            last = (row.Sort, row.Key);
            if (accepts(row.Item)) page.Add(row.Item);
        }
        return Connection(page, next, startedAt: null);
    }

    private bool KeyFieldsEqual(IReadOnlyDictionary<string, object?> item, KeyQuery key, object?[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            var field = Model.FindField(key.EqualFields[i]);
            bool number = field is not null && KeyConditionEvaluator.IsNumber(field);
            var stored = KeyConditionEvaluator.KeyValue(item.GetValueOrDefault(key.EqualFields[i]), number);
            if (stored is null || KeyConditionEvaluator.Compare(stored, values[i]) != 0) return false;
        }
        return true;
    }
}
