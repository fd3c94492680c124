using System;
using System.Collections.Generic;
using Amplify.DataStore.Metadata;

namespace Amplify.DataStore.Storage.LiteDb;

/// <summary>
/// Rejects, when the store opens, schemas LiteDB cannot hold faithfully: LiteDB names are case-insensitive and limited
/// to letters, digits and '_', and the adapter reserves <c>_id</c>, <c>__k</c> and <c>__s</c> in documents.
/// </summary>
internal static class SchemaValidation
{
    /// <summary>Throws <see cref="NotSupportedException"/> naming the first problem.</summary>
    public static void Validate(ModelSchema schema)
    {
        var collections = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            DocumentLayout.OutboxCollection,
            DocumentLayout.SettingsCollection,
            DocumentLayout.SyncMetadataCollection,
            DocumentLayout.FailedMutationCollection,
        };
        foreach (var model in schema.Models)
        {
            if (!IsWord(model.Name) || !collections.Add(model.Name))
            {
                throw new NotSupportedException($"The model name '{model.Name}' cannot be a LiteDB collection (names are case-insensitive words).");
            }
            var fields = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var field in model.Fields)
            {
                if (!field.IsStored) continue;
                if (DocumentLayout.IsReserved(field.Name))
                {
                    throw new NotSupportedException($"{model.Name}.{field.Name}: the field name is reserved by the LiteDB storage adapter.");
                }
                if (!fields.Add(field.Name))
                {
                    throw new NotSupportedException($"{model.Name}.{field.Name}: LiteDB document keys are case-insensitive, so fields may not differ only in case.");
                }
            }
            var storage = ModelStorage.For(model);
            for (int i = 0; i < storage.KeyFields.Count; i++)
            {
                if (storage.KeyFields[i] is null)
                {
                    throw new NotSupportedException($"{model.Name}.{model.PrimaryKey.Fields[i]}: a primary-key field must be a stored, non-list scalar or enum.");
                }
            }
        }
    }

    private static bool IsWord(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0])) return false;
        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_') return false;
        }
        return true;
    }
}
