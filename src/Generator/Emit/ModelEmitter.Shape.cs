using System.Linq;
using Amplify.DataStore.Schema;

namespace Amplify.DataStore.Generator.Emit;

/// <summary>The record's shape: its stored-field properties (with their docs) and, with a generated ID, its constructors.</summary>
internal sealed partial class ModelEmitter
{
    /// <summary>
    /// With a generated ID: the public constructor makes a new UUID, and the one <c>Read</c> uses does not (the stored
    /// ID follows in its initializer), so reading an item back never makes a throwaway UUID.
    /// </summary>
    private void EmitConstructors()
    {
        if (_fields.FirstOrDefault(IsAutoId) is not { } id) return;
        var name = Prop(id);
        _w.Line($"/// <summary>Creates a <c>{CSharpTypes.Xml(_typeName)}</c> whose <see cref=\"{name}\"/> is a new UUID unless the initializer sets it.</summary>");
        _w.Line($"public {_csName}() => this.{name} = {CSharpTypes.Runtime}.ModelId.NewId();");
        _w.Line();
        _w.Line($"// For Read, which sets the stored {name} itself.");
        _w.Line($"private {_csName}({CSharpTypes.Serialization}.IModelReader reader) => this.{name} = null!;");
        _w.Line();
    }

    private void EmitProperties()
    {
        var fks = ForeignKeys();
        foreach (var f in _fields)
        {
            var name = Prop(f);
            if (f.Association is { } a)
            {
                EmitRelationshipProperty(f, a, name);
                continue;
            }
            var type = CSharpTypes.PropertyType(f, _ns);
            var doc = $"<c>{CSharpTypes.Xml(f.Name)}: {CSharpTypes.Xml(CSharpTypes.GraphQLType(f))}</c>";
            if (IsAutoId(f))
            {
                _w.Line($"/// <summary>{doc}, the primary key. A new UUID when not set; <c>CopyOf</c> never changes it.</summary>");
                _w.Line($"public {type} {name} {{ get; init; }}");
            }
            else if (f.IsReadOnly)
            {
                _w.Line($"/// <summary>{doc}, set by the store and the server; read-only to callers.</summary>");
                _w.Line($"public {type} {name} {{ get; private init; }}");
            }
            else if (fks.Contains(f.Name))
            {
                _w.Line($"/// <summary>{doc}, a foreign key; setting the related model's property sets it too.</summary>");
                var init = f.IsValueRequired && !CSharpTypes.IsValueType(f) || f.IsList && f.IsListRequired ? " = null!;" : "";
                _w.Line($"public {type} {name} {{ get; init; }}{init}");
            }
            else if (CSharpTypes.DefaultLiteral(f, _ns) is { } literal)
            {
                _w.Line($"/// <summary>{doc}, default <c>{CSharpTypes.Xml(f.DefaultValue!)}</c>.</summary>");
                _w.Line($"public {type} {name} {{ get; init; }} = {literal};");
            }
            else
            {
                var pk = IsPrimaryKey(f) ? ", part of the primary key" : "";
                _w.Line($"/// <summary>{doc}{pk}.</summary>");
                var required = f.IsValueRequired ? "required " : "";
                _w.Line($"public {required}{type} {name} {{ get; init; }}");
            }
            _w.Line();
        }
    }
}
