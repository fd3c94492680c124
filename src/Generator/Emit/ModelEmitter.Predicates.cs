using System.Collections.Generic;
using System.Linq;
using Amplify.DataStore.PredicateOperators;
using Amplify.DataStore.Schema;

namespace Amplify.DataStore.Generator.Emit;

/// <summary>The typed query builders: <c>Where</c> with the <c>Fields</c> predicate handles, and <c>Sort</c> with <c>SortFields</c>.</summary>
internal sealed partial class ModelEmitter
{
    private void EmitWhere()
    {
        _w.Line($"/// <summary>Builds a typed predicate over <c>{CSharpTypes.Xml(_typeName)}</c>, e.g. <c>{_csName.TrimStart('@')}.Where(x =&gt; x.Id.Eq(id))</c>.</summary>");
        _w.Line($"/// <param name=\"build\">Combines field conditions with <c>&amp;</c>, <c>|</c> and <c>!</c>.</param>");
        _w.Line($"/// <returns>The predicate.</returns>");
        using (_w.OpenBlock($"public static {CSharpTypes.Runtime}.Predicate<{Self}> Where(global::System.Func<{FieldsType}<{Self}>, {CSharpTypes.Runtime}.Predicate<{Self}>> build)"))
        {
            _w.Line("global::System.ArgumentNullException.ThrowIfNull(build);");
            _w.Line($"return build({FieldsType}<{Self}>.Root);");
        }
        _w.Line();
    }

    private IEnumerable<FieldDefinition> SortableFields()
        => Stored.Where(f => !f.IsList && f.Type.Kind is TypeKind.Scalar or TypeKind.Enum && f.Type.Scalar != ScalarKind.AWSJSON);

    private void EmitSort()
    {
        _w.Line($"/// <summary>Builds a sort order, e.g. <c>{_csName.TrimStart('@')}.Sort(s =&gt; s.Id.Ascending())</c>; keys chain most significant first.</summary>");
        _w.Line($"/// <param name=\"build\">Picks fields and directions.</param>");
        _w.Line($"/// <returns>The sort order.</returns>");
        using (_w.OpenBlock($"public static {CSharpTypes.Sorting}.SortOrder<{Self}> Sort(global::System.Func<{SortType}, {SortType}> build)"))
        {
            _w.Line("global::System.ArgumentNullException.ThrowIfNull(build);");
            _w.Line($"return build({SortType}.Empty).ToSortOrder();");
        }
        _w.Line();
    }

    private void EmitSortFields()
    {
        _w.Line($"/// <summary>The sortable fields of <c>{CSharpTypes.Xml(_typeName)}</c>.</summary>");
        _w.Line(GeneratedCodeAttribute);
        using (_w.OpenBlock($"public sealed class {SortType} : {CSharpTypes.Sorting}.SortBuilder<{Self}, {SortType}>"))
        {
            _w.Line($"internal static readonly {SortType} Empty = new(global::System.Array.Empty<{CSharpTypes.Sorting}.SortClause>());");
            _w.Line();
            _w.Line($"private {SortType}({CSharpTypes.Sorting}.SortClause[] clauses) : base(clauses) {{ }}");
            _w.Line();
            _w.Line("/// <inheritdoc/>");
            _w.Line($"protected override {SortType} With({CSharpTypes.Sorting}.SortClause[] clauses) => new(clauses);");
            foreach (var f in SortableFields())
            {
                _w.Line();
                _w.Line($"/// <summary>Sort by <c>{CSharpTypes.Xml(f.Name)}</c>.</summary>");
                _w.Line($"public {CSharpTypes.Sorting}.SortField<{Self}, {SortType}> {Prop(f)} => Field({CSharpTypes.StringLiteral(f.Name)});");
            }
        }
    }

    private void EmitFields()
    {
        _w.Line($"/// <summary>The fields of <c>{CSharpTypes.Xml(_typeName)}</c> as predicate handles; each offers only the operators valid for its type.</summary>");
        _w.Line($"/// <typeparam name=\"TRoot\">The model the predicate is over (differs when reached through a <c>@belongsTo</c> parent).</typeparam>");
        _w.Line(GeneratedCodeAttribute);
        _w.Line($"public sealed class {FieldsType}<TRoot>");
        _w.Line($"    where TRoot : class, {CSharpTypes.Runtime}.IModel<TRoot>");
        using (_w.OpenBraces())
        {
            _w.Line($"internal static readonly {FieldsType}<TRoot> Root = new({CSharpTypes.Predicates}.FieldPath.Root);");
            _w.Line();
            _w.Line($"private readonly {CSharpTypes.Predicates}.FieldPath _path;");
            _w.Line();
            _w.Line($"internal {FieldsType}({CSharpTypes.Predicates}.FieldPath path) => _path = path;");
            foreach (var f in _fields)
            {
                if (FieldHandle(f) is not { } handle) continue;
                _w.Line();
                _w.Line($"/// <summary><c>{CSharpTypes.Xml(f.Name)}: {CSharpTypes.Xml(CSharpTypes.GraphQLType(f))}</c>.</summary>");
                _w.Line($"public {handle.Type} {Prop(f)} => new({handle.Args});");
            }
        }
    }

    /// <summary>The predicate handle type and constructor arguments for a field, or null when it has none.</summary>
    private (string Type, string Args)? FieldHandle(FieldDefinition f)
    {
        var path = $"_path.Append({CSharpTypes.StringLiteral(f.Name)})";
        if (f.Association is { } a)
        {
            // Nested predicates go through belongsTo parents only (c => c.Post.Id.Eq(id)).
            return a.Kind == AssociationKind.BelongsTo
                ? ($"{CSharpTypes.Qualified(_ns, a.RelatedModel)}.{NestedTypeName(a.RelatedModel, "Fields")}<TRoot>", path)
                : null;
        }
        var category = (OperatorCategory)PredicateOperatorRules.CategoryOf(f);
        if (OperatorTable.HandleTypeName(category) is not { } handle) return null;
        if (category == OperatorCategory.Text) return ($"{CSharpTypes.Predicates}.{handle}<TRoot>", path);
        var elem = CSharpTypes.ElementType(f, _ns);
        var convert = "static v => " + CSharpTypes.ToFieldValue(f, _ns, "v");
        return ($"{CSharpTypes.Predicates}.{handle}<TRoot, {elem}>", path + ", " + convert);
    }
}
