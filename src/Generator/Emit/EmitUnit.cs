using Amplify.DataStore.Schema;

namespace Amplify.DataStore.Generator.Emit;

/// <summary>
/// One generated file's input: the type to emit plus only the schema context it needs (itself and the models it
/// relates to), so editing one type re-emits that type and its neighbours, not every file.
/// </summary>
internal sealed record EmitUnit(EmitKind Kind, string Name, string Namespace, SchemaModel Context)
{
    public string HintName => Kind == EmitKind.Schema ? "AmplifyModels.g.cs" : Name + ".g.cs";
}
