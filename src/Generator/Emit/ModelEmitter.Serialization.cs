using System.Linq;
using Amplify.DataStore.Schema;

namespace Amplify.DataStore.Generator.Emit;

/// <summary>Reflection-free <c>Write</c> and <c>Read</c> through <c>IModelWriter</c> and <c>IModelReader</c>.</summary>
internal sealed partial class ModelEmitter
{
    private void EmitWrite()
    {
        var iface = IsModel ? $"{CSharpTypes.Runtime}.IModel<{Self}>" : $"{CSharpTypes.Runtime}.IEmbeddedModel<{Self}>";
        _w.Line("/// <inheritdoc/>");
        using (_w.OpenBlock($"static void {iface}.Write({Self} model, {CSharpTypes.Serialization}.IModelWriter writer)"))
        {
            _w.Line("global::System.ArgumentNullException.ThrowIfNull(model);");
            _w.Line("writer.WriteStartObject();");
            foreach (var f in Stored)
            {
                _w.Line($"writer.WritePropertyName({CSharpTypes.StringLiteral(f.Name)});");
                var access = "model." + Prop(f);
                if (f.IsList)
                {
                    using (_w.OpenBlock($"if ({access} is {{ }} {Local(f)})"))
                    {
                        _w.Line("writer.WriteStartArray();");
                        using (_w.OpenBlock($"foreach (var item in {Local(f)})"))
                        {
                            WriteValue(f, "item", f.IsRequired, "element");
                        }
                        _w.Line("writer.WriteEndArray();");
                    }
                    using (_w.OpenBlock("else"))
                    {
                        _w.Line(f.IsListRequired ? MissingRequired(f, "null") : "writer.WriteNull();");
                    }
                }
                else
                {
                    WriteValue(f, access, f.IsRequired && !IsForeignKeyOrReadOnly(f), "w_" + f.Name);
                }
            }
            _w.Line("writer.WriteEndObject();");
        }
        _w.Line();
    }

    private bool IsForeignKeyOrReadOnly(FieldDefinition f) => f.IsReadOnly || ForeignKeys().Contains(f.Name);

    private string MissingRequired(FieldDefinition f, string path)
        => $"throw {CSharpTypes.Serialization}.ModelSerializationException.MissingRequired({CSharpTypes.StringLiteral(_typeName)}, {CSharpTypes.StringLiteral(f.Name)}{(path == "null" ? "" : ", " + path)});";

    /// <summary>Writes one value; <paramref name="trustNonNull"/> skips the null check for non-null value types.</summary>
    private void WriteValue(FieldDefinition f, string expr, bool trustNonNull, string variable)
    {
        if (trustNonNull && CSharpTypes.IsValueType(f))
        {
            _w.Line(CSharpTypes.WriteElement(f, _ns, expr));
            return;
        }
        // Reference types can still be null at run time (e.g. a required FK never set): write null only when allowed.
        using (_w.OpenBlock($"if ({expr} is {{ }} {variable})"))
        {
            _w.Line(CSharpTypes.WriteElement(f, _ns, variable));
        }
        using (_w.OpenBlock("else"))
        {
            _w.Line(f.IsRequired && !f.IsList ? MissingRequired(f, "null") : "writer.WriteNull();");
        }
    }

    private static string Local(FieldDefinition f) => "v_" + f.Name;

    private void EmitRead()
    {
        var iface = IsModel ? $"{CSharpTypes.Runtime}.IModel<{Self}>" : $"{CSharpTypes.Runtime}.IEmbeddedModel<{Self}>";
        var stored = Stored.ToList();
        _w.Line("/// <inheritdoc/>");
        using (_w.OpenBlock($"static {Self} {iface}.Read({CSharpTypes.Serialization}.IModelReader reader)"))
        {
            _w.Line("global::System.ArgumentNullException.ThrowIfNull(reader);");
            foreach (var f in stored)
            {
                var type = f.IsList
                    ? $"{CSharpTypes.Runtime}.ValueList<{CSharpTypes.ElementTypeWithNullability(f, _ns)}>?"
                    : CSharpTypes.ElementType(f, _ns) + "?";
                var init = !f.IsList && CSharpTypes.DefaultLiteral(f, _ns) is { } lit && !IsAutoId(f) ? lit : "null";
                _w.Line($"{type} {Local(f)} = {init};");
            }
            _w.Line("reader.ReadStartObject();");
            using (_w.OpenBlock("while (reader.TryReadPropertyName(out var name))"))
            {
                using (_w.OpenBlock("switch (name)"))
                {
                    foreach (var f in stored)
                    {
                        _w.Line($"case {CSharpTypes.StringLiteral(f.Name)}:");
                        _w.Indent();
                        if (f.IsList)
                        {
                            _w.Line($"if (reader.TryReadNull()) {{ {Local(f)} = null; break; }}");
                            using (_w.OpenBraces())
                            {
                                _w.Line($"var items = new global::System.Collections.Generic.List<{CSharpTypes.ElementTypeWithNullability(f, _ns)}>();");
                                _w.Line("reader.ReadStartArray();");
                                using (_w.OpenBlock("while (reader.HasNextItem())"))
                                {
                                    var onNull = f.IsRequired
                                        ? $"throw {CSharpTypes.Serialization}.ModelSerializationException.MissingRequired({CSharpTypes.StringLiteral(_typeName)}, {CSharpTypes.StringLiteral(f.Name + "[]")}, reader.Path)"
                                        : "null";
                                    _w.Line($"items.Add(reader.TryReadNull() ? {onNull} : {CSharpTypes.ReadElement(f, _ns, _typeName)});");
                                }
                                _w.Line($"{Local(f)} = {CSharpTypes.Runtime}.ValueList.From(items);");
                            }
                        }
                        else
                        {
                            _w.Line($"{Local(f)} = reader.TryReadNull() ? null : {CSharpTypes.ReadElement(f, _ns, _typeName)};");
                        }
                        _w.Line("break;");
                        _w.Unindent();
                    }
                    _w.Line("default:");
                    _w.Line("    reader.Skip();");
                    _w.Line("    break;");
                }
            }
            _w.Line(_fields.Any(IsAutoId) ? $"return new {Self}(reader)" : $"return new {Self}");
            _w.Line("{");
            _w.Indent();
            foreach (var f in stored)
            {
                var mustHave = f.IsValueRequired && !f.IsReadOnly;
                var value = mustHave
                    ? $"{Local(f)} ?? throw {CSharpTypes.Serialization}.ModelSerializationException.MissingRequired({CSharpTypes.StringLiteral(_typeName)}, {CSharpTypes.StringLiteral(f.Name)})"
                    : Local(f);
                _w.Line($"{Prop(f)} = {value},");
            }
            _w.Unindent();
            _w.Line("};");
        }
        _w.Line();
    }
}
