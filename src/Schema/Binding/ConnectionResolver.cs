using System.Collections.Generic;
using Amplify.DataStore.Schema.Parsing;

namespace Amplify.DataStore.Schema.Binding;

/// <summary>
/// Resolves the v1 <c>@connection</c> directive, following modelgen's <c>processConnections</c>:
/// <list type="bullet">
/// <item><c>fields</c> on a list: HasMany through the child's <c>keyName</c> index (or primary key);</item>
/// <item><c>fields</c> on a single field: BelongsTo with those fields as the foreign key;</item>
/// <item>named pairs (<c>name</c>): list ↔ single is HasMany/BelongsTo, single ↔ single is HasOne/BelongsTo
/// (the non-null side belongs to the other), with the implicit key camel(Model + field + Id) on the belongs-to side;</item>
/// <item>unnamed, one-way: a list gets the child key camel(Parent + field + Id), a single field its own camel(Model + field + Id).</item>
/// </list>
/// </summary>
internal sealed class ConnectionResolver
{
    private readonly IReadOnlyDictionary<string, ObjectTypeState> _models;
    private readonly ForeignKeys _foreignKeys;
    private readonly DiagnosticBag _diagnostics;

    public ConnectionResolver(IReadOnlyDictionary<string, ObjectTypeState> models, DiagnosticBag diagnostics)
    {
        _models = models;
        _diagnostics = diagnostics;
        _foreignKeys = new ForeignKeys(diagnostics);
    }

    public void Resolve(IReadOnlyList<ObjectTypeState> models)
    {
        var ends = RelationEnd.Collect(models, _models, "connection");
        PairByName(ends);

        var resolved = new HashSet<RelationEnd>();
        foreach (var end in ends)
        {
            if (resolved.Contains(end)) continue;
            if (end.Spec.Fields is not null)
            {
                if (end.Field.IsList) ResolveKeyedHasMany(end);
                else ResolveKeyedBelongsTo(end);
            }
            else if (end.Partner is { } partner)
            {
                ResolveNamedPair(end, partner);
                resolved.Add(partner);
            }
            else
            {
                ResolveOneWay(end);
            }
            resolved.Add(end);
        }

        LinkKeyedPairs(ends);
    }

    private static void PairByName(List<RelationEnd> ends)
    {
        foreach (var end in ends)
        {
            if (end.Partner is not null || end.Spec.ConnectionName is not { } name || end.Spec.Fields is not null) continue;
            foreach (var other in ends)
            {
                if (other != end && other.Partner is null && other.Spec.Fields is null
                    && other.Spec.ConnectionName?.Name == name.Name
                    && other.Model == end.Related && other.Related == end.Model)
                {
                    end.Partner = other;
                    other.Partner = end;
                    break;
                }
            }
        }
    }

    /// <summary><c>[Child] @connection(keyName?, fields)</c>: the children are found through an index (or primary key) of the child.</summary>
    private void ResolveKeyedHasMany(RelationEnd end)
    {
        var parent = end.Model;
        var child = end.Related;
        var parentKey = parent.PrimaryKeyFields();
        if (parentKey.Count == 0 || end.Spec.Fields is not { } fields) return;

        foreach (var reference in fields)
        {
            if (parent.Find(reference.Name) is null)
            {
                _diagnostics.Error(SchemaDiagnosticIds.RelationshipFieldNotFound, reference.Location,
                    $"{end.Subject} names field '{reference.Name}' in 'fields', but model '{parent.Name}' has no such field.");
                return;
            }
        }
        bool isKey = fields.Count == parentKey.Count;
        for (int i = 0; isKey && i < fields.Count; i++) isKey = fields[i].Name == parentKey[i].Name;
        if (!isKey)
        {
            _diagnostics.Error(SchemaDiagnosticIds.RelationshipKeyTypeMismatch, end.Spec.Arguments.ArgumentLocation("fields"),
                $"{end.Subject} must list the primary key of '{parent.Name}' in 'fields' ({ForeignKeys.Names(parentKey)}); DataStore loads children by their parent's primary key.");
            return;
        }

        EquatableArray<string> childFields;
        SchemaLocation location;
        if (end.Spec.KeyName is { } keyName)
        {
            var index = child.FindIndex(keyName.Name);
            if (index is null)
            {
                _diagnostics.Error(SchemaDiagnosticIds.IndexNotFound, keyName.Location,
                    $"{end.Subject} names key '{keyName.Name}', but model '{child.Name}' has no @key with that name.");
                return;
            }
            childFields = index.Fields;
            location = keyName.Location;
        }
        else
        {
            var childKey = child.PrimaryKeyFields();
            if (childKey.Count == 0) return;
            childFields = RelationshipResolver.KeyNames(childKey);
            location = end.Spec.Arguments.ArgumentLocation("fields");
        }

        if (childFields.Count < fields.Count)
        {
            _diagnostics.Error(SchemaDiagnosticIds.RelationshipKeyTypeMismatch, location,
                $"{end.Subject} lists {fields.Count} field(s), but the key it uses on '{child.Name}' has only {childFields.Count}.");
            return;
        }
        var foreignKey = new List<string>();
        for (int i = 0; i < fields.Count; i++) foreignKey.Add(childFields[i]);
        if (!_foreignKeys.CheckTypes(child, foreignKey, parentKey, parent.Name, end, location)) return;

        end.ForeignKey = foreignKey;
        end.Field.Association = new Association(AssociationKind.HasMany, child.Name, EquatableArray<string>.Empty,
            foreignKey.ToEquatableArray(), null);
    }

    /// <summary><c>Parent @connection(fields: ["parentID"])</c>: this model holds the parent's key.</summary>
    private void ResolveKeyedBelongsTo(RelationEnd end)
    {
        var parentKey = end.Related.PrimaryKeyFields();
        if (parentKey.Count == 0 || end.Spec.Fields is not { } fields) return;
        if (!_foreignKeys.CheckExplicit(end.Model, fields, parentKey, end.Related.Name, end)) return;
        SetBelongsTo(end, fields.ConvertAll(f => f.Name), parentKey, null);
    }

    private void ResolveNamedPair(RelationEnd end, RelationEnd partner)
    {
        string name = end.Spec.ConnectionName!.Value.Name;
        if (end.Field.IsList && partner.Field.IsList)
        {
            _diagnostics.Error(SchemaDiagnosticIds.InvalidRelationship, end.Spec.Arguments.Location,
                $"@connection '{name}' between '{end.Description}' and '{partner.Description}' is many-to-many, which @connection does not support; use a join model with two one-to-many connections.");
            return;
        }

        if (end.Field.IsList || partner.Field.IsList)
        {
            var (many, one) = end.Field.IsList ? (end, partner) : (partner, end);
            var foreignKey = BelongsToKey(one, many);
            if (foreignKey is null) return;
            many.ForeignKey = foreignKey;
            many.Field.Association = new Association(AssociationKind.HasMany, one.Model.Name, EquatableArray<string>.Empty,
                foreignKey.ToEquatableArray(), one.Field.Name);
            return;
        }

        // One-to-one: the non-null side belongs to the other; DataStore needs exactly one such side.
        if (end.Field.IsRequired == partner.Field.IsRequired)
        {
            string fix = end.Field.IsRequired
                ? "make the side that owns the other optional"
                : "make the side that belongs to the other non-null";
            _diagnostics.Error(SchemaDiagnosticIds.InvalidRelationship, end.Spec.Arguments.Location,
                $"@connection '{name}' between '{end.Description}' and '{partner.Description}' is one-to-one with both sides {(end.Field.IsRequired ? "required" : "optional")}; DataStore cannot tell which side holds the key, so {fix}.");
            return;
        }

        var (belongs, owner) = end.Field.IsRequired ? (end, partner) : (partner, end);
        if (BelongsToKey(belongs, owner) is null) return;

        var belongsKey = belongs.Model.PrimaryKeyFields();
        if (belongsKey.Count == 0) return;
        var ownerKey = new List<string>();
        foreach (var key in belongsKey) ownerKey.Add(NameCasing.Camel(owner.Model.Name, owner.Field.Name, key.Name));
        if (!_foreignKeys.Ensure(owner.Model, ownerKey, belongsKey, false, owner)) return;
        owner.ForeignKey = ownerKey;
        owner.Field.Association = new Association(AssociationKind.HasOne, belongs.Model.Name, ownerKey.ToEquatableArray(),
            RelationshipResolver.KeyNames(belongsKey), belongs.Field.Name);
    }

    /// <summary>Gives <paramref name="belongs"/> its key (<c>keyField</c> or camel(Model + field + Id)) and its association.</summary>
    private List<string>? BelongsToKey(RelationEnd belongs, RelationEnd? other)
    {
        var parentKey = belongs.Related.PrimaryKeyFields();
        if (parentKey.Count == 0) return null;

        var keyField = belongs.Spec.KeyField ?? other?.Spec.KeyField;
        var foreignKey = new List<string>();
        if (keyField is { } explicitName && parentKey.Count == 1)
        {
            foreignKey.Add(explicitName.Name);
        }
        else
        {
            foreach (var key in parentKey) foreignKey.Add(NameCasing.Camel(belongs.Model.Name, belongs.Field.Name, key.Name));
        }
        if (!_foreignKeys.Ensure(belongs.Model, foreignKey, parentKey, belongs.Field.IsRequired, belongs)) return null;
        SetBelongsTo(belongs, foreignKey, parentKey, other?.Field.Name);
        return foreignKey;
    }

    private void ResolveOneWay(RelationEnd end)
    {
        if (!end.Field.IsList)
        {
            BelongsToKey(end, null);
            return;
        }

        // A one-way list: the child gets camel(Parent + field + Id), e.g. postCommentsId.
        var parentKey = end.Model.PrimaryKeyFields();
        if (parentKey.Count == 0) return;
        var foreignKey = new List<string>();
        if (end.Spec.KeyField is { } keyField && parentKey.Count == 1)
        {
            foreignKey.Add(keyField.Name);
        }
        else
        {
            foreach (var key in parentKey) foreignKey.Add(NameCasing.Camel(end.Model.Name, end.Field.Name, key.Name));
        }
        if (!_foreignKeys.Ensure(end.Related, foreignKey, parentKey, false, end)) return;
        end.ForeignKey = foreignKey;
        end.Field.Association = new Association(AssociationKind.HasMany, end.Related.Name, EquatableArray<string>.Empty,
            foreignKey.ToEquatableArray(), null);
    }

    private static void SetBelongsTo(RelationEnd end, List<string> foreignKey, List<FieldSlot> parentKey, string? associatedField)
    {
        end.ForeignKey = foreignKey;
        end.Field.Association = new Association(AssociationKind.BelongsTo, end.Related.Name, foreignKey.ToEquatableArray(),
            RelationshipResolver.KeyNames(parentKey), associatedField);
    }

    /// <summary>Links keyed HasMany/BelongsTo pairs that share a foreign key (e.g. <c>Post.editors</c> ↔ <c>PostEditor.post</c>).</summary>
    private static void LinkKeyedPairs(List<RelationEnd> ends)
    {
        foreach (var many in ends)
        {
            if (many.Spec.Fields is null || many.Field.Association is not { Kind: AssociationKind.HasMany, AssociatedField: null } hasMany) continue;
            foreach (var one in ends)
            {
                if (one.Model != many.Related || one.Related != many.Model) continue;
                if (one.Field.Association is not { Kind: AssociationKind.BelongsTo, AssociatedField: null } belongsTo) continue;
                if (belongsTo.TargetNames != hasMany.AssociatedWith) continue;
                many.Field.Association = hasMany with { AssociatedField = one.Field.Name };
                one.Field.Association = belongsTo with { AssociatedField = many.Field.Name };
                break;
            }
        }
    }
}
