using System;
using System.Collections.Generic;
using Amplify.DataStore.Schema.Parsing;
using GraphQLParser.AST;

namespace Amplify.DataStore.Schema.Binding;

/// <summary>
/// Second pass over a <c>@model</c> type, once <see cref="ObjectTypeBinder"/> has bound its fields: resolves its plural
/// name, timestamps, primary key (implicit <c>id</c>, <c>@primaryKey</c> or unnamed v1 <c>@key</c>) and secondary
/// indexes (<c>@index</c> or named v1 <c>@key</c>).
/// </summary>
internal sealed class KeysAndTimestampsResolver
{
    private readonly DiagnosticBag _diagnostics;

    public KeysAndTimestampsResolver(DiagnosticBag diagnostics) => _diagnostics = diagnostics;

    public void Resolve(ObjectTypeState model)
    {
        model.PluralName = Pluralizer.Pluralize(model.Name);
        ResolveTimestamps(model);
        ResolvePrimaryKey(model);
        ResolveIndexes(model);
    }

    private void ResolveTimestamps(ObjectTypeState model)
    {
        model.Timestamps = ReadTimestamps(model);
        AddTimestamp(model, model.Timestamps.CreatedAt);
        AddTimestamp(model, model.Timestamps.UpdatedAt);
    }

    private static void AddTimestamp(ObjectTypeState model, string? name)
    {
        // A user-declared field with the timestamp's name wins and stays writable, as in modelgen.
        if (name is null || model.Declared.Exists(f => f.Name == name)) return;
        model.TimestampSlots.Add(new FieldSlot(name, FieldType.Of(ScalarKind.AWSDateTime), false, false, false, FieldOrigin.Timestamp)
        {
            IsReadOnly = true,
        });
    }

    private TimestampFields ReadTimestamps(ObjectTypeState model)
    {
        var arguments = model.ModelDirective;
        var argument = arguments?.Get("timestamps");
        if (arguments is null || argument is null) return TimestampFields.Default;
        if (argument.Value is GraphQLNullValue) return new TimestampFields(null, null);
        if (argument.Value is not GraphQLObjectValue config)
        {
            arguments.ReportInvalid(arguments.At(argument.Value),
                $"argument 'timestamps' must be an object such as {{ createdAt: \"createdOn\", updatedAt: \"updatedOn\" }} or null, not {DirectiveArguments.Describe(argument.Value)}.");
            return TimestampFields.Default;
        }

        string? createdAt = "createdAt";
        string? updatedAt = "updatedAt";
        var seen = new HashSet<string>();
        foreach (var entry in config.Fields ?? new List<GraphQLObjectField>())
        {
            string key = entry.Name.StringValue;
            if (key is not ("createdAt" or "updatedAt"))
            {
                arguments.ReportInvalid(arguments.At(entry), $"'timestamps' has unknown key '{key}'; expected 'createdAt' or 'updatedAt'.");
                continue;
            }
            if (!seen.Add(key))
            {
                arguments.ReportInvalid(arguments.At(entry), $"'timestamps' sets '{key}' more than once.");
                continue;
            }

            string? name;
            if (entry.Value is GraphQLNullValue)
            {
                // Unlike modelgen, `updatedAt: null` really disables the field.
                name = null;
            }
            else if (entry.Value is GraphQLStringValue s && NameCasing.IsGraphQLName(s.Value.ToString()) && !s.Value.ToString().StartsWith("_", StringComparison.Ordinal))
            {
                name = s.Value.ToString();
            }
            else
            {
                arguments.ReportInvalid(arguments.At(entry.Value),
                    $"'timestamps.{key}' must be a field name (a string such as \"{(key == "createdAt" ? "createdOn" : "updatedOn")}\") or null, not {DirectiveArguments.Describe(entry.Value)}.");
                continue;
            }

            if (key == "createdAt") createdAt = name;
            else updatedAt = name;
        }

        if (createdAt is not null && createdAt == updatedAt)
        {
            arguments.ReportInvalid(arguments.At(argument.Value), $"'timestamps' uses the name '{createdAt}' for both createdAt and updatedAt.");
            return new TimestampFields(createdAt, null);
        }
        return new TimestampFields(createdAt, updatedAt);
    }

    private void ResolvePrimaryKey(ObjectTypeState model)
    {
        // Candidates: v2 @primaryKey on fields, v1 @key without a name on the type; only one may exist.
        var candidates = new List<(DirectiveArguments Arguments, FieldSlot? Field)>();
        foreach (var (field, arguments) in model.PrimaryKeyDirectives) candidates.Add((arguments, field));
        foreach (var arguments in model.KeyDirectives)
        {
            if (!arguments.Has("name")) candidates.Add((arguments, null));
        }
        candidates.Sort((a, b) => a.Arguments.Location.Document.Index != b.Arguments.Location.Document.Index
            ? a.Arguments.Location.Document.Index.CompareTo(b.Arguments.Location.Document.Index)
            : a.Arguments.Location.Start.CompareTo(b.Arguments.Location.Start));

        for (int i = 1; i < candidates.Count; i++)
        {
            _diagnostics.Error(SchemaDiagnosticIds.InvalidPrimaryKey, candidates[i].Arguments.Location,
                $"Model '{model.Name}' declares its primary key more than once; the first declaration is at {candidates[0].Arguments.Location}.");
        }

        if (candidates.Count == 0)
        {
            ResolveIdKey(model);
            return;
        }

        var (keyArguments, keyField) = candidates[0];
        int errorsBefore = _diagnostics.ErrorCount;
        var keyFields = new List<NameRef>();
        if (keyField is not null)
        {
            // v2: the annotated field is the partition key.
            keyFields.Add(new NameRef(keyField.Name, keyArguments.Location));
            keyFields.AddRange(keyArguments.NameList("sortKeyFields") ?? new List<NameRef>());
        }
        else
        {
            var fields = keyArguments.NameList("fields");
            if (fields is null)
            {
                if (keyArguments.IsMissing("fields")) keyArguments.ReportMissing("fields");
                return;
            }
            if (fields.Count == 0)
            {
                keyArguments.ReportInvalid(keyArguments.ArgumentLocation("fields"), "argument 'fields' must name at least one field.");
                return;
            }
            keyFields.AddRange(fields);
        }

        var seen = new HashSet<string>();
        foreach (var reference in keyFields)
        {
            if (!seen.Add(reference.Name))
            {
                _diagnostics.Error(SchemaDiagnosticIds.InvalidPrimaryKey, reference.Location,
                    $"The primary key of model '{model.Name}' lists field '{reference.Name}' more than once.");
                continue;
            }
            CheckKeyField(model, reference, keyArguments.Name);
        }
        if (_diagnostics.ErrorCount > errorsBefore) return;

        var sortKeys = new List<string>();
        for (int i = 1; i < keyFields.Count; i++) sortKeys.Add(keyFields[i].Name);
        model.PrimaryKey = new PrimaryKey(keyFields[0].Name, sortKeys.ToEquatableArray(), true);
    }

    /// <summary>No explicit key: the declared <c>id</c>, or an implicit <c>id: ID!</c> inserted first.</summary>
    private void ResolveIdKey(ObjectTypeState model)
    {
        var id = model.Declared.Find(f => f.Name == "id");
        if (id is null)
        {
            model.ImplicitId = new FieldSlot("id", FieldType.Of(ScalarKind.ID), true, false, false, FieldOrigin.ImplicitId);
            model.PrimaryKey = new PrimaryKey("id", EquatableArray<string>.Empty, false);
            return;
        }

        var location = id.NameLocation(model.Location);
        if (id.Type is null) return;
        if (id.IsList || !id.IsKeyable)
        {
            _diagnostics.Error(SchemaDiagnosticIds.InvalidPrimaryKey, location,
                $"Field '{model.Name}.id' is the primary key of model '{model.Name}' and must be a non-list scalar or enum, such as 'ID!'.");
            return;
        }
        if (!id.IsRequired)
        {
            // modelgen silently forces the key non-null; say so.
            _diagnostics.Warning(SchemaDiagnosticIds.InvalidPrimaryKey, location,
                $"Field '{model.Name}.id' is the primary key of model '{model.Name}' and is treated as non-null ('{id.Type.Name}!').");
            id.IsRequired = true;
        }
        model.PrimaryKey = new PrimaryKey("id", EquatableArray<string>.Empty, false);
    }

    private void CheckKeyField(ObjectTypeState model, NameRef reference, string directive)
    {
        var field = model.Find(reference.Name);
        if (field is null)
        {
            _diagnostics.Error(SchemaDiagnosticIds.InvalidPrimaryKey, reference.Location,
                $"@{directive} on model '{model.Name}' names key field '{reference.Name}', but '{model.Name}' has no such field.");
            return;
        }
        if (field.Type is null) return; // already reported
        if (field.IsList || !field.IsKeyable)
        {
            _diagnostics.Error(SchemaDiagnosticIds.InvalidPrimaryKey, reference.Location,
                $"Primary key field '{model.Name}.{field.Name}' must be a non-list scalar or enum, but it is '{Describe(field)}'.");
            return;
        }
        if (!field.IsRequired)
        {
            _diagnostics.Error(SchemaDiagnosticIds.InvalidPrimaryKey, reference.Location,
                $"Primary key field '{model.Name}.{field.Name}' must be non-null; declare it as '{field.Type.Name}!'.");
        }
    }

    private void ResolveIndexes(ObjectTypeState model)
    {
        var declared = new List<(DirectiveArguments Arguments, List<NameRef> Fields, string? Name, string? QueryField)>();
        foreach (var (field, arguments) in model.IndexDirectives)
        {
            var fields = new List<NameRef> { new(field.Name, arguments.Location) };
            fields.AddRange(arguments.NameList("sortKeyFields") ?? new List<NameRef>());
            declared.Add((arguments, fields, arguments.String("name")?.Name, arguments.String("queryField")?.Name));
        }
        foreach (var arguments in model.KeyDirectives)
        {
            if (!arguments.Has("name")) continue; // the primary key
            var name = arguments.String("name")?.Name;
            if (arguments.IsNull("name")) arguments.ReportInvalid(arguments.ArgumentLocation("name"), "argument 'name' must be a string; leave it out for the primary key.");
            var fields = arguments.NameList("fields");
            if (arguments.IsMissing("fields")) arguments.ReportMissing("fields");
            if (name is null || fields is null) continue;
            if (fields.Count == 0)
            {
                arguments.ReportInvalid(arguments.ArgumentLocation("fields"), "argument 'fields' must name at least one field.");
                continue;
            }
            declared.Add((arguments, fields, name, arguments.String("queryField")?.Name));
        }

        foreach (var (arguments, fields, explicitName, queryField) in declared)
        {
            var names = new List<string>();
            bool valid = true;
            foreach (var reference in fields) valid &= CheckIndexField(model, reference, arguments, explicitName);
            foreach (var reference in fields) names.Add(reference.Name);
            if (!valid) continue;

            string name = explicitName ?? DefaultIndexName(model, names);
            var index = new IndexDefinition(name, names.ToEquatableArray(), queryField);
            var existing = model.FindIndex(name);
            if (existing is null)
            {
                model.Indexes.Add(index);
            }
            else if (existing.Fields != index.Fields)
            {
                _diagnostics.Error(SchemaDiagnosticIds.InvalidDirectiveArgument, arguments.Location,
                    $"Index name '{name}' is used more than once in model '{model.Name}' with different fields.");
            }
        }
    }

    /// <summary>modelgen's default: <c>${lowerFirst(plural)}By${Fields PascalJoined 'And'}</c>, e.g. <c>employeesByManagerAndLevel</c>.</summary>
    private static string DefaultIndexName(ObjectTypeState model, List<string> fields)
    {
        var parts = new List<string>();
        foreach (var field in fields) parts.Add(NameCasing.UpperFirst(field));
        return NameCasing.LowerFirst(model.PluralName) + "By" + string.Join("And", parts);
    }

    private bool CheckIndexField(ObjectTypeState model, NameRef reference, DirectiveArguments arguments, string? indexName)
    {
        string which = indexName is null ? $"@{arguments.Name}" : $"@{arguments.Name} '{indexName}'";
        var field = model.Find(reference.Name);
        if (field is null)
        {
            _diagnostics.Error(SchemaDiagnosticIds.IndexNotFound, reference.Location,
                $"{which} on model '{model.Name}' names field '{reference.Name}', which does not exist in '{model.Name}'.");
            return false;
        }
        if (field.Type is null) return false;
        if (!field.IsKeyable)
        {
            _diagnostics.Error(SchemaDiagnosticIds.InvalidDirectiveArgument, reference.Location,
                $"{which} on model '{model.Name}' uses field '{field.Name}' of type '{Describe(field)}'; index fields must be non-list scalars or enums.");
            return false;
        }
        return true;
    }

    private static string Describe(FieldSlot field) => field.TypeText;
}
