using System.Collections.Generic;
using System.Linq;
using Amplify.DataStore.Schema;

namespace Amplify.DataStore.Generator.Emit;

/// <summary>Value equality and hash code over the stored fields, and <c>CopyOf</c> with its mutable <c>Draft</c>.</summary>
internal sealed partial class ModelEmitter
{
    private void EmitEquality()
    {
        var stored = Stored.ToList();
        _w.Line("/// <summary>Value equality over the stored fields (navigation properties are not compared).</summary>");
        using (_w.OpenBlock($"public bool Equals({Self}? other)"))
        {
            _w.Line("if (ReferenceEquals(this, other)) return true;");
            _w.Line("if (other is null) return false;");
            if (stored.Count == 0)
            {
                _w.Line("return true;");
            }
            else
            {
                _w.Line("return");
                _w.Indent();
                for (int i = 0; i < stored.Count; i++)
                {
                    var f = stored[i];
                    var type = CSharpTypes.PropertyType(f, _ns);
                    var end = i == stored.Count - 1 ? ";" : " &&";
                    _w.Line($"global::System.Collections.Generic.EqualityComparer<{type}>.Default.Equals({Prop(f)}, other.{Prop(f)}){end}");
                }
                _w.Unindent();
            }
        }
        _w.Line();
        _w.Line("/// <summary>A hash code consistent with <see cref=\"Equals(" + _csName.TrimStart('@') + "?)\"/>.</summary>");
        using (_w.OpenBlock("public override int GetHashCode()"))
        {
            _w.Line("var hash = new global::System.HashCode();");
            foreach (var f in stored) _w.Line($"hash.Add({Prop(f)});");
            _w.Line("return hash.ToHashCode();");
        }
        _w.Line();
    }

    private IEnumerable<FieldDefinition> DraftFields()
        => _fields.Where(f => !IsPrimaryKey(f) && !f.IsReadOnly && (f.Association is null || f.Association.Kind == AssociationKind.BelongsTo));

    private void EmitCopyOf()
    {
        _w.Line($"/// <summary>");
        _w.Line($"/// Copies <paramref name=\"original\"/>, letting <paramref name=\"mutate\"/> change any field except the primary key");
        _w.Line($"/// (the draft exposes the key read-only). <c>with</c> expressions work as well.");
        _w.Line($"/// </summary>");
        _w.Line($"/// <param name=\"original\">The item to copy.</param>");
        _w.Line($"/// <param name=\"mutate\">Changes applied to the copy.</param>");
        _w.Line($"/// <returns>A new item; <paramref name=\"original\"/> is unchanged.</returns>");
        using (_w.OpenBlock($"public static {Self} CopyOf({Self} original, global::System.Action<{DraftType}> mutate)"))
        {
            _w.Line("global::System.ArgumentNullException.ThrowIfNull(original);");
            _w.Line("global::System.ArgumentNullException.ThrowIfNull(mutate);");
            _w.Line($"var draft = new {DraftType}(original);");
            _w.Line("mutate(draft);");
            _w.Line("return draft.Build();");
        }
        _w.Line();
    }

    private void EmitDraft()
    {
        _w.Line($"/// <summary>A mutable copy of a <c>{CSharpTypes.Xml(_typeName)}</c> used by <see cref=\"CopyOf\"/>; the primary key is read-only.</summary>");
        _w.Line(GeneratedCodeAttribute);
        using (_w.OpenBlock($"public sealed class {DraftType}"))
        {
            _w.Line($"private readonly {Self} _original;");
            _w.Line();
            using (_w.OpenBlock($"internal {DraftType}({Self} original)"))
            {
                _w.Line("_original = original;");
                foreach (var f in DraftFields()) _w.Line($"{Prop(f)} = original.{Prop(f)};");
            }
            _w.Line();
            foreach (var f in _model!.PrimaryKey.Fields.Select(n => _fields.First(x => x.Name == n)))
            {
                _w.Line($"/// <summary>The primary-key field <c>{CSharpTypes.Xml(f.Name)}</c> (read-only: a copy keeps its identity).</summary>");
                _w.Line($"public {CSharpTypes.PropertyType(f, _ns)} {Prop(f)} => _original.{Prop(f)};");
                _w.Line();
            }
            foreach (var f in DraftFields())
            {
                if (f.Association is { } a)
                {
                    var related = CSharpTypes.Qualified(_ns, a.RelatedModel);
                    var relatedModel = _context.FindModel(a.RelatedModel);
                    var backing = "_" + CSharpNaming.ToCamelCase(f.Name);
                    _w.Line($"private {related}? {backing};");
                    _w.Line();
                    _w.Line($"/// <summary>The parent <c>{CSharpTypes.Xml(a.RelatedModel)}</c>; setting it sets the foreign key.</summary>");
                    using (_w.OpenBlock($"public {related}? {Prop(f)}"))
                    {
                        _w.Line($"get => {backing};");
                        using (_w.OpenBlock("set"))
                        {
                            _w.Line($"{backing} = value;");
                            using (_w.OpenBlock("if (value is not null)"))
                            {
                                for (int i = 0; i < a.TargetNames.Count && relatedModel is not null; i++)
                                {
                                    _w.Line($"{CSharpNaming.PropertyName(_typeName, a.TargetNames[i])} = value.{CSharpNaming.PropertyName(a.RelatedModel, relatedModel.PrimaryKey.Fields[i])};");
                                }
                            }
                        }
                    }
                }
                else
                {
                    _w.Line($"/// <summary><c>{CSharpTypes.Xml(f.Name)}: {CSharpTypes.Xml(CSharpTypes.GraphQLType(f))}</c>.</summary>");
                    _w.Line($"public {CSharpTypes.PropertyType(f, _ns)} {Prop(f)} {{ get; set; }}");
                }
                _w.Line();
            }
            // Parents go first so that an explicitly edited foreign key (assigned after) wins.
            var ordered = DraftFields().OrderBy(f => f.Association is null ? 1 : 0).ToList();
            var assignments = string.Join(", ", ordered.Select(f => $"{Prop(f)} = {Prop(f)}"));
            _w.Line($"internal {Self} Build() => _original with {{ {assignments} }};");
        }
        _w.Line();
    }
}
