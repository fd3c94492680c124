using System.Collections.Generic;
using Amplify.DataStore.Metadata;

namespace Amplify.DataStore.Sync.Engine;

/// <summary>
/// The syncable models with every <c>@belongsTo</c> parent before its children (amplify-js's topological order), so a
/// child's parent is usually stored by the time the child arrives; cycles keep schema order.
/// </summary>
internal static class SyncOrder
{
    public static IReadOnlyList<ModelMetadata> Of(ModelSchema schema)
    {
        var ordered = new List<ModelMetadata>();
        var state = new Dictionary<string, bool>(); // false: visiting, true: done
        foreach (var model in schema.Models) Visit(schema, model, state, ordered);
        return ordered;
    }

    private static void Visit(ModelSchema schema, ModelMetadata model, Dictionary<string, bool> state, List<ModelMetadata> ordered)
    {
        if (state.ContainsKey(model.Name)) return; // done, or a cycle
        state[model.Name] = false;
        foreach (var field in model.Fields)
        {
            if (field.Association is { Type: AssociationType.BelongsTo } parent && schema.FindModel(parent.RelatedModel) is { } related)
            {
                Visit(schema, related, state, ordered);
            }
        }
        state[model.Name] = true;
        if (model.IsSyncable) ordered.Add(model);
    }
}
