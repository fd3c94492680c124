using System.Collections.Generic;
using Amplify.DataStore.Schema.Parsing;
using Amplify.DataStore.Schema.Validation;
using GraphQLParser.AST;

namespace Amplify.DataStore.Schema.Binding;

/// <summary>
/// First pass over an object type: binds its directives and declared fields (names, types resolved to
/// <see cref="FieldType"/>s, field directives, <c>@default</c>) into an <see cref="ObjectTypeState"/>. Keys, indexes,
/// timestamps and relationships are resolved later, once every type is known.
/// </summary>
internal sealed class ObjectTypeBinder
{
    private readonly TypeResolver _types;
    private readonly DirectiveSiteChecker _directives;
    private readonly IReadOnlyDictionary<string, EnumDefinition> _enums;
    private readonly DiagnosticBag _diagnostics;

    public ObjectTypeBinder(TypeResolver types, DirectiveSiteChecker directives, IReadOnlyDictionary<string, EnumDefinition> enums, DiagnosticBag diagnostics)
    {
        _types = types;
        _directives = directives;
        _enums = enums;
        _diagnostics = diagnostics;
    }

    public ObjectTypeState Bind(TypeDeclaration declaration)
    {
        var state = new ObjectTypeState(declaration.Name, _types.IsModel(declaration.Name), declaration.NameLocation);
        BindTypeDirectives(state, declaration);

        var first = new Dictionary<string, SchemaLocation>();
        foreach (var field in declaration.Fields)
        {
            string name = field.Node.Name.StringValue;
            var nameLocation = field.At(field.Node.Name);
            if (first.TryGetValue(name, out var firstLocation))
            {
                _diagnostics.Error(SchemaDiagnosticIds.DuplicateField, nameLocation,
                    $"Field '{name}' is defined more than once in type '{state.Name}' (first at {firstLocation}).");
                continue;
            }
            first.Add(name, nameLocation);
            if (!NameRules.CheckFieldName(state.Name, name, nameLocation, _diagnostics)) continue;
            if (BindField(state, field) is { } slot) state.Declared.Add(slot);
        }
        return state;
    }

    private void BindTypeDirectives(ObjectTypeState state, TypeDeclaration declaration)
    {
        string owner = $"type '{state.Name}'";
        foreach (var directive in _directives.Check(declaration.Directives, DirectiveSite.Type, owner))
        {
            string name = directive.Node.Name.StringValue;
            if (name != "model" && !state.IsModel)
            {
                _directives.ReportNotOnModel(directive, owner, state.Name);
                continue;
            }

            var arguments = DirectiveArguments.Read(directive, owner, _diagnostics);
            switch (name)
            {
                case "model":
                    state.ModelDirective = arguments;
                    break;
                case "key":
                    state.KeyDirectives.Add(arguments);
                    break;
                case "auth":
                    state.AuthRules.AddRange(AuthRuleReader.Read(arguments));
                    break;
            }
        }
    }

    private FieldSlot? BindField(ObjectTypeState state, Located<GraphQLFieldDefinition> field)
    {
        string description = $"{state.Name}.{field.Node.Name.StringValue}";
        var shape = FieldTypeShape.From(field.Node.Type);
        if (shape.IsNestedList)
        {
            var typeLocation = field.At(field.Node.Type);
            string typeText = field.Document.Text.Substring(typeLocation.Start, typeLocation.End - typeLocation.Start);
            _diagnostics.Error(SchemaDiagnosticIds.UnsupportedFieldShape, typeLocation,
                $"Field '{description}' has the nested list type '{typeText}'; DataStore cannot store lists of lists.");
            return null;
        }

        var type = _types.Resolve(shape.TypeName, description, field.At(shape.Named));
        var slot = new FieldSlot(field.Node.Name.StringValue, type, shape.IsRequired, shape.IsList, shape.IsListRequired, FieldOrigin.Declared)
        {
            Syntax = field,
        };
        BindFieldDirectives(state, slot, field, description);

        if (type is { Kind: TypeKind.Model } && slot.Relationship is null)
        {
            _diagnostics.Warning(SchemaDiagnosticIds.UnconnectedModelField, slot.NameLocation(state.Location),
                $"Field '{description}' has model type '{type.Name}' but no relationship directive (@hasOne, @hasMany, @belongsTo, @manyToMany or @connection); it is not stored and is left out of the model.");
            slot.IsDropped = true;
        }
        else if (type is not null && type.Kind != TypeKind.Model && slot.Relationship is { } relationship)
        {
            _diagnostics.Error(SchemaDiagnosticIds.InvalidRelationship, relationship.Arguments.Location,
                $"@{relationship.Directive} on field '{description}' requires a @model type, but '{type.Name}' is {DescribeKind(type)}.");
            relationship.IsInvalid = true;
        }
        return slot;
    }

    private void BindFieldDirectives(ObjectTypeState state, FieldSlot slot, Located<GraphQLFieldDefinition> field, string description)
    {
        string owner = $"field '{description}'";
        foreach (var directive in _directives.Check(Directives(field), DirectiveSite.Field, owner))
        {
            string name = directive.Node.Name.StringValue;
            if (DirectiveCatalog.IsRelationship(name))
            {
                if (!state.IsModel)
                {
                    _diagnostics.Error(SchemaDiagnosticIds.InvalidRelationship, directive.Location,
                        $"@{name} on {owner} is not allowed: relationships are only supported on fields of @model types, and '{state.Name}' is not one.");
                    // Keep it (marked invalid) so the field is not also reported as unconnected.
                    slot.Relationship ??= new RelationshipSpec(DirectiveArguments.Read(directive, owner, _diagnostics)) { IsInvalid = true };
                }
                else if (slot.Relationship is { } existing)
                {
                    _diagnostics.Error(SchemaDiagnosticIds.InvalidRelationship, directive.Location,
                        $"Field '{description}' has more than one relationship directive (@{existing.Directive} and @{name}).");
                }
                else
                {
                    slot.Relationship = ReadRelationship(DirectiveArguments.Read(directive, owner, _diagnostics));
                }
                continue;
            }

            if (name != "default" && !state.IsModel)
            {
                _directives.ReportNotOnModel(directive, owner, state.Name);
                continue;
            }

            var arguments = DirectiveArguments.Read(directive, owner, _diagnostics);
            switch (name)
            {
                case "primaryKey":
                    state.PrimaryKeyDirectives.Add((slot, arguments));
                    break;
                case "index":
                    state.IndexDirectives.Add((slot, arguments));
                    break;
                case "auth":
                    slot.AuthRules.AddRange(AuthRuleReader.Read(arguments));
                    break;
                case "default":
                    ReadDefault(slot, arguments, description);
                    break;
            }
        }
    }

    private void ReadDefault(FieldSlot slot, DirectiveArguments arguments, string description)
    {
        if (arguments.IsMissing("value"))
        {
            arguments.ReportMissing("value");
            return;
        }
        if (arguments.String("value") is not { } value) return;

        slot.DefaultValue = value.Name;
        if (slot.Type is null) return;
        var enumValues = slot.Type.Kind == TypeKind.Enum && _enums.TryGetValue(slot.Type.Name, out var e) ? e.Values : (IReadOnlyList<string>?)null;
        if (DefaultValueValidator.Validate(slot.Type, slot.IsList, value.Name, enumValues) is { } reason)
        {
            _diagnostics.Error(SchemaDiagnosticIds.InvalidDefaultValue, value.Location,
                $"@default value \"{value.Name}\" on field '{description}' {reason}.");
        }
    }

    private RelationshipSpec ReadRelationship(DirectiveArguments arguments)
    {
        int errorsBefore = _diagnostics.ErrorCount;
        var spec = new RelationshipSpec(arguments);
        spec.Fields = arguments.NameList("fields");
        if (spec.Fields is { Count: 0 })
        {
            arguments.ReportInvalid(arguments.ArgumentLocation("fields"), "argument 'fields' must name at least one field.");
        }

        // Amplify Gen 2: the foreign-key fields on the child, named on both sides of the relationship.
        spec.References = arguments.NameList("references");
        if (spec.References is { Count: 0 })
        {
            arguments.ReportInvalid(arguments.ArgumentLocation("references"), "argument 'references' must name at least one field.");
        }
        if (arguments.Has("references") && arguments.Has("fields"))
        {
            arguments.ReportInvalid(arguments.ArgumentLocation("references"), "'fields' and 'references' cannot be used together; use 'references' on both sides of the relationship.");
        }
        if (arguments.Has("references") && arguments.Has("indexName"))
        {
            arguments.ReportInvalid(arguments.ArgumentLocation("references"), "'indexName' and 'references' cannot be used together; the referenced fields are the index.");
        }

        switch (spec.Directive)
        {
            case "hasMany":
                spec.IndexName = arguments.String("indexName");
                break;
            case "manyToMany":
                spec.RelationName = arguments.String("relationName");
                if (arguments.IsMissing("relationName")) arguments.ReportMissing("relationName");
                break;
            case "connection":
                spec.ConnectionName = arguments.String("name");
                spec.KeyName = arguments.String("keyName");
                spec.KeyField = arguments.String("keyField");
                if (spec.ConnectionName is not null && (spec.Fields is not null || spec.KeyName is not null))
                {
                    arguments.ReportInvalid(arguments.ArgumentLocation("name"), "'name' cannot be combined with 'fields' or 'keyName'; use either a named connection or a keyed one.");
                }
                if (spec.KeyName is not null && spec.Fields is null)
                {
                    arguments.ReportInvalid(arguments.ArgumentLocation("keyName"), "'keyName' requires 'fields' (the fields of this model that match the index).");
                }
                break;
        }

        spec.IsInvalid = _diagnostics.ErrorCount > errorsBefore;
        return spec;
    }

    private static string DescribeKind(FieldType type) => type.Kind switch
    {
        TypeKind.Scalar => "a scalar",
        TypeKind.Enum => "an enum",
        _ => "a non-model type",
    };

    private static IEnumerable<Located<GraphQLDirective>> Directives(Located<GraphQLFieldDefinition> field)
    {
        if (field.Node.Directives is null) yield break;
        foreach (var directive in field.Node.Directives.Items) yield return new Located<GraphQLDirective>(directive, field.Document);
    }
}
