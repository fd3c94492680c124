namespace Amplify.DataStore.Schema;

/// <summary>A non-model (embedded) object type, stored inside the models that use it.</summary>
/// <param name="Name">The GraphQL type name.</param>
/// <param name="Fields">Its fields.</param>
public sealed record NonModelDefinition(string Name, EquatableArray<FieldDefinition> Fields);
