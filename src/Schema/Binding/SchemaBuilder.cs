using System;
using System.Collections.Generic;
using System.Threading;
using Amplify.DataStore.Schema.Parsing;
using Amplify.DataStore.Schema.Validation;
using GraphQLParser.AST;

namespace Amplify.DataStore.Schema.Binding;

/// <summary>
/// Turns parsed documents into a <see cref="SchemaModel"/>: collects declarations, binds enums and object types,
/// resolves keys, indexes and relationships, checks C# name collisions, then assembles the immutable model.
/// </summary>
internal static class SchemaBuilder
{
    public static SchemaModel? Build(IReadOnlyList<(SourceDocument Source, GraphQLDocument Document)> documents, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var declarations = DeclarationCollector.Collect(documents, diagnostics);
        cancellationToken.ThrowIfCancellationRequested();

        var modelNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var declaration in declarations.Types)
        {
            if (declaration.Kind == DeclarationKind.Object && !declaration.IsRoot && HasModelDirective(declaration)) modelNames.Add(declaration.Name);
        }

        var directives = new DirectiveSiteChecker(declarations, diagnostics);
        var enums = new Dictionary<string, EnumDefinition>(StringComparer.Ordinal);
        foreach (var declaration in declarations.Types)
        {
            if (declaration.Kind == DeclarationKind.Enum) enums[declaration.Name] = EnumDefinitionBuilder.Build(declaration, directives, diagnostics);
        }

        var binder = new ObjectTypeBinder(new TypeResolver(declarations, modelNames, diagnostics), directives, enums, diagnostics);
        var objects = new List<ObjectTypeState>();
        foreach (var declaration in declarations.Types)
        {
            if (declaration.Kind == DeclarationKind.Object && !declaration.IsRoot) objects.Add(binder.Bind(declaration));
        }
        cancellationToken.ThrowIfCancellationRequested();

        // Relationships are resolved in model-name order so that foreign keys are appended deterministically.
        var models = objects.FindAll(o => o.IsModel);
        models.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var modelsByName = new Dictionary<string, ObjectTypeState>(StringComparer.Ordinal);
        var keys = new KeysAndTimestampsResolver(diagnostics);
        foreach (var model in models)
        {
            keys.Resolve(model);
            modelsByName[model.Name] = model;
        }

        var joins = new ManyToManyResolver(modelsByName, declarations, diagnostics).Resolve(models);
        new RelationshipResolver(modelsByName, diagnostics).Resolve(models);
        new ConnectionResolver(modelsByName, diagnostics).Resolve(models);
        cancellationToken.ThrowIfCancellationRequested();

        var all = new List<ObjectTypeState>(objects);
        all.AddRange(joins);
        CheckNameCollisions(all, declarations, diagnostics);
        if (diagnostics.HasErrors) return null;

        return Assemble(all, enums);
    }

    private static bool HasModelDirective(TypeDeclaration declaration) =>
        declaration.Directives.Exists(d => d.Node.Name.StringValue == "model");

    private static void CheckNameCollisions(List<ObjectTypeState> types, DeclarationSet declarations, DiagnosticBag diagnostics)
    {
        var typeNames = new List<NameRules.Candidate>();
        foreach (var declaration in declarations.Types)
        {
            if (declaration.Kind is DeclarationKind.Object or DeclarationKind.Enum && !declaration.IsRoot)
            {
                typeNames.Add(new NameRules.Candidate(declaration.Name, CSharpNaming.TypeName(declaration.Name), declaration.NameLocation));
            }
        }
        foreach (var type in types)
        {
            if (type.IsJoinModel) typeNames.Add(new NameRules.Candidate(type.Name, CSharpNaming.TypeName(type.Name), type.Location));
        }
        NameRules.CheckCollisions(typeNames, (a, b, cs) => $"Types '{a}' and '{b}' both map to the C# type name '{cs}'.", diagnostics);

        foreach (var type in types)
        {
            // Synthesised fields first, so that a clash is reported at the field the user wrote.
            var fields = new List<NameRules.Candidate>();
            foreach (var field in type.Fields)
            {
                if (field.Syntax is null) fields.Add(Candidate(type, field));
            }
            foreach (var field in type.Fields)
            {
                if (field.Syntax is not null) fields.Add(Candidate(type, field));
            }
            string typeName = type.Name;
            NameRules.CheckCollisions(fields,
                (a, b, cs) => $"Fields '{a}' and '{b}' in type '{typeName}' both map to the C# property '{cs}'.",
                diagnostics);
        }
    }

    private static NameRules.Candidate Candidate(ObjectTypeState type, FieldSlot field) =>
        new(field.Name, CSharpNaming.PropertyName(type.Name, field.Name), field.NameLocation(type.Location));

    private static SchemaModel Assemble(List<ObjectTypeState> types, Dictionary<string, EnumDefinition> enumsByName)
    {
        var models = new List<ModelDefinition>();
        var nonModels = new List<NonModelDefinition>();
        foreach (var type in types)
        {
            var fields = new List<FieldDefinition>();
            foreach (var field in type.Fields) fields.Add(field.ToDefinition());
            if (type.IsModel)
            {
                models.Add(new ModelDefinition(type.Name, type.PluralName, fields.ToEquatableArray(), type.PrimaryKey!,
                    type.Indexes.ToEquatableArray(), type.AuthRules.ToEquatableArray(), type.Timestamps, type.IsJoinModel)
                {
                    RelationIndexes = type.RelationIndexes.ToEquatableArray(),
                });
            }
            else
            {
                nonModels.Add(new NonModelDefinition(type.Name, fields.ToEquatableArray()));
            }
        }
        var enums = new List<EnumDefinition>(enumsByName.Values);

        models.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        nonModels.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        enums.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        string version = SchemaVersion.Compute(models, nonModels, enums);
        return new SchemaModel(models.ToEquatableArray(), nonModels.ToEquatableArray(), enums.ToEquatableArray(), version);
    }
}
