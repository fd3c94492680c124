using System.Collections.Generic;
using System.Collections.Immutable;
using Amplify.DataStore.Schema;

namespace Amplify.DataStore.Generator.Emit;

/// <summary>Splits a validated schema into emit units.</summary>
internal static class EmitPlanner
{
    public static ImmutableArray<EmitUnit> Plan(SchemaModel schema, GeneratorOptions options)
    {
        var units = new List<EmitUnit>();
        var none = EquatableArray<ModelDefinition>.Empty;
        foreach (var e in schema.Enums)
        {
            units.Add(new EmitUnit(EmitKind.Enum, e.Name, options.Namespace,
                new SchemaModel(none, EquatableArray<NonModelDefinition>.Empty, EquatableArray.Create(e), string.Empty)));
        }
        foreach (var n in schema.NonModels)
        {
            units.Add(new EmitUnit(EmitKind.NonModel, n.Name, options.Namespace,
                new SchemaModel(none, EquatableArray.Create(n), EquatableArray<EnumDefinition>.Empty, string.Empty)));
        }
        foreach (var m in schema.Models)
        {
            var related = new List<ModelDefinition> { m };
            foreach (var f in m.Fields)
            {
                if (f.Association is { } a && a.RelatedModel != m.Name && schema.FindModel(a.RelatedModel) is { } r && !related.Contains(r))
                {
                    related.Add(r);
                }
            }
            units.Add(new EmitUnit(EmitKind.Model, m.Name, options.Namespace,
                new SchemaModel(related.ToEquatableArray(), EquatableArray<NonModelDefinition>.Empty, EquatableArray<EnumDefinition>.Empty, string.Empty)));
        }
        units.Add(new EmitUnit(EmitKind.Schema, "AmplifyModels", options.Namespace, schema));
        return units.ToImmutableArray();
    }
}
