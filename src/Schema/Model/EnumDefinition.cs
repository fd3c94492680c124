namespace Amplify.DataStore.Schema;

/// <summary>A GraphQL enum and its wire values, in declaration order.</summary>
/// <param name="Name">The GraphQL enum name.</param>
/// <param name="Values">The values as written in the schema (the wire names).</param>
public sealed record EnumDefinition(string Name, EquatableArray<string> Values);
