using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using Amplify.DataStore.Metadata;
using Amplify.DataStore.Serialization;

namespace Amplify.DataStore.Engine;

/// <summary>
/// Which fields an update changes, compared as AppSync JSON (the form they are sent in), so an update mutation sends only
/// those fields: sending the whole item would overwrite what other devices changed in between (AppSync's automerge works
/// per field).
/// </summary>
internal static class ChangedFields
{
    /// <summary>The stored, non-key fields whose JSON differs between <paramref name="before"/> and <paramref name="afterJson"/>.</summary>
    public static IReadOnlyList<string> Between(ModelMetadata model, object before, string afterJson)
        => Between(model,
            JsonNode.Parse(ModelJson.Serialize(model.Codec, before)) as JsonObject ?? new JsonObject(),
            JsonNode.Parse(afterJson) as JsonObject ?? new JsonObject());

    /// <summary>
    /// The stored, writable, non-key fields whose JSON differs between two AppSync records (also what a conflict retry
    /// must send: where the wanted state differs from the server's copy).
    /// </summary>
    public static IReadOnlyList<string> Between(ModelMetadata model, JsonObject before, JsonObject after)
    {
        var changed = new List<string>();
        foreach (var field in model.Fields)
        {
            if (!field.IsStored || field.IsReadOnly) continue;
            if (IsKey(model, field.Name)) continue;
            if (!JsonNode.DeepEquals(before[field.Name], after[field.Name])) changed.Add(field.Name);
        }
        return changed;
    }

    private static bool IsKey(ModelMetadata model, string field)
    {
        foreach (var key in model.PrimaryKey.Fields)
        {
            if (string.Equals(key, field, StringComparison.Ordinal)) return true;
        }
        return false;
    }
}
