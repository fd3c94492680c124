using System.Linq;
using Amplify.DataStore.Schema;

namespace Amplify.DataStore.Generator.Emit;

/// <summary>
/// Field values by name for the store (<c>GetFieldValue</c>, <c>ConvertValue</c>) and the <c>FieldValue</c>
/// expressions they and the relationship handles are built from.
/// </summary>
internal sealed partial class ModelEmitter
{
    /// <summary>A FieldValue expression for one of this type's stored fields.</summary>
    private string ValueOf(string fieldName, string target = "this")
    {
        var f = _fields.FirstOrDefault(x => x.Name == fieldName);
        if (f is null) return CSharpTypes.Runtime + ".FieldValue.Null";
        return FieldValueExpr(f, target + "." + Prop(f));
    }

    private string FieldValueExpr(FieldDefinition f, string access)
    {
        if (f.IsList)
        {
            var elem = CSharpTypes.ElementTypeWithNullability(f, _ns);
            var conv = f.IsRequired || !CSharpTypes.IsValueType(f)
                ? (f.IsRequired ? CSharpTypes.ToFieldValue(f, _ns, "v") : $"v is null ? {CSharpTypes.Runtime}.FieldValue.Null : {CSharpTypes.ToFieldValue(f, _ns, "v")}")
                : $"v is {{ }} x ? {CSharpTypes.ToFieldValue(f, _ns, "x")} : {CSharpTypes.Runtime}.FieldValue.Null";
            return $"{CSharpTypes.Runtime}.FieldValue.FromList<{elem}>({access}, static v => {conv})";
        }
        if (f.Type.Kind == TypeKind.Enum)
        {
            return f.IsRequired
                ? CSharpTypes.ToFieldValue(f, _ns, access)
                : $"({access} is {{ }} e ? {CSharpTypes.ToFieldValue(f, _ns, "e")} : {CSharpTypes.Runtime}.FieldValue.Null)";
        }
        return CSharpTypes.ToFieldValue(f, _ns, access);
    }

    private void EmitGetFieldValue()
    {
        _w.Line("/// <inheritdoc/>");
        using (_w.OpenBlock($"static {CSharpTypes.Runtime}.FieldValue {CSharpTypes.Runtime}.IModel<{Self}>.GetFieldValue({Self} model, string fieldName)"))
        {
            _w.Line("global::System.ArgumentNullException.ThrowIfNull(model);");
            _w.Line("return fieldName switch");
            _w.Line("{");
            _w.Indent();
            foreach (var f in _fields)
            {
                var expr = f.Association is not null
                    ? CSharpTypes.Runtime + ".FieldValue.Null" // relationships are navigations, not stored values
                    : FieldValueExpr(f, "model." + Prop(f));
                _w.Line($"{CSharpTypes.StringLiteral(f.Name)} => {expr},");
            }
            _w.Line($"_ => throw new global::System.ArgumentException(\"Model '{_typeName}' has no field '\" + fieldName + \"'.\", nameof(fieldName)),");
            _w.Unindent();
            _w.Line("};");
        }
        _w.Line();
    }

    private void EmitConvertValue()
    {
        _w.Line("/// <inheritdoc/>");
        using (_w.OpenBlock($"static {CSharpTypes.Runtime}.FieldValue {CSharpTypes.Runtime}.IModel<{Self}>.ConvertValue(string fieldName, object? value)"))
        {
            _w.Line("if (value is null) return " + CSharpTypes.Runtime + ".FieldValue.Null;");
            _w.Line("return fieldName switch");
            _w.Line("{");
            _w.Indent();
            foreach (var f in Stored)
            {
                // List fields convert one element (the operand of Contains/NotContains).
                var cast = $"(({CSharpTypes.ElementType(f, _ns)})value)";
                _w.Line($"{CSharpTypes.StringLiteral(f.Name)} => {CSharpTypes.ToFieldValue(f, _ns, cast)},");
            }
            _w.Line($"_ => throw new global::System.ArgumentException(\"Model '{_typeName}' has no stored field '\" + fieldName + \"'.\", nameof(fieldName)),");
            _w.Unindent();
            _w.Line("};");
        }
        _w.Line();
    }
}
