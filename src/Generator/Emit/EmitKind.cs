namespace Amplify.DataStore.Generator.Emit;

/// <summary>What one generated file contains.</summary>
internal enum EmitKind
{
    Model,
    NonModel,
    Enum,
    Schema,
}
