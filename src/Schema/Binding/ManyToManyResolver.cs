using System;
using System.Collections.Generic;
using Amplify.DataStore.Schema.Parsing;

namespace Amplify.DataStore.Schema.Binding;

/// <summary>
/// Resolves <c>@manyToMany(relationName)</c>: the two fields sharing a relation name get a synthesised join model
/// named after the relation (<c>id</c>, one key field per side, <c>by&lt;Model&gt;</c> indexes, two
/// <c>@belongsTo</c> fields, timestamps), and each field becomes a HasMany to that join model.
/// </summary>
internal sealed class ManyToManyResolver
{
    private readonly Dictionary<string, ObjectTypeState> _models;
    private readonly DeclarationSet _declarations;
    private readonly DiagnosticBag _diagnostics;

    public ManyToManyResolver(Dictionary<string, ObjectTypeState> models, DeclarationSet declarations, DiagnosticBag diagnostics)
    {
        _models = models;
        _declarations = declarations;
        _diagnostics = diagnostics;
    }

    /// <summary>Resolves the relations and returns the join models it created.</summary>
    public List<ObjectTypeState> Resolve(IReadOnlyList<ObjectTypeState> models)
    {
        var groups = new Dictionary<string, List<RelationEnd>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var end in RelationEnd.Collect(models, _models, "manyToMany"))
        {
            if (end.Spec.RelationName is not { } relation) continue;
            if (!NameCasing.IsGraphQLName(relation.Name))
            {
                end.Spec.Arguments.ReportInvalid(relation.Location, $"'relationName' must be a valid type name, not \"{relation.Name}\".");
                continue;
            }
            if (!end.Field.IsList)
            {
                _diagnostics.Error(SchemaDiagnosticIds.InvalidRelationship, end.Spec.Arguments.Location,
                    $"{end.Subject} requires a list type such as '[{end.Related.Name}]'.");
                end.IsFailed = true;
            }
            // modelgen groups by the relation name with its first letter upper-cased, which is also the join model name.
            string key = NameCasing.UpperFirst(relation.Name);
            if (!groups.TryGetValue(key, out var group))
            {
                groups.Add(key, group = new List<RelationEnd>());
                order.Add(key);
            }
            group.Add(end);
        }

        var joins = new List<ObjectTypeState>();
        foreach (var name in order)
        {
            if (ResolveGroup(name, groups[name]) is { } join) joins.Add(join);
        }
        return joins;
    }

    private ObjectTypeState? ResolveGroup(string joinName, List<RelationEnd> ends)
    {
        if (ends.Count != 2)
        {
            var fields = ends.ConvertAll(e => e.Description);
            foreach (var end in ends)
            {
                _diagnostics.Error(SchemaDiagnosticIds.ManyToManyMismatch, end.Spec.RelationName!.Value.Location,
                    $"@manyToMany relation '{end.Spec.RelationName.Value.Name}' is used by {ends.Count} field(s) ({string.Join(", ", fields)}); it needs exactly two, one on each of the related models.");
            }
            return null;
        }

        var a = ends[0];
        var b = ends[1];
        var location = a.Spec.RelationName!.Value.Location;
        if (a.Related != b.Model || b.Related != a.Model)
        {
            _diagnostics.Error(SchemaDiagnosticIds.ManyToManyMismatch, b.Spec.RelationName!.Value.Location,
                $"@manyToMany relation '{joinName}' must connect the two models it is declared on, but '{a.Description}' points to '{a.Related.Name}' and '{b.Description}' points to '{b.Related.Name}'.");
            return null;
        }
        if (a.Model == b.Model)
        {
            _diagnostics.Error(SchemaDiagnosticIds.ManyToManyMismatch, location,
                $"@manyToMany relation '{joinName}' connects model '{a.Model.Name}' to itself, which is not supported; declare the join model explicitly with two @hasMany/@belongsTo pairs.");
            return null;
        }
        if (a.IsFailed || b.IsFailed) return null;

        if (_declarations.TryGet(joinName, out var existing) || _models.ContainsKey(joinName))
        {
            string where = existing is null ? string.Empty : $" at {existing.NameLocation}";
            _diagnostics.Error(SchemaDiagnosticIds.DuplicateType, location,
                $"@manyToMany relation '{joinName}' needs a join model named '{joinName}', but a type with that name is already defined{where}.");
            return null;
        }

        var aKey = a.Model.PrimaryKeyFields();
        var bKey = b.Model.PrimaryKeyFields();
        if (aKey.Count == 0 || bKey.Count == 0) return null;

        var join = new ObjectTypeState(joinName, true, location)
        {
            IsJoinModel = true,
            PluralName = Pluralizer.Pluralize(joinName),
            PrimaryKey = new PrimaryKey("id", EquatableArray<string>.Empty, false),
            ImplicitId = new FieldSlot("id", FieldType.Of(ScalarKind.ID), true, false, false, FieldOrigin.JoinModel),
        };

        var aFields = AddKeyFields(join, a.Model, aKey);
        var bFields = AddKeyFields(join, b.Model, bKey);
        AddBelongsTo(join, a, aFields, aKey);
        AddBelongsTo(join, b, bFields, bKey);
        join.Indexes.Add(new IndexDefinition("by" + a.Model.Name, aFields.ToEquatableArray(), null));
        join.Indexes.Add(new IndexDefinition("by" + b.Model.Name, bFields.ToEquatableArray(), null));
        foreach (var timestamp in new[] { join.Timestamps.CreatedAt, join.Timestamps.UpdatedAt })
        {
            join.TimestampSlots.Add(new FieldSlot(timestamp!, FieldType.Of(ScalarKind.AWSDateTime), false, false, false, FieldOrigin.Timestamp) { IsReadOnly = true });
        }
        // The join model inherits both sides' rules, as modelgen does.
        foreach (var rule in a.Model.AuthRules) if (!join.AuthRules.Contains(rule)) join.AuthRules.Add(rule);
        foreach (var rule in b.Model.AuthRules) if (!join.AuthRules.Contains(rule)) join.AuthRules.Add(rule);

        SetHasMany(a, join, aFields);
        SetHasMany(b, join, bFields);
        _models.Add(joinName, join);
        return join;
    }

    /// <summary>One required field per key field of <paramref name="model"/>: camel(Model + keyField), e.g. <c>postId</c>.</summary>
    private static List<string> AddKeyFields(ObjectTypeState join, ObjectTypeState model, List<FieldSlot> key)
    {
        var names = new List<string>();
        foreach (var field in key)
        {
            string name = NameCasing.Camel(model.Name, field.Name);
            names.Add(name);
            join.Declared.Add(new FieldSlot(name, field.Type, true, false, false, FieldOrigin.JoinModel));
        }
        return names;
    }

    private static void AddBelongsTo(ObjectTypeState join, RelationEnd end, List<string> foreignKey, List<FieldSlot> key)
    {
        var field = new FieldSlot(NameCasing.LowerFirst(end.Model.Name), new FieldType(TypeKind.Model, end.Model.Name, ScalarKind.None), true, false, false, FieldOrigin.JoinModel)
        {
            Association = new Association(AssociationKind.BelongsTo, end.Model.Name, foreignKey.ToEquatableArray(),
                RelationshipResolver.KeyNames(key), end.Field.Name),
        };
        join.Declared.Add(field);
    }

    private static void SetHasMany(RelationEnd end, ObjectTypeState join, List<string> foreignKey)
    {
        end.Field.Type = new FieldType(TypeKind.Model, join.Name, ScalarKind.None);
        end.Field.Association = new Association(AssociationKind.HasMany, join.Name, EquatableArray<string>.Empty,
            foreignKey.ToEquatableArray(), NameCasing.LowerFirst(end.Model.Name));
    }
}
