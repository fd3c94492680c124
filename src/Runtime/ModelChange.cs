using Amplify.DataStore.Metadata;

namespace Amplify.DataStore;

/// <summary>One change to an item of <typeparamref name="T"/>, as delivered by <c>Observe</c>.</summary>
/// <typeparam name="T">The model type.</typeparam>
/// <param name="Model">The model's metadata (its <c>ToString()</c> is the model name).</param>
/// <param name="OpType">Insert, update or delete.</param>
/// <param name="Element">The item after the change (for deletes: the deleted item).</param>
public sealed record ModelChange<T>(ModelMetadata Model, OpType OpType, T Element)
    where T : class, IModel<T>
{
    /// <summary>The model's GraphQL name.</summary>
    public string ModelName => Model.Name;

    /// <summary>Whether the change was made through this store or received from the cloud.</summary>
    public ChangeOrigin Origin { get; init; }
}
