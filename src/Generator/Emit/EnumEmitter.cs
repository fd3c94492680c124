using System.Linq;
using Amplify.DataStore.Schema;

namespace Amplify.DataStore.Generator.Emit;

/// <summary>Emits a C# enum with PascalCase members plus a <c>…Wire</c> class mapping them to GraphQL wire names.</summary>
internal static class EnumEmitter
{
    public static string Emit(EmitUnit unit)
    {
        var e = unit.Context.FindEnum(unit.Name)!;
        var cs = CSharpNaming.TypeName(e.Name);
        var self = CSharpTypes.Qualified(unit.Namespace, e.Name);
        var w = new SourceWriter();
        ModelEmitter.Header(w);
        using (w.OpenBlock("namespace " + unit.Namespace))
        {
            w.Line($"/// <summary>The <c>{CSharpTypes.Xml(e.Name)}</c> enum; members keep their GraphQL wire names (see <see cref=\"{cs.TrimStart('@')}Wire\"/>).</summary>");
            w.Line(ModelEmitter.GeneratedCodeAttribute);
            using (w.OpenBlock("public enum " + cs))
            {
                foreach (var v in e.Values)
                {
                    w.Line($"/// <summary>Wire name <c>{CSharpTypes.Xml(v)}</c>.</summary>");
                    w.Line(CSharpNaming.Escape(CSharpNaming.EnumMemberName(v)) + ",");
                }
            }
            w.Line();
            w.Line($"/// <summary>Converts <see cref=\"{cs.TrimStart('@')}\"/> to and from its GraphQL wire names.</summary>");
            w.Line(ModelEmitter.GeneratedCodeAttribute);
            using (w.OpenBlock($"public static class {cs.TrimStart('@')}Wire"))
            {
                w.Line("/// <summary>The wire name of <paramref name=\"value\"/>.</summary>");
                w.Line("/// <param name=\"value\">The enum value.</param>");
                w.Line("/// <returns>The GraphQL enum value as written in the schema.</returns>");
                using (w.OpenBlock($"public static string ToWireName(this {self} value) => value switch", "};"))
                {
                    foreach (var v in e.Values) w.Line($"{self}.{CSharpNaming.Escape(CSharpNaming.EnumMemberName(v))} => {CSharpTypes.StringLiteral(v)},");
                    w.Line($"_ => throw new global::System.ArgumentOutOfRangeException(nameof(value), value, \"Not a defined {CSharpTypes.Xml(e.Name)} value.\"),");
                }
                w.Line();
                w.Line("/// <summary>Parses a wire name.</summary>");
                w.Line("/// <param name=\"wireName\">The GraphQL enum value.</param>");
                w.Line("/// <param name=\"value\">The enum value, when the name is known.</param>");
                w.Line("/// <returns>True when <paramref name=\"wireName\"/> is a value of the enum.</returns>");
                using (w.OpenBlock($"public static bool TryFromWireName(string? wireName, out {self} value)"))
                {
                    using (w.OpenBlock("switch (wireName)"))
                    {
                        foreach (var v in e.Values)
                        {
                            w.Line($"case {CSharpTypes.StringLiteral(v)}: value = {self}.{CSharpNaming.Escape(CSharpNaming.EnumMemberName(v))}; return true;");
                        }
                        w.Line("default: value = default; return false;");
                    }
                }
                w.Line();
                var expected = string.Join(", ", e.Values.Select(v => v));
                w.Line("/// <summary>Parses a wire name or throws <see cref=\"global::System.FormatException\"/> listing the valid names.</summary>");
                w.Line("/// <param name=\"wireName\">The GraphQL enum value.</param>");
                w.Line("/// <returns>The enum value.</returns>");
                w.Line($"public static {self} FromWireName(string wireName) => TryFromWireName(wireName, out var value) ? value");
                w.Line($"    : throw new global::System.FormatException(\"'\" + wireName + \"' is not a value of enum {e.Name} (expected {expected}).\");");
                w.Line();
                w.Line("/// <summary>Reads a wire name for a model field, naming the field when the value is unknown.</summary>");
                w.Line("/// <param name=\"reader\">The reader positioned at the value.</param>");
                w.Line("/// <param name=\"typeName\">The model or embedded type being read.</param>");
                w.Line("/// <param name=\"fieldName\">The field being read.</param>");
                w.Line("/// <returns>The enum value.</returns>");
                using (w.OpenBlock($"public static {self} Read({CSharpTypes.Serialization}.IModelReader reader, string typeName, string fieldName)"))
                {
                    w.Line("var path = reader.Path;");
                    w.Line("var wire = reader.ReadString();");
                    w.Line("return TryFromWireName(wire, out var value) ? value");
                    w.Line($"    : throw {CSharpTypes.Serialization}.ModelSerializationException.InvalidValue(typeName, fieldName, \"'\" + wire + \"' is not a value of enum {e.Name} (expected {expected}).\", path);");
                }
            }
        }
        return w.ToString();
    }
}
