using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Amplify.DataStore.LocalBackend.Auth;
using Amplify.DataStore.LocalBackend.Data;
using Amplify.DataStore.LocalBackend.Filtering;
using Amplify.DataStore.LocalBackend.Realtime;
using GraphQL;

namespace Amplify.DataStore.LocalBackend.Api;

/// <summary>
/// Mutations: create, update and delete with AppSync's versioned semantics (conditions, authorization, tombstones),
/// handing version conflicts to <see cref="Conflicts.ConflictDispatcher"/> and publishing accepted writes to
/// subscribers.
/// </summary>
internal sealed partial class ModelOperations
{
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

            return _conflicts.ResolveUpdate(context.FieldDefinition.Name, current, preview, changes, input, caller, StampUpdated,
                () => AppSyncError.ConflictUnhandled(Reveal(context, caller, current)));
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
                _conflicts.ResolveDelete(context.FieldDefinition.Name, current, input, caller,
                    () => AppSyncError.ConflictUnhandled(Reveal(context, caller, current)));
            }
            var tombstone = ItemImage.Copy(current);
            tombstone[SyncFields.Deleted] = true;
            return tombstone;
        }, Publisher(context)).ConfigureAwait(false);
        return stored;
    }

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
}
