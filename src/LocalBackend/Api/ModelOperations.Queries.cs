using System;
using System.Collections.Generic;
using System.Globalization;
using Amplify.DataStore.LocalBackend.Auth;
using Amplify.DataStore.LocalBackend.Data;
using Amplify.DataStore.LocalBackend.Filtering;
using GraphQL;

namespace Amplify.DataStore.LocalBackend.Api;

/// <summary>
/// Queries: <c>getX</c>, <c>listX</c> and <c>syncX</c> (base or delta table, paged), and the reads of relationship
/// fields (hasMany children, belongsTo/hasOne items).
/// </summary>
internal sealed partial class ModelOperations
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public object? Get(IResolveFieldContext context)
    {
        var caller = CallerOf(context);
        var decision = Auth.Decide(caller, ModelOperation.Read);
        if (decision == AccessDecision.Deny) throw AppSyncError.Unauthorized(context.FieldDefinition.Name, "Query");
        var args = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in Model.PrimaryKey.Fields) args[field] = ArgumentValues.Normalize(context.GetArgument<object?>(field));
        var item = _store.Get(Model.Name, KeyOf(args));
        if (item is not null && decision == AccessDecision.OwnItems && !Auth.OwnsItem(caller, item, ModelOperation.Read))
        {
            throw AppSyncError.Unauthorized(context.FieldDefinition.Name, "Query");
        }
        return item;
    }

    public object List(IResolveFieldContext context)
    {
        var (filter, limit, token) = PageArguments(context, "Query");
        if (token is { Kind: not PageToken.Base }) throw new AppSyncError("InvalidNextTokenException", "The provided nextToken is not valid.");
        var accepts = ReadFilter(context, filter, "Query");
        var (items, next) = ScanBase(token?.AfterKey, limit, accepts);
        return Connection(items, next is null ? null : new PageToken(PageToken.Base, next, 0, 0).Encode(), startedAt: null);
    }

    public object Sync(IResolveFieldContext context)
    {
        var (filter, limit, token) = PageArguments(context, "Query");
        var accepts = ReadFilter(context, filter, "Query");
        long now = _store.NowMs;
        long startedAt = token?.StartedAt ?? now;
        var lastSync = context.GetArgument<object?>("lastSync") is { } ls ? Convert.ToInt64(ls, CultureInfo.InvariantCulture) : (long?)null;

        // Base table when there is no lastSync or it is older than the delta table's TTL; otherwise the delta table
        // from lastSync. A paginated sync keeps the table it started with.
        bool useDelta = token is not null
            ? token.Kind == PageToken.Delta
            : lastSync is { } since && since >= now - (long)_store.DeltaTtl.TotalMilliseconds;
        if (!useDelta)
        {
            var (items, next) = ScanBase(token?.AfterKey, limit, accepts);
            return Connection(items, next is null ? null : new PageToken(PageToken.Base, next, 0, startedAt).Encode(), startedAt);
        }

        long lastSequence = token?.AfterSequence ?? 0;
        // The page's rows and one more, which tells whether a next page follows.
        var entries = _store.DeltaFrom(Model.Name, lastSync ?? 0, lastSequence, limit + 1);
        var page = new List<IReadOnlyDictionary<string, object?>>();
        int evaluated = 0;
        string? nextToken = null;
        foreach (var entry in entries)
        {
            if (entry.Sequence <= lastSequence) continue;
            if (evaluated == limit)
            {
                nextToken = new PageToken(PageToken.Delta, null, lastSequence, startedAt).Encode();
                break;
            }
            evaluated++;
            lastSequence = entry.Sequence;
            if (accepts(entry.Item)) page.Add(entry.Item);
        }
        return Connection(page, nextToken, startedAt);
    }

    /// <summary>The items of this model whose <paramref name="fields"/> equal <paramref name="values"/> (hasMany children).</summary>
    public object Children(IResolveFieldContext context, IReadOnlyList<string> fields, IReadOnlyList<object?> values)
    {
        var (filter, limit, token) = PageArguments(context, "Query");
        var accepts = ReadFilter(context, filter, "Query");
        var (items, next) = ScanBase(token?.AfterKey, limit, item =>
        {
            for (int i = 0; i < fields.Count; i++)
            {
                if (!item.TryGetValue(fields[i], out var v) || !ItemImage.ValueEquals(v, values[i])) return false;
            }
            return accepts(item);
        });
        if (context.GetArgument<string?>("sortDirection") == "DESC") items.Reverse();
        return Connection(items, next is null ? null : new PageToken(PageToken.Base, next, 0, 0).Encode(), startedAt: null);
    }

    /// <summary>The item of this model with key <paramref name="keyValues"/>, if the caller may read it (belongsTo/hasOne).</summary>
    public object? Related(IResolveFieldContext context, IReadOnlyDictionary<string, object?> keyValues)
    {
        var caller = CallerOf(context);
        var decision = Auth.Decide(caller, ModelOperation.Read);
        if (decision == AccessDecision.Deny) return null;
        var item = _store.Get(Model.Name, KeyOf(keyValues));
        return item is not null && (decision == AccessDecision.AllItems || Auth.OwnsItem(caller, item, ModelOperation.Read)) ? item : null;
    }

    /// <summary>The first item whose <paramref name="fields"/> equal <paramref name="values"/> (hasOne without a local key).</summary>
    public object? FindBy(IResolveFieldContext context, IReadOnlyList<string> fields, IReadOnlyList<object?> values)
    {
        var caller = CallerOf(context);
        var decision = Auth.Decide(caller, ModelOperation.Read);
        if (decision == AccessDecision.Deny) return null;
        foreach (var (_, item) in _store.Scan(Model.Name))
        {
            bool match = true;
            for (int i = 0; i < fields.Count && match; i++) match = item.TryGetValue(fields[i], out var v) && ItemImage.ValueEquals(v, values[i]);
            if (match && (decision == AccessDecision.AllItems || Auth.OwnsItem(caller, item, ModelOperation.Read))) return item;
        }
        return null;
    }

    private (List<IReadOnlyDictionary<string, object?>> Items, string? NextKey) ScanBase(string? afterKey, int limit, Func<IReadOnlyDictionary<string, object?>, bool> accepts)
    {
        var items = new List<IReadOnlyDictionary<string, object?>>();
        int evaluated = 0;
        string? lastKey = null;
        foreach (var (key, item) in _store.Scan(Model.Name, afterKey))
        {
            if (evaluated == limit) return (items, lastKey);
            evaluated++;
            lastKey = key;
            if (accepts(item)) items.Add(item);
        }
        return (items, null);
    }

    private (Dictionary<string, object?>? Filter, int Limit, PageToken? Token) PageArguments(IResolveFieldContext context, string parentType)
    {
        var filter = ArgumentValues.Object(context.GetArgument<object?>("filter"));
        int limit = context.GetArgument<int?>("limit") ?? DefaultLimit;
        if (limit <= 0) throw new AppSyncError("BadRequest", $"Limit must be between 1 and {MaxLimit}; got {limit}.");
        limit = Math.Min(limit, MaxLimit);
        var nextToken = context.GetArgument<string?>("nextToken");
        return (filter, limit, string.IsNullOrEmpty(nextToken) ? null : PageToken.Decode(nextToken));
    }

    private Func<IReadOnlyDictionary<string, object?>, bool> ReadFilter(IResolveFieldContext context, Dictionary<string, object?>? filter, string parentType)
    {
        var caller = CallerOf(context);
        var decision = Auth.Decide(caller, ModelOperation.Read);
        if (decision == AccessDecision.Deny) throw AppSyncError.Unauthorized(context.FieldDefinition.Name, parentType);
        ValidateFilter(filter);
        // Filters see only what the caller may read, so they cannot probe a protected field's value.
        return item => (decision == AccessDecision.AllItems || Auth.OwnsItem(caller, item, ModelOperation.Read))
            && (filter is null || FilterEvaluator.Matches(Auth.VisibleTo(caller, item), filter));
    }

    private static Dictionary<string, object?> Connection(List<IReadOnlyDictionary<string, object?>> items, string? nextToken, long? startedAt)
        => new(StringComparer.Ordinal) { ["items"] = items, ["nextToken"] = nextToken, ["startedAt"] = startedAt };
}
