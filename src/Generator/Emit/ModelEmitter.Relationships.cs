using System.Collections.Generic;
using System.Linq;
using Amplify.DataStore.Schema;

namespace Amplify.DataStore.Generator.Emit;

/// <summary>
/// Relationship navigation: the <c>@belongsTo</c> parent properties (kept only while the foreign key matches),
/// the <c>HasMany</c>/<c>HasOne</c> handles, and <c>WithoutParents</c> for the copy the store keeps.
/// </summary>
internal sealed partial class ModelEmitter
{
    private void EmitRelationshipProperty(FieldDefinition f, Association a, string name)
    {
        var related = CSharpTypes.Qualified(_ns, a.RelatedModel);
        var relatedModel = _context.FindModel(a.RelatedModel);
        switch (a.Kind)
        {
            case AssociationKind.BelongsTo:
            {
                var field = "_" + CSharpNaming.ToCamelCase(f.Name);
                _w.Line($"private readonly {related}? {field};");
                _w.Line();
                _w.Line($"/// <summary>");
                _w.Line($"/// <c>{CSharpTypes.Xml(f.Name)}</c>: the parent <c>{CSharpTypes.Xml(a.RelatedModel)}</c>. Setting it sets the foreign key ({string.Join(", ", a.TargetNames.Select(t => "<see cref=\"" + CSharpNaming.PropertyName(_typeName, t) + "\"/>"))}).");
                _w.Line($"/// Items read from the store carry only the key; this returns the instance only while its key matches.");
                _w.Line($"/// </summary>");
                var match = KeyMatch("p", a, relatedModel);
                using (_w.OpenBlock($"public {related}? {name}"))
                {
                    _w.Line($"get => {field} is {{ }} p && {match} ? p : null;");
                    using (_w.OpenBlock("init"))
                    {
                        _w.Line($"{field} = value;");
                        using (_w.OpenBlock("if (value is not null)"))
                        {
                            for (int i = 0; i < a.TargetNames.Count && relatedModel is not null; i++)
                            {
                                _w.Line($"{CSharpNaming.PropertyName(_typeName, a.TargetNames[i])} = value.{CSharpNaming.PropertyName(a.RelatedModel, relatedModel.PrimaryKey.Fields[i])};");
                            }
                        }
                    }
                }
                _w.Line();
                break;
            }
            case AssociationKind.HasMany:
            {
                var childKeys = string.Join(", ", a.AssociatedWith.Select(CSharpTypes.StringLiteral));
                var parentValues = string.Join(", ", ParentKeyFields(a).Select(k => ValueOf(k)));
                _w.Line($"/// <summary><c>{CSharpTypes.Xml(f.Name)}</c>: the <c>{CSharpTypes.Xml(a.RelatedModel)}</c> items that belong to this item (holds no data; load it with the store).</summary>");
                _w.Line($"public {CSharpTypes.Runtime}.HasMany<{related}> {name} => new(new string[] {{ {childKeys} }}, new {CSharpTypes.Runtime}.FieldValue[] {{ {parentValues} }});");
                _w.Line();
                break;
            }
            case AssociationKind.HasOne when a.TargetNames.Count == 0:
            {
                // The child holds this item's key (Amplify Gen 2 references): select it by its referencing fields.
                var childKeys = string.Join(", ", a.AssociatedWith.Select(CSharpTypes.StringLiteral));
                var values = string.Join(", ", _model!.PrimaryKey.Fields.Select(k => ValueOf(k)));
                _w.Line($"/// <summary><c>{CSharpTypes.Xml(f.Name)}</c>: the <c>{CSharpTypes.Xml(a.RelatedModel)}</c> that references this item by its key (in {string.Join(", ", a.AssociatedWith.Select(CSharpTypes.Xml))}; holds no data, load it with the store).</summary>");
                _w.Line($"public {CSharpTypes.Runtime}.HasOne<{related}> {name} => new(new string[] {{ {childKeys} }}, new {CSharpTypes.Runtime}.FieldValue[] {{ {values} }});");
                _w.Line();
                break;
            }
            case AssociationKind.HasOne:
            {
                var childKeys = string.Join(", ", (relatedModel?.PrimaryKey.Fields ?? a.AssociatedWith).Select(CSharpTypes.StringLiteral));
                var values = string.Join(", ", a.TargetNames.Select(t => ValueOf(t)));
                _w.Line($"/// <summary><c>{CSharpTypes.Xml(f.Name)}</c>: the <c>{CSharpTypes.Xml(a.RelatedModel)}</c> this item holds the key of (holds no data; load it with the store).</summary>");
                _w.Line($"public {CSharpTypes.Runtime}.HasOne<{related}> {name} => new(new string[] {{ {childKeys} }}, new {CSharpTypes.Runtime}.FieldValue[] {{ {values} }});");
                _w.Line();
                break;
            }
        }
    }

    private IEnumerable<string> ParentKeyFields(Association a)
        => a.TargetNames.Count > 0 ? a.TargetNames : _model!.PrimaryKey.Fields;

    private string KeyMatch(string parent, Association a, ModelDefinition? related)
    {
        if (related is null || a.TargetNames.Count == 0) return "true";
        var parts = new List<string>();
        for (int i = 0; i < a.TargetNames.Count && i < related.PrimaryKey.Fields.Count; i++)
        {
            var fk = _fields.FirstOrDefault(x => x.Name == a.TargetNames[i]);
            var pkName = CSharpNaming.PropertyName(a.RelatedModel, related.PrimaryKey.Fields[i]);
            var type = fk is null ? "object" : CSharpTypes.ElementTypeWithNullability(fk, _ns);
            parts.Add($"global::System.Collections.Generic.EqualityComparer<{type}>.Default.Equals({parent}.{pkName}, {CSharpNaming.PropertyName(_typeName, a.TargetNames[i])})");
        }
        return string.Join(" && ", parts);
    }

    /// <summary>
    /// For models with <c>@belongsTo</c> parents: the copy the store keeps, without the parent instances (a kept
    /// instance would be handed out again after the parent changed); models without parents use the interface default.
    /// </summary>
    private void EmitWithoutParents()
    {
        var parents = _fields.Where(f => f.Association is { Kind: AssociationKind.BelongsTo }).ToList();
        if (parents.Count == 0) return;
        var held = string.Join(" && ", parents.Select(f => $"model._{CSharpNaming.ToCamelCase(f.Name)} is null"));
        var cleared = string.Join(", ", parents.Select(f => $"{Prop(f)} = null"));
        _w.Line("/// <inheritdoc/>");
        _w.Line($"static {Self} {CSharpTypes.Runtime}.IModel<{Self}>.WithoutParents({Self} model) => {held} ? model : model with {{ {cleared} }};");
        _w.Line();
    }
}
