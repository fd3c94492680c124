using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Amplify.DataStore.LocalBackend.Auth;
using Amplify.DataStore.LocalBackend.Conflicts;
using Amplify.DataStore.LocalBackend.Data;
using Amplify.DataStore.LocalBackend.Filtering;
using Amplify.DataStore.LocalBackend.Realtime;
using Amplify.DataStore.Schema;
using GraphQL;

namespace Amplify.DataStore.LocalBackend.Api;

/// <summary>
/// The resolvers of one model: get/list/sync, create/update/delete with AppSync's versioned semantics and conflict
/// handling, and the source streams of its subscriptions.
/// </summary>
internal sealed partial class ModelOperations
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    private readonly VersionedStore _store;
    private readonly LocalBackendOptions _options;
    private readonly MutationEventBus _events;

    public ModelOperations(ModelDefinition model, VersionedStore store, LocalBackendOptions options, MutationEventBus events)
    {
        Model = model;
        Auth = new ModelAuthorization(model);
        _store = store;
        _options = options;
        _events = events;
    }

    public ModelDefinition Model { get; }

    public ModelAuthorization Auth { get; }

    /// <summary>The base-table key of an item or of key arguments.</summary>
    public string KeyOf(IReadOnlyDictionary<string, object?> values)
    {
        var fields = Model.PrimaryKey.Fields;
        if (fields.Count == 1) return KeyPart(values, fields[0]);
        return JsonSerializer.Serialize(fields.Select(f => KeyPart(values, f)).ToArray());
    }

    private static string KeyPart(IReadOnlyDictionary<string, object?> values, string field)
        => values.TryGetValue(field, out var v) && v is not null
            ? Convert.ToString(v, CultureInfo.InvariantCulture)!
            : throw new AppSyncError("BadRequest", $"The key field '{field}' is required.");

    // ---- queries -------------------------------------------------------------------------------------------------

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

    private static void ValidateFilter(IReadOnlyDictionary<string, object?>? filter)
    {
        if (filter is null) return;
        try
        {
            FilterEvaluator.Matches(new Dictionary<string, object?>(), filter); // malformed filters throw whatever the data
        }
        catch (FilterException ex)
        {
            throw new AppSyncError("BadRequest", ex.Message);
        }
    }

    private static Dictionary<string, object?> Connection(List<IReadOnlyDictionary<string, object?>> items, string? nextToken, long? startedAt)
        => new(StringComparer.Ordinal) { ["items"] = items, ["nextToken"] = nextToken, ["startedAt"] = startedAt };

    // ---- mutations -----------------------------------------------------------------------------------------------

    public async ValueTask<object?> CreateAsync(IResolveFieldContext context)
    {
        var caller = CallerOf(context);
        var decision = Auth.Decide(caller, ModelOperation.Create);
        if (decision == AccessDecision.Deny) throw AppSyncError.Unauthorized(context.FieldDefinition.Name, "Mutation");
        var input = ArgumentValues.Object(context.GetArgument<object?>("input"))!;
        var condition = ArgumentValues.Object(context.GetArgument<object?>("condition"));
        ValidateFilter(condition);
        input.Remove(SyncFields.Version); // creates carry no version; the server starts at 1
        var written = WrittenFields(input);

        if (Model.PrimaryKey.Fields is { Count: 1 } single && single[0] == "id" && input.GetValueOrDefault("id") is null)
        {
            input["id"] = Guid.NewGuid().ToString(); // $util.autoId()
        }
        var now = IsoNow();
        if (Model.Timestamps.CreatedAt is { } created && input.GetValueOrDefault(created) is null) input[created] = now;
        if (Model.Timestamps.UpdatedAt is { } updated && input.GetValueOrDefault(updated) is null) input[updated] = now;
        if (caller.Mode == AuthMode.Jwt)
        {
            foreach (var rule in Auth.OwnerRules)
            {
                var field = rule.OwnerField ?? "owner";
                if (input.GetValueOrDefault(field) is null && Model.FindField(field) is not { IsList: true } && RuleClaims.OwnerValue(rule, caller) is { } owner)
                {
                    input[field] = owner;
                }
            }
        }
        if (decision == AccessDecision.OwnItems && !Auth.OwnsItem(caller, input, ModelOperation.Create))
        {
            throw AppSyncError.Unauthorized(context.FieldDefinition.Name, "Mutation");
        }
        // A field the caller may not set rejects the whole create (AppSync: nothing is written).
        if (Auth.FirstUnwritableField(caller, input, written, ModelOperation.Create) is not null)
        {
            throw AppSyncError.Unauthorized(context.FieldDefinition.Name, "Mutation");
        }
        var key = KeyOf(input);
        var (stored, _) = await _store.WriteAsync(Model.Name, key, current =>
        {
            // attribute_not_exists(id) AND the client's condition, evaluated on the absent item.
            if (current is not null) throw AppSyncError.ConditionalCheckFailed(Reveal(context, caller, current), RequestId());
            if (condition is not null && !FilterEvaluator.Matches(new Dictionary<string, object?>(), condition))
            {
                throw AppSyncError.ConditionalCheckFailed(null, RequestId());
            }
            return input;
        }, Publisher(context)).ConfigureAwait(false);
        return stored;
    }

    public async ValueTask<object?> UpdateAsync(IResolveFieldContext context)
    {
        var caller = CallerOf(context);
        var decision = Auth.Decide(caller, ModelOperation.Update);
        if (decision == AccessDecision.Deny) throw AppSyncError.Unauthorized(context.FieldDefinition.Name, "Mutation");
        var input = ArgumentValues.Object(context.GetArgument<object?>("input"))!;
        var condition = ArgumentValues.Object(context.GetArgument<object?>("condition"));
        ValidateFilter(condition);
        long expectedVersion = input.GetValueOrDefault(SyncFields.Version) is long v ? v : 0; // the transformer defaults it to 0
        var key = KeyOf(input);
        var changes = new Dictionary<string, object?>(input, StringComparer.Ordinal);
        foreach (var field in Model.PrimaryKey.Fields) changes.Remove(field);
        changes.Remove(SyncFields.Version);

        var (stored, _) = await _store.WriteAsync(Model.Name, key, current =>
        {
            if (current is null) throw AppSyncError.ConditionalCheckFailed(null, RequestId()); // attribute_exists(id)
            if (decision == AccessDecision.OwnItems && !Auth.OwnsItem(caller, current, ModelOperation.Update))
            {
                throw AppSyncError.Unauthorized(context.FieldDefinition.Name, "Mutation");
            }
            if (Auth.FirstUnwritableField(caller, current, changes.Keys, ModelOperation.Update) is not null)
            {
                throw AppSyncError.Unauthorized(context.FieldDefinition.Name, "Mutation");
            }
            if (condition is not null && !FilterEvaluator.Matches(Auth.VisibleTo(caller, current), condition))
            {
                throw AppSyncError.ConditionalCheckFailed(Reveal(context, caller, current), RequestId());
            }
            // A tombstone is never brought back by an update (inferred: AppSync reports it as a conflict).
            if (ItemImage.IsDeleted(current)) throw AppSyncError.ConflictUnhandled(Reveal(context, caller, current));

            var preview = ItemImage.Copy(current);
            foreach (var (name, value) in changes)
            {
                if (value is null) preview.Remove(name); else preview[name] = value; // null input = REMOVE
            }
            StampUpdated(preview);
            if (expectedVersion == ItemImage.VersionOf(current)) return preview;

            switch (_options.StrategyFor(Model.Name))
            {
                case ConflictStrategy.Automerge:
                {
                    var merged = Automerge.Merge(current, changes);
                    StampUpdated(merged);
                    return merged;
                }
                case ConflictStrategy.Custom:
                {
                    var resolution = Handler().Resolve(new ConflictContext(Model.Name, context.FieldDefinition.Name, ConflictOperation.Update, current, preview, input, IdentityOf(caller)));
                    switch (resolution.Action)
                    {
                        case ConflictAction.Resolve:
                            var resolved = ItemImage.Copy(resolution.Item!);
                            foreach (var meta in resolution.Item!.Keys.Where(SyncFields.IsMetadata)) resolved.Remove(meta);
                            foreach (var field in Model.PrimaryKey.Fields) resolved[field] = current[field]; // the key is not the handler's to change
                            return resolved;
                        case ConflictAction.Reject:
                            throw AppSyncError.ConflictUnhandled(Reveal(context, caller, current));
                        default:
                            throw new AppSyncError("ConflictError", "The conflict handler answered REMOVE to an update; REMOVE is valid only for deletes.");
                    }
                }
                default:
                    throw AppSyncError.ConflictUnhandled(Reveal(context, caller, current));
            }
        }, Publisher(context)).ConfigureAwait(false);
        return stored;
    }

    public async ValueTask<object?> DeleteAsync(IResolveFieldContext context)
    {
        var caller = CallerOf(context);
        var decision = Auth.Decide(caller, ModelOperation.Delete);
        if (decision == AccessDecision.Deny) throw AppSyncError.Unauthorized(context.FieldDefinition.Name, "Mutation");
        var input = ArgumentValues.Object(context.GetArgument<object?>("input"))!;
        var condition = ArgumentValues.Object(context.GetArgument<object?>("condition"));
        ValidateFilter(condition);
        long expectedVersion = input.GetValueOrDefault(SyncFields.Version) is long v ? v : 0;
        var key = KeyOf(input);

        var (stored, _) = await _store.WriteAsync(Model.Name, key, current =>
        {
            if (current is null) throw AppSyncError.ConditionalCheckFailed(null, RequestId());
            if (decision == AccessDecision.OwnItems && !Auth.OwnsItem(caller, current, ModelOperation.Delete))
            {
                throw AppSyncError.Unauthorized(context.FieldDefinition.Name, "Mutation");
            }
            if (condition is not null && !FilterEvaluator.Matches(Auth.VisibleTo(caller, current), condition))
            {
                throw AppSyncError.ConditionalCheckFailed(Reveal(context, caller, current), RequestId());
            }
            bool versionMatches = expectedVersion == ItemImage.VersionOf(current);
            if (ItemImage.IsDeleted(current))
            {
                // Deleting a tombstone again is a no-op when the client knows its version (inferred).
                if (versionMatches) return null;
                throw AppSyncError.ConflictUnhandled(Reveal(context, caller, current));
            }
            if (!versionMatches)
            {
                if (_options.StrategyFor(Model.Name) != ConflictStrategy.Custom) throw AppSyncError.ConflictUnhandled(Reveal(context, caller, current));
                var resolution = Handler().Resolve(new ConflictContext(Model.Name, context.FieldDefinition.Name, ConflictOperation.Delete, current, null, input, IdentityOf(caller)));
                if (resolution.Action == ConflictAction.Reject) throw AppSyncError.ConflictUnhandled(Reveal(context, caller, current));
                if (resolution.Action == ConflictAction.Resolve)
                {
                    throw new AppSyncError("ConflictError", "The conflict handler answered RESOLVE to a delete; use REMOVE or REJECT.");
                }
            }
            var tombstone = ItemImage.Copy(current);
            tombstone[SyncFields.Deleted] = true;
            return tombstone;
        }, Publisher(context)).ConfigureAwait(false);
        return stored;
    }

    private IConflictHandler Handler()
        => _options.ConflictHandler ?? throw new AppSyncError("ConflictError", $"No conflict handler is configured for {Model.Name}.");

    private static CallerIdentity? IdentityOf(CallerIdentity caller) => caller.Mode == AuthMode.ApiKey ? null : caller;

    private void StampUpdated(Dictionary<string, object?> item)
    {
        if (Model.Timestamps.UpdatedAt is { } updated) item[updated] = IsoNow();
    }

    private string IsoNow() => _options.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string RequestId() => Guid.NewGuid().ToString("N").ToUpperInvariant();

    /// <summary>Publishes an accepted write to subscribers; the store calls it in commit order.</summary>
    private Action<IReadOnlyDictionary<string, object?>> Publisher(IResolveFieldContext context)
        // Subscribers receive the mutation's selection set: fields it did not select arrive as null (AppSync).
        => item => _events.Publish(new MutationEvent(Model.Name, context.FieldDefinition.Name, item, Selected(context, item), Stopwatch.GetTimestamp()));

    private static IReadOnlyDictionary<string, object?> Selected(IResolveFieldContext context, IReadOnlyDictionary<string, object?> item)
    {
        if (context.SubFields is not { } fields) return item;
        var selected = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (_, (_, fieldType)) in fields)
        {
            if (item.TryGetValue(fieldType.Name, out var value)) selected[fieldType.Name] = value;
        }
        // Relationship fields resolve from their keys, so keep every scalar the resolvers may need.
        foreach (var (name, value) in item)
        {
            if (!selected.ContainsKey(name) && IsKeyLike(name)) selected[name] = value;
        }
        return selected;
    }

    private static bool IsKeyLike(string name) => name == "id" || name.EndsWith("Id", StringComparison.Ordinal) || name == SyncFields.TypeName;

    /// <summary>
    /// The stored item for an error's <c>data</c>, or AppSync's <c>Unauthorized</c> error for the mutation when the
    /// caller may not read it: an error must not show what the read rules would hide.
    /// </summary>
    private IReadOnlyDictionary<string, object?> Reveal(IResolveFieldContext context, CallerIdentity caller, IReadOnlyDictionary<string, object?> current)
    {
        if (!Auth.CanRead(caller, current)) throw AppSyncError.Unauthorized(context.FieldDefinition.Name, "Mutation");
        return Project(context, caller, current);
    }

    /// <summary>
    /// The item as <c>errors[].data</c> shows it: only the selected fields, owners reduced to user names, and protected
    /// fields the caller may not read as null (no field resolver runs on error data to withhold them).
    /// </summary>
    private IReadOnlyDictionary<string, object?> Project(IResolveFieldContext context, CallerIdentity caller, IReadOnlyDictionary<string, object?> item)
    {
        var ownerFields = Auth.OwnerFields.ToHashSet(StringComparer.Ordinal);
        var projected = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (context.SubFields is not { } fields) return item;
        foreach (var (responseName, (_, fieldType)) in fields)
        {
            if (!Auth.CanReadField(caller, item, fieldType.Name)) { projected[responseName] = null; continue; }
            if (!item.TryGetValue(fieldType.Name, out var value) || value is IReadOnlyDictionary<string, object?>) { projected[responseName] = value; continue; }
            projected[responseName] = ownerFields.Contains(fieldType.Name) && value is string owner ? ModelAuthorization.DisplayOwner(owner) : value;
        }
        return projected;
    }

    /// <summary>The fields a write's input sets: everything but the key, which names the item, and <c>_version</c>.</summary>
    private string[] WrittenFields(IReadOnlyDictionary<string, object?> input)
        => input.Keys.Where(k => k != SyncFields.Version && !Model.PrimaryKey.Fields.Contains(k)).ToArray();

    // ---- subscriptions -------------------------------------------------------------------------------------------

    public IObservable<object?> Subscribe(IResolveFieldContext context, string mutation)
    {
        var caller = CallerOf(context);
        var decision = Auth.Decide(caller, ModelOperation.Read);
        if (decision == AccessDecision.Deny) throw AppSyncError.Unauthorized(context.FieldDefinition.Name, "Subscription");
        var owner = context.GetArgument<string?>("owner");
        if (owner is not null && !Auth.IsCaller(caller, owner))
        {
            throw AppSyncError.Unauthorized(context.FieldDefinition.Name, "Subscription");
        }
        var filter = ArgumentValues.Object(context.GetArgument<object?>("filter"));
        ValidateFilter(filter);
        var ownerFields = Auth.OwnerFields.ToArray();
        return new EventStream(_events, e =>
            e.Model == Model.Name && e.Mutation == mutation
            && (decision == AccessDecision.AllItems || Auth.OwnsItem(caller, e.Item, ModelOperation.Read))
            && (owner is null || ownerFields.Any(f => e.Item.GetValueOrDefault(f) is string stored && (stored == owner || ModelAuthorization.DisplayOwner(stored) == owner || Auth.IsCaller(caller, stored))))
            && (filter is null || FilterEvaluator.Matches(Auth.VisibleTo(caller, e.Item), filter)),
            e => Auth.Redact(caller, e.Item, e.Payload));
    }

    private static CallerIdentity CallerOf(IResolveFieldContext context)
        => (context.UserContext as RequestContext)?.Identity ?? throw new InvalidOperationException("Every request carries a RequestContext.");
}
