using System.Collections.Generic;
using System.Linq;
using Amplify.DataStore.Schema;

namespace Amplify.DataStore.Generator.Emit;

/// <summary>Emits <c>AmplifyModels</c>: the schema-version hash and the full runtime metadata as static data.</summary>
internal static class SchemaEmitter
{
    private const string M = CSharpTypes.Metadata;

    public static string Emit(EmitUnit unit)
    {
        var schema = unit.Context;
        var ns = unit.Namespace;
        var w = new SourceWriter();
        ModelEmitter.Header(w);
        using (w.OpenBlock("namespace " + ns))
        {
            w.Line("/// <summary>The models generated from this project's GraphQL schema, their metadata and the schema-version hash.</summary>");
            w.Line(ModelEmitter.GeneratedCodeAttribute);
            using (w.OpenBlock("public static partial class AmplifyModels"))
            {
                w.Line("/// <summary>The schema-version hash: changes exactly when the on-device storage shape changes.</summary>");
                w.Line($"public const string Version = {CSharpTypes.StringLiteral(schema.Version)};");
                foreach (var m in schema.Models)
                {
                    w.Line();
                    EmitModel(w, m, ns);
                }
                w.Line();
                w.Line("/// <summary>The full schema metadata the DataStore runtime consumes.</summary>");
                w.Line($"public static {M}.ModelSchema Schema {{ get; }} = new(");
                w.Indent();
                w.Line("Version,");
                w.Line($"new {M}.ModelMetadata[] {{ {string.Join(", ", schema.Models.Select(m => MetadataField(m.Name)))} }},");
                w.Line($"new {M}.EmbeddedTypeMetadata[]");
                w.Line("{");
                w.Indent();
                foreach (var n in schema.NonModels)
                {
                    w.Lines($"new {M}.EmbeddedTypeMetadata {{ Name = {CSharpTypes.StringLiteral(n.Name)}, Fields = {FieldsArray(n.Name, n.Fields)} }},");
                }
                w.Unindent();
                w.Line("},");
                w.Line($"new {M}.EnumMetadata[]");
                w.Line("{");
                w.Indent();
                foreach (var e in schema.Enums)
                {
                    w.Line($"new {M}.EnumMetadata {{ Name = {CSharpTypes.StringLiteral(e.Name)}, Values = {Strings(e.Values)} }},");
                }
                w.Unindent();
                w.Line("});");
                w.Unindent();
            }
        }
        return w.ToString();
    }

    public static string MetadataField(string modelName) => CSharpNaming.ToPascalCase(modelName) + "Metadata";

    private static void EmitModel(SourceWriter w, ModelDefinition m, string ns)
    {
        w.Line($"internal static readonly {M}.ModelMetadata {MetadataField(m.Name)} = new()");
        w.Line("{");
        w.Indent();
        w.Line($"Name = {CSharpTypes.StringLiteral(m.Name)},");
        w.Line($"PluralName = {CSharpTypes.StringLiteral(m.PluralName)},");
        w.Lines($"Fields = {FieldsArray(m.Name, m.Fields)},");
        w.Line($"PrimaryKey = new {M}.PrimaryKeyMetadata {{ Fields = {Strings(m.PrimaryKey.Fields)}, IsCustom = {Bool(m.PrimaryKey.IsCustom)} }},");
        w.Line($"Indexes = new {M}.IndexMetadata[] {{ {string.Join(", ", m.Indexes.Concat(m.RelationIndexes).Select(i => $"new {M}.IndexMetadata {{ Name = {CSharpTypes.StringLiteral(i.Name)}, Fields = {Strings(i.Fields)}, QueryField = {CSharpTypes.NullableStringLiteral(i.QueryField)} }}"))} }},");
        w.Line($"AuthRules = {AuthRules(m.AuthRules)},");
        w.Line($"CreatedAtField = {CSharpTypes.NullableStringLiteral(m.Timestamps.CreatedAt)},");
        w.Line($"UpdatedAtField = {CSharpTypes.NullableStringLiteral(m.Timestamps.UpdatedAt)},");
        w.Line($"IsJoinModel = {Bool(m.IsJoinModel)},");
        w.Line($"Codec = {M}.ModelCodec<{CSharpTypes.Qualified(ns, m.Name)}>.Instance,");
        w.Unindent();
        w.Line("};");
    }

    private static string FieldsArray(string typeName, EquatableArray<FieldDefinition> fields)
    {
        var items = fields.Select(f => FieldMetadata(typeName, f));
        return $"new {M}.FieldMetadata[]\n{{\n    " + string.Join(",\n    ", items) + ",\n}";
    }

    private static string FieldMetadata(string typeName, FieldDefinition f)
    {
        var kind = f.Type.Kind switch
        {
            TypeKind.Enum => "Enum",
            TypeKind.NonModel => "Embedded",
            TypeKind.Model => "Model",
            _ => "Scalar",
        };
        var parts = new List<string>
        {
            $"Name = {CSharpTypes.StringLiteral(f.Name)}",
            $"PropertyName = {CSharpTypes.StringLiteral(CSharpNaming.PropertyName(typeName, f.Name))}",
            $"Kind = {M}.FieldKind.{kind}",
            $"TypeName = {CSharpTypes.StringLiteral(f.Type.Name)}",
            $"Scalar = {M}.ScalarType.{(f.Type.Kind == TypeKind.Scalar ? f.Type.Scalar.ToString() : "None")}",
            $"IsRequired = {Bool(f.IsRequired)}",
            $"IsList = {Bool(f.IsList)}",
            $"IsListRequired = {Bool(f.IsListRequired)}",
            $"IsReadOnly = {Bool(f.IsReadOnly)}",
            $"IsGenerated = {Bool(f.Origin != FieldOrigin.Declared)}",
        };
        if (f.DefaultValue is { } d) parts.Add($"DefaultValue = {CSharpTypes.StringLiteral(d)}");
        if (f.AuthRules.Count > 0) parts.Add($"AuthRules = {AuthRules(f.AuthRules)}");
        if (f.Association is { } a)
        {
            var type = a.Kind switch
            {
                AssociationKind.HasOne => "HasOne",
                AssociationKind.HasMany => "HasMany",
                _ => "BelongsTo",
            };
            parts.Add($"Association = new {M}.AssociationMetadata {{ Type = {M}.AssociationType.{type}, RelatedModel = {CSharpTypes.StringLiteral(a.RelatedModel)}, TargetNames = {Strings(a.TargetNames)}, AssociatedWith = {Strings(a.AssociatedWith)}, AssociatedField = {CSharpTypes.NullableStringLiteral(a.AssociatedField)} }}");
        }
        return $"new {M}.FieldMetadata {{ {string.Join(", ", parts)} }}";
    }

    private static string AuthRules(EquatableArray<AuthRule> rules)
    {
        if (rules.Count == 0) return $"global::System.Array.Empty<{M}.AuthRuleMetadata>()";
        var items = rules.Select(r =>
            $"new {M}.AuthRuleMetadata {{ Allow = {CSharpTypes.StringLiteral(r.Allow)}, Provider = {CSharpTypes.NullableStringLiteral(r.Provider)}, " +
            $"OwnerField = {CSharpTypes.NullableStringLiteral(r.OwnerField)}, IdentityClaim = {CSharpTypes.NullableStringLiteral(r.IdentityClaim)}, " +
            $"GroupClaim = {CSharpTypes.NullableStringLiteral(r.GroupClaim)}, Groups = {Strings(r.Groups)}, " +
            $"GroupsField = {CSharpTypes.NullableStringLiteral(r.GroupsField)}, Operations = {Strings(r.Operations)} }}");
        return $"new {M}.AuthRuleMetadata[] {{ {string.Join(", ", items)} }}";
    }

    private static string Strings(EquatableArray<string> values)
        => values.Count == 0 ? "global::System.Array.Empty<string>()" : "new string[] { " + string.Join(", ", values.Select(CSharpTypes.StringLiteral)) + " }";

    private static string Bool(bool b) => b ? "true" : "false";
}
