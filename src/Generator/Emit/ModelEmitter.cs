using System.Collections.Generic;
using System.Linq;
using Amplify.DataStore.Schema;

namespace Amplify.DataStore.Generator.Emit;

/// <summary>
/// Emits one <c>@model</c> or non-model type: an immutable <c>sealed partial record</c> with value equality,
/// reflection-free read/write code and, for models, <c>CopyOf</c>, the typed predicate and sort builders
/// and relationship navigation.
/// Each concept is a partial part (<c>ModelEmitter.*.cs</c>); this one holds the entry point, which fixes the order
/// of the members in the output, and the helpers the parts share.
/// </summary>
internal sealed partial class ModelEmitter
{
    private readonly SourceWriter _w = new();
    private readonly string _ns;
    private readonly string _typeName;      // GraphQL name
    private readonly string _csName;        // C# name
    private readonly EquatableArray<FieldDefinition> _fields;
    private readonly ModelDefinition? _model; // null for non-model types
    private readonly SchemaModel _context;

    private ModelEmitter(EmitUnit unit)
    {
        _ns = unit.Namespace;
        _context = unit.Context;
        _typeName = unit.Name;
        _csName = CSharpNaming.TypeName(unit.Name);
        if (unit.Kind == EmitKind.Model)
        {
            _model = unit.Context.FindModel(unit.Name)!;
            _fields = _model.Fields;
        }
        else
        {
            _fields = unit.Context.FindNonModel(unit.Name)!.Fields;
        }
    }

    public static string Emit(EmitUnit unit) => new ModelEmitter(unit).Emit();

    private bool IsModel => _model is not null;

    private string DraftType => NestedTypeName(_typeName, "Draft");

    private string FieldsType => NestedTypeName(_typeName, "Fields");

    private string SortType => NestedTypeName(_typeName, "SortFields");

    /// <summary>
    /// The name of a type nested in a model (<c>Draft</c>, <c>Fields</c>, <c>SortFields</c>); prefixed with <c>Model</c>
    /// when the model itself has that name, since a member cannot share its enclosing type's name.
    /// </summary>
    public static string NestedTypeName(string modelName, string baseName)
        => CSharpNaming.ToPascalCase(modelName) == baseName ? "Model" + baseName : baseName;

    private string Self => CSharpTypes.Qualified(_ns, _typeName);

    private string Prop(FieldDefinition f) => CSharpNaming.PropertyName(_typeName, f.Name);

    private IEnumerable<FieldDefinition> Stored => _fields.Where(f => f.Association is null);

    private bool IsPrimaryKey(FieldDefinition f) => _model is not null && _model.PrimaryKey.Fields.Contains(f.Name);

    private bool IsAutoId(FieldDefinition f)
        => _model is not null && !_model.PrimaryKey.IsComposite && _model.PrimaryKey.PartitionKey == f.Name
           && f.Type.Kind == TypeKind.Scalar && f.Type.Scalar is ScalarKind.ID or ScalarKind.String && !f.IsList;

    /// <summary>Foreign-key fields filled by a belongsTo/hasOne parent property, so not C# <c>required</c>.</summary>
    private HashSet<string> ForeignKeys()
    {
        var set = new HashSet<string>();
        foreach (var f in _fields)
        {
            if (f.Association is { Kind: AssociationKind.BelongsTo or AssociationKind.HasOne } a)
            {
                foreach (var t in a.TargetNames) set.Add(t);
            }
        }
        return set;
    }

    private string Emit()
    {
        Header(_w);
        using (_w.OpenBlock("namespace " + _ns))
        {
            var kind = IsModel ? "model" : "non-model (embedded) type";
            _w.Line($"/// <summary>The <c>{CSharpTypes.Xml(_typeName)}</c> {kind} generated from the GraphQL schema.</summary>");
            _w.Line(GeneratedCodeAttribute);
            var iface = IsModel
                ? $"{CSharpTypes.Runtime}.IModel<{Self}>"
                : $"{CSharpTypes.Runtime}.IEmbeddedModel<{Self}>";
            using (_w.OpenBlock($"public sealed partial record {_csName} : {iface}"))
            {
                EmitProperties();
                EmitConstructors();
                EmitEquality();
                if (IsModel)
                {
                    EmitCopyOf();
                    EmitWhere();
                    EmitSort();
                    _w.Line($"/// <inheritdoc/>");
                    _w.Line($"static {CSharpTypes.Metadata}.ModelMetadata {CSharpTypes.Runtime}.IModel<{Self}>.Metadata => global::{_ns}.AmplifyModels.{SchemaEmitter.MetadataField(_typeName)};");
                    _w.Line();
                }
                EmitWrite();
                EmitRead();
                if (IsModel)
                {
                    EmitGetFieldValue();
                    EmitConvertValue();
                    EmitWithoutParents();
                    EmitDraft();
                    EmitFields();
                    _w.Line();
                    EmitSortFields();
                }
            }
        }
        return _w.ToString();
    }

    public const string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"Amplify.DataStore.Generator\", \"0.1.0\")]";

    public static void Header(SourceWriter w)
    {
        w.Line("// <auto-generated/>");
        w.Line("// Generated by Amplify.DataStore.Generator from the project's .graphql schema. Do not edit.");
        w.Line("#nullable enable");
        w.Line();
    }
}
