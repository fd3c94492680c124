using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Storage;

namespace Amplify.DataStore.Sync.Engine;

/// <summary>
/// The variables of a queued mutation, as AppSync's generated inputs take them (reference §5.5): a create sends every
/// writable stored field and never a condition or <c>_version</c>; an update sends its keys, the fields it changed and the
/// <c>_version</c> it was made on; a delete sends its keys and <c>_version</c>. Read-only fields (timestamps) are the
/// server's and never sent.
/// </summary>
internal static class MutationVariables
{
    public static JsonObject For(ModelMetadata model, OutboxEntry entry)
    {
        var data = JsonNode.Parse(entry.Data) as JsonObject ?? throw new InvalidOperationException($"Outbox entry {entry.Id} has no item data.");
        var input = new JsonObject();
        switch (entry.Operation)
        {
            case OutboxOperation.Create:
                foreach (var field in model.Fields)
                {
                    if (!field.IsStored || field.IsReadOnly || !data.TryGetPropertyValue(field.Name, out var value)) continue;
                    if (value is null && IsOwnerField(model, field.Name)) continue; // the server fills in the owner
                    input[field.Name] = value?.DeepClone();
                }
                break;
            case OutboxOperation.Update:
                AddKeys(model, data, input);
                var changed = entry.ChangedFields ?? model.Fields.Where(f => f.IsStored && !f.IsReadOnly).Select(f => f.Name).ToArray();
                foreach (var name in changed)
                {
                    if (model.FindField(name) is not { IsStored: true, IsReadOnly: false }) continue;
                    input[name] = data[name]?.DeepClone();
                }
                if (entry.BaseVersion is { } updateVersion) input["_version"] = updateVersion;
                break;
            case OutboxOperation.Delete:
                AddKeys(model, data, input);
                if (entry.BaseVersion is { } deleteVersion) input["_version"] = deleteVersion;
                break;
        }
        var variables = new JsonObject { ["input"] = input };
        if (entry.Operation != OutboxOperation.Create && entry.Condition is { } condition) variables["condition"] = JsonNode.Parse(condition);
        return variables;
    }

    /// <summary>The key variables of a <c>get</c> query for <paramref name="record"/>; null when it lacks a key field.</summary>
    public static JsonObject? KeysOf(ModelMetadata model, JsonObject record)
    {
        var keys = new JsonObject();
        foreach (var key in model.PrimaryKey.Fields)
        {
            if (record[key] is not { } value) return null;
            keys[key] = value.DeepClone();
        }
        return keys;
    }

    private static void AddKeys(ModelMetadata model, JsonObject data, JsonObject input)
    {
        foreach (var key in model.PrimaryKey.Fields) input[key] = data[key]?.DeepClone();
    }

    private static bool IsOwnerField(ModelMetadata model, string field)
    {
        foreach (var rule in model.AuthRules)
        {
            if (rule.Allow == "owner" && string.Equals(Auth.AuthRuleDefaults.OwnerFieldOf(rule), field, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>True when every field the mutation sent has the same JSON in the server's copy (a create the server already has from an earlier, unanswered send).</summary>
    public static bool ServerHasSent(JsonObject sentInput, JsonObject serverCopy)
    {
        foreach (var (name, value) in sentInput)
        {
            if (name == "_version") continue;
            if (!JsonNode.DeepEquals(value, serverCopy[name])) return false;
        }
        return true;
    }
}
