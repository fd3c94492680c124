using System.Collections.Generic;
using Amplify.DataStore.Schema.Parsing;

namespace Amplify.DataStore.Schema.Binding;

/// <summary>
/// Resolves the v2 relationship directives <c>@hasMany</c>, <c>@hasOne</c> and <c>@belongsTo</c>: pairs each
/// parent field with the <c>@belongsTo</c> that points back, decides the foreign-key fields (creating implicit
/// ones) and sets the <see cref="Association"/> of every relationship field.
/// </summary>
internal sealed class RelationshipResolver
{
    private readonly IReadOnlyDictionary<string, ObjectTypeState> _models;
    private readonly ForeignKeys _foreignKeys;
    private readonly DiagnosticBag _diagnostics;

    public RelationshipResolver(IReadOnlyDictionary<string, ObjectTypeState> models, DiagnosticBag diagnostics)
    {
        _models = models;
        _diagnostics = diagnostics;
        _foreignKeys = new ForeignKeys(diagnostics);
    }

    /// <param name="models">The declared models, sorted by name, so that foreign keys are added in a stable order.</param>
    public void Resolve(IReadOnlyList<ObjectTypeState> models)
    {
        var ends = RelationEnd.Collect(models, _models, "hasMany", "hasOne", "belongsTo");
        foreach (var end in ends) CheckShape(end);
        Pair(ends);
        foreach (var end in ends) CheckReferencesPaired(end);
        foreach (var end in ends)
        {
            if (!end.IsFailed && end.Directive == "hasMany") ResolveHasMany(end);
        }
        // A @hasOne(references) decides the key its @belongsTo copies, so it goes before the @belongsTo ends.
        foreach (var end in ends)
        {
            if (!end.IsFailed && end.Directive == "hasOne" && end.Spec.References is not null) ResolveReferences(end);
        }
        foreach (var end in ends)
        {
            if (!end.IsFailed && end.Directive == "belongsTo") ResolveBelongsTo(end);
        }
        foreach (var end in ends)
        {
            if (!end.IsFailed && end.Directive == "hasOne" && end.Spec.References is null) ResolveHasOne(end);
        }
    }

    /// <summary>
    /// Amplify Gen 2 needs <c>references</c> on both sides, naming the same fields: a parent's <c>@hasOne</c>/<c>@hasMany</c>
    /// and the child's <c>@belongsTo</c>. An end with <c>references</c> left unpaired is reported (ADS1014) and not resolved.
    /// </summary>
    private void CheckReferencesPaired(RelationEnd end)
    {
        if (end.IsFailed || end.Partner is not null || end.Spec.References is not { } references) return;
        bool isChild = end.Directive == "belongsTo";
        string wanted = isChild ? "@hasOne or @hasMany" : "@belongsTo";
        RelationEnd? other = null;
        bool otherInvalid = false;
        foreach (var field in end.Related.Declared)
        {
            if (field.Type?.Name != end.Model.Name || field.Relationship is not { } spec) continue;
            bool matchesKind = isChild ? spec.Directive is "hasOne" or "hasMany" : spec.Directive == "belongsTo";
            if (!matchesKind) continue;
            if (spec.IsInvalid)
            {
                otherInvalid = true; // its arguments were reported already
                continue;
            }
            other ??= new RelationEnd(end.Related, field, spec, end.Model);
        }
        end.IsFailed = true;
        if (otherInvalid && other is null) return;

        var names = "[" + string.Join(", ", references.ConvertAll(r => r.Name)) + "]";
        string problem = other switch
        {
            null => $"{end.Subject} has references {names}, but model '{end.Related.Name}' has no {wanted} field of type '{end.Model.Name}' with the same references; 'references' must be named on both sides of the relationship.",
            { Spec.References: null } => $"{end.Subject} has references {names}, but {other.Subject} that points back has no 'references'; name the same fields in 'references' on both sides.",
            _ => $"{end.Subject} has references {names}, but {other.Subject} that points back has references [{string.Join(", ", other.Spec.References!.ConvertAll(r => r.Name))}]; name the same fields in 'references' on both sides.",
        };
        _diagnostics.Error(SchemaDiagnosticIds.InvalidRelationship, end.Spec.Arguments.ArgumentLocation("references"), problem);
    }

    /// <summary>
    /// A parent's <c>@hasMany(references)</c> or <c>@hasOne(references)</c>: the referenced fields are declared on the
    /// child and hold the parent's primary key (partition key then sort keys, in order); no field is added. Like a
    /// @hasMany, the association names the child's fields in <see cref="Association.AssociatedWith"/> and nothing in
    /// <see cref="Association.TargetNames"/> (the parent holds no key).
    /// </summary>
    private void ResolveReferences(RelationEnd end)
    {
        var parent = end.Model;
        var child = end.Related;
        var parentKey = parent.PrimaryKeyFields();
        if (parentKey.Count == 0) return; // the key error is already reported
        var references = end.Spec.References!;
        if (!_foreignKeys.CheckExplicit(child, references, parentKey, parent.Name, end, "references")) return;

        var foreignKey = references.ConvertAll(r => r.Name);
        end.ForeignKey = foreignKey;
        var kind = end.Directive == "hasMany" ? AssociationKind.HasMany : AssociationKind.HasOne;
        end.Field.Association = new Association(kind, child.Name, EquatableArray<string>.Empty,
            foreignKey.ToEquatableArray(), end.Partner?.Field.Name);
    }

    private static bool SameNames(List<NameRef> a, List<NameRef> b)
    {
        if (a.Count != b.Count) return false;
        for (int i = 0; i < a.Count; i++)
        {
            if (a[i].Name != b[i].Name) return false;
        }
        return true;
    }

    private void CheckShape(RelationEnd end)
    {
        string? problem = end.Directive switch
        {
            "hasMany" when !end.Field.IsList => $"{end.Subject} requires a list type such as '[{end.Related.Name}]'.",
            "hasOne" when end.Field.IsList => $"{end.Subject} cannot be a list: @hasOne is one-to-one (use @hasMany for a list).",
            "belongsTo" when end.Field.IsList => $"{end.Subject} cannot be a list: a list field does not support the 'belongsTo' relation.",
            _ => null,
        };
        if (problem is null) return;
        _diagnostics.Error(SchemaDiagnosticIds.InvalidRelationship, end.Spec.Arguments.Location, problem);
        end.IsFailed = true;
    }

    /// <summary>Pairs every @hasOne/@hasMany with an unpaired @belongsTo on the related model that points back.</summary>
    private static void Pair(List<RelationEnd> ends)
    {
        foreach (var parent in ends)
        {
            if (parent.IsFailed || parent.Directive == "belongsTo") continue;

            var candidates = new List<RelationEnd>();
            foreach (var child in ends)
            {
                if (!child.IsFailed && child.Directive == "belongsTo" && child.Partner is null
                    && child.Model == parent.Related && child.Related == parent.Model
                    && ReferencesMatch(parent.Spec.References, child.Spec.References))
                {
                    candidates.Add(child);
                }
            }
            if (candidates.Count == 0) continue;

            RelationEnd? chosen = candidates[0];
            // With an index, the matching @belongsTo is the one whose fields are the index fields (or that has none).
            if (parent.Spec.IndexName is { } indexName && parent.Related.FindIndex(indexName.Name) is { } index)
            {
                chosen = candidates.Find(c => c.Spec.Fields is { } f && StartsWith(index.Fields, f))
                    ?? candidates.Find(c => c.Spec.Fields is null);
            }
            if (chosen is null) continue;
            parent.Partner = chosen;
            chosen.Partner = parent;
        }
    }

    /// <summary>Gen 2 ends pair only with Gen 2 ends naming the same references; the others only with each other.</summary>
    private static bool ReferencesMatch(List<NameRef>? parent, List<NameRef>? child)
        => parent is null ? child is null : child is not null && SameNames(parent, child);

    private static bool StartsWith(EquatableArray<string> indexFields, List<NameRef> fields)
    {
        if (fields.Count > indexFields.Count) return false;
        for (int i = 0; i < fields.Count; i++)
        {
            if (indexFields[i] != fields[i].Name) return false;
        }
        return true;
    }

    private void ResolveHasMany(RelationEnd end)
    {
        var parent = end.Model;
        var child = end.Related;
        var parentKey = parent.PrimaryKeyFields();
        if (parentKey.Count == 0) return; // the key error is already reported
        if (end.Spec.References is not null)
        {
            ResolveReferences(end);
            return;
        }

        if (end.Spec.Fields is { } parentFields && !CheckParentFields(end, parentFields, parentKey)) return;

        List<string> foreignKey;
        if (end.Spec.IndexName is { } indexName)
        {
            var index = child.FindIndex(indexName.Name);
            if (index is null)
            {
                _diagnostics.Error(SchemaDiagnosticIds.IndexNotFound, indexName.Location,
                    $"{end.Subject} names index '{indexName.Name}', which is not defined on model '{child.Name}'.");
                return;
            }
            if (index.Fields.Count < parentKey.Count)
            {
                _diagnostics.Error(SchemaDiagnosticIds.RelationshipKeyTypeMismatch, indexName.Location,
                    $"Index '{indexName.Name}' of model '{child.Name}' has {index.Fields.Count} field(s), but {end.Subject} needs {parentKey.Count} to match the primary key of '{parent.Name}' ({ForeignKeys.Names(parentKey)}).");
                return;
            }
            foreignKey = Take(index.Fields, parentKey.Count);
            if (!_foreignKeys.CheckTypes(child, foreignKey, parentKey, parent.Name, end, indexName.Location)) return;
        }
        else if (end.Spec.Fields is not null)
        {
            // fields without an index: the children are looked up by their own primary key.
            var childKey = child.PrimaryKeyFields();
            if (childKey.Count == 0) return;
            if (childKey.Count < parentKey.Count)
            {
                _diagnostics.Error(SchemaDiagnosticIds.RelationshipKeyTypeMismatch, end.Spec.Arguments.ArgumentLocation("fields"),
                    $"{end.Subject} has no 'indexName', so it uses the primary key of '{child.Name}' ({ForeignKeys.Names(childKey)}), which has fewer fields than the primary key of '{parent.Name}' ({ForeignKeys.Names(parentKey)}).");
                return;
            }
            foreignKey = new List<string>();
            for (int i = 0; i < parentKey.Count; i++) foreignKey.Add(childKey[i].Name);
            if (!_foreignKeys.CheckTypes(child, foreignKey, parentKey, parent.Name, end, end.Spec.Arguments.ArgumentLocation("fields"))) return;
        }
        else if (end.Partner?.Spec.Fields is { } childFields)
        {
            // Reuse the @belongsTo's explicit key; it is validated when the @belongsTo is resolved.
            foreignKey = new List<string>();
            foreach (var field in childFields)
            {
                if (child.Find(field.Name) is null) return;
                foreignKey.Add(field.Name);
            }
        }
        else
        {
            // Implicit key on the child: camel(Parent + field + keyField), e.g. postCommentsId.
            foreignKey = new List<string>();
            foreach (var key in parentKey) foreignKey.Add(NameCasing.Camel(parent.Name, end.Field.Name, key.Name));
            bool required = end.Partner?.Field.IsRequired ?? false;
            if (!_foreignKeys.Ensure(child, foreignKey, parentKey, required, end)) return;
        }

        end.ForeignKey = foreignKey;
        end.Field.Association = new Association(AssociationKind.HasMany, child.Name, EquatableArray<string>.Empty,
            foreignKey.ToEquatableArray(), end.Partner?.Field.Name);
        if (end.Spec.IndexName is null && !HasBelongsToBack(child, parent)) AddRelationIndex(child, $"gsi-{parent.Name}.{end.Field.Name}", foreignKey);
    }

    /// <summary>
    /// Whether the child's first field of the parent's type is a @belongsTo: then the transformer reads the children
    /// through that relationship's key, otherwise through the index it adds for the @hasMany (as modelgen decides).
    /// </summary>
    private static bool HasBelongsToBack(ObjectTypeState child, ObjectTypeState parent)
    {
        foreach (var field in child.Declared)
        {
            if (field.Type?.Name == parent.Name) return field.Relationship?.Directive == "belongsTo";
        }
        return false;
    }

    private static void AddRelationIndex(ObjectTypeState model, string name, List<string> fields)
    {
        if (model.FindIndex(name) is not null) return;
        foreach (var index in model.RelationIndexes)
        {
            if (index.Name == name) return;
        }
        model.RelationIndexes.Add(new IndexDefinition(name, fields.ToEquatableArray(), null));
    }

    /// <summary>@hasMany(fields) names the parent fields matched against the child key; DataStore uses the parent's primary key.</summary>
    private bool CheckParentFields(RelationEnd end, List<NameRef> fields, List<FieldSlot> parentKey)
    {
        bool ok = true;
        foreach (var reference in fields)
        {
            if (end.Model.Find(reference.Name) is null)
            {
                _diagnostics.Error(SchemaDiagnosticIds.RelationshipFieldNotFound, reference.Location,
                    $"{end.Subject} names field '{reference.Name}' in 'fields', but model '{end.Model.Name}' has no such field.");
                ok = false;
            }
        }
        if (!ok) return false;

        bool isKey = fields.Count == parentKey.Count;
        for (int i = 0; isKey && i < fields.Count; i++) isKey = fields[i].Name == parentKey[i].Name;
        if (!isKey)
        {
            _diagnostics.Error(SchemaDiagnosticIds.RelationshipKeyTypeMismatch, end.Spec.Arguments.ArgumentLocation("fields"),
                $"{end.Subject} must list the primary key of '{end.Model.Name}' in 'fields' ({ForeignKeys.Names(parentKey)}); DataStore loads children by their parent's primary key.");
            return false;
        }
        return true;
    }

    private void ResolveBelongsTo(RelationEnd end)
    {
        var child = end.Model;
        var parent = end.Related;
        var parentKey = parent.PrimaryKeyFields();
        if (parentKey.Count == 0) return;

        if (end.Partner is null && !HasParentField(parent, child))
        {
            _diagnostics.Error(SchemaDiagnosticIds.InvalidRelationship, end.Spec.Arguments.Location,
                $"{end.Subject} needs a matching @hasOne or @hasMany field of type '{child.Name}' on model '{parent.Name}'.");
            return;
        }

        List<string> foreignKey;
        if (end.Spec.References is not null)
        {
            // Paired (checked) with the parent's @hasOne/@hasMany(references), which checked the fields.
            if (end.Partner?.ForeignKey is not { } referenced) return;
            foreignKey = referenced;
        }
        else if (end.Spec.Fields is { } fields)
        {
            if (!_foreignKeys.CheckExplicit(child, fields, parentKey, parent.Name, end)) return;
            foreignKey = fields.ConvertAll(f => f.Name);
        }
        else if (end.Partner is { Directive: "hasMany" } hasMany)
        {
            if (hasMany.ForeignKey is null) return; // the @hasMany failed and said why
            foreignKey = hasMany.ForeignKey;
        }
        else
        {
            // Paired with @hasOne, or one of several @belongsTo to the same parent: camel(Model + field + keyField).
            foreignKey = new List<string>();
            foreach (var key in parentKey) foreignKey.Add(NameCasing.Camel(child.Name, end.Field.Name, key.Name));
            if (!_foreignKeys.Ensure(child, foreignKey, parentKey, end.Field.IsRequired, end)) return;
        }

        end.ForeignKey = foreignKey;
        end.Field.Association = new Association(AssociationKind.BelongsTo, parent.Name, foreignKey.ToEquatableArray(),
            KeyNames(parentKey), end.Partner?.Field.Name);
    }

    private void ResolveHasOne(RelationEnd end)
    {
        var parent = end.Model;
        var child = end.Related;
        var childKey = child.PrimaryKeyFields();
        if (childKey.Count == 0) return;

        List<string> foreignKey;
        if (end.Spec.Fields is { } fields)
        {
            if (!_foreignKeys.CheckExplicit(parent, fields, childKey, child.Name, end)) return;
            foreignKey = fields.ConvertAll(f => f.Name);
        }
        else
        {
            // The parent holds the child's key: camel(Model + field + keyField), e.g. projectTeamId.
            foreignKey = new List<string>();
            foreach (var key in childKey) foreignKey.Add(NameCasing.Camel(parent.Name, end.Field.Name, key.Name));
            if (!_foreignKeys.Ensure(parent, foreignKey, childKey, end.Field.IsRequired, end)) return;
        }

        end.ForeignKey = foreignKey;
        end.Field.Association = new Association(AssociationKind.HasOne, child.Name, foreignKey.ToEquatableArray(),
            KeyNames(childKey), end.Partner?.Field.Name);
    }

    private static bool HasParentField(ObjectTypeState parent, ObjectTypeState child)
    {
        foreach (var field in parent.Declared)
        {
            if (field.Relationship?.Directive is "hasOne" or "hasMany" && field.Type?.Name == child.Name) return true;
        }
        return false;
    }

    private static List<string> Take(EquatableArray<string> items, int count)
    {
        var result = new List<string>(count);
        for (int i = 0; i < count; i++) result.Add(items[i]);
        return result;
    }

    public static EquatableArray<string> KeyNames(List<FieldSlot> key) => key.ConvertAll(k => k.Name).ToEquatableArray();
}
