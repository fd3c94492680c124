namespace Amplify.DataStore.Schema;

/// <summary>The validated, merged schema of one project: models, non-models, enums and the version hash.</summary>
/// <param name="Models">The <c>@model</c> types (join models included), sorted by name.</param>
/// <param name="NonModels">Non-model types, sorted by name.</param>
/// <param name="Enums">Enums, sorted by name.</param>
/// <param name="Version">The schema-version hash (see <see cref="SchemaVersion"/>).</param>
public sealed record SchemaModel(
    EquatableArray<ModelDefinition> Models,
    EquatableArray<NonModelDefinition> NonModels,
    EquatableArray<EnumDefinition> Enums,
    string Version)
{
    /// <summary>Finds a model by name.</summary>
    public ModelDefinition? FindModel(string name)
    {
        foreach (var m in Models) if (m.Name == name) return m;
        return null;
    }

    /// <summary>Finds a non-model type by name.</summary>
    public NonModelDefinition? FindNonModel(string name)
    {
        foreach (var m in NonModels) if (m.Name == name) return m;
        return null;
    }

    /// <summary>Finds an enum by name.</summary>
    public EnumDefinition? FindEnum(string name)
    {
        foreach (var e in Enums) if (e.Name == name) return e;
        return null;
    }
}
