using System.Collections.Generic;
using Amplify.DataStore.Schema.Parsing;

namespace Amplify.DataStore.Schema.Binding;

/// <summary>Creates implicit foreign-key fields and checks explicit ones against the related primary key.</summary>
internal sealed class ForeignKeys
{
    private readonly DiagnosticBag _diagnostics;

    public ForeignKeys(DiagnosticBag diagnostics) => _diagnostics = diagnostics;

    /// <summary>
    /// Makes sure <paramref name="owner"/> has the foreign-key fields <paramref name="names"/>, typed like
    /// <paramref name="key"/> (the related primary key). A field the user declared with that name is reused as is.
    /// </summary>
    public bool Ensure(ObjectTypeState owner, IReadOnlyList<string> names, IReadOnlyList<FieldSlot> key, bool required, RelationEnd end)
    {
        bool ok = true;
        for (int i = 0; i < names.Count; i++)
        {
            var existing = owner.Find(names[i]);
            if (existing is null)
            {
                owner.ForeignKeys.Add(new FieldSlot(names[i], key[i].Type, required, false, false, FieldOrigin.ForeignKey));
                continue;
            }
            if (existing.Origin == FieldOrigin.ForeignKey)
            {
                existing.IsRequired |= required; // shared by both sides of a pair
                continue;
            }
            if (existing.Type is not null && key[i].Type is not null && !IsCompatible(existing, key[i]))
            {
                _diagnostics.Error(SchemaDiagnosticIds.RelationshipKeyTypeMismatch, existing.NameLocation(end.Spec.Arguments.Location),
                    $"Field '{owner.Name}.{existing.Name}' is the foreign key of {end.Subject} and must be {KeyType(key[i])} like the key field it refers to, but it is {Describe(existing)}.");
                ok = false;
            }
        }
        return ok;
    }

    /// <summary>
    /// Checks explicit key fields (a <c>fields</c> or <c>references</c> argument, named by <paramref name="argument"/>)
    /// named on <paramref name="owner"/>: they must exist (ADS1006) and match <paramref name="key"/> in count and type (ADS1007).
    /// </summary>
    public bool CheckExplicit(ObjectTypeState owner, List<NameRef> fields, IReadOnlyList<FieldSlot> key, string keyOwner, RelationEnd end, string argument = "fields")
    {
        var arguments = end.Spec.Arguments;
        bool ok = true;
        var slots = new List<FieldSlot?>();
        foreach (var reference in fields)
        {
            var slot = owner.Find(reference.Name);
            if (slot is null)
            {
                _diagnostics.Error(SchemaDiagnosticIds.RelationshipFieldNotFound, reference.Location,
                    $"{end.Subject} names field '{reference.Name}' in '{argument}', but model '{owner.Name}' has no such field.");
                ok = false;
            }
            slots.Add(slot);
        }
        if (!ok) return false;

        if (fields.Count != key.Count)
        {
            _diagnostics.Error(SchemaDiagnosticIds.RelationshipKeyTypeMismatch, arguments.ArgumentLocation(argument),
                $"{end.Subject} lists {fields.Count} field(s) in '{argument}', but the primary key of '{keyOwner}' has {key.Count} ({Names(key)}).");
            return false;
        }

        for (int i = 0; i < fields.Count; i++)
        {
            var slot = slots[i]!;
            if (slot.Type is null || key[i].Type is null) continue;
            if (!IsCompatible(slot, key[i]))
            {
                _diagnostics.Error(SchemaDiagnosticIds.RelationshipKeyTypeMismatch, fields[i].Location,
                    $"Field '{owner.Name}.{slot.Name}' ({Describe(slot)}) in '{argument}' of {end.Subject} does not match the type of '{keyOwner}.{key[i].Name}' ({Describe(key[i])}).");
                ok = false;
            }
        }
        return ok;
    }

    /// <summary>Checks that fields of <paramref name="owner"/> match <paramref name="key"/> pairwise (used for index-based keys).</summary>
    public bool CheckTypes(ObjectTypeState owner, IReadOnlyList<string> names, IReadOnlyList<FieldSlot> key, string keyOwner, RelationEnd end, SchemaLocation location)
    {
        bool ok = true;
        for (int i = 0; i < names.Count && i < key.Count; i++)
        {
            var slot = owner.Find(names[i]);
            if (slot?.Type is null || key[i].Type is null) continue;
            if (!IsCompatible(slot, key[i]))
            {
                _diagnostics.Error(SchemaDiagnosticIds.RelationshipKeyTypeMismatch, location,
                    $"Field '{owner.Name}.{slot.Name}' ({Describe(slot)}) used by {end.Subject} does not match the type of '{keyOwner}.{key[i].Name}' ({Describe(key[i])}).");
                ok = false;
            }
        }
        return ok;
    }

    /// <summary>ID and String are interchangeable (both are strings on the wire and in storage); other types must be equal.</summary>
    public static bool IsCompatible(FieldSlot foreignKey, FieldSlot key)
    {
        if (!foreignKey.IsKeyable || foreignKey.Type is null || key.Type is null) return false;
        var a = foreignKey.Type;
        var b = key.Type;
        if (a.Kind == TypeKind.Scalar && b.Kind == TypeKind.Scalar && IsString(a.Scalar) && IsString(b.Scalar)) return true;
        return a.Kind == b.Kind && a.Name == b.Name;
    }

    public static string Names(IReadOnlyList<FieldSlot> key)
    {
        var names = new List<string>();
        foreach (var field in key) names.Add(field.Name);
        return string.Join(", ", names);
    }

    private static bool IsString(ScalarKind scalar) => scalar is ScalarKind.ID or ScalarKind.String;

    private static string KeyType(FieldSlot key) => $"'{key.Type?.Name}'";

    private static string Describe(FieldSlot field) => field.TypeText;
}
